// The rows of the coupons object (docs/use-cases.md, "Personalised coupons";
// decisions/0028). The policy's default "none" keeps every run as it was.

#include "scenario_field_builders.h"

namespace recoscope::sim::fieldrows {

using K = CouponSpec;

void appendCouponFields(std::vector<ScenarioField>& t) {
    ScenarioField policy = row<&S::coupons, &K::policy>(
        "coupons.policy", ScenarioField::Type::Choice, QT_TRANSLATE_NOOP("ScenarioField", "Policy"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "Who gets a coupon on a cart line at checkout. none: nobody. everyone: every line, "
            "while the budget lasts. uplift: lines whose predicted uplift (a two-model learner "
            "trained on the run's own checkouts) reaches min_uplift, plus an exploration share "
            "given or denied at random. price_sensitive: shoppers whose cart lines so far "
            "average below the median price."));
    policy.choices = {QStringLiteral("none"), QStringLiteral("everyone"), QStringLiteral("uplift"),
                      QStringLiteral("price_sensitive")};
    (void)QT_TRANSLATE_NOOP("ScenarioChoice", "none");
    (void)QT_TRANSLATE_NOOP("ScenarioChoice", "everyone");
    (void)QT_TRANSLATE_NOOP("ScenarioChoice", "uplift");
    (void)QT_TRANSLATE_NOOP("ScenarioChoice", "price_sensitive");
    t.push_back(policy);
    t.push_back(real<&S::coupons, &K::discount>(
        "coupons.discount", {0.01, 0.9}, 2, QT_TRANSLATE_NOOP("ScenarioField", "Coupon discount"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Share of the line's price the coupon takes off. It raises the "
                          "shopper's utility by their price-sensitivity multiplier x "
                          "(discount_weight x discount - price_sensitivity x ln(1 - discount)).")));
    t.push_back(whole<&S::coupons, &K::couponsPerDay>(
        "coupons.coupons_per_day", 0, 10'000'000,
        QT_TRANSLATE_NOOP("ScenarioField", "Coupons per day"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Budget: coupons issued per simulated day at most (0 = no limit).")));
    t.push_back(real<&S::coupons, &K::moneyPerDay>(
        "coupons.money_per_day", {0, 1e12}, 2, QT_TRANSLATE_NOOP("ScenarioField", "Money per day"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Budget: discount money paid on redeemed coupons per simulated day at "
                          "most (0 = no limit). A coupon is only issued if its whole discount "
                          "still fits.")));
    t.push_back(real<&S::coupons, &K::margin>(
        "coupons.margin", {0, 1}, 2, QT_TRANSLATE_NOOP("ScenarioField", "Gross margin"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Assumed gross margin as a share of the price before the coupon (the "
                          "catalogue has no costs); the report's margin after discount uses it.")));
    t.push_back(real<&S::coupons, &K::explore>(
        "coupons.explore", {0, 1}, 2, QT_TRANSLATE_NOOP("ScenarioField", "Exploration share"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "uplift policy: share of checkout lines given or denied a coupon at "
                          "random (half each), so that the learner sees both outcomes.")));
    t.push_back(real<&S::coupons, &K::minUplift>(
        "coupons.min_uplift", {0, 1}, 3, QT_TRANSLATE_NOOP("ScenarioField", "Minimum uplift"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "uplift policy: a coupon is given when the predicted rise in the "
                          "purchase probability reaches this.")));
}

} // namespace recoscope::sim::fieldrows
