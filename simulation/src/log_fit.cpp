#include "recoscope/sim/log_fit.h"

#include "recoscope/sim/log_store.h"
#include "recoscope/sim/run_store.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace recoscope::sim {

namespace {

// What the `default` scenario (run with `popularity`, seed 1, its whole week of 249,825
// events) shows through EventProfile when its events are read back as a log: the
// reference each first-order estimator is taken against. Measured on 2026-11-30 with
// `recoscope-cli run --scenario default --recommender popularity --seed 1 --db r.db`, the
// run's events written as CSV, `import` and `report --log`; tst_log_fit's round trip on a
// different shop fails when the simulator drifts away from them.
namespace ref {
// The scenario's own values ...
constexpr double kSessionsPerDay = 6000.0;
constexpr double kContinue = 0.8;
constexpr double kStepSeconds = 40.0;
constexpr double kQualitySigma = 0.8;
constexpr double kActivityAlpha = 1.2;
constexpr double kCartOffset = -3.65;
constexpr double kPurchaseOffset = -4.0;
constexpr double kFavouriteOffset = -3.0;
constexpr double kCartRemove = 0.1;
// ... and what its run shows.
constexpr double kVisitsPerDay = 5139.6;  // engine sessions merge at 30-minute gaps
constexpr double kEventsPerVisit = 6.944; // 1.39 events per step
constexpr double kMeanGapSeconds = 97.27; // steps without events stretch the gaps
constexpr double kViewToCart = 0.03025;
constexpr double kCartToPurchase = 0.3360;
constexpr double kFavouritePerView = 0.05208;
constexpr double kItemGini = 0.7642;   // of events per item: the core and affinity add spread
constexpr double kUserRateCv2 = 1.971; // merged visits of the most active users damp it
} // namespace ref

bool defined(double v) {
    return std::isfinite(v);
}

// The sigma of the log-normal whose Gini is g: G = 2 Phi(sigma / sqrt 2) - 1 (Aitchison and
// Brown), solved by bisection; Phi(x) = erfc(-x / sqrt 2) / 2.
double giniToSigma(double g) {
    if (!defined(g) || g <= 0.0)
        return defined(g) ? 0.0 : g;
    if (g >= 1.0)
        return 20.0;
    double lo = 0.0, hi = 20.0;
    for (int i = 0; i < 200; ++i) {
        const double mid = (lo + hi) / 2.0;
        (std::erfc(-mid / 2.0) - 1.0 < g ? lo : hi) = mid;
    }
    return (lo + hi) / 2.0;
}

// A rate of 0 or 1 has an infinite logit: kept finite (and far outside any offset's range)
// so that the writer reports the nearest valid offset instead of dropping the estimate.
double logit(double p) {
    p = std::clamp(p, 1e-12, 1.0 - 1e-12);
    return std::log(p / (1.0 - p));
}

QJsonValue json(double v) {
    return defined(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonArray jsonArray(const std::vector<double>& v) {
    QJsonArray a;
    for (double x : v)
        a.append(json(x));
    return a;
}

// Collects the fields and notes as the mapping sets them.
class Writer {
public:
    explicit Writer(FitResult& r) : m_r(r) {}

    // Writes `estimate` into `target` within [lo, hi] (rounded when `whole`); an undefined
    // estimate keeps the default with `undefinedWhy`.
    void real(const QString& path, double estimate, double lo, double hi, double& target,
              const QString& source, const QString& undefinedWhy = {}, bool whole = false) {
        FitField f{path, json(estimate), {}, source, {}};
        if (!defined(estimate)) {
            f.note = QStringLiteral("not defined by this log (%1): the default %2 is kept")
                         .arg(undefinedWhy.isEmpty() ? QStringLiteral("no data") : undefinedWhy)
                         .arg(target);
        } else {
            double v = whole ? std::round(estimate) : estimate;
            if (v < lo || v > hi) {
                v = std::clamp(v, lo, hi);
                f.note = QStringLiteral("estimate outside the field's range [%1, %2]: the "
                                        "nearest valid value is written")
                             .arg(lo)
                             .arg(hi);
            } else if (whole && v != estimate) {
                f.note = QStringLiteral("rounded to a whole number");
            }
            target = v;
        }
        f.written = target;
        m_r.fields.push_back(f);
    }

    void integer(const QString& path, double estimate, int lo, int hi, int& target,
                 const QString& source) {
        double t = target;
        real(path, estimate, lo, hi, t, source, {}, true);
        target = static_cast<int>(t);
    }

    // Rate weights: slots the log never covered take the mean of the others.
    void weights(const QString& path, const std::vector<double>& shares,
                 std::vector<double>& target, const QString& source) {
        double sum = 0.0;
        int covered = 0;
        for (double v : shares)
            if (defined(v)) {
                sum += v;
                ++covered;
            }
        FitField f{path, jsonArray(shares), {}, source, {}};
        if (covered == 0 || sum <= 0.0) {
            f.note = QStringLiteral("not defined by this log: the default weights are kept");
        } else {
            std::vector<double> w(shares.size());
            for (std::size_t k = 0; k < w.size(); ++k)
                w[k] = defined(shares[k]) ? shares[k] : sum / covered;
            if (covered < static_cast<int>(w.size()))
                f.note = QStringLiteral("%1 of %2 slots never covered by the log's time span: "
                                        "they take the mean of the others")
                             .arg(static_cast<int>(w.size()) - covered)
                             .arg(w.size());
            target = w;
        }
        f.written = jsonArray(target);
        m_r.fields.push_back(f);
    }

    void note(const QString& text) { m_r.notes << text; }

private:
    FitResult& m_r;
};

} // namespace

double LogFit::activityCv2(double alpha) {
    // a = min(L, X), X Pareto(alpha, 1), L = 100: E[a^k] = int_1^L x^k dF + L^k P(X > L)
    // = alpha (L^(k-alpha) - 1) / (k - alpha) + L^(k-alpha)  (k != alpha), with the
    // logarithmic limit alpha ln L + 1 at k = alpha.
    constexpr double L = 100.0;
    auto moment = [alpha](double k) {
        const double tail = std::pow(L, k - alpha);
        if (std::abs(k - alpha) < 1e-9)
            return alpha * std::log(L) + 1.0;
        return alpha * (tail - 1.0) / (k - alpha) + tail;
    };
    const double m1 = moment(1.0), m2 = moment(2.0);
    return m2 / (m1 * m1) - 1.0;
}

// Solves activityCv2(alpha) = cv2 by bisection (activityCv2 falls with alpha), over a
// range wider than the field's [0.5, 10] so that an estimate beyond it is seen, and
// reported, as such. NaN when cv2 is not finite.
double LogFit::activityPeakAlpha() {
    // The cap at 100x makes the law nearly constant for small alpha (most users sit at the
    // cap), so CV^2 rises with alpha up to a peak and then falls: only the falling branch
    // can be told apart by dispersion. Golden-section search for the peak.
    static const double peak = [] {
        double lo = 0.3, hi = 3.0;
        const double g = (std::sqrt(5.0) - 1.0) / 2.0;
        for (int i = 0; i < 100; ++i) {
            const double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
            if (activityCv2(a) > activityCv2(b))
                hi = b;
            else
                lo = a;
        }
        return (lo + hi) / 2.0;
    }();
    return peak;
}

double LogFit::activityAlphaFor(double cv2) {
    if (!defined(cv2))
        return std::numeric_limits<double>::quiet_NaN();
    double lo = activityPeakAlpha(), hi = 100.0;
    if (cv2 >= activityCv2(lo))
        return lo;
    if (cv2 <= activityCv2(hi))
        return hi;
    for (int i = 0; i < 200; ++i) {
        const double mid = std::sqrt(lo * hi);
        (activityCv2(mid) > cv2 ? lo : hi) = mid;
    }
    return std::sqrt(lo * hi);
}

LogFit::LogFit(FitOptions options)
    : m_options(std::move(options)),
      m_profile(EventProfile::kUnixToMonday + m_options.utcOffsetHours * 3600.0) {}

void LogFit::add(const LogEvent& e) {
    m_profile.add(e.time, e.user, e.item, e.kind);
}

core::Result<FitResult> LogFit::result() const {
    return fit(m_profile.summary(), m_options);
}

core::Result<FitResult> LogFit::fit(const EventProfileSummary& p, const FitOptions& options) {
    if (p.events == 0)
        return core::Error{"the log has no events: there is nothing to fit"};
    FitResult r;
    r.profile = p;
    Scenario& s = r.scenario;
    s.name = options.name;
    s.seed = options.seed;
    s.description = QStringLiteral("Fitted by recoscope-cli fit to a log of %1 events, %2 users "
                                   "and %3 items over %4 days.")
                        .arg(p.events)
                        .arg(p.users)
                        .arg(p.items)
                        .arg(p.spanDays, 0, 'f', 2);
    Writer w(r);
    using K = core::EventKind;
    auto count = [&p](K k) { return p.byKind[static_cast<std::size_t>(k)]; };

    // Size and time.
    w.real(QStringLiteral("duration_days"), p.spanDays, 0.01, 3650.0, s.durationDays,
           QStringLiteral("time span of the log, (last - first) / 86400 s"));
    w.integer(QStringLiteral("catalogue.items"), static_cast<double>(p.items), 10, 2'000'000,
              s.catalogue.items, QStringLiteral("distinct items with an event"));
    w.integer(QStringLiteral("population.users"), static_cast<double>(p.users), 1, 2'000'000,
              s.population.users, QStringLiteral("distinct users with an event"));
    const double visitsPerDay =
        static_cast<double>(p.visits) / std::max(s.durationDays, p.spanDays);
    w.real(QStringLiteral("behaviour.sessions_per_day"),
           visitsPerDay * ref::kSessionsPerDay / ref::kVisitsPerDay, 1.0, 1e9,
           s.behaviour.sessionsPerDay,
           QStringLiteral("visits (30-minute gaps) per day x %1 engine sessions per visit "
                          "of the reference")
               .arg(ref::kSessionsPerDay / ref::kVisitsPerDay, 0, 'g', 3));

    // Visits: length and pace.
    const double stepEvents = ref::kEventsPerVisit * (1.0 - ref::kContinue);
    const double steps = p.eventsPerVisit / stepEvents;
    w.real(QStringLiteral("behaviour.continue_probability"),
           defined(steps) && steps > 0.0 ? 1.0 - 1.0 / steps : steps, 0.0, 0.99,
           s.behaviour.continueProbability,
           QStringLiteral("1 - 1 / steps, steps = events per visit / %1 events per step of the "
                          "reference")
               .arg(stepEvents, 0, 'g', 3));
    w.real(QStringLiteral("behaviour.step_seconds"),
           p.meanStepGapSeconds * ref::kStepSeconds / ref::kMeanGapSeconds, 0.1, 3600.0,
           s.behaviour.stepSeconds,
           QStringLiteral("mean positive gap between a visit's events x %1 (reference)")
               .arg(ref::kStepSeconds / ref::kMeanGapSeconds, 0, 'g', 3),
           QStringLiteral("no visit has two events at different times"));

    // Funnel: logit shifts from the reference; a kind the log never records is taken as
    // not logged by its format (RetailRocket has no favourites), not as "never happens".
    const double productViews = static_cast<double>(count(K::View) + count(K::Click));
    const double carts = static_cast<double>(count(K::CartAdd));
    const bool hasCarts = carts > 0.0, hasBuys = count(K::Purchase) > 0;
    const QString absent = QStringLiteral("the log has no %1 events; its format may not record "
                                          "them");
    w.real(QStringLiteral("behaviour.cart_offset"),
           hasCarts && productViews > 0.0
               ? ref::kCartOffset + logit(p.viewToCart) - logit(ref::kViewToCart)
               : std::nan(""),
           -20.0, 20.0, s.behaviour.cartOffset,
           QStringLiteral("%1 + logit(view->cart) - logit(%2)")
               .arg(ref::kCartOffset)
               .arg(ref::kViewToCart),
           absent.arg(QStringLiteral("cart-add")));
    const bool hasRemoves = count(K::CartRemove) > 0;
    w.real(QStringLiteral("behaviour.cart_remove_probability"),
           hasCarts && hasRemoves ? p.removePerCart : std::nan(""), 0.0, 1.0,
           s.behaviour.cartRemoveProbability, QStringLiteral("cart removals / cart adds"),
           absent.arg(hasCarts ? QStringLiteral("cart-remove") : QStringLiteral("cart-add")));
    const double keep = 1.0 - s.behaviour.cartRemoveProbability;
    const double buy = hasCarts && hasBuys ? p.cartToPurchase / keep : std::nan("");
    w.real(QStringLiteral("behaviour.purchase_offset"),
           ref::kPurchaseOffset + logit(buy) -
               logit(ref::kCartToPurchase / (1.0 - ref::kCartRemove)),
           -20.0, 20.0, s.behaviour.purchaseOffset,
           QStringLiteral("%1 + logit(cart->purchase / (1 - remove)) - logit(%2)")
               .arg(ref::kPurchaseOffset)
               .arg(ref::kCartToPurchase / (1.0 - ref::kCartRemove), 0, 'g', 3),
           absent.arg(hasCarts ? QStringLiteral("purchase") : QStringLiteral("cart-add")));
    w.real(QStringLiteral("behaviour.favourite_offset"),
           count(K::Favourite) > 0 && productViews > 0.0
               ? ref::kFavouriteOffset + logit(p.favouritePerView) - logit(ref::kFavouritePerView)
               : std::nan(""),
           -20.0, 20.0, s.behaviour.favouriteOffset,
           QStringLiteral("%1 + logit(favourites / product views) - logit(%2)")
               .arg(ref::kFavouriteOffset)
               .arg(ref::kFavouritePerView),
           absent.arg(QStringLiteral("favourite")));

    // Rhythm.
    w.weights(QStringLiteral("behaviour.hourly"),
              std::vector<double>(p.hourlyShare.begin(), p.hourlyShare.end()), s.behaviour.hourly,
              QStringLiteral("visit starts per covered hour, by hour of day"));
    w.weights(QStringLiteral("behaviour.weekly"),
              std::vector<double>(p.weeklyShare.begin(), p.weeklyShare.end()), s.behaviour.weekly,
              QStringLiteral("visit starts per covered day, by weekday"));

    // Item spread: appeal is log-normal, and a log-normal's Gini is 2 Phi(sigma / sqrt 2) - 1,
    // so the Gini of events per item gives an observed sigma. The rest of the shop (hidden
    // affinity, the core's slates) adds its own log-normal-like spread; independent spreads
    // add in sigma^2, so the reference's surplus variance is taken off. The Gini rather than
    // the CV^2: the CV^2 is dominated by the few head items the core pushes and changed
    // two-fold with the catalogue's size at a fixed quality_sigma, the Gini by 0.003.
    const double sigmaSeen = giniToSigma(p.itemGini);
    const double surplus = giniToSigma(ref::kItemGini) * giniToSigma(ref::kItemGini) -
                           ref::kQualitySigma * ref::kQualitySigma;
    const double intrinsic2 = sigmaSeen * sigmaSeen - surplus;
    w.real(QStringLiteral("catalogue.quality_sigma"),
           defined(intrinsic2)
               ? (intrinsic2 >= 0.0 ? std::sqrt(intrinsic2) : -std::sqrt(-intrinsic2))
               : intrinsic2,
           0.0, 3.0, s.catalogue.qualitySigma,
           QStringLiteral("sqrt(s^2 - %1), s = sqrt(2) Phi^-1((1 + Gini of events per item) / 2)")
               .arg(surplus, 0, 'g', 4),
           QStringLiteral("fewer than two items"));
    const double userExtra = (1.0 + ref::kUserRateCv2) / (1.0 + activityCv2(ref::kActivityAlpha));
    const double userIntrinsic = (1.0 + p.userRateCv2) / userExtra - 1.0;
    w.real(QStringLiteral("population.activity_alpha"), activityAlphaFor(userIntrinsic), 0.5, 10.0,
           s.population.activityAlpha,
           QStringLiteral("the alpha whose capped-Pareto 1 + CV2 is (1 + CV2 of visits per user) "
                          "/ %1")
               .arg(userExtra, 0, 'g', 3),
           QStringLiteral("fewer than two users"));
    if (defined(userIntrinsic) && userIntrinsic >= activityCv2(activityPeakAlpha()))
        r.fields.back().note =
            QStringLiteral("users more dispersed (CV2 %1) than the activity law can be (CV2 %2 at "
                           "alpha %3, its most dispersed): that alpha is written")
                .arg(userIntrinsic, 0, 'g', 3)
                .arg(activityCv2(activityPeakAlpha()), 0, 'g', 3)
                .arg(activityPeakAlpha(), 0, 'f', 3);

    // What the format cannot say.
    static const char* weekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                     "Friday", "Saturday", "Sunday"};
    w.note(QStringLiteral("the log starts on a %1 at %2:00; a simulated run starts on a Monday "
                          "at 00:00 (the format has no start offset)")
               .arg(QLatin1String(weekdays[p.firstWeekday]))
               .arg(p.firstHour, 2, 10, QLatin1Char('0')));
    w.note(QStringLiteral("item popularity: the format's parameter is quality_sigma (log-normal "
                          "appeal); the log's rank-frequency slope (Zipf exponent %1) has no "
                          "field of its own")
               .arg(p.zipfExponent, 0, 'f', 3));
    w.note(QStringLiteral("users and items without events are invisible in a log: the fitted "
                          "shop has exactly the seen ones, so a run of it shows somewhat fewer "
                          "distinct users and items (compare with report --log --run)"));
    w.note(QStringLiteral("the event mix (searches, clicks on recommendations) follows from the "
                          "shopper model and the core; the fit sets the funnel rates, not the "
                          "mix"));
    w.note(QStringLiteral("not estimable from an interaction log, left at the defaults: "
                          "categories and their sizes (category_zipf), brands, prices, stock "
                          "and discounts, launches, demographics, the slate response "
                          "(position_bias, examination, no_click_utility: no impressions are "
                          "logged), sequence, fatigue, satisfaction and churn, timeline "
                          "entries"));
    return r;
}

QJsonObject FitResult::toJson() const {
    QJsonArray list;
    for (const FitField& f : fields)
        list.append(QJsonObject{{QStringLiteral("path"), f.path},
                                {QStringLiteral("estimate"), f.estimate},
                                {QStringLiteral("written"), f.written},
                                {QStringLiteral("source"), f.source},
                                {QStringLiteral("note"), f.note}});
    return QJsonObject{{QStringLiteral("scenario"), scenario.toJson()},
                       {QStringLiteral("fields"), list},
                       {QStringLiteral("notes"), QJsonArray::fromStringList(notes)},
                       {QStringLiteral("profile"), EventProfile::toJson(profile)}};
}

core::Result<FitResult> fitLog(RunStore& store, const QString& log, const FitOptions& options) {
    LogStore logs(store);
    core::Result<LogInfo> info = logs.log(log);
    if (!info)
        return core::Error{info.error()};
    LogFit fit(options);
    core::Status st = logs.forEachEvent(info.value().id, [&fit](const LogEvent& e) {
        fit.add(e);
        return true;
    });
    if (!st)
        return core::Error{st.error()};
    core::Result<FitResult> r = fit.result();
    if (!r)
        return core::Error{QStringLiteral("log '%1': %2")
                               .arg(log, QString::fromStdString(r.error()))
                               .toStdString()};
    return r;
}

} // namespace recoscope::sim
