#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `thompson`: Thompson sampling over items, one draw per item from Beta-Bernoulli click
/// models learnt from slate feedback.
RecommenderEntry thompsonRecommenderEntry();
} // namespace recoscope::core
