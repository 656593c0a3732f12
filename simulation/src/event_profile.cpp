#include "recoscope/sim/event_profile.h"

#include "recoscope/sim/log_store.h"
#include "recoscope/sim/run_store.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace recoscope::sim {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Visit lengths above this share the last histogram bin: quantiles beyond it read as
// the bin's value, which no real visit reaches in practice.
constexpr std::size_t kMaxVisitLength = 2000;
// Items need this many events to enter the rank-frequency regression: below it the
// Poisson noise of a count (and the floor of 1) flattens the tail.
constexpr std::uint64_t kZipfMinCount = 5;
constexpr std::size_t kZipfMinItems = 10;

double rate(double a, double b) {
    return b > 0.0 ? a / b : kNaN;
}

std::int64_t dayOf(double shifted) {
    return static_cast<std::int64_t>(std::floor(shifted / core::kSecondsPerDay));
}

// Gini over non-negative values (sorted ascending): 0 = all equal, -> 1 = one holds all.
double gini(std::vector<double> x) {
    if (x.empty())
        return kNaN;
    std::sort(x.begin(), x.end());
    double weighted = 0.0, total = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        weighted += static_cast<double>(i + 1) * x[i];
        total += x[i];
    }
    const double n = static_cast<double>(x.size());
    return total > 0.0 ? 2.0 * weighted / (n * total) - (n + 1.0) / n : kNaN;
}

// Squared coefficient of variation of the rates behind Poisson counts: for counts
// n ~ Poisson(r), Var(n) = E[r] + Var(r), so Var(r) / E[r]^2 = (Var(n) - E[n]) / E[n]^2.
double overdispersion(const std::vector<double>& x) {
    if (x.size() < 2)
        return kNaN;
    const double n = static_cast<double>(x.size());
    const double mean = std::accumulate(x.begin(), x.end(), 0.0) / n;
    double var = 0.0;
    for (double v : x)
        var += (v - mean) * (v - mean);
    var /= n;
    return mean > 0.0 ? (var - mean) / (mean * mean) : kNaN;
}

double quantile(const std::vector<std::uint64_t>& hist, std::uint64_t total, double q) {
    if (total == 0)
        return kNaN;
    const double target = q * static_cast<double>(total);
    std::uint64_t seen = 0;
    for (std::size_t len = 0; len < hist.size(); ++len) {
        seen += hist[len];
        if (static_cast<double>(seen) >= target && hist[len] > 0)
            return static_cast<double>(len);
    }
    return static_cast<double>(hist.size() - 1);
}

QJsonValue num(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

template <std::size_t N> QJsonArray array(const std::array<double, N>& a) {
    QJsonArray out;
    for (double v : a)
        out.append(num(v));
    return out;
}

} // namespace

EventProfile::EventProfile(double clockShiftSeconds)
    : m_shift(clockShiftSeconds), m_visitLengths(kMaxVisitLength + 1, 0) {}

void EventProfile::closeVisit(User& u) {
    if (u.openEvents == 0)
        return;
    ++m_visits;
    m_visitEvents += u.openEvents;
    ++m_visitLengths[std::min<std::size_t>(u.openEvents, kMaxVisitLength)];
    m_visitsWithPurchase += u.openPurchase ? 1 : 0;
    ++u.visits;
    u.openEvents = 0;
    u.openPurchase = false;
}

void EventProfile::add(double time, core::UserId user, core::ItemId item, core::EventKind kind) {
    if (m_events == 0)
        m_first = m_last = time;
    m_last = std::max(m_last, time);
    ++m_events;
    ++m_byKind[static_cast<std::size_t>(kind)];
    const double shifted = time + m_shift;
    const auto day = static_cast<std::int32_t>(dayOf(shifted));

    if (user >= m_users.size())
        m_users.resize(static_cast<std::size_t>(user) + 1);
    User& u = m_users[user];
    if (u.lastTime >= 0.0 && time - u.lastTime > kVisitGapSeconds)
        closeVisit(u);
    if (u.openEvents == 0) {
        const std::int64_t hourOfWeek =
            static_cast<std::int64_t>(std::floor(shifted / core::kSecondsPerHour));
        ++m_startsByHour[static_cast<std::size_t>(((hourOfWeek % 24) + 24) % 24)];
        ++m_startsByWeekday[static_cast<std::size_t>(((day % 7) + 7) % 7)];
    } else if (time > u.lastTime) {
        m_gapSum += time - u.lastTime;
        ++m_gaps;
    }
    ++u.openEvents;
    u.openPurchase = u.openPurchase || kind == core::EventKind::Purchase;
    u.lastTime = time;
    if (u.lastDay != day) {
        u.lastDay = day;
        ++m_userDays;
    }

    if (item == core::kNoItem)
        return;
    if (item >= m_itemCounts.size()) {
        m_itemCounts.resize(static_cast<std::size_t>(item) + 1, 0);
        m_itemLastDay.resize(static_cast<std::size_t>(item) + 1, -1);
    }
    ++m_itemCounts[item];
    if (m_itemLastDay[item] != day) {
        m_itemLastDay[item] = day;
        ++m_itemDays;
    }
}

