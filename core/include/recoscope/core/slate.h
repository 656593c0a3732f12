#pragma once
// The answer to a Request.

#include "recoscope/core/types.h"

#include <cmath>
#include <limits>
#include <vector>

namespace recoscope::core {

struct SlateEntry {
    ItemId item = kNoItem;
    /// The core's score; only the order within one slate is meaningful.
    float score = 0.0f;
    /// Marginal probability that the core shows this item at this position for this request,
    /// given everything it has learnt so far: 1 for deterministic cores, the exact sampling
    /// probability for `random` and `egreedy`, kUnknownPropensity (NaN) for samplers without
    /// a closed form (`thompson`, wrappers of a stochastic core). Stored with every slate of a
    /// run so that it can serve off-policy evaluation (docs/ope.md).
    float propensity = 1.0f;
};

/// The propensity of an entry whose probability has no closed form.
inline constexpr float kUnknownPropensity = std::numeric_limits<float>::quiet_NaN();

/// False for kUnknownPropensity (and any other value outside (0, 1]).
inline bool propensityKnown(float p) {
    return p > 0.0f && p <= 1.0f;
}

/// Items in display order, position 0 first.
using Slate = std::vector<SlateEntry>;

} // namespace recoscope::core
