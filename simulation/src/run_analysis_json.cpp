// RunAnalysis's report: the JSON sections (activity, funnel, paths, RFM, segments, timeline)
// built from what run_analysis.cpp collected during the run.

#include "recoscope/sim/run_analysis.h"

#include "recoscope/sim/seeds.h"
#include "recoscope/sim/shopper_groups_json.h"

#include <Eigen/Core>

#include <boost/random/uniform_01.hpp>

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace recoscope::sim {

namespace {

QString pathText(const std::string& letters) {
    QStringList parts;
    for (char c : letters) {
        switch (c) {
        case 'V':
            parts << QStringLiteral("view");
            break;
        case 'C':
            parts << QStringLiteral("click");
            break;
        case 'S':
            parts << QStringLiteral("search");
            break;
        case 'F':
            parts << QStringLiteral("favourite");
            break;
        case 'A':
            parts << QStringLiteral("cart-add");
            break;
        case 'R':
            parts << QStringLiteral("cart-remove");
            break;
        case 'P':
            parts << QStringLiteral("purchase");
            break;
        case '+':
            parts << QStringLiteral("...");
            break;
        default:
            break;
        }
    }
    return parts.join(QStringLiteral(" > "));
}

double ratio(double a, double b) {
    return b > 0.0 ? a / b : 0.0;
}

QJsonArray toArray(const auto& values) {
    QJsonArray a;
    for (auto v : values)
        a.append(static_cast<double>(v));
    return a;
}

} // namespace

QJsonObject RunAnalysis::activityJson() const {
    static const char* const kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    QJsonArray days;
    for (const char* d : kDays)
        days.append(QString::fromLatin1(d));
    return QJsonObject{{QStringLiteral("events_by_hour"), toArray(m_byHour)},
                       {QStringLiteral("purchases_by_hour"), toArray(m_purchasesByHour)},
                       {QStringLiteral("events_by_weekday"), toArray(m_byDay)},
                       {QStringLiteral("weekdays"), days}};
}

QJsonObject RunAnalysis::funnelJson() const {
    // Attributed funnel (the recommender's): impressions -> clicks -> favourites / carts
    // -> purchases that follow a recommendation click; and the shop-wide one over every
    // product view (clicks and organic views).
    auto k = [this](core::EventKind kind) {
        return static_cast<double>(m_byKind[static_cast<std::size_t>(kind)]);
    };
    const double impressions = static_cast<double>(m_impressions);
    const double clicks = static_cast<double>(m_recClicks);
    const double favs = static_cast<double>(m_recFavourites);
    const double carts = static_cast<double>(m_recCarts);
    const double purchases = static_cast<double>(m_recPurchases);
    QJsonArray steps;
    auto step = [&](const char* name, double count, double previous) {
        steps.append(QJsonObject{
            {QStringLiteral("step"), QString::fromLatin1(name)},
            {QStringLiteral("count"), count},
            {QStringLiteral("rate_from_previous"), ratio(count, previous)},
            {QStringLiteral("drop_off"), previous > 0.0 ? 1.0 - ratio(count, previous) : 0.0}});
    };
    step("impression", impressions, 0.0);
    step("click", clicks, impressions);
    step("favourite", favs, clicks);
    step("cart", carts, clicks);
    step("purchase", purchases, carts);
    const double productViews = k(core::EventKind::View) + k(core::EventKind::Click);
    const double allEvents = [this] {
        double s = 0.0;
        for (auto c : m_byKind)
            s += static_cast<double>(c);
        return s;
    }();
    QJsonObject shop{
        {QStringLiteral("product_views"), productViews},
        {QStringLiteral("carts"), k(core::EventKind::CartAdd)},
        {QStringLiteral("cart_removes"), k(core::EventKind::CartRemove)},
        {QStringLiteral("purchases"), k(core::EventKind::Purchase)},
        {QStringLiteral("view_to_cart"), ratio(k(core::EventKind::CartAdd), productViews)},
        {QStringLiteral("cart_to_purchase"),
         ratio(k(core::EventKind::Purchase), k(core::EventKind::CartAdd))},
        {QStringLiteral("share_views"), ratio(productViews, allEvents)},
        {QStringLiteral("share_carts"), ratio(k(core::EventKind::CartAdd), allEvents)},
        {QStringLiteral("share_purchases"), ratio(k(core::EventKind::Purchase), allEvents)}};
    QJsonObject visits{
        {QStringLiteral("visits"), static_cast<double>(m_visits)},
        {QStringLiteral("with_purchase"), ratio(double(m_visitsWithPurchase), double(m_visits))},
        {QStringLiteral("events_per_visit"), ratio(allEvents, double(m_visits))}};
    return QJsonObject{{QStringLiteral("recommendations"), steps},
                       {QStringLiteral("ctr"), ratio(clicks, impressions)},
                       {QStringLiteral("shop"), shop},
                       {QStringLiteral("visits"), visits}};
}

QJsonObject RunAnalysis::pathsJson() const {
    std::vector<std::pair<std::uint64_t, std::string>> top;
    for (const auto& [path, count] : m_paths)
        top.push_back({count, path});
    // Most frequent first; ties by the path text, so the order never depends on the map.
    std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) {
        return a.first > b.first || (a.first == b.first && a.second < b.second);
    });
    QJsonArray list;
    for (std::size_t k = 0; k < top.size() && k < 15; ++k)
        list.append(
            QJsonObject{{QStringLiteral("path"), pathText(top[k].second)},
                        {QStringLiteral("visits"), static_cast<double>(top[k].first)},
                        {QStringLiteral("share"), ratio(double(top[k].first), double(m_visits))}});
    // The classic conversion path: a visit that views, carts and buys.
    std::uint64_t viewCartBuy = 0;
    for (const auto& [path, count] : m_paths) {
        const auto v = path.find_first_of("VC");
        const auto a = path.find('A', v == std::string::npos ? 0 : v);
        if (v != std::string::npos && a != std::string::npos &&
            path.find('P', a) != std::string::npos)
            viewCartBuy += count;
    }
    return QJsonObject{
        {QStringLiteral("top"), list},
        {QStringLiteral("view_cart_purchase_visits"), static_cast<double>(viewCartBuy)},
        {QStringLiteral("distinct_paths"), static_cast<double>(m_paths.size())}};
}

