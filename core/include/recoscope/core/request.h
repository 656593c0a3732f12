#pragma once
// A request for a slate of recommendations.

#include "recoscope/core/event.h"
#include "recoscope/core/types.h"

#include <algorithm>
#include <span>

namespace recoscope::core {

struct Request {
    UserId user = kNoUser;
    SimTime time = 0.0;
    Surface surface = Surface::Home;
    /// Number of items wanted. A core returns exactly k distinct items whenever at least k
    /// available, non-excluded items exist.
    int k = 10;
    /// The product the shopper is looking at (Product surface), or kNoItem.
    ItemId contextItem = kNoItem;
    /// Items that must not appear in the slate (in the cart, just bought, the context item).
    /// The span is only valid during the recommend() call.
    std::span<const ItemId> exclude;

    bool excludes(ItemId item) const {
        return item == contextItem ||
               std::find(exclude.begin(), exclude.end(), item) != exclude.end();
    }
};

} // namespace recoscope::core
