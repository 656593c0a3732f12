#pragma once
// How a simulated shopper reacts: utilities, the choice among a slate, organic browsing
// (search, the successors of the current item), and the funnel after a view (favourite,
// cart, purchase or abandonment at the end of the session). docs/shop-model.md gives the
// formulas; every weight comes from the scenario's `behaviour` section.
//
// The model reads the World (immutable truth) and the ShopState (stock, promotions, what
// each user saw and bought); it draws only from the session's own stream.

#include "recoscope/core/event.h"
#include "recoscope/core/slate.h"
#include "recoscope/sim/alias_table.h"
#include "recoscope/sim/coupon_desk.h"
#include "recoscope/sim/history_cache.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/sim/session.h"
#include "recoscope/sim/shop_state.h"
#include "recoscope/sim/world.h"

#include <vector>

namespace recoscope::sim {

/// The parts of an item's utility for a user at a time (for inspectors and tests).
struct UtilityParts {
    float affinity = 0.0f;   ///< affinity_scale x (user vector . item vector)
    float quality = 0.0f;    ///< the item's intrinsic appeal
    float price = 0.0f;      ///< - price_sensitivity x user's multiplier x log(price / median)
    float discount = 0.0f;   ///< discount_weight x current discount
    float loyalty = 0.0f;    ///< brand loyalty bonus (brand bought before)
    float fatigue = 0.0f;    ///< - item and category fatigue from recent impressions
    float repurchase = 0.0f; ///< - penalty for an item bought before
    float sequence = 0.0f;   ///< sequence_boost when the item follows the context item
    float total() const {
        return affinity + quality + price + discount + loyalty + fatigue + repurchase + sequence;
    }
};

class ShopperModel {
public:
    /// `state` may be null (static utilities only: no fatigue, loyalty or repurchase).
    ShopperModel(const Scenario& scenario, const World& world, const ShopState* state = nullptr);

    /// Static utility of an item for a user: affinity, quality, price and the current
    /// discount; no history (before the no-click threshold).
    float utility(core::UserId user, core::ItemId item) const;

    /// Full utility at time `t` given the item the shopper is looking at (`context`,
    /// kNoItem for none): adds brand loyalty, fatigue, repurchase and sequence terms.
    float utilityAt(core::UserId user, core::ItemId item, core::SimTime t,
                    core::ItemId context) const;
    UtilityParts utilityParts(core::UserId user, core::ItemId item, core::SimTime t,
                              core::ItemId context) const;
    /// Prepares `cache` for utilityCached() for (user, t, context).
    void prepare(core::UserId user, core::SimTime t, core::ItemId context,
                 HistoryCache& cache) const;
    /// Sets the context item of a prepared cache (its successors), keeping the history.
    void setContext(HistoryCache& cache, core::ItemId context) const;
    /// Same value as utilityAt() for the (user, t, context) the cache was prepared for.
    float utilityCached(core::UserId user, core::ItemId item, const HistoryCache& cache) const;

    /// Prefetch hints for a user whose step comes soon (the engine's software pipeline,
    /// docs/performance.md "`large`"): prefetchUser() starts loading the rows the user's
    /// utilities and prepare() read (hidden vector, price sensitivity, loyalty, the
    /// shown and bought rings); prefetchHistory(), a step later, reads the rings (then in
    /// cache) and starts loading the categories and brands of the items in them. No value
    /// changes; nothing on a population small enough to stay in cache (prefetchPays).
    void prefetchUser(core::UserId user) const;
    void prefetchHistory(core::UserId user) const;

    /// Starts loading what chooseFromSlate() will read for the entries of `slate` it
    /// scores (hidden vector, packed fields, availability, discount) so that the items'
    /// cache misses overlap each other and the caller's work before the choice; nothing on
    /// a catalogue small enough to stay in cache (core::prefetchPays). No value changes.
    void prefetchSlate(const core::Slate& slate) const;
    /// Which slate position the shopper clicks, or -1. "position" examination:
    /// multinomial logit over the slate plus a no-click option, position p weighted by
    /// position_bias^p. "cascade": scan from the top, click with the logistic of
    /// (utility - no_click_utility), go on to the next position with position_bias.
    /// Unavailable items are never clicked. `utilities` (optional) receives each
    /// position's full utility.
    /// `history`, when given, is the user's history prepared for (t, Session::contextItem).
    /// On a large catalogue call prefetchSlate() first, as early as the slate is known.
    int chooseFromSlate(Session& s, const core::Slate& slate, core::SimTime t,
                        std::vector<float>* utilities = nullptr,
                        const HistoryCache* history = nullptr) const;
    /// Same at time 0 without context (kept for callers of the first version).
    int chooseFromSlate(Session& s, const core::Slate& slate) const {
        return chooseFromSlate(s, slate, 0.0);
    }