EventProfileSummary EventProfile::summary() const {
    EventProfileSummary s;
    s.events = m_events;
    s.byKind = m_byKind;
    s.firstTime = m_first;
    s.lastTime = m_last;
    s.spanDays = (m_last - m_first) / core::kSecondsPerDay;

    // Open visits count as closed: work on copies of the visit counters.
    std::vector<std::uint64_t> lengths = m_visitLengths;
    std::uint64_t visits = m_visits, withPurchase = m_visitsWithPurchase,
                  visitEvents = m_visitEvents;
    std::vector<double> userVisits;
    userVisits.reserve(m_users.size());
    for (const User& u : m_users) {
        if (u.lastTime < 0.0)
            continue;
        std::uint32_t v = u.visits;
        if (u.openEvents > 0) {
            ++visits;
            ++v;
            visitEvents += u.openEvents;
            ++lengths[std::min<std::size_t>(u.openEvents, kMaxVisitLength)];
            withPurchase += u.openPurchase ? 1 : 0;
        }
        userVisits.push_back(static_cast<double>(v));
    }
    s.users = userVisits.size();
    s.visits = visits;
    s.eventsPerVisit = rate(static_cast<double>(visitEvents), static_cast<double>(visits));
    s.visitLengthP50 = quantile(lengths, visits, 0.50);
    s.visitLengthP90 = quantile(lengths, visits, 0.90);
    s.visitLengthP99 = quantile(lengths, visits, 0.99);
    s.visitsWithPurchase = rate(static_cast<double>(withPurchase), static_cast<double>(visits));
    s.meanStepGapSeconds = rate(m_gapSum, static_cast<double>(m_gaps));
    s.visitsPerUser = rate(static_cast<double>(visits), static_cast<double>(s.users));
    s.userRateCv2 = overdispersion(userVisits);
    s.userGini = gini(userVisits);

    using K = core::EventKind;
    auto kind = [&](K k) { return static_cast<double>(m_byKind[static_cast<std::size_t>(k)]); };
    const double productViews = kind(K::View) + kind(K::Click);
    s.viewToCart = rate(kind(K::CartAdd), productViews);
    s.cartToPurchase = rate(kind(K::Purchase), kind(K::CartAdd));
    s.favouritePerView = rate(kind(K::Favourite), productViews);
    s.removePerCart = rate(kind(K::CartRemove), kind(K::CartAdd));

    // Exposure: whole hours and whole days from the first event's to the last event's, so
    // an edge hour is never counted as a sliver (which would inflate its rate).
    if (m_events > 0) {
        const auto h0 = static_cast<std::int64_t>(std::floor((m_first + m_shift) / 3600.0));
        const auto h1 = static_cast<std::int64_t>(std::floor((m_last + m_shift) / 3600.0));
        std::array<double, 24> hourExposure{};
        for (std::int64_t h = h0; h <= h1; ++h)
            hourExposure[static_cast<std::size_t>(((h % 24) + 24) % 24)] += 1.0;
        const std::int64_t d0 = dayOf(m_first + m_shift), d1 = dayOf(m_last + m_shift);
        std::array<double, 7> dayExposure{};
        for (std::int64_t d = d0; d <= d1; ++d)
            dayExposure[static_cast<std::size_t>(((d % 7) + 7) % 7)] += 1.0;
        auto shares = [](const auto& starts, const auto& exposure, auto& out) {
            double total = 0.0;
            for (std::size_t k = 0; k < out.size(); ++k) {
                out[k] = exposure[k] > 0.0 ? static_cast<double>(starts[k]) / exposure[k] : kNaN;
                total += std::isfinite(out[k]) ? out[k] : 0.0;
            }
            for (double& v : out)
                v = total > 0.0 ? v / total : kNaN;
        };
        shares(m_startsByHour, hourExposure, s.hourlyShare);
        shares(m_startsByWeekday, dayExposure, s.weeklyShare);
        s.firstHour = static_cast<int>(((h0 % 24) + 24) % 24);
        s.firstWeekday = static_cast<int>(((d0 % 7) + 7) % 7);
        const double days = static_cast<double>(d1 - d0 + 1);
        s.usersPerDay = static_cast<double>(m_userDays) / days;
        s.itemsPerDay = static_cast<double>(m_itemDays) / days;
    } else {
        s.hourlyShare.fill(kNaN);
        s.weeklyShare.fill(kNaN);
    }

    std::vector<double> counts;
    for (std::uint64_t c : m_itemCounts)
        if (c > 0)
            counts.push_back(static_cast<double>(c));
    s.items = counts.size();
    s.itemGini = gini(counts);
    s.itemRateCv2 = overdispersion(counts);
    std::sort(counts.begin(), counts.end(), std::greater<>());
    const std::size_t top = std::max<std::size_t>(1, counts.size() / 100);
    const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
    s.topOnePercentShare =
        counts.empty() ? kNaN : std::accumulate(counts.begin(), counts.begin() + top, 0.0) / total;
    // Least squares of log count on log rank over the items with enough events.
    std::size_t n = 0;
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (std::size_t r = 0; r < counts.size() && counts[r] >= kZipfMinCount; ++r, ++n) {
        const double x = std::log(static_cast<double>(r + 1)), y = std::log(counts[r]);
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double dn = static_cast<double>(n);
    s.zipfExponent = n >= kZipfMinItems && dn * sxx - sx * sx > 0.0
                         ? -(dn * sxy - sx * sy) / (dn * sxx - sx * sx)
                         : kNaN;
    return s;
}

QJsonObject EventProfile::toJson(const EventProfileSummary& s) {
    QJsonObject kinds;
    for (int k = 0; k < core::kEventKindCount; ++k)
        kinds.insert(QString::fromLatin1(core::eventKindName(static_cast<core::EventKind>(k))),
                     static_cast<double>(s.byKind[static_cast<std::size_t>(k)]));
    const double events = static_cast<double>(s.events);
    QJsonObject mix;
    for (auto it = kinds.begin(); it != kinds.end(); ++it)
        mix.insert(it.key(), num(rate(it.value().toDouble(), events)));
    const double days = std::max(s.spanDays, 1.0 / 24.0);
    return QJsonObject{
        {QStringLiteral("events"), events},
        {QStringLiteral("users"), static_cast<double>(s.users)},
        {QStringLiteral("items"), static_cast<double>(s.items)},
        {QStringLiteral("span_days"), s.spanDays},
        {QStringLiteral("first_hour"), s.firstHour},
        {QStringLiteral("first_weekday"), s.firstWeekday},
        {QStringLiteral("events_by_kind"), kinds},
        {QStringLiteral("event_mix"), mix},
        {QStringLiteral("per_day"),
         QJsonObject{{QStringLiteral("events"), events / days},
                     {QStringLiteral("visits"), static_cast<double>(s.visits) / days},
                     {QStringLiteral("active_users"), s.usersPerDay},
                     {QStringLiteral("active_items"), s.itemsPerDay}}},
        {QStringLiteral("visits"),
         QJsonObject{{QStringLiteral("visits"), static_cast<double>(s.visits)},
                     {QStringLiteral("events_per_visit"), num(s.eventsPerVisit)},
                     {QStringLiteral("length_p50"), num(s.visitLengthP50)},
                     {QStringLiteral("length_p90"), num(s.visitLengthP90)},
                     {QStringLiteral("length_p99"), num(s.visitLengthP99)},
                     {QStringLiteral("with_purchase"), num(s.visitsWithPurchase)},
                     {QStringLiteral("mean_gap_s"), num(s.meanStepGapSeconds)}}},
        {QStringLiteral("funnel"),
         QJsonObject{{QStringLiteral("view_to_cart"), num(s.viewToCart)},
                     {QStringLiteral("cart_to_purchase"), num(s.cartToPurchase)},
                     {QStringLiteral("favourite_per_view"), num(s.favouritePerView)},
                     {QStringLiteral("remove_per_cart"), num(s.removePerCart)}}},
        {QStringLiteral("rhythm"),
         QJsonObject{{QStringLiteral("hourly_share"), array(s.hourlyShare)},
                     {QStringLiteral("weekly_share"), array(s.weeklyShare)}}},
        {QStringLiteral("popularity"),
         QJsonObject{{QStringLiteral("item_gini"), num(s.itemGini)},
                     {QStringLiteral("top_1pct_share"), num(s.topOnePercentShare)},
                     {QStringLiteral("zipf_exponent"), num(s.zipfExponent)},
                     {QStringLiteral("item_rate_cv2"), num(s.itemRateCv2)}}},
        {QStringLiteral("users_activity"),
         QJsonObject{{QStringLiteral("visits_per_user"), num(s.visitsPerUser)},
                     {QStringLiteral("user_rate_cv2"), num(s.userRateCv2)},
                     {QStringLiteral("user_gini"), num(s.userGini)}}}};
}

core::Result<EventProfileSummary> profileLog(RunStore& store, const QString& log,
                                             double utcOffsetHours) {
    LogStore logs(store);
    core::Result<LogInfo> info = logs.log(log);
    if (!info)
        return core::Error{info.error()};
    EventProfile profile(EventProfile::kUnixToMonday + utcOffsetHours * 3600.0);
    core::Status st = logs.forEachEvent(info.value().id, [&](const LogEvent& e) {
        profile.add(e.time, e.user, e.item, e.kind);
        return true;
    });
    if (!st)
        return core::Error{st.error()};
    return profile.summary();
}

core::Result<EventProfileSummary> profileRun(const RunStore& store, qint64 runId) {
    if (core::Result<RunRecord> run = store.run(runId); !run)
        return core::Error{run.error()};
    EventProfile profile;
    constexpr qint64 kChunk = 100000;
    for (qint64 offset = 0;; offset += kChunk) {
        core::Result<std::vector<core::Event>> events = store.events(runId, offset, kChunk);
        if (!events)
            return core::Error{events.error()};
        for (const core::Event& e : events.value())
            profile.add(e.time, e.user, e.item, e.kind);
        if (static_cast<qint64>(events.value().size()) < kChunk)
            break;
    }
    return profile.summary();
}

} // namespace recoscope::sim
