#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `oracle`: upper bound, the items with the highest true utility for the shopper (reads the
/// simulator, learns nothing).
RecommenderEntry oracleRecommenderEntry();
} // namespace recoscope::core