    /// Probability of a click on the slate (for regret): the no-click complement.
    double clickProbability(const float* utilities, std::size_t n) const;

    /// An item the shopper reaches without the recommender (browsing, search results):
    /// a few candidates drawn by appeal (and, during promotions, from the promoted
    /// items), the best for this shopper by utility with Gumbel noise, at the session's
    /// current time (Session::nextTime). kNoItem if none.
    /// `history`, when given, is prepared for that time without a context item.
    core::ItemId organicItem(Session& s, const HistoryCache* history = nullptr) const;
    /// The successor of `item` the shopper moves on to (best by utility with noise among
    /// its available hidden successors), or kNoItem.
    core::ItemId successorItem(Session& s, core::ItemId item) const;

    /// After the shopper looked at an item: appends Favourite / CartAdd events and puts
    /// the item in the cart as decided. `fromRec` and `position` carry attribution.
    /// `history`, when given, is prepared for `t` without a context item.
    void afterView(Session& s, core::ItemId item, bool fromRec, std::int16_t position,
                   core::SimTime t, std::vector<core::Event>& out,
                   const HistoryCache* history = nullptr) const;

    /// End of the session: each cart line is removed, bought (if still in stock: the
    /// caller decrements stock through `buy`) or abandoned.
    template <class BuyFn>
    void checkout(Session& s, core::SimTime t, std::vector<core::Event>& out, BuyFn&& buy) const;
    /// Without stock bookkeeping (kept for callers of the first version).
    void checkout(Session& s, core::SimTime t, std::vector<core::Event>& out) const {
        checkout(s, t, out, [](core::ItemId) { return true; });
    }

    bool continues(Session& s) const;
    bool browsesOrganically(Session& s) const;
    /// The surface a session starts on (start_surfaces weights).
    core::Surface startSurface(Session& s) const;
    bool searchesFirst(Session& s) const { return startSurface(s) == core::Surface::Search; }
    /// Simulated seconds until the shopper's next step.
    double thinkTime(Session& s) const;
    /// A uniform draw in [0, 1) from the session's stream.
    static double uniform(Session& s);

    /// Price the shopper pays now (list price less the current discount).
    float pricePaid(core::ItemId item) const;

    /// Coupons at checkout: with a desk, checkout() asks it about every line that can be
    /// bought, and a line with a coupon is decided on the utility raised by
    /// couponUtility() and paid at price x (1 - discount). Null (the default) = no
    /// coupons, every decision as before. The desk must outlive the model.
    void setCouponDesk(CouponDesk* desk) { m_coupons = desk; }
    /// What a coupon of `discount` adds to the user's utility: their price-sensitivity
    /// multiplier x (discount_weight x discount - price_sensitivity x ln(1 - discount)),
    /// i.e. the discount's appeal plus the lower price, felt as strongly as the shopper
    /// feels prices (decisions/0028).
    float couponUtility(core::UserId user, double discount) const;
    /// The true probabilities of buying a carted item at checkout at `t`, without and
    /// with a coupon of `discount` (the simulator's truth: their difference is the
    /// coupon's true uplift). `without` is the probability checkout uses without coupons.
    struct PurchaseOdds {
        float without = 0.0f, with = 0.0f;
    };
    PurchaseOdds couponOdds(core::UserId user, core::ItemId item, core::SimTime t,
                            double discount) const;

private:
    /// The history terms of an item's utility, as positive magnitudes.
    struct HistoryTerms {
        float fatigue = 0.0f, repurchase = 0.0f, loyalty = 0.0f, sequence = 0.0f;
    };
    /// What the utilities read of the user's row, read once per user and call (the one
    /// place that reads the World's user tables for a utility): the hidden vector, the
    /// price factor static_cast<float>(price_sensitivity) x the user's multiplier (the
    /// first product of the price term, which multiplies left to right), brand loyalty.
    struct UserTerms {
        const float* vector;
        float priceFactor;
        float loyalty;
    };
    UserTerms userTerms(core::UserId user) const;
    /// utility() and utilityCached() for a user's terms (the same operations in the same
    /// order; inlined into the slate and organic loops).
    float staticUtility(const UserTerms& user, core::ItemId item) const;
    float fullUtility(const UserTerms& user, core::ItemId item, const HistoryCache& cache) const;
    HistoryTerms historyTerms(const UserTerms& user, core::ItemId item,
                              const HistoryCache& cache) const;
    float purchaseProbability(core::UserId user, core::ItemId item, core::SimTime t) const;
    /// Asks for the rows fullUtility() reads of `item` (an id of the catalogue): its hidden
    /// vector, packed fields, availability and discount. The per-item hint of
    /// prefetchSlate() and organicItem() (shopper_terms.h).
    void prefetchItemRows(core::ItemId item) const;
    /// In the shop but out of stock (not: not launched yet).
    bool soldOut(core::ItemId item) const { return m_state && m_state->stock[item] == 0; }

