#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `fatigue`: re-ranker that never shows an item to a shopper more than N times a day.
RecommenderEntry fatigueRecommenderEntry();
} // namespace recoscope::core
