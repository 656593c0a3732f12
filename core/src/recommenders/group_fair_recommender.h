#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `group-fair`: re-ranker that narrows the CTR gap between groups of shoppers (one
/// demographic attribute) by re-ranking, for the groups it serves worse than average, with
/// what that group has been seen to click (fairness across shoppers, issue 16;
/// docs/recommenders.md#group-fair, decision 0033).
RecommenderEntry groupFairRecommenderEntry();
} // namespace recoscope::core
