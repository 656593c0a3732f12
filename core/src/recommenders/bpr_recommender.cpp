#include "bpr_recommender.h"

#include "sgd_factor_recommender.h"

namespace recoscope::core {

RecommenderEntry bprRecommenderEntry() {
    RecommenderEntry e;
    e.id = "bpr";
    e.description =
        "Bayesian personalised ranking: pairwise SGD on (bought/viewed, sampled) item pairs";
    e.family = "factorisation";
    e.params = kit::sgdParams(true);
    e.make = [](const RecommenderContext& ctx, const ParamValues& p,
                const RecommenderRegistry&) -> Result<std::unique_ptr<Recommender>> {
        return std::unique_ptr<Recommender>(new kit::SgdFactorRecommender(ctx, p, true));
    };
    return e;
}

} // namespace recoscope::core
