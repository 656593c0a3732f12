#include "fatigue_recommender.h"

#include "rerank_recommender.h"

namespace recoscope::core {

RecommenderEntry fatigueRecommenderEntry() {
    RecommenderEntry e;
    e.id = "fatigue";
    e.description = "Re-ranker: never shows an item to a shopper more than N times a day";
    e.family = "re-ranker";
    e.params = kit::rerankParams(kit::Rerank::Fatigue);
    e.make = kit::makeRerank<kit::Rerank::Fatigue>;
    return e;
}

} // namespace recoscope::core
