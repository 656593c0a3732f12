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

    /// Records one action the core just took (after Engine::nextAction).
    void track(const ActionRecord& action);

    /// The core's explanation of each entry of `slate`, served for `request`.
    static std::vector<ExplainedEntry> explain(const Engine& engine, const core::Request& request,
                                               const core::Slate& slate);
    /// `record` for teaching mode: the action with explanations, and the previous slate the
    /// same user was served (call before track(action)).
    void describe(const Engine& engine, const ActionRecord& action, StepRecord& record) const;
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
    };
    struct ItemStats {
        std::uint64_t impressions = 0, clicks = 0, purchases = 0;
    };
    void bump(core::ItemId item, core::SimTime t, int which);

    std::vector<UserStats> m_users;
    // Only users who acted get details, so memory follows the active population.
    std::unordered_map<core::UserId, UserDetail> m_details;
    std::vector<ItemStats> m_items;
    std::size_t m_bins = 0;
    double m_binSeconds = 1.0;
    std::vector<std::uint32_t> m_binCells; // item-major: [item][bin][impr, click, purchase]
};

} // namespace recoscope::sim
