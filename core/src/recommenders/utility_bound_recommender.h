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

    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        const float u = m_oracle->trueUtility(request.user, entry.item, request.time);
        ExplanationBuilder b;
        b.item(m_items, entry.item)
            .text(m_sign > 0 ? " is among your highest true utilities in the simulator ("
                             : " is among your lowest true utilities in the simulator (")
            .fact("true utility", u, Quantity::Score, 3)
            .text(m_sign > 0 ? "): a best-case bound, not a learnt choice. Score "
                             : "): a worst-case bound, not a learnt choice. Score ");
        if (m_sign < 0)
            b.text("= minus the utility = ");
        return b
            .total(m_sign > 0 ? "true utility" : "minus the true utility", m_sign * u,
                   Quantity::Score, 3)
            .text(".")
            .take();
    }

private:
    const TruthOracle* m_oracle;
    float m_sign;
};

} // namespace recoscope::core::kit
