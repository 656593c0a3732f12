// ShopperModel's response to a coupon at checkout (decisions/0028), apart from
// shopper_model.cpp to keep that file within bounds.

#include "recoscope/sim/shopper_model.h"

#include <cmath>

namespace recoscope::sim {

namespace {
// The same expression as shopper_model.cpp's, so that couponOdds().without is
// bit-identical to the probability checkout uses without coupons.
float sigmoid(float x) {
    return 1.0f / (1.0f + std::exp(-x));
}
} // namespace

float ShopperModel::couponUtility(core::UserId user, double discount) const {
    const BehaviourSpec& b = m_scenario.behaviour;
    return static_cast<float>(
        m_world.userPriceSensitivity[user] *
        (b.discountWeight * discount - b.priceSensitivity * std::log(1.0 - discount)));
}

ShopperModel::PurchaseOdds ShopperModel::couponOdds(core::UserId user, core::ItemId item,
                                                    core::SimTime t, double discount) const {
    // The very expression of purchaseProbability(), so that `without` is bit-identical to
    // what checkout uses when there are no coupons.
    const float u = utilityAt(user, item, t, core::kNoItem);
    const float offset = static_cast<float>(m_scenario.behaviour.purchaseOffset);
    return {sigmoid(0.5f * u + offset),
            sigmoid(0.5f * (u + couponUtility(user, discount)) + offset)};
}

} // namespace recoscope::sim
