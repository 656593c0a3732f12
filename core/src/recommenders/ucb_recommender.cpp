#include "ucb_recommender.h"

#include "item_bandit.h"

namespace recoscope::core {

RecommenderEntry ucbRecommenderEntry() {
    RecommenderEntry e;
    e.id = "ucb";
    e.description =
        "UCB1 bandit over items: observed CTR plus an optimism bonus for rarely shown items";
    e.family = "bandit";
    e.params = kit::withPriorParams(kit::realParam(
        "exploration", 0.0, 10.0, 0.1, "Scale c of the confidence bonus c*sqrt(2 ln N / n)"));
    e.make = kit::makeBandit<kit::Policy::Ucb>;
    return e;
}

} // namespace recoscope::core
