#pragma once
// InspectorLedger: what the shopper and item inspectors and teaching mode show of one
// core of an arena, kept as the arena advances it. O(users + items) tables — RFM counters,
// the last slate and a 12-event ring of every user who acted, per-item totals and a bounded
// number of time bins (at most 8M counters, 32 MB; larger catalogues keep totals only) —
// never anything that grows with events. Lives on the arena's thread; the answers are
// values (inspection.h). The engine passed to every call is the core's own and must be the
// one the ledger was built for.

#include "recoscope/core/user_outcomes.h"
#include "recoscope/sim/engine.h"
#include "recoscope/sim/inspection.h"

#include <array>
#include <cstddef>
#include <unordered_map>
#include <vector>

namespace recoscope::sim {

class InspectorLedger {
public:
    static constexpr std::size_t kRecentEvents = 12;

    /// Sized for the engine's world; `duration` (simulated seconds) spreads the time bins.
    InspectorLedger(const World& world, core::SimTime duration);

    /// Records one action the core just took (after Engine::nextAction), with the
    /// explanations composed when its slate was served (null when none were: they are
    /// then not kept for this user's slate).
    void track(const ActionRecord& action, const std::vector<core::Explanation>* served);

    /// The entries of `slate` with their serve-time explanations (`served`, one per entry,
    /// or null: entries without explanation).
    static std::vector<ExplainedEntry> entries(const core::ItemTable& items,
                                               const core::Slate& slate,
                                               const std::vector<core::Explanation>* served);
    /// `record` for teaching mode: the action with its serve-time explanations, and the
    /// previous slate the same user was served, as it was explained then (call before
    /// track(action)).
    void describe(const Engine& engine, const ActionRecord& action,
                  const std::vector<core::Explanation>* served, StepRecord& record) const;
    /// The state of one shopper / item; an unknown id gives valid = false and an error.
    UserInspection inspectUser(const Engine& engine, const core::UserOutcomes& outcomes,
                               core::UserId user) const;
    ItemInspection inspectItem(const Engine& engine, core::ItemId item) const;

private:
    struct UserStats {
        std::uint64_t purchases = 0;
        double spent = 0.0;
        core::SimTime lastPurchase = -1.0;
    };
    struct UserDetail {
        std::array<core::Event, kRecentEvents> ring{};
        std::size_t count = 0; // events written so far (ring position = count % size)
        core::SimTime slateTime = -1.0;
        core::Surface surface = core::Surface::Home;
        core::ItemId contextItem = core::kNoItem;
        core::Slate slate;
        std::vector<ExplainedEntry> explained; // the slate as explained when served, or empty
    };
    struct ItemStats {
        std::uint64_t impressions = 0, clicks = 0, purchases = 0;
    };
    void bump(core::ItemId item, core::SimTime t, int which);

    const core::ItemTable& m_itemTable; // the world's, which outlives the ledger
    std::vector<UserStats> m_users;
    // Only users who acted get details, so memory follows the active population.
    std::unordered_map<core::UserId, UserDetail> m_details;
    std::vector<ItemStats> m_items;
    std::size_t m_bins = 0;
    double m_binSeconds = 1.0;
    std::vector<std::uint32_t> m_binCells; // item-major: [item][bin][impr, click, purchase]
};

} // namespace recoscope::sim
