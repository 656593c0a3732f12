#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `egreedy`: epsilon-greedy bandit over items, learnt from slate feedback: the best observed
/// CTRs, each slot replaced by a random eligible item with probability epsilon.
RecommenderEntry epsilonGreedyRecommenderEntry();
} // namespace recoscope::core
