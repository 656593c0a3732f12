#include "rules_recommender.h"

#include "rerank_recommender.h"

namespace recoscope::core {

RecommenderEntry businessRulesRecommenderEntry() {
    RecommenderEntry e;
    e.id = "rules";
    e.description =
        "Re-ranker: business rules on any core (drop out-of-stock, boost promoted items)";
    e.family = "re-ranker";
    e.params = kit::rerankParams(kit::Rerank::Rules);
    e.make = kit::makeRerank<kit::Rerank::Rules>;
    return e;
}

} // namespace recoscope::core