    /// The static fields the utility reads for every item it scores, packed in one
    /// 16-byte record per item (four to a cache line) instead of four tables of the World:
    /// one miss instead of four on a million-item catalogue. Same values, same results.
    struct ItemHot {
        float quality;          ///< World::itemQuality
        float logRelPrice;      ///< World::itemLogRelPrice
        std::uint32_t category; ///< ItemTable::category (leaf)
        std::uint32_t brand;    ///< ItemTable::brand
    };
    static_assert(sizeof(ItemHot) == 16);
    /// historyTerms() of an item whose bit is in none of the cache's item masks (only its
    /// category's fatigue and its brand's loyalty can apply), and of any other
    /// item (`hot` is m_hot[item]). historyTerms() picks one of the two.
    HistoryTerms categoryBrandTerms(const UserTerms& user, const ItemHot& hot,
                                    const HistoryCache& cache) const;
    HistoryTerms itemHistoryTerms(const UserTerms& user, core::ItemId item, const ItemHot& hot,
                                  const HistoryCache& cache) const;

    const Scenario& m_scenario;
    const World& m_world;
    std::vector<ItemHot> m_hot;
    const ShopState* m_state;
    CouponDesk* m_coupons = nullptr;
    float m_affinityScale;
    float m_discountWeight;  ///< static_cast<float>(discount_weight)
    float m_fatigueItem;     ///< static_cast<float>(fatigue_item)
    float m_fatigueCategory; ///< static_cast<float>(fatigue_category)
    float m_sequenceBoost;   ///< static_cast<float>(sequence_boost)
    float m_noClickWeight;
    bool m_cascade;
    bool m_prefetch;      ///< core::prefetchPays for this catalogue
    bool m_prefetchUsers; ///< core::prefetchPays for this population
    /// Organic draws by appeal: Boost's discrete_distribution, on huge pages.
    AliasTable<core::ItemId> m_popular;
    std::vector<float> m_examine; // positionBias^p
};

template <class BuyFn>
void ShopperModel::checkout(Session& s, core::SimTime t, std::vector<core::Event>& out,
                            BuyFn&& buy) const {
    const BehaviourSpec& b = m_scenario.behaviour;
    for (const CartLine& line : s.cart) {
        // The same draws happen for every line whatever the outcome, so that stock-outs
        // caused by other shoppers do not shift this shopper's dice.
        const double removeDraw = uniform(s);
        const double buyDraw = uniform(s);
        const float price = pricePaid(line.item);
        if (removeDraw < b.cartRemoveProbability) {
            out.push_back({t, s.user, line.item, core::EventKind::CartRemove, core::Surface::Cart,
                           line.position, line.fromRecommendation, price});
            continue;
        }
        if (!m_world.items.isAvailable(line.item)) {
            // Sold out meanwhile: cannot be bought. A lost sale when the shopper would have
            // bought it (the same draw as below; counting draws nothing).
            if (buyDraw < purchaseProbability(s.user, line.item, t))
                ++s.lostCarts;
            continue;
        }
        if (m_coupons) {
            // The same buy draw decides with and without the coupon, so the outcome of
            // the choice not taken is known too (common random numbers within the line).
            const CouponDesk::Offer offer =
                m_coupons->decide(s.user, line.item, line.fromRecommendation,
                                  static_cast<int>(s.cart.size()), price, t);
            const PurchaseOdds odds = couponOdds(s.user, line.item, t, m_coupons->spec().discount);
            const bool chosen = buyDraw < (offer.issued ? odds.with : odds.without);
            const bool other = buyDraw < (offer.issued ? odds.without : odds.with);
            const bool bought = chosen && buy(line.item);
            if (bought) {
                out.push_back({t, s.user, line.item, core::EventKind::Purchase, core::Surface::Cart,
                               line.position, line.fromRecommendation,
                               offer.issued ? price * (1.0f - offer.discount) : price});
                ++s.purchases;
            }
            m_coupons->settle(offer, s.user, line.item, price, t, odds.without, odds.with, bought,
                              other);
            continue;
        }
        if (buyDraw < purchaseProbability(s.user, line.item, t) && buy(line.item)) {
            out.push_back({t, s.user, line.item, core::EventKind::Purchase, core::Surface::Cart,
                           line.position, line.fromRecommendation, price});
            ++s.purchases;
        }
    }
    s.cart.clear();
}

} // namespace recoscope::sim
