#include "mmr_recommender.h"

#include "rerank_recommender.h"

namespace recoscope::core {

RecommenderEntry mmrRecommenderEntry() {
    RecommenderEntry e;
    e.id = "mmr";
    e.description = "Re-ranker: diversifies any core's slate by maximal marginal relevance";
    e.family = "re-ranker";
    e.params = kit::rerankParams(kit::Rerank::Mmr);
    e.make = kit::makeRerank<kit::Rerank::Mmr>;
    return e;
}

} // namespace recoscope::core
