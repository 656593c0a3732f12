#include "recoscope/sim/run_analysis.h"

#include "recoscope/sim/run_store.h"
#include "recoscope/sim/shopper_groups_json.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace recoscope::sim {

namespace {

constexpr std::size_t kMaxPathLength = 6;
constexpr std::size_t kMaxDistinctPaths = 20000;

char kindLetter(core::EventKind k) {
    switch (k) {
    case core::EventKind::View:
        return 'V';
    case core::EventKind::Click:
        return 'C';
    case core::EventKind::Search:
        return 'S';
    case core::EventKind::Favourite:
        return 'F';
    case core::EventKind::CartAdd:
        return 'A';
    case core::EventKind::CartRemove:
        return 'R';
    case core::EventKind::Purchase:
        return 'P';
    }
    return '?';
}

} // namespace

RunAnalysis::RunAnalysis(const Scenario& scenario, const World& world, std::uint64_t seed)
    : m_scenario(scenario), m_world(world), m_seed(seed), m_users(world.users.size()),
      m_openPath(world.users.size()), m_openPurchase(world.users.size(), 0) {
    // Windows for the timeline: before / during / after, each as long as the event (one
    // day for instantaneous ones).
    const std::size_t items = world.items.size();
    std::size_t launchedSoFar = static_cast<std::size_t>(scenario.catalogue.items);
    int cohortsSoFar = 0;
    for (std::size_t k = 0; k < scenario.timeline.size(); ++k) {
        const TimelineEvent& e = scenario.timeline[k];
        Window w;
        w.entry = k;
        w.start = e.startDay * core::kSecondsPerDay;
        const bool window =
            e.kind == TimelineEvent::Kind::Promotion || e.kind == TimelineEvent::Kind::Season;
        w.end = window ? e.endDay * core::kSecondsPerDay : w.start + core::kSecondsPerDay;
        const double length = w.end - w.start;
        w.before = w.start - length;
        w.after = w.end + length;
        if (e.kind == TimelineEvent::Kind::Promotion || e.kind == TimelineEvent::Kind::StockShock) {
            w.covers.assign(items, 0);
            for (core::ItemId i = 0; i < items; ++i)
                w.covers[i] =
                    (e.category < 0 ||
                     world.inCategory(i, static_cast<std::uint32_t>(e.category))) &&
                    (e.brand < 0 || world.items.brand[i] == static_cast<std::uint32_t>(e.brand));
        } else if (e.kind == TimelineEvent::Kind::Cohort) {
            ++cohortsSoFar;
            w.group = cohortsSoFar;
        } else if (e.kind == TimelineEvent::Kind::Launch) {
            w.covers.assign(items, 0);
            for (std::size_t i = launchedSoFar;
                 i < launchedSoFar + static_cast<std::size_t>(e.items) && i < items; ++i)
                w.covers[i] = 1;
            launchedSoFar += static_cast<std::size_t>(e.items);
        }
        m_windows.push_back(std::move(w));
    }
}

void RunAnalysis::addSlate(core::UserId user, std::size_t size) {
    m_slatesFed = true;
    m_impressions += size;
    ++m_requests;
    if (user < m_users.size())
        m_users[user].impressions += static_cast<std::uint32_t>(size);
}

void RunAnalysis::setTotals(std::uint64_t impressions, std::uint64_t requests) {
    m_impressions = impressions;
    m_requests = requests;
}

void RunAnalysis::closeVisit(core::UserId user) {
    std::string& path = m_openPath[user];
    if (path.empty())
        return;
    ++m_visits;
    m_visitsWithPurchase += m_openPurchase[user];
    ++m_users[user].visits;
    auto it = m_paths.find(path);
    if (it != m_paths.end())
        ++it->second;
    else if (m_paths.size() < kMaxDistinctPaths)
        m_paths.emplace(path, 1);
    path.clear();
    m_openPurchase[user] = 0;
}