QJsonObject RunAnalysis::rfmJson(core::SimTime now) const {
    // Recency in days since the last purchase, frequency in purchases, monetary in money
    // spent; buckets fixed so that runs compare.
    std::array<std::uint64_t, 5> recency{};   // <1d, 1-3d, 3-7d, 7-30d, >30d
    std::array<std::uint64_t, 4> frequency{}; // 1, 2, 3-5, 6+
    std::vector<float> monetary;
    std::uint64_t never = 0;
    for (const UserStats& u : m_users) {
        if (u.purchases == 0) {
            never += u.visits > 0 || u.lastEvent >= 0.0;
            continue;
        }
        const double days = (now - u.lastPurchase) / core::kSecondsPerDay;
        recency[days < 1 ? 0 : days < 3 ? 1 : days < 7 ? 2 : days < 30 ? 3 : 4]++;
        frequency[u.purchases == 1 ? 0 : u.purchases == 2 ? 1 : u.purchases <= 5 ? 2 : 3]++;
        monetary.push_back(u.spend);
    }
    std::sort(monetary.begin(), monetary.end());
    auto quantile = [&](double q) {
        return monetary.empty()
                   ? 0.0
                   : static_cast<double>(
                         monetary[static_cast<std::size_t>(q * double(monetary.size() - 1))]);
    };
    return QJsonObject{
        {QStringLiteral("buyers"), static_cast<double>(monetary.size())},
        {QStringLiteral("active_non_buyers"), static_cast<double>(never)},
        {QStringLiteral("recency_days"),
         QJsonObject{{QStringLiteral("buckets"),
                      QJsonArray{QStringLiteral("<1"), QStringLiteral("1-3"), QStringLiteral("3-7"),
                                 QStringLiteral("7-30"), QStringLiteral(">30")}},
                     {QStringLiteral("buyers"), toArray(recency)}}},
        {QStringLiteral("frequency"),
         QJsonObject{
             {QStringLiteral("buckets"), QJsonArray{QStringLiteral("1"), QStringLiteral("2"),
                                                    QStringLiteral("3-5"), QStringLiteral("6+")}},
             {QStringLiteral("buyers"), toArray(frequency)}}},
        {QStringLiteral("monetary_quantiles"),
         QJsonObject{{QStringLiteral("p25"), quantile(0.25)},
                     {QStringLiteral("p50"), quantile(0.5)},
                     {QStringLiteral("p75"), quantile(0.75)},
                     {QStringLiteral("p95"), quantile(0.95)},
                     {QStringLiteral("max"), quantile(1.0)}}}};
}

