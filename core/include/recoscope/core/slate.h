#pragma once
// The answer to a Request.

#include "recoscope/core/types.h"

#include <vector>

namespace recoscope::core {

struct SlateEntry {
    ItemId item = kNoItem;
    /// The core's score; only the order within one slate is meaningful.
    float score = 0.0f;
    /// Probability with which the core chose this item at this position given the request
    /// (1 for deterministic cores). Logged so that runs can serve off-policy evaluation.
    float propensity = 1.0f;
};

/// Items in display order, position 0 first.
using Slate = std::vector<SlateEntry>;

} // namespace recoscope::core
