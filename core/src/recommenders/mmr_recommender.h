#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `mmr`: re-ranker that diversifies any core's slate by maximal marginal relevance.
RecommenderEntry mmrRecommenderEntry();
} // namespace recoscope::core