QJsonObject RunAnalysis::segmentsJson(std::vector<int>* userSegment) const {
    // k-means (Lloyd, k-means++ seeding from the run's own "segments" stream) on
    // standardised profile + behaviour features of every user seen in the run.
    std::vector<core::UserId> ids;
    for (core::UserId u = 0; u < m_users.size(); ++u)
        if (m_users[u].lastEvent >= 0.0)
            ids.push_back(u);
    constexpr int kFeatures = 9;
    const auto n = static_cast<Eigen::Index>(ids.size());
    const int k = static_cast<int>(std::min<Eigen::Index>(kSegments, n));
    if (userSegment)
        userSegment->assign(m_users.size(), -1);
    if (k == 0)
        return QJsonObject{{QStringLiteral("k"), 0}, {QStringLiteral("segments"), QJsonArray{}}};
    Eigen::MatrixXd x(n, kFeatures);
    const core::UserTable& t = m_world.users;
    for (Eigen::Index r = 0; r < n; ++r) {
        const core::UserId id = ids[static_cast<std::size_t>(r)];
        const UserStats& u = m_users[id];
        const double seen = u.views + u.clicks;
        x.row(r) << t.ageBand[id], t.gender[id] == 0, std::log1p(m_world.userActivity[id]),
            std::log1p(u.views), std::log1p(u.clicks), std::log1p(u.carts), std::log1p(u.purchases),
            std::log1p(u.spend), seen > 0 ? u.viewedPriceLogSum / seen : 0.0;
    }
    const Eigen::RowVectorXd mean = x.colwise().mean();
    Eigen::RowVectorXd sd =
        ((x.rowwise() - mean).array().square().colwise().sum() / std::max<double>(1.0, double(n)))
            .sqrt();
    for (int f = 0; f < kFeatures; ++f)
        if (sd(f) <= 1e-12)
            sd(f) = 1.0;
    const Eigen::MatrixXd z = (x.rowwise() - mean).array().rowwise() / sd.array();

    boost::random::mt19937 rng = makeComponentEngine(streamSeed(m_seed, "segments"));
    boost::random::uniform_01<double> uniform;
    Eigen::MatrixXd centres(k, kFeatures);
    centres.row(0) = z.row(static_cast<Eigen::Index>(uniform(rng) * double(n)) % n);
    Eigen::VectorXd d2 = (z.rowwise() - centres.row(0)).rowwise().squaredNorm();
    for (int c = 1; c < k; ++c) {
        double r = uniform(rng) * d2.sum();
        Eigen::Index pick = n - 1;
        for (Eigen::Index i = 0; i < n; ++i) {
            if (r < d2(i)) {
                pick = i;
                break;
            }
            r -= d2(i);
        }
        centres.row(c) = z.row(pick);
        d2 = d2.cwiseMin((z.rowwise() - centres.row(c)).rowwise().squaredNorm());
    }
    std::vector<int> label(static_cast<std::size_t>(n), 0);
    for (int iter = 0; iter < 30; ++iter) {
        bool changed = false;
        for (Eigen::Index i = 0; i < n; ++i) {
            Eigen::Index best = 0;
            (centres.rowwise() - z.row(i)).rowwise().squaredNorm().minCoeff(&best);
            if (label[static_cast<std::size_t>(i)] != static_cast<int>(best)) {
                label[static_cast<std::size_t>(i)] = static_cast<int>(best);
                changed = true;
            }
        }
        Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(k, kFeatures);
        Eigen::VectorXd count = Eigen::VectorXd::Zero(k);
        for (Eigen::Index i = 0; i < n; ++i) {
            sum.row(label[static_cast<std::size_t>(i)]) += z.row(i);
            count(label[static_cast<std::size_t>(i)]) += 1.0;
        }
        for (int c = 0; c < k; ++c)
            if (count(c) > 0)
                centres.row(c) = sum.row(c) / count(c);
        if (!changed && iter > 0)
            break;
    }

    struct Seg {
        double users = 0, impressions = 0, clicks = 0, views = 0, carts = 0, purchases = 0,
               recPurchases = 0, spend = 0, age = 0, female = 0, activity = 0;
    };
    std::vector<Seg> seg(static_cast<std::size_t>(k));
    for (Eigen::Index i = 0; i < n; ++i) {
        const core::UserId id = ids[static_cast<std::size_t>(i)];
        const UserStats& u = m_users[id];
        Seg& s = seg[static_cast<std::size_t>(label[static_cast<std::size_t>(i)])];
        s.users += 1;
        s.impressions += u.impressions;
        s.clicks += u.clicks;
        s.views += u.views;
        s.carts += u.carts;
        s.purchases += u.purchases;
        s.recPurchases += u.recPurchases;
        s.spend += u.spend;
        s.age += t.ageBand[id];
        s.female += t.gender[id] == 0;
        s.activity += m_world.userActivity[id];
    }
    // Largest segment first; ties by spend, so the labels are stable.
    std::vector<int> order(static_cast<std::size_t>(k));
    for (int c = 0; c < k; ++c)
        order[static_cast<std::size_t>(c)] = c;
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const Seg& x1 = seg[static_cast<std::size_t>(a)];
        const Seg& x2 = seg[static_cast<std::size_t>(b)];
        return x1.users > x2.users || (x1.users == x2.users && x1.spend > x2.spend);
    });
    if (userSegment) {
        std::vector<int> rank(static_cast<std::size_t>(k));
        for (int r = 0; r < k; ++r)
            rank[static_cast<std::size_t>(order[static_cast<std::size_t>(r)])] = r;
        for (Eigen::Index i = 0; i < n; ++i)
            (*userSegment)[ids[static_cast<std::size_t>(i)]] =
                rank[static_cast<std::size_t>(label[static_cast<std::size_t>(i)])];
    }
    QJsonArray list;
    for (int c : order) {
        const Seg& s = seg[static_cast<std::size_t>(c)];
        list.append(QJsonObject{
            {QStringLiteral("users"), s.users},
            {QStringLiteral("mean_age_band"), ratio(s.age, s.users)},
            {QStringLiteral("share_female"), ratio(s.female, s.users)},
            {QStringLiteral("mean_activity"), ratio(s.activity, s.users)},
            {QStringLiteral("clicks_per_user"), ratio(s.clicks, s.users)},
            {QStringLiteral("views_per_user"), ratio(s.views, s.users)},
            {QStringLiteral("purchases_per_user"), ratio(s.purchases, s.users)},
            {QStringLiteral("spend_per_user"), ratio(s.spend, s.users)},
            {QStringLiteral("ctr"),
             m_slatesFed ? QJsonValue(ratio(s.clicks, s.impressions)) : QJsonValue()},
            {QStringLiteral("cvr"), ratio(s.recPurchases, s.clicks)},
            {QStringLiteral("view_to_purchase"), ratio(s.purchases, s.clicks + s.views)}});
    }
    return QJsonObject{{QStringLiteral("k"), k},
                       {QStringLiteral("features"),
                        QJsonArray{QStringLiteral("age_band"), QStringLiteral("female"),
                                   QStringLiteral("log_activity"), QStringLiteral("log_views"),
                                   QStringLiteral("log_clicks"), QStringLiteral("log_carts"),
                                   QStringLiteral("log_purchases"), QStringLiteral("log_spend"),
                                   QStringLiteral("mean_log_relative_price_viewed")}},
                       {QStringLiteral("segments"), list}};
}

