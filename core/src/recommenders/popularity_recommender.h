#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `popularity`: weighted global interaction counts, optionally with exponential time decay.
RecommenderEntry popularityRecommenderEntry();
} // namespace recoscope::core
