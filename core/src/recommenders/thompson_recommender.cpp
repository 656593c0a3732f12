#include "thompson_recommender.h"

#include "item_bandit.h"

namespace recoscope::core {

RecommenderEntry thompsonRecommenderEntry() {
    RecommenderEntry e;
    e.id = "thompson";
    e.description = "Thompson sampling over items with Beta-Bernoulli click models";
    e.family = "bandit";
    e.params = kit::priorParams();
    e.make = kit::makeBandit<kit::Policy::Thompson>;
    return e;
}

} // namespace recoscope::core
