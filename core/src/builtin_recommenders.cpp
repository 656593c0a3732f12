// The list of cores that ship with Recoscope. Registration is explicit (no static
// constructors): a static library's linker would drop self-registering objects.

#include "recoscope/core/registry.h"

#include "recommenders/itemknn_recommender.h"
#include "recommenders/popularity_recommender.h"
#include "recommenders/random_recommender.h"
#include "recommenders/suite_entries.h"

#include <cassert>

namespace recoscope::core {

void registerBuiltinRecommenders(RecommenderRegistry& registry) {
    // Order = order in pickers and `list-recommenders`: baselines, content, neighbourhood,
    // session, factorisation, neural, bandits, hybrids, re-rankers, bounds.
    for (RecommenderEntry (*entry)() : {
             &randomRecommenderEntry,      &popularityRecommenderEntry,
             &trendingRecommenderEntry,    &recentRecommenderEntry,
             &contentRecommenderEntry,     &demographicRecommenderEntry,
             &itemKnnRecommenderEntry,     &userKnnRecommenderEntry,
             &sessionKnnRecommenderEntry,  &markovRecommenderEntry,
             &mfSgdRecommenderEntry,       &bprRecommenderEntry,
             &ialsRecommenderEntry,        &ncfRecommenderEntry,
             &sequenceRecommenderEntry,    &epsilonGreedyRecommenderEntry,
             &ucbRecommenderEntry,         &thompsonRecommenderEntry,
             &linUcbRecommenderEntry,      &hybridSwitchRecommenderEntry,
             &hybridBlendRecommenderEntry, &mmrRecommenderEntry,
             &fatigueRecommenderEntry,     &businessRulesRecommenderEntry,
             &oracleRecommenderEntry,      &antiOracleRecommenderEntry,
         }) {
        [[maybe_unused]] Status st = registry.add(entry());
        assert(st.ok());
    }
}

} // namespace recoscope::core
