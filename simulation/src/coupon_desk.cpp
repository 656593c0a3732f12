#include "recoscope/sim/coupon_desk.h"

#include "recoscope/sim/seeds.h"

#include <bit>
#include <cassert>
#include <cmath>

namespace recoscope::sim {

CouponDesk::CouponDesk(const CouponSpec& spec, const World& world, std::uint64_t seed)
    : m_spec(spec), m_world(world), m_seed(streamSeed(seed, "coupons")),
      m_policy(spec.policy == QLatin1String("uplift")            ? Policy::Uplift
               : spec.policy == QLatin1String("price_sensitive") ? Policy::PriceSensitive
                                                                 : Policy::Everyone),
      m_users(world.userPriceSensitivity.size()) {
    assert(spec.policy != QLatin1String("none"));
}

UpliftLearner::Features CouponDesk::features(core::UserId user, core::ItemId item, bool fromRec,
                                             int cartLines) const {
    // Only what the shop sees: list prices (log relative to the catalogue median, as the
    // world caches it from the public price), the shopper's earlier checkout lines, the
    // attribution of the line and the size of the cart.
    const UserHistory& h = m_users[user];
    const double meanPrice = h.lines ? double(h.priceLogSum) / h.lines : 0.0;
    const double share = (double(h.bought) + 0.5) / (double(h.lines) + 1.0);
    return {1.0,
            double(m_world.itemLogRelPrice[item]),
            meanPrice,
            std::log(share / (1.0 - share)),
            fromRec ? 1.0 : 0.0,
            std::log1p(double(cartLines))};
}

double CouponDesk::exploreDraw(core::UserId user, core::ItemId item, core::SimTime t,
                               int which) const {
    // A hash of the line, not a stream: the draw does not depend on how many lines came
    // before, so two runs that differ elsewhere still explore the same lines.
    std::uint64_t h = mix64(m_seed ^ mix64((std::uint64_t(user) << 32) | item));
    h = mix64(h ^ std::bit_cast<std::uint64_t>(t) ^ std::uint64_t(which));
    return double(h >> 11) * 0x1.0p-53;
}

bool CouponDesk::fitsBudget(float price, std::int64_t day) {
    if (day != m_day) {
        m_day = day;
        m_issuedToday = 0;
        m_spentToday = 0.0;
    }
    if (m_spec.couponsPerDay > 0 && m_issuedToday >= m_spec.couponsPerDay)
        return false;
    if (m_spec.moneyPerDay > 0.0 &&
        m_spentToday + double(price) * m_spec.discount > m_spec.moneyPerDay)
        return false;
    return true;
}

CouponDesk::Offer CouponDesk::decide(core::UserId user, core::ItemId item, bool fromRecommendation,
                                     int cartLines, float price, core::SimTime t) {
    Offer o;
    o.features = features(user, item, fromRecommendation, cartLines);
    o.predicted = static_cast<float>(m_learner.uplift(o.features));
    bool wanted = false;
    switch (m_policy) {
    case Policy::Everyone:
        wanted = true;
        break;
    case Policy::PriceSensitive: {
        // Revealed preference: shoppers who cart cheaper-than-median items, this line
        // included, are taken as price-sensitive.
        const UserHistory& h = m_users[user];
        const double sum = double(h.priceLogSum) + m_world.itemLogRelPrice[item];
        wanted = sum / double(h.lines + 1) < 0.0;
        break;
    }
    case Policy::Uplift:
        if (m_spec.explore > 0.0 && exploreDraw(user, item, t, 0) < m_spec.explore) {
            o.reason = CouponLine::Reason::Explore;
            wanted = exploreDraw(user, item, t, 1) < 0.5;
        } else {
            wanted = o.predicted >= m_spec.minUplift;
        }
        break;
    }
    if (!wanted)
        return o;
    if (!fitsBudget(price, static_cast<std::int64_t>(std::floor(t / core::kSecondsPerDay)))) {
        o.reason = CouponLine::Reason::OverBudget;
        return o;
    }
    o.issued = true;
    o.discount = static_cast<float>(m_spec.discount);
    ++m_issuedToday;
    return o;
}

void CouponDesk::settle(const Offer& offer, core::UserId user, core::ItemId item, float price,
                        core::SimTime t, float p0, float p1, bool bought, bool counterfactual) {
    if (offer.issued && bought)
        m_spentToday += double(price) * offer.discount;
    m_learner.learn(offer.features, offer.issued, bought);
    UserHistory& h = m_users[user];
    h.priceLogSum += m_world.itemLogRelPrice[item];
    ++h.lines;
    h.bought += bought ? 1u : 0u;
    CouponLine line;
    line.time = t;
    line.user = user;
    line.item = item;
    line.price = price;
    line.discount = offer.discount;
    line.p0 = p0;
    line.p1 = p1;
    line.predicted = offer.predicted;
    line.issued = offer.issued;
    line.bought = bought;
    line.counterfactual = counterfactual;
    line.reason = offer.reason;
    m_lines.push_back(line);
}

} // namespace recoscope::sim