QJsonObject RunAnalysis::timelineJson() const {
    QJsonArray list;
    for (const Window& w : m_windows) {
        const TimelineEvent& e = m_scenario.timeline[w.entry];
        auto three = [](const auto& a) {
            return QJsonArray{static_cast<double>(a[0]), static_cast<double>(a[1]),
                              static_cast<double>(a[2])};
        };
        QJsonObject o{{QStringLiteral("type"), timelineKindName(e.kind)},
                      {QStringLiteral("start_day"), e.startDay},
                      {QStringLiteral("window_days"), (w.end - w.start) / core::kSecondsPerDay},
                      {QStringLiteral("complete"), m_lastTime >= w.after},
                      {QStringLiteral("events"), three(w.events)},
                      {QStringLiteral("all_purchases"), three(w.allPurchases)}};
        if (!w.covers.empty()) {
            o.insert(QStringLiteral("covered_views"), three(w.views));
            o.insert(QStringLiteral("covered_purchases"), three(w.purchases));
            o.insert(QStringLiteral("covered_revenue"), three(w.revenue));
            o.insert(QStringLiteral("lift_during"),
                     ratio(double(w.purchases[1]), double(w.purchases[0])));
        }
        if (w.group > 0) {
            o.insert(QStringLiteral("cohort_events"), three(w.groupEvents));
            o.insert(QStringLiteral("cohort_purchases"), three(w.groupPurchases));
        }
        list.append(o);
    }
    return QJsonObject{
        {QStringLiteral("windows"),
         QJsonArray{QStringLiteral("before"), QStringLiteral("during"), QStringLiteral("after")}},
        {QStringLiteral("entries"), list}};
}

} // namespace recoscope::sim
