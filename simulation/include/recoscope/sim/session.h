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
    /// What happened so far (satisfaction at the end, analyses).
    int slates = 0;
    int slatesWithoutClick = 0;
    int clicks = 0;
    int purchases = 0;
    /// Lost to stock-outs: cart lines the shopper would have bought at checkout but found
    /// sold out, and organic choices (browsing, search, "next" items) whose first choice
    /// was sold out (ShopperModel::organicItem, successorItem).
    int lostCarts = 0;
    int lostRequests = 0;
    /// Regret: summed over the sampled slates of the session (click probability lost
    /// against the best possible slate), and how many slates were sampled.
    double regret = 0.0;
    int regretSamples = 0;
    /// Surface of the session's first step.
    core::Surface startSurface = core::Surface::Home;
};

} // namespace recoscope::sim
