#include "egreedy_recommender.h"

#include "item_bandit.h"

namespace recoscope::core {

RecommenderEntry epsilonGreedyRecommenderEntry() {
    RecommenderEntry e;
    e.id = "egreedy";
    e.description =
        "Epsilon-greedy bandit over items: best observed CTRs, random exploration per slot";
    e.family = "bandit";
    e.params = kit::withPriorParams(
        kit::realParam("epsilon", 0.0, 1.0, 0.1, "Probability that a slot shows a random item"));
    e.make = kit::makeBandit<kit::Policy::EpsilonGreedy>;
    return e;
}

} // namespace recoscope::core
