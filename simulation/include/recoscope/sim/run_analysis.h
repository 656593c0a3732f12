#pragma once
// The analyses a run is read with (docs/shop-model.md, "Analyses"): activity by hour and
// day of week, the funnel impression -> click -> favourite -> cart -> purchase with its
// drop-off, typical event paths, user segments (k-means on profile + behaviour, Eigen)
// with per-segment CTR and CVR, the RFM distribution, and promotion / launch / cohort
// effects (before, during, after).
//
// Fed event by event in time order (from a live Engine or from a run store), plus the
// slates when they are known (impressions per user; without them per-segment CTR is
// left out). Visits are cut from each user's events at gaps of 30 simulated minutes, so
// the live and the stored analyses agree. Memory grows with users and items, not events.
// Not thread-safe; JSON keys are documented in docs/shop-model.md.

#include "recoscope/core/event.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/sim/world.h"

#include <QJsonObject>

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace recoscope::sim {

class RunStore;

class RunAnalysis {
public:
    /// `world` must outlive the analysis (its tables name categories and profiles).
    RunAnalysis(const Scenario& scenario, const World& world, std::uint64_t seed);

    void addEvent(const core::Event& event);
    /// A slate of `size` items shown to `user` (impressions).
    void addSlate(core::UserId user, std::size_t size);
    /// Totals when slates were not fed one by one (stored runs).
    void setTotals(std::uint64_t impressions, std::uint64_t requests);

    /// Segment of every user (index into toJson()'s segments list, largest first), -1
    /// for users not seen yet. Runs the k-means: call it on demand, not per event.
    std::vector<int> userSegments() const;

    /// Everything, as of simulated time `now`.
    QJsonObject toJson(core::SimTime now) const;

    static constexpr double kVisitGapSeconds = 1800.0;
    static constexpr int kSegments = 5;

private:
    struct UserStats {
        std::uint32_t views = 0, clicks = 0, favourites = 0, carts = 0, purchases = 0,
                      recPurchases = 0;
        std::uint32_t impressions = 0;
        std::uint32_t visits = 0;
        float spend = 0.0f;
        float viewedPriceLogSum = 0.0f;
        double lastEvent = -1.0;
        double lastPurchase = -1.0;
    };
    void closeVisit(core::UserId user);
    QJsonObject funnelJson() const;
    QJsonObject activityJson() const;
    QJsonObject pathsJson() const;
    QJsonObject rfmJson(core::SimTime now) const;
    QJsonObject segmentsJson(std::vector<int>* userSegment = nullptr) const;
    QJsonObject timelineJson() const;

    const Scenario& m_scenario;
    const World& m_world;
    std::uint64_t m_seed;
    std::vector<UserStats> m_users;
    std::vector<std::string> m_openPath; // per user: the current visit's path so far
    std::vector<std::uint8_t> m_openPurchase;
    std::map<std::string, std::uint64_t> m_paths;
    std::uint64_t m_visits = 0, m_visitsWithPurchase = 0, m_visitEvents = 0;
    std::array<std::uint64_t, 24> m_byHour{};
    std::array<std::uint64_t, 24> m_purchasesByHour{};
    std::array<std::uint64_t, 7> m_byDay{};
    std::array<std::uint64_t, core::kEventKindCount> m_byKind{};
    // Attributed funnel: actions that follow a click on a recommendation.
    std::uint64_t m_recClicks = 0, m_recFavourites = 0, m_recCarts = 0, m_recPurchases = 0;
    std::uint64_t m_impressions = 0, m_requests = 0;
    bool m_slatesFed = false;
    // Timeline effects: per timeline entry, counts in the windows before / during / after.
    struct Window {
        std::size_t entry = 0;
        double before = 0, start = 0, end = 0, after = 0; // window bounds in seconds
        std::vector<std::uint8_t> covers;                 // per item (promotion, launch)
        int group = 0;                                    // cohort: its population group
        std::array<std::uint64_t, 3> groupEvents{}, groupPurchases{};
        std::array<std::uint64_t, 3> views{}, purchases{}, allPurchases{}, events{};
        std::array<double, 3> revenue{};
    };
    std::vector<Window> m_windows;
    double m_lastTime = 0.0;
};

/// Recomputes the analyses of a stored run: regenerates its world from the stored
/// scenario and seed (the catalogue and population hashes are checked) and replays its
/// events. Per-segment CTR needs per-user impressions, which are not stored: it is left
/// out (JSON null). Errors name the run and the store.
core::Result<QJsonObject> analyseStoredRun(const RunStore& store, qint64 runId);

} // namespace recoscope::sim
