// Fitting a scenario to a log (LogFit, EventProfile): each estimator recovers a known
// parameter from a synthetic log drawn with it, within a tolerance taken from its sampling
// spread; the mapping onto scenario fields reports every value it had to move; and a run
// of a non-default scenario, read back as a log, fits back to that scenario's parameters.

#include "recoscope/core/registry.h"
#include "recoscope/sim/event_profile.h"
#include "recoscope/sim/log_fit.h"
#include "recoscope/sim/log_store.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <boost/random/uniform_01.hpp>

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace recoscope;
using K = core::EventKind;

namespace {

// 2024-01-01 00:00 UTC, a Monday: simulated time 0 read as a Unix log.
constexpr double kMonday = 1704067200.0;

// Draws an index with probability proportional to `weights` (inverse CDF).
class Discrete {
public:
    explicit Discrete(const std::vector<double>& weights) : m_cdf(weights.size()) {
        std::partial_sum(weights.begin(), weights.end(), m_cdf.begin());
    }
    std::size_t operator()(boost::random::mt19937& rng) const {
        const double u = boost::random::uniform_01<double>()(rng) * m_cdf.back();
        return static_cast<std::size_t>(std::upper_bound(m_cdf.begin(), m_cdf.end(), u) -
                                        m_cdf.begin());
    }

private:
    std::vector<double> m_cdf;
};

const sim::FitField& field(const sim::FitResult& r, const char* path) {
    for (const sim::FitField& f : r.fields)
        if (f.path == QLatin1String(path))
            return f;
    qFatal("no field %s", path);
}

// The figures EventProfile shows for the reference run (log_fit.cpp's ref namespace):
// fitted, they must give back the default scenario.
sim::EventProfileSummary referenceProfile() {
    sim::EventProfileSummary p;
    p.events = 200000;
    p.users = 4000;
    p.items = 2900;
    p.spanDays = 7.0;
    p.byKind[static_cast<std::size_t>(K::View)] = 150000;
    p.byKind[static_cast<std::size_t>(K::CartAdd)] = 4500;
    p.byKind[static_cast<std::size_t>(K::CartRemove)] = 450;
    p.byKind[static_cast<std::size_t>(K::Purchase)] = 1500;
    p.byKind[static_cast<std::size_t>(K::Favourite)] = 7000;
    p.visits = 35977;
    p.eventsPerVisit = 6.944;
    p.meanStepGapSeconds = 97.27;
    p.viewToCart = 0.03025;
    p.cartToPurchase = 0.3360;
    p.favouritePerView = 0.05208;
    p.removePerCart = 0.1;
    p.itemGini = 0.7642;
    p.userRateCv2 = 1.971;
    p.hourlyShare.fill(1.0 / 24.0);
    p.weeklyShare.fill(1.0 / 7.0);
    return p;
}

} // namespace

