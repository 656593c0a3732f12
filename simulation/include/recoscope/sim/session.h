#pragma once
// State of one shopper's visit while it is active in the engine.

#include "recoscope/core/event.h"
#include "recoscope/core/types.h"

#include <boost/random/taus88.hpp>

#include <cstdint>
#include <vector>

namespace recoscope::sim {

struct CartLine {
    core::ItemId item = core::kNoItem;
    bool fromRecommendation = false;
    std::int16_t position = -1;
};

struct Session {
    std::uint64_t id = 0;
    core::UserId user = core::kNoUser;
    /// The user's own stream for this session: (seed, user, session number).
    boost::random::taus88 rng;
    core::SimTime nextTime = 0.0;
    int steps = 0;
    core::Surface surface = core::Surface::Home;
    core::ItemId contextItem = core::kNoItem;
    std::vector<CartLine> cart;
    /// Items already shown in this session: the context for exclusions and fatigue.
    std::vector<core::ItemId> exclusions;
};

} // namespace recoscope::sim
