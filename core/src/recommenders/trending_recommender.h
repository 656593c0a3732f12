#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `trending`: items whose recent activity outpaces their baseline (a ratio of two decayed
/// counts), weighted by the shopper's interest in their top categories. Cheap, explainable
/// and one of the usual first lines of a shop's home page.
RecommenderEntry trendingRecommenderEntry();
} // namespace recoscope::core
