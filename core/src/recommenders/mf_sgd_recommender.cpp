#include "mf_sgd_recommender.h"

#include "sgd_factor_recommender.h"

namespace recoscope::core {

RecommenderEntry mfSgdRecommenderEntry() {
    RecommenderEntry e;
    e.id = "mf-sgd";
    e.description = "Online matrix factorisation: one SGD step per event, with sampled negatives";
    e.family = "factorisation";
    e.params = kit::sgdParams(false);
    e.make = [](const RecommenderContext& ctx, const ParamValues& p,
                const RecommenderRegistry&) -> Result<std::unique_ptr<Recommender>> {
        return std::unique_ptr<Recommender>(new kit::SgdFactorRecommender(ctx, p, false));
    };
    return e;
}

} // namespace recoscope::core
