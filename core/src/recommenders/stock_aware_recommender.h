#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `stock-aware`: re-ranker that demotes items forecast to sell out within a horizon
/// (docs/recommenders.md; docs/decisions/0029-inventory-warnings.md).
RecommenderEntry stockAwareRecommenderEntry();
} // namespace recoscope::core
