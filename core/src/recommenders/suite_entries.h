#pragma once
// Entries of the recommender suite (issue 5); each is documented in docs/recommenders.md.

#include "recoscope/core/registry.h"

namespace recoscope::core {

// Baselines
RecommenderEntry trendingRecommenderEntry();
RecommenderEntry recentRecommenderEntry();
// Content and demographic
RecommenderEntry contentRecommenderEntry();
RecommenderEntry demographicRecommenderEntry();
// Neighbourhood
RecommenderEntry userKnnRecommenderEntry();
// Session-based
RecommenderEntry sessionKnnRecommenderEntry();
RecommenderEntry markovRecommenderEntry();
// Factorisation
RecommenderEntry mfSgdRecommenderEntry();
RecommenderEntry bprRecommenderEntry();
RecommenderEntry ialsRecommenderEntry();
// Neural
RecommenderEntry ncfRecommenderEntry();
RecommenderEntry sequenceRecommenderEntry();
// Bandits
RecommenderEntry epsilonGreedyRecommenderEntry();
RecommenderEntry ucbRecommenderEntry();
RecommenderEntry thompsonRecommenderEntry();
RecommenderEntry linUcbRecommenderEntry();
// Hybrids
RecommenderEntry hybridSwitchRecommenderEntry();
RecommenderEntry hybridBlendRecommenderEntry();
// Re-rankers
RecommenderEntry mmrRecommenderEntry();
RecommenderEntry fatigueRecommenderEntry();
RecommenderEntry businessRulesRecommenderEntry();
// Bounds
RecommenderEntry oracleRecommenderEntry();
RecommenderEntry antiOracleRecommenderEntry();

} // namespace recoscope::core
