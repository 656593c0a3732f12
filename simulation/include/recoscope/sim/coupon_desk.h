#pragma once
// The shop's coupon desk at checkout (docs/use-cases.md, "Personalised coupons";
// decisions/0028). For each cart line that reaches checkout it decides, from what a shop
// can observe, whether the line gets a coupon under the scenario's policy and daily
// budget; after the shopper's decision it books the outcome and keeps a ledger of every
// line: the price, the coupon, the simulator's true purchase probabilities with and
// without the coupon (the true uplift, which a real shop never knows), the learner's
// predicted uplift, the factual outcome and the counterfactual one under the same dice.
//
// Budget: per simulated day (day = floor(time / 86400)) at most coupons_per_day coupons
// are issued and at most money_per_day is paid in discounts (a coupon is only issued when
// its whole discount still fits, so the cap holds whether or not it is redeemed).
//
// Random numbers: only the uplift policy's exploration draws any, from a hash of (run
// seed, user, item, time), never from the shoppers' streams. The engine creates no desk
// for policy "none". Owned by the Engine; one thread.

#include "recoscope/core/types.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/sim/uplift_learner.h"
#include "recoscope/sim/world.h"

#include <cstdint>
#include <vector>

namespace recoscope::sim {

/// One checkout line the desk decided on.
struct CouponLine {
    enum class Reason : std::uint8_t {
        Policy,    ///< the policy chose the line (coupon or not)
        Explore,   ///< uplift policy: decided at random for the learner
        OverBudget ///< the policy wanted a coupon, the day's budget had run out
    };
    double time = 0.0;
    core::UserId user = core::kNoUser;
    core::ItemId item = core::kNoItem;
    float price = 0.0f;     ///< price before the coupon (list less any running discount)
    float discount = 0.0f;  ///< the coupon's share; 0 without a coupon
    float p0 = 0.0f;        ///< true purchase probability without a coupon
    float p1 = 0.0f;        ///< true purchase probability with a coupon
    float predicted = 0.0f; ///< the learner's predicted uplift at decision time
    bool issued = false;
    bool bought = false;         ///< what happened
    bool counterfactual = false; ///< what the same dice give under the other choice
    Reason reason = Reason::Policy;
    bool boughtWith() const { return issued ? bought : counterfactual; }
    bool boughtWithout() const { return issued ? counterfactual : bought; }
};

class CouponDesk {
public:
    CouponDesk(const CouponSpec& spec, const World& world, std::uint64_t seed);

    struct Offer {
        bool issued = false;
        float discount = 0.0f;
        float predicted = 0.0f;
        CouponLine::Reason reason = CouponLine::Reason::Policy;
        UpliftLearner::Features features{};
    };
    /// Decides on one line reaching checkout. `price` is what the shopper would pay
    /// without the coupon; `cartLines` the lines of this checkout.
    Offer decide(core::UserId user, core::ItemId item, bool fromRecommendation, int cartLines,
                 float price, core::SimTime t);
    /// Books the shopper's decision on the line of `offer` (and learns from it): `p0`,
    /// `p1` are the true probabilities, `bought` the outcome, `counterfactual` the
    /// outcome of the other choice with the same draw.
    void settle(const Offer& offer, core::UserId user, core::ItemId item, float price,
                core::SimTime t, float p0, float p1, bool bought, bool counterfactual);

    const CouponSpec& spec() const { return m_spec; }
    /// Every line decided so far, in time order.
    const std::vector<CouponLine>& lines() const { return m_lines; }

private:
    struct UserHistory {
        float priceLogSum = 0.0f;
        std::uint32_t lines = 0, bought = 0;
    };
    UpliftLearner::Features features(core::UserId user, core::ItemId item, bool fromRec,
                                     int cartLines) const;
    bool fitsBudget(float price, std::int64_t day);
    double exploreDraw(core::UserId user, core::ItemId item, core::SimTime t, int which) const;

    CouponSpec m_spec;
    const World& m_world;
    std::uint64_t m_seed;
    enum class Policy { Everyone, Uplift, PriceSensitive } m_policy;
    UpliftLearner m_learner;
    std::vector<UserHistory> m_users;
    std::int64_t m_day = -1;
    std::int64_t m_issuedToday = 0;
    double m_spentToday = 0.0;
    std::vector<CouponLine> m_lines;
};

} // namespace recoscope::sim