void RunAnalysis::addEvent(const core::Event& e) {
    m_lastTime = e.time;
    const auto kind = static_cast<std::size_t>(e.kind);
    if (kind < m_byKind.size())
        ++m_byKind[kind];
    const auto hour =
        static_cast<std::size_t>(std::fmod(std::floor(e.time / core::kSecondsPerHour), 24.0));
    const auto day =
        static_cast<std::size_t>(std::fmod(std::floor(e.time / core::kSecondsPerDay), 7.0));
    ++m_byHour[hour];
    ++m_byDay[day];
    if (e.kind == core::EventKind::Purchase)
        ++m_purchasesByHour[hour];
    if (e.fromRecommendation) {
        switch (e.kind) {
        case core::EventKind::Click:
            ++m_recClicks;
            break;
        case core::EventKind::Favourite:
            ++m_recFavourites;
            break;
        case core::EventKind::CartAdd:
            ++m_recCarts;
            break;
        case core::EventKind::Purchase:
            ++m_recPurchases;
            break;
        default:
            break;
        }
    }

    if (e.user < m_users.size()) {
        UserStats& u = m_users[e.user];
        if (u.lastEvent >= 0.0 && e.time - u.lastEvent > kVisitGapSeconds)
            closeVisit(e.user);
        u.lastEvent = e.time;
        std::string& path = m_openPath[e.user];
        if (path.size() < kMaxPathLength)
            path.push_back(kindLetter(e.kind));
        else if (path.size() == kMaxPathLength)
            path.push_back('+');
        const bool hasItem = m_world.items.contains(e.item);
        switch (e.kind) {
        case core::EventKind::View:
            ++u.views;
            break;
        case core::EventKind::Click:
            ++u.clicks;
            break;
        case core::EventKind::Favourite:
            ++u.favourites;
            break;
        case core::EventKind::CartAdd:
            ++u.carts;
            break;
        case core::EventKind::Purchase:
            ++u.purchases;
            u.recPurchases += e.fromRecommendation;
            u.spend += e.price;
            u.lastPurchase = e.time;
            m_openPurchase[e.user] = 1;
            break;
        default:
            break;
        }
        if (hasItem && (e.kind == core::EventKind::View || e.kind == core::EventKind::Click))
            u.viewedPriceLogSum += m_world.itemLogRelPrice[e.item];
    }

    for (Window& w : m_windows) {
        if (e.time < w.before || e.time >= w.after)
            continue;
        const int slot = e.time < w.start ? 0 : (e.time < w.end ? 1 : 2);
        ++w.events[slot];
        const bool covered =
            !w.covers.empty() && m_world.items.contains(e.item) && w.covers[e.item];
        if (w.group > 0 && e.user < m_world.userGroup.size() &&
            m_world.userGroup[e.user] == w.group) {
            ++w.groupEvents[slot];
            w.groupPurchases[slot] += e.kind == core::EventKind::Purchase ? 1 : 0;
        }
        if (e.kind == core::EventKind::Purchase) {
            ++w.allPurchases[slot];
            if (covered || w.covers.empty()) {
                ++w.purchases[slot];
                w.revenue[slot] += e.price;
            }
        }
        if (covered && (e.kind == core::EventKind::View || e.kind == core::EventKind::Click))
            ++w.views[slot];
    }
}

std::vector<int> RunAnalysis::userSegments() const {
    std::vector<int> labels;
    segmentsJson(&labels);
    return labels;
}

QJsonObject RunAnalysis::toJson(core::SimTime now) const {
    // Visits still open count as closed for the report (a copy: the analysis goes on).
    RunAnalysis copy = *this;
    for (core::UserId u = 0; u < copy.m_users.size(); ++u)
        copy.closeVisit(u);
    return QJsonObject{{QStringLiteral("activity"), copy.activityJson()},
                       {QStringLiteral("funnel"), copy.funnelJson()},
                       {QStringLiteral("paths"), copy.pathsJson()},
                       {QStringLiteral("segments"), copy.segmentsJson()},
                       {QStringLiteral("rfm"), copy.rfmJson(now)},
                       {QStringLiteral("timeline"), copy.timelineJson()}};
}

} // namespace recoscope::sim
