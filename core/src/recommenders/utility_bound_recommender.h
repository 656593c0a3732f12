#pragma once
// Bounds: the best and worst a core could do, read from the simulator's true utilities.
// These are the only cores that see the simulator (RecommenderEntry::needsOracle); they
// learn nothing and exist to frame every other core's metrics between two lines.
// Private: one class serves `oracle` (sign 1) and `anti-oracle` (sign -1).

#include "suite_kit.h"

namespace recoscope::core::kit {

class UtilityBoundRecommender final : public kit::SuiteCore {
public:
    UtilityBoundRecommender(const RecommenderContext& ctx, float sign)
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

} // namespace recoscope::core::kit
