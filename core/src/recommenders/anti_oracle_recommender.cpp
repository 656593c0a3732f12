#include "anti_oracle_recommender.h"

#include "utility_bound_recommender.h"

namespace recoscope::core {

RecommenderEntry antiOracleRecommenderEntry() {
    RecommenderEntry e;
    e.id = "anti-oracle";
    e.description =
        "Lower bound: the items with the lowest true utility for the shopper (reads the simulator)";
    e.family = "bound";
    e.needsOracle = true;
    e.make = [](const RecommenderContext& ctx, const ParamValues&,
                const RecommenderRegistry&) -> Result<std::unique_ptr<Recommender>> {
        return std::unique_ptr<Recommender>(new kit::UtilityBoundRecommender(ctx, -1.0f));
    };
    return e;
}

} // namespace recoscope::core
