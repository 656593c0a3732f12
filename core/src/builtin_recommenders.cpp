// The list of cores that ship with Recoscope. Registration is explicit (no static
// constructors): a static library's linker would drop self-registering objects.

#include "recoscope/core/registry.h"

#include "recommenders/anti_oracle_recommender.h"
#include "recommenders/attn_lite_recommender.h"
#include "recommenders/bpr_recommender.h"
#include "recommenders/content_recommender.h"
#include "recommenders/demographic_recommender.h"
#include "recommenders/egreedy_recommender.h"
#include "recommenders/fatigue_recommender.h"
#include "recommenders/group_fair_recommender.h"
#include "recommenders/gru4rec_recommender.h"
#include "recommenders/hybrid_blend_recommender.h"
#include "recommenders/hybrid_switch_recommender.h"
#include "recommenders/ials_recommender.h"
#include "recommenders/itemknn_recommender.h"
#include "recommenders/linucb_recommender.h"
#include "recommenders/markov_recommender.h"
#include "recommenders/mf_sgd_recommender.h"
#include "recommenders/mmr_recommender.h"
#include "recommenders/ncf_recommender.h"
#include "recommenders/oracle_recommender.h"
#include "recommenders/popularity_recommender.h"
#include "recommenders/random_recommender.h"
#include "recommenders/recent_recommender.h"
#include "recommenders/rules_recommender.h"
#include "recommenders/sasrec_recommender.h"
#include "recommenders/sknn_recommender.h"
#include "recommenders/stock_aware_recommender.h"
#include "recommenders/tail_floor_recommender.h"
#include "recommenders/thompson_recommender.h"
#include "recommenders/trending_recommender.h"
#include "recommenders/ucb_recommender.h"
#include "recommenders/userknn_recommender.h"
#include "recommenders/wide_deep_recommender.h"

#include <cassert>

namespace recoscope::core {

void registerBuiltinRecommenders(RecommenderRegistry& registry) {
    // Order = order in pickers and `list-recommenders`: baselines, content, neighbourhood,
    // session, factorisation, neural, bandits, hybrids, re-rankers, bounds.
    for (RecommenderEntry (*entry)() : {
             &randomRecommenderEntry,        &popularityRecommenderEntry,
             &trendingRecommenderEntry,      &recentRecommenderEntry,
             &contentRecommenderEntry,       &demographicRecommenderEntry,
             &itemKnnRecommenderEntry,       &userKnnRecommenderEntry,
             &sessionKnnRecommenderEntry,    &markovRecommenderEntry,
             &mfSgdRecommenderEntry,         &bprRecommenderEntry,
             &ialsRecommenderEntry,          &ncfRecommenderEntry,
             &attnLiteRecommenderEntry,      &gru4recRecommenderEntry,
             &sasrecRecommenderEntry,        &wideDeepRecommenderEntry,
             &epsilonGreedyRecommenderEntry, &ucbRecommenderEntry,
             &thompsonRecommenderEntry,      &linUcbRecommenderEntry,
             &hybridSwitchRecommenderEntry,  &hybridBlendRecommenderEntry,
             &mmrRecommenderEntry,           &fatigueRecommenderEntry,
             &businessRulesRecommenderEntry, &tailFloorRecommenderEntry,
             &stockAwareRecommenderEntry,    &groupFairRecommenderEntry,
             &oracleRecommenderEntry,        &antiOracleRecommenderEntry,
         }) {
        [[maybe_unused]] Status st = registry.add(entry());
        assert(st.ok());
    }
}

} // namespace recoscope::core
