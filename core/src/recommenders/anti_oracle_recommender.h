#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `anti-oracle`: lower bound, the items with the lowest true utility for the shopper (reads
/// the simulator, learns nothing).
RecommenderEntry antiOracleRecommenderEntry();
} // namespace recoscope::core