class TestLogFit : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void activityLaw() {
        // By hand for alpha = 2, cap L = 100: E[a] = 2 (1 - 1/100) + 1/100 = 1.99,
        // E[a^2] = 2 ln 100 + 1 = 10.21034, CV^2 = 10.21034 / 1.99^2 - 1 = 1.578302.
        QVERIFY(std::abs(sim::LogFit::activityCv2(2.0) - 1.578302) < 1e-5);
        const double peak = sim::LogFit::activityPeakAlpha();
        QVERIFY2(peak > 1.0 && peak < 1.1, qPrintable(QString::number(peak)));
        for (double a : {1.2, 1.5, 2.0, 3.5, 8.0})
            QVERIFY(std::abs(sim::LogFit::activityAlphaFor(sim::LogFit::activityCv2(a)) - a) <
                    1e-6);
        QCOMPARE(sim::LogFit::activityAlphaFor(100.0), peak); // beyond what the law can give
    }

    // Items drawn with P(rank r) ~ r^-1 over 1,000 items, 200,000 events. Sorting noisy
    // counts flattens the tail a little: in ten replications (Python, same estimator) the
    // estimate was 1.010-1.016, so 0.05 is three times the worst bias seen.
    void zipfExponentRecovered() {
        boost::random::mt19937 rng(11);
        std::vector<double> w(1000);
        for (std::size_t i = 0; i < w.size(); ++i)
            w[i] = 1.0 / static_cast<double>(i + 1);
        const Discrete item(w);
        sim::EventProfile profile;
        for (int e = 0; e < 200000; ++e)
            profile.add(e * 10.0, static_cast<core::UserId>(e % 500),
                        static_cast<core::ItemId>(item(rng)), K::View);
        const double s = profile.summary().zipfExponent;
        QVERIFY2(std::abs(s - 1.0) < 0.05, qPrintable(QString::number(s)));
    }

    // Log-normal item rates, sigma 0.8, over 2,000 items with 50 events each on average:
    // the Poisson-corrected CV^2 gives sigma back with a spread of about 0.025 (twenty
    // replications in Python); the tolerance is three times that.
    void popularitySpreadRecovered() {
        boost::random::mt19937 rng(12);
        boost::random::normal_distribution<double> normal;
        std::vector<double> rate(2000);
        for (double& r : rate)
            r = std::exp(0.8 * normal(rng));
        const double mean = std::accumulate(rate.begin(), rate.end(), 0.0) / 2000.0;
        sim::EventProfile profile;
        double t = 0.0;
        for (std::size_t i = 0; i < rate.size(); ++i) {
            const int n = boost::random::poisson_distribution<int>(50.0 * rate[i] / mean)(rng);
            for (int k = 0; k < n; ++k)
                profile.add(t += 1.0, static_cast<core::UserId>(k % 300),
                            static_cast<core::ItemId>(i), K::View);
        }
        const double sigma = std::sqrt(std::log1p(profile.summary().itemRateCv2));
        QVERIFY2(std::abs(sigma - 0.8) < 0.075, qPrintable(QString::number(sigma)));
    }

    // 20,000 one-event visits over four whole weeks with known hourly and weekday
    // weights: each share has a binomial spread sqrt(p (1 - p) / n) (at most 0.0019 for the
    // hours, 0.0030 for the days); the tolerance is five of those.
    void rhythmRecovered() {
        std::vector<double> hourly(24), weekly{1, 1, 1, 1, 1.5, 2.5, 2};
        for (int h = 0; h < 24; ++h)
            hourly[h] = 0.2 + std::exp(-0.5 * std::pow((h - 19) / 3.0, 2));
        boost::random::mt19937 rng(13);
        const Discrete hour(hourly), day(weekly);
        std::vector<double> times;
        for (int v = 0; v < 20000; ++v) {
            const double week = std::floor(boost::random::uniform_01<double>()(rng) * 4.0);
            times.push_back(kMonday + (week * 7 + static_cast<double>(day(rng))) * 86400.0 +
                            static_cast<double>(hour(rng)) * 3600.0 +
                            boost::random::uniform_01<double>()(rng) * 3599.0);
        }
        times.push_back(kMonday);                    // the span: exactly four weeks
        times.push_back(kMonday + 28 * 86400.0 - 1); // (one-event visits of user 20001, 20002)
        std::sort(times.begin(), times.end());
        sim::LogFit fit;
        for (std::size_t k = 0; k < times.size(); ++k)
            fit.add({times[k], static_cast<core::UserId>(k), 0, K::View, 0.0});
        auto r = fit.result();
        QVERIFY(r.ok());
        const sim::EventProfileSummary& p = r.value().profile;
        const double hSum = std::accumulate(hourly.begin(), hourly.end(), 0.0);
        for (int h = 0; h < 24; ++h)
            QVERIFY2(std::abs(p.hourlyShare[h] - hourly[h] / hSum) < 0.0095,
                     qPrintable(QStringLiteral("hour %1: %2 vs %3")
                                    .arg(h)
                                    .arg(p.hourlyShare[h])
                                    .arg(hourly[h] / hSum)));
        const double dSum = std::accumulate(weekly.begin(), weekly.end(), 0.0);
        for (int d = 0; d < 7; ++d)
            QVERIFY2(std::abs(p.weeklyShare[d] - weekly[d] / dSum) < 0.015,
                     qPrintable(QStringLiteral("day %1: %2").arg(d).arg(p.weeklyShare[d])));
        // The weights written are the shares (normalised, only ratios matter).
        const sim::Scenario& s = r.value().scenario;
        QCOMPARE(s.behaviour.weekly.size(), std::size_t(7));
        QVERIFY(s.behaviour.weekly[5] > 2.0 * s.behaviour.weekly[0]);
        QVERIFY(std::max_element(s.behaviour.hourly.begin(), s.behaviour.hourly.end()) -
                    s.behaviour.hourly.begin() >=
                18);
    }

    // 3,000 users with capped-Pareto activity (alpha 2) and Poisson visits, 20 on average
    // (so almost nobody is unseen): the CV^2 of visits per user gives alpha back. Its spread
    // over twenty replications (Python) was 0.06; the tolerance is 0.2.
    void activityRecovered() {
        boost::random::mt19937 rng(14);
        sim::EventProfile profile;
        std::vector<std::pair<double, core::UserId>> visits;
        for (core::UserId u = 0; u < 3000; ++u) {
            const double a = std::min(
                100.0, std::pow(1.0 - boost::random::uniform_01<double>()(rng), -1.0 / 2.0));
            const int n = boost::random::poisson_distribution<int>(20.0 * a / 1.99)(rng);
            for (int k = 0; k < n; ++k)
                visits.push_back({static_cast<double>(k) * 7200.0, u}); // two hours apart
        }
        std::sort(visits.begin(), visits.end());
        for (const auto& [t, u] : visits)
            profile.add(t, u, 0, K::View);
        const double cv2 = profile.summary().userRateCv2;
        const double alpha = sim::LogFit::activityAlphaFor(cv2);
        QVERIFY2(std::abs(alpha - 2.0) < 0.2, qPrintable(QString::number(alpha)));
    }

    void referenceFitsTheDefaults() {
        auto r = sim::LogFit::fit(referenceProfile(), {});
        QVERIFY(r.ok());
        const sim::Scenario def;
        const sim::Scenario& s = r.value().scenario;
        QVERIFY(std::abs(s.behaviour.cartOffset - def.behaviour.cartOffset) < 0.05);
        QVERIFY(std::abs(s.behaviour.purchaseOffset - def.behaviour.purchaseOffset) < 0.05);
        QVERIFY(std::abs(s.behaviour.favouriteOffset - def.behaviour.favouriteOffset) < 0.05);
        QVERIFY(std::abs(s.behaviour.cartRemoveProbability - 0.1) < 1e-9);
        QVERIFY(std::abs(s.behaviour.continueProbability - 0.8) < 1e-3);
        QVERIFY(std::abs(s.behaviour.stepSeconds - 40.0) < 0.01);
        QVERIFY(std::abs(s.behaviour.sessionsPerDay - 6000.0) < 1.0);
        QVERIFY(std::abs(s.catalogue.qualitySigma - 0.8) < 1e-3);
        QVERIFY(std::abs(s.population.activityAlpha - 1.2) < 1e-3);
        QCOMPARE(s.catalogue.items, 2900);
        QCOMPARE(s.population.users, 4000);
        // The file it makes validates.
        auto back = sim::parseScenario(QJsonDocument(s.toJson()).toJson(), QStringLiteral("fit"));
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().c_str());
    }

    // Nothing is clamped silently: an estimate outside a field's range is written as the
    // nearest valid value and the field says so; kinds the log lacks keep the defaults.
    void movedValuesAreReported() {
        sim::EventProfileSummary p = referenceProfile();
        p.viewToCart = 1.0; // logit taken at 1e-12 from 1: an offset far beyond 20
        p.byKind[static_cast<std::size_t>(K::Favourite)] = 0;
        p.spanDays = 0.001;
        p.users = 5'000'000;
        auto r = sim::LogFit::fit(p, {});
        QVERIFY(r.ok());
        const sim::FitField& cart = field(r.value(), "behaviour.cart_offset");
        QCOMPARE(cart.written.toDouble(), 20.0);
        QVERIFY(cart.estimate.toDouble() > 20.0);
        QVERIFY2(cart.note.contains(QStringLiteral("range")), qPrintable(cart.note));
        const sim::FitField& days = field(r.value(), "duration_days");
        QCOMPARE(days.written.toDouble(), 0.01);
        QVERIFY(!days.note.isEmpty());
        QCOMPARE(field(r.value(), "population.users").written.toDouble(), 2'000'000.0);
        const sim::FitField& fav = field(r.value(), "behaviour.favourite_offset");
        QVERIFY(fav.estimate.isNull());
        QCOMPARE(fav.written.toDouble(), -3.0);
        QVERIFY2(fav.note.contains(QStringLiteral("favourite")), qPrintable(fav.note));
        for (const sim::FitField& f : r.value().fields)
            if (f.estimate.isDouble() && f.written.isDouble() &&
                std::abs(f.estimate.toDouble() - f.written.toDouble()) > 1e-9)
                QVERIFY2(!f.note.isEmpty(), qPrintable(f.path));
        QVERIFY(!r.value().notes.isEmpty());
        QVERIFY(!sim::LogFit().result().ok()); // no events, nothing to fit
    }

    // A run of a scenario unlike the default, read back as a Unix-time log, fits back to
    // its parameters. The tolerances are the first-order mapping's accuracy (the fitted
    // values and the originals are printed with -v2 on failure).
    void roundTrip() {
        core::RecommenderRegistry registry;
        core::registerBuiltinRecommenders(registry);
        sim::RunSpec spec;
        spec.scenario.name = QStringLiteral("rt");
        spec.scenario.durationDays = 7.0;
        spec.scenario.catalogue.items = 1500;
        spec.scenario.catalogue.qualitySigma = 1.2;
        spec.scenario.population.users = 2500;
        spec.scenario.population.activityAlpha = 2.0;
        spec.scenario.behaviour.sessionsPerDay = 3000;
        spec.scenario.behaviour.continueProbability = 0.7;
        spec.scenario.behaviour.stepSeconds = 60.0;
        spec.scenario.behaviour.cartOffset = -3.0;
        spec.scenario.behaviour.purchaseOffset = -3.5;
        spec.scenario.behaviour.cartRemoveProbability = 0.2;
        spec.scenario.behaviour.weekly = {1, 1, 1, 1, 1.2, 2.0, 1.8};
        for (int h = 0; h < 24; ++h)
            spec.scenario.behaviour.hourly[h] = 0.2 + std::exp(-0.5 * std::pow((h - 10) / 2.5, 2));
        spec.seed = 5;
        spec.recommender = "popularity";
        auto store = sim::RunStore::open(m_dir.filePath(QStringLiteral("rt.db")));
        QVERIFY(store.ok());
        auto job = sim::RunJob::create(spec, registry, store.value().get());
        QVERIFY(job.ok());
        (void)job.value()->runSlice(0);
        QVERIFY(job.value()->finish(QStringLiteral("finished")).ok());
        const qint64 runId = job.value()->runId();

        sim::LogFit fit;
        for (qint64 offset = 0;; offset += 100000) {
            auto events = store.value()->events(runId, offset, 100000);
            QVERIFY(events.ok());
            for (const core::Event& e : events.value())
                fit.add({kMonday + e.time, e.user, e.item, e.kind, 0.0});
            if (events.value().size() < 100000)
                break;
        }
        auto r = fit.result();
        QVERIFY(r.ok());
        const sim::Scenario& s = r.value().scenario;
        const sim::Scenario& o = spec.scenario;
        const QString got = QString::fromUtf8(QJsonDocument(r.value().toJson()).toJson());
        auto near = [&](const char* what, double fitted, double original, double tol) {
            if (std::abs(fitted - original) > tol)
                QFAIL(qPrintable(QStringLiteral("%1: fitted %2, original %3, tolerance %4")
                                     .arg(QLatin1String(what))
                                     .arg(fitted)
                                     .arg(original)
                                     .arg(tol)));
        };
        near("duration_days", s.durationDays, o.durationDays, 0.05);
        // Items no shopper touched in the week are invisible in the log (14 % here, with
        // this long tail): the fit can only see the others.
        near("items / original", double(s.catalogue.items) / o.catalogue.items, 1.0, 0.2);
        near("users / original", double(s.population.users) / o.population.users, 1.0, 0.15);
        near("sessions_per_day / original", s.behaviour.sessionsPerDay / o.behaviour.sessionsPerDay,
             1.0, 0.2);
        near("continue_probability", s.behaviour.continueProbability,
             o.behaviour.continueProbability, 0.06);
        // The pace is the weakest mapping: gaps between events also hold the steps that
        // logged nothing, and how many those are depends on the rest of the shop (fitted
        // 45 s for 60 s here).
        near("step_seconds", s.behaviour.stepSeconds, o.behaviour.stepSeconds, 18.0);
        near("cart_offset", s.behaviour.cartOffset, o.behaviour.cartOffset, 0.4);
        near("purchase_offset", s.behaviour.purchaseOffset, o.behaviour.purchaseOffset, 0.5);
        near("cart_remove_probability", s.behaviour.cartRemoveProbability,
             o.behaviour.cartRemoveProbability, 0.03);
        near("quality_sigma", s.catalogue.qualitySigma, o.catalogue.qualitySigma, 0.3);
        near("activity_alpha", s.population.activityAlpha, o.population.activityAlpha, 0.6);
        auto share = [](const std::vector<double>& w, std::size_t k) {
            return w[k] / std::accumulate(w.begin(), w.end(), 0.0);
        };
        double tvHour = 0.0, tvDay = 0.0;
        for (std::size_t h = 0; h < 24; ++h)
            tvHour += std::abs(share(s.behaviour.hourly, h) - share(o.behaviour.hourly, h)) / 2;
        for (std::size_t d = 0; d < 7; ++d)
            tvDay += std::abs(share(s.behaviour.weekly, d) - share(o.behaviour.weekly, d)) / 2;
        near("hourly total variation", tvHour, 0.0, 0.08);
        near("weekly total variation", tvDay, 0.0, 0.05);
        Q_UNUSED(got);
    }
};

QTEST_GUILESS_MAIN(TestLogFit)
#include "tst_log_fit.moc"
