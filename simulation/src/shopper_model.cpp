#include "session_draws.h"
#include "shopper_terms.h"

#include "recoscope/core/huge_pages.h"
#include "recoscope/core/prefetch_policy.h"
#include "recoscope/sim/vector_state.h"

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <utility>

namespace recoscope::sim {

namespace {
/// Sets bit (id mod 64) of `mask`: one `bts` (which takes the index mod 64 itself) in
/// place of the mov, shl and or that GCC makes of `mask |= 1 << (id & 63)`.
inline void setBit(std::uint64_t& mask, std::uint32_t id) {
#if defined(__x86_64__) && defined(__GNUC__)
    asm("btsq %1, %0" : "+r"(mask) : "r"(std::uint64_t(id)) : "cc");
#else
    mask |= std::uint64_t(1) << (id & 63u);
#endif
}

/// HistoryCache::addToSlot() with setBit(): the same stores and additions.
inline void addToSlot(std::uint32_t* keys, float* sums, std::uint64_t& mask, std::uint64_t& shared,
                      std::uint32_t id, float decay) {
    const unsigned slot = id & 63u;
    if (!HistoryCache::hasBit(mask, id)) {
        setBit(mask, id);
        keys[slot] = id;
        sums[slot] = decay;
    } else if (keys[slot] == id) {
        sums[slot] += decay;
    } else {
        setBit(shared, id);
    }
}
} // namespace

double ShopperModel::uniform(Session& s) {
    return detail::uniform01(s);
}

ShopperModel::ShopperModel(const Scenario& scenario, const World& world, const ShopState* state)
    : m_scenario(scenario), m_world(world), m_state(state),
      // Unit vectors in `dim` dimensions have dot products of spread ~1/sqrt(dim); scaling
      // by sqrt(dim) makes affinityScale mean the same thing whatever the dimension.
      m_affinityScale(
          static_cast<float>(scenario.behaviour.affinityScale * std::sqrt(double(world.dim)))),
      m_discountWeight(static_cast<float>(scenario.behaviour.discountWeight)),
      m_fatigueItem(static_cast<float>(scenario.behaviour.fatigueItem)),
      m_fatigueCategory(static_cast<float>(scenario.behaviour.fatigueCategory)),
      m_sequenceBoost(static_cast<float>(scenario.behaviour.sequenceBoost)),
      m_noClickWeight(static_cast<float>(std::exp(scenario.behaviour.noClickUtility))),
      m_cascade(scenario.behaviour.examination == QLatin1String("cascade")),
      m_prefetch(core::prefetchPays(world.itemQuality.size())),
      m_prefetchUsers(core::prefetchPays(world.userPriceSensitivity.size())) {
    // Organic traffic follows intrinsic appeal: exp(quality) gives the popularity long tail.
    // One exp per item: on `large` a million calls, twenty times dearer with the upper
    // vector state dirty from the world's hashing (Qt) just before (vector_state.h).
    clearUpperVectorState();
    std::vector<double> appeal(world.itemQuality.size());
    for (std::size_t i = 0; i < appeal.size(); ++i)
        appeal[i] = std::exp(static_cast<double>(world.itemQuality[i]));
    if (appeal.empty())
        appeal.push_back(1.0);
    m_popular = AliasTable<core::ItemId>(appeal.begin(), appeal.end());
    core::assignOnHugePages(m_hot, world.itemQuality.size()); // read at random per step
    for (std::size_t i = 0; i < m_hot.size(); ++i)
        m_hot[i] = {world.itemQuality[i], world.itemLogRelPrice[i], world.items.category[i],
                    world.items.brand[i]};
    m_examine.resize(detail::kMaxSlate);
    float e = 1.0f;
    for (float& x : m_examine) {
        x = e;
        e *= static_cast<float>(scenario.behaviour.positionBias);
    }
}

float ShopperModel::pricePaid(core::ItemId item) const {
    return m_world.items.price[item] * (1.0f - m_world.items.discount[item]);
}

float ShopperModel::utility(core::UserId user, core::ItemId item) const {
    return staticUtility(userTerms(user), item);
}

float ShopperModel::utilityAt(core::UserId user, core::ItemId item, core::SimTime t,
                              core::ItemId context) const {
    // One code path for every utility the shoppers act on and the oracle reports, so that
    // they agree to the last bit.
    HistoryCache cache;
    prepare(user, t, context, cache);
    return utilityCached(user, item, cache);
}

void ShopperModel::prepare(core::UserId user, core::SimTime t, core::ItemId context,
                           HistoryCache& c) const {
    c.shown = c.bought = 0;
    c.itemMask = c.categoryMask = c.itemShared = c.categoryShared = 0;
    c.boughtItemMask = c.boughtBrandMask = 0;
    setContext(c, context);
    if (!m_state)
        return;
    const BehaviourSpec& b = m_scenario.behaviour;
    const float hour = static_cast<float>(t / core::kSecondsPerHour);
    const float invHalfLife = static_cast<float>(1.0 / b.fatigueHalfLifeHours);
    const auto shown = m_state->shown(user);
    const auto shownHours = m_state->shownHours(user);
    // A slate's impressions share one time, so the decay is computed once per slate. The
    // ring holds the latest slate and the tail of the one before, in ring order often
    // split as new, old, new: the two latest (hour, decay) pairs are kept, so that each
    // hour costs one exp2 (a decay is a pure function of its hour: the same bits).
    float lastHour = -1.0f, lastDecay = 0.0f;
    float otherHour = std::numeric_limits<float>::quiet_NaN(), otherDecay = 0.0f;
    // Count, masks and the category table in locals: stores into the cache could alias
    // them, and the compiler would reload them for every impression.
    const std::uint32_t* category = m_world.items.category.data();
    int count = 0;
    std::uint64_t itemMask = 0, categoryMask = 0, itemShared = 0, categoryShared = 0;
    const auto remember = [&](std::size_t k) __attribute__((always_inline)) {
        const core::ItemId item = shown[k];
        if (item == core::kNoItem)
            return;
        const std::uint32_t cat = category[item];
        c.shownItem[count] = item;
        c.shownCategory[count] = cat;
        const float h = shownHours[k];
        if (h != lastHour) [[unlikely]] {
            if (h == otherHour) {
                std::swap(lastDecay, otherDecay);
            } else {
                otherDecay = lastDecay;
                lastDecay = core::exactExp2f(-(hour - h) * invHalfLife);
            }
            otherHour = lastHour;
            lastHour = h;
        }
        c.shownDecay[count] = lastDecay;
        // The per-id sums, in impression order (history_cache.h).
        addToSlot(c.itemKey, c.itemDecaySum, itemMask, itemShared, item, lastDecay);
        addToSlot(c.categoryKey, c.categoryDecaySum, categoryMask, categoryShared, cat, lastDecay);
        ++count;
    };
    // At most kMax impressions are kept: a ring no longer than that (every scenario's
    // default) needs no count test per impression.
    if (shown.size() <= HistoryCache::kMax)
        for (std::size_t k = 0; k < shown.size(); ++k)
            remember(k);
    else
        for (std::size_t k = 0; k < shown.size() && count < HistoryCache::kMax; ++k)
            remember(k);
    c.shown = count;
    c.itemMask = itemMask;
    c.categoryMask = categoryMask;
    c.itemShared = itemShared;
    c.categoryShared = categoryShared;
    const auto bought = m_state->bought(user);
    const auto boughtHours = m_state->boughtHours(user);
    const float cycleHours = static_cast<float>(b.consumableCycleDays * 24.0);
    const float penalty = static_cast<float>(b.repurchasePenalty);
    std::uint64_t boughtItemMask = 0, boughtBrandMask = 0;
    int boughtCount = 0; // in a local, as count above
    for (std::size_t k = 0; k < bought.size(); ++k) {
        const core::ItemId item = bought[k];
        if (item == core::kNoItem)
            continue;
        const std::uint32_t brand = m_world.items.brand[item];
        c.boughtItem[boughtCount] = item;
        c.boughtBrand[boughtCount] = brand;
        c.boughtPenalty[boughtCount] = penalty;
        c.consumableFactor[boughtCount] =
            std::max(0.0f, 1.0f - (hour - boughtHours[k]) / cycleHours);
        setBit(boughtItemMask, item);
        setBit(boughtBrandMask, brand);
        ++boughtCount;
    }
    c.bought = boughtCount;
    c.boughtItemMask = boughtItemMask;
    c.boughtBrandMask = boughtBrandMask;
    c.combineMasks();
}

void ShopperModel::setContext(HistoryCache& c, core::ItemId context) const {
    // The count in a local: the stores into c.successor could alias c.successors, and
    // GCC would store and reload it per successor.
    int count = 0;
    std::uint64_t mask = 0;
    if (context != core::kNoItem)
        for (core::ItemId next : m_world.successors(context)) {
            if (count == 32)
                break; // the first 32 are kept
            c.successor[count++] = next;
            setBit(mask, next);
        }
    c.successors = count;
    c.successorMask = mask;
    c.combineMasks();
}

float ShopperModel::utilityCached(core::UserId user, core::ItemId item,
                                  const HistoryCache& c) const {
    return fullUtility(userTerms(user), item, c);
}

UtilityParts ShopperModel::utilityParts(core::UserId user, core::ItemId item, core::SimTime t,
                                        core::ItemId context) const {
    UtilityParts p;
    const float* u = m_world.userVector(user);
    const float* v = m_world.itemVector(item);
    const float dot = affinityDot(u, v, m_world.dim);
    const BehaviourSpec& b = m_scenario.behaviour;
    p.affinity = m_affinityScale * dot;
    p.quality = m_world.itemQuality[item];
    p.price = -static_cast<float>(b.priceSensitivity) * m_world.userPriceSensitivity[user] *
              m_world.itemLogRelPrice[item];
    p.discount = static_cast<float>(b.discountWeight) * m_world.items.discount[item];
    HistoryCache cache;
    prepare(user, t, context, cache);
    const HistoryTerms h = historyTerms(userTerms(user), item, cache);
    p.fatigue = -h.fatigue;
    p.repurchase = -h.repurchase;
    p.loyalty = h.loyalty;
    p.sequence = h.sequence;
    return p;
}

void ShopperModel::prefetchUser(core::UserId user) const {
    // Each of these rows is a cache miss on `large` (a million users, each step a
    // different one): asked for a step ahead, they arrive while that step runs.
    if (!m_prefetchUsers || user >= m_world.userPriceSensitivity.size())
        return;
    const char* vector = reinterpret_cast<const char*>(m_world.userVector(user));
    const std::size_t rowBytes = static_cast<std::size_t>(m_world.dim) * sizeof(float);
    for (std::size_t b = 0; b < rowBytes; b += kCacheLine)
        __builtin_prefetch(vector + b);
    __builtin_prefetch(&m_world.userPriceSensitivity[user]);
    __builtin_prefetch(&m_world.userBrandLoyalty[user]);
    if (!m_state)
        return;
    // The user's rings, their cursors and the active context: one record, whole lines.
    const char* record = static_cast<const char*>(m_state->userRecord(user));
    for (std::size_t b = 0; b < m_state->userRecordBytes(); b += kCacheLine)
        __builtin_prefetch(record + b);
}

void ShopperModel::prefetchHistory(core::UserId user) const {
    // prepare() looks up the leaf category of every remembered impression and the brand of
    // every item bought: a dependent miss each, known only once the rings are loaded.
    if (!m_prefetchUsers || !m_state || user >= m_world.userPriceSensitivity.size())
        return;
    const std::uint32_t* category = m_world.items.category.data();
    for (const core::ItemId item : m_state->shown(user))
        if (item != core::kNoItem)
            __builtin_prefetch(&category[item]);
    const std::uint32_t* brand = m_world.items.brand.data();
    for (const core::ItemId item : m_state->bought(user))
        if (item != core::kNoItem)
            __builtin_prefetch(&brand[item]);
}

void ShopperModel::afterView(Session& s, core::ItemId item, bool fromRec, std::int16_t position,
                             core::SimTime t, std::vector<core::Event>& out,
                             const HistoryCache* history) const {
    const BehaviourSpec& b = m_scenario.behaviour;
    // The decision on the product page sees the full utility without the sequence bonus
    // (that only drew the shopper's attention to the item).
    // Decisions depend on the surplus over the outside option (no_click_utility), so
    // the offsets keep their meaning when the utility scale changes.
    // utilityCached(), inline (shopper_terms.h): the same operations, without a call.
    const float u = (history ? fullUtility(userTerms(s.user), item, *history)
                             : utilityAt(s.user, item, t, core::kNoItem)) -
                    static_cast<float>(b.noClickUtility);
    const core::Surface surface = s.surface;
    const double favDraw = detail::uniform01(s);
    const double cartDraw = detail::uniform01(s);
    if (favDraw < detail::sigmoid(u + static_cast<float>(b.favouriteOffset)))
        out.push_back(
            {t, s.user, item, core::EventKind::Favourite, surface, position, fromRec, 0.0f});
    if (cartDraw < detail::sigmoid(u + static_cast<float>(b.cartOffset))) {
        for (const CartLine& line : s.cart)
            if (line.item == item)
                return; // already in the cart
        out.push_back({t, s.user, item, core::EventKind::CartAdd, surface, position, fromRec,
                       pricePaid(item)});
        s.cart.push_back({item, fromRec, position});
    }
}

float ShopperModel::purchaseProbability(core::UserId user, core::ItemId item,
                                        core::SimTime t) const {
    return detail::sigmoid(0.5f * utilityAt(user, item, t, core::kNoItem) +
                           static_cast<float>(m_scenario.behaviour.purchaseOffset));
}

bool ShopperModel::continues(Session& s) const {
    return detail::continuesDraw(m_scenario.behaviour, s);
}

bool ShopperModel::browsesOrganically(Session& s) const {
    return detail::browsesOrganicallyDraw(m_scenario.behaviour, s);
}

core::Surface ShopperModel::startSurface(Session& s) const {
    const std::vector<double>& w = m_scenario.behaviour.startSurfaces;
    double total = 0.0;
    for (double x : w)
        total += x;
    double r = detail::uniform01(s) * total;
    for (std::size_t k = 0; k < w.size(); ++k) {
        if (r < w[k])
            return static_cast<core::Surface>(k);
        r -= w[k];
    }
    return core::Surface::Home;
}

double ShopperModel::thinkTime(Session& s) const {
    return detail::thinkTimeDraw(m_scenario.behaviour, s);
}

} // namespace recoscope::sim