#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `ucb`: UCB1 bandit over items, learnt from slate feedback: observed CTR plus an optimism
/// bonus for rarely shown items.
RecommenderEntry ucbRecommenderEntry();
} // namespace recoscope::core
