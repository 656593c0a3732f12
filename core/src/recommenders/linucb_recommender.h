#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `linucb`: LinUCB contextual bandit, a ridge regression over item features and the
/// shopper's category and brand interest learnt from slate feedback, plus an upper
/// confidence bound for exploration.
RecommenderEntry linUcbRecommenderEntry();
} // namespace recoscope::core
