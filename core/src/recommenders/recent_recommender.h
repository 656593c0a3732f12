#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `recent`: the shopper's own recently viewed, carted and bought items, scored by implicit
/// weight and recency (re-view and re-buy). Cheap, explainable and one of the usual first
/// lines of a shop's home page.
RecommenderEntry recentRecommenderEntry();
} // namespace recoscope::core
