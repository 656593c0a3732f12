// Bounds: the best and worst a core could do, read from the simulator's true utilities.
// These are the only cores that see the simulator (RecommenderEntry::needsOracle); they
// learn nothing and exist to frame every other core's metrics between two lines.

#include "suite_entries.h"
#include "suite_kit.h"

namespace recoscope::core {

namespace {

class OracleRecommender final : public kit::SuiteCore {
public:
    OracleRecommender(const RecommenderContext& ctx, float sign)
        : SuiteCore(ctx, 1), m_oracle(ctx.oracle), m_sign(sign) {}

protected:
    void learn(const Event&, float) override {}

    void rank(const Request& request, TopK& topk) override {
        if (!m_oracle || !m_users.contains(request.user))
            return; // a user the simulator does not know has no true utility
        scanAll(request, topk, [&](ItemId i) {
            return m_sign * m_oracle->trueUtility(request.user, i, request.time);
        });
    }

    std::string reason(const Request& request, ItemId item) const override {
        if (!m_oracle || !m_users.contains(request.user) || !m_items.contains(item))
            return {};
        const float u = m_oracle->trueUtility(request.user, item, request.time);
        return describeItem(m_items, item) +
               (m_sign > 0 ? " is among your highest" : " is among your lowest") +
               " true utilities in the simulator (" + kit::fmt(u) + "): a " +
               (m_sign > 0 ? "best" : "worst") + "-case bound, not a learnt choice.";
    }

private:
    const TruthOracle* m_oracle;
    float m_sign;
};

} // namespace

RecommenderEntry oracleRecommenderEntry() {
    RecommenderEntry e;
    e.id = "oracle";
    e.description = "Upper bound: the items with the highest true utility for the shopper (reads "
                    "the simulator)";
    e.family = "bound";
    e.needsOracle = true;
    e.make = [](const RecommenderContext& ctx, const ParamValues&,
                const RecommenderRegistry&) -> Result<std::unique_ptr<Recommender>> {
        return std::unique_ptr<Recommender>(new OracleRecommender(ctx, 1.0f));
    };
    return e;
}

RecommenderEntry antiOracleRecommenderEntry() {
    RecommenderEntry e;
    e.id = "anti-oracle";
    e.description =
        "Lower bound: the items with the lowest true utility for the shopper (reads the simulator)";
    e.family = "bound";
    e.needsOracle = true;
    e.make = [](const RecommenderContext& ctx, const ParamValues&,
                const RecommenderRegistry&) -> Result<std::unique_ptr<Recommender>> {
        return std::unique_ptr<Recommender>(new OracleRecommender(ctx, -1.0f));
    };
    return e;
}

} // namespace recoscope::core
