#include "recoscope/sim/shopper_model.h"
#include "affinity_dot.h"
#include "recoscope/core/huge_pages.h"
#include "recoscope/core/prefetch_policy.h"
#include "recoscope/sim/vector_state.h"

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <cmath>
#include <cstdint>
#include <type_traits>

namespace recoscope::sim {

namespace {
float sigmoid(float x) {
    return 1.0f / (1.0f + std::exp(-x));
}
constexpr std::size_t kMaxSlate = 128;

} // namespace

double ShopperModel::uniform(Session& s) {
    return boost::random::uniform_01<double>()(s.rng);
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
    m_examine.resize(kMaxSlate);
    float e = 1.0f;
    for (float& x : m_examine) {
        x = e;
        e *= static_cast<float>(scenario.behaviour.positionBias);
    }
}

float ShopperModel::pricePaid(core::ItemId item) const {
    return m_world.items.price[item] * (1.0f - m_world.items.discount[item]);
}

ShopperModel::UserTerms ShopperModel::userTerms(core::UserId user) const {
    return {m_world.userVector(user),
            static_cast<float>(m_scenario.behaviour.priceSensitivity) *
                m_world.userPriceSensitivity[user],
            m_world.userBrandLoyalty[user]};
}

inline float ShopperModel::staticUtility(const UserTerms& user, core::ItemId item) const {
    // affinity + quality - (sensitivity x multiplier) x log relative price + discount, in
    // this order (a - b + c is (a - b) + c; the price product is (s x m) x p): only the
    // per-user product is taken out of the per-item work.
    const float dot = affinityDot(user.vector, m_world.itemVector(item), m_world.dim);
    const ItemHot& hot = m_hot[item];
    return m_affinityScale * dot + hot.quality - user.priceFactor * hot.logRelPrice +
           m_discountWeight * m_world.items.discount[item];
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
    // A slate's impressions share one time, so the decay is computed once per slate.
    float lastHour = -1.0f, lastDecay = 0.0f;
    // Count, masks and the category table in locals: stores into the cache could alias
    // them, and the compiler would reload them for every impression.
    const std::uint32_t* category = m_world.items.category.data();
    int count = 0;
    std::uint64_t itemMask = 0, categoryMask = 0, itemShared = 0, categoryShared = 0;
    for (std::size_t k = 0; k < shown.size() && count < HistoryCache::kMax; ++k) {
        const core::ItemId item = shown[k];
        if (item == core::kNoItem)
            continue;
        const std::uint32_t cat = category[item];
        c.shownItem[count] = item;
        c.shownCategory[count] = cat;
        if (shownHours[k] != lastHour) {
            lastHour = shownHours[k];
            lastDecay = std::exp2(-(hour - lastHour) * invHalfLife);
        }
        c.shownDecay[count] = lastDecay;
        // The per-id sums, in impression order (history_cache.h).
        HistoryCache::addToSlot(c.itemKey, c.itemDecaySum, itemMask, itemShared, item, lastDecay);
        HistoryCache::addToSlot(c.categoryKey, c.categoryDecaySum, categoryMask, categoryShared,
                                cat, lastDecay);
        ++count;
    }
    c.shown = count;
    c.itemMask = itemMask;
    c.categoryMask = categoryMask;
    c.itemShared = itemShared;
    c.categoryShared = categoryShared;
    const auto bought = m_state->bought(user);
    const auto boughtHours = m_state->boughtHours(user);
    const float cycleHours = static_cast<float>(b.consumableCycleDays * 24.0);
    std::uint64_t boughtItemMask = 0, boughtBrandMask = 0;
    for (std::size_t k = 0; k < bought.size(); ++k) {
        if (bought[k] == core::kNoItem)
            continue;
        const std::uint32_t brand = m_world.items.brand[bought[k]];
        c.boughtItem[c.bought] = bought[k];
        c.boughtBrand[c.bought] = brand;
        c.boughtPenalty[c.bought] = static_cast<float>(b.repurchasePenalty);
        c.consumableFactor[c.bought] = std::max(0.0f, 1.0f - (hour - boughtHours[k]) / cycleHours);
        boughtItemMask |= std::uint64_t(1) << (bought[k] & 63u);
        boughtBrandMask |= std::uint64_t(1) << (brand & 63u);
        ++c.bought;
    }
    c.boughtItemMask = boughtItemMask;
    c.boughtBrandMask = boughtBrandMask;
    c.combineMasks();
}

void ShopperModel::setContext(HistoryCache& c, core::ItemId context) const {
    c.successors = 0;
    std::uint64_t mask = 0;
    if (context != core::kNoItem)
        for (core::ItemId next : m_world.successors(context))
            if (c.successors < 32) {
                c.successor[c.successors++] = next;
                mask |= std::uint64_t(1) << (next & 63u);
            }
    c.successorMask = mask;
    c.combineMasks();
}

inline ShopperModel::HistoryTerms
ShopperModel::historyTerms(const UserTerms& user, core::ItemId item, const HistoryCache& c) const {
    HistoryTerms h;
    const ItemHot& hot = m_hot[item];
    // Most items match no mask: every term +0 after one test.
    if (!c.mayMatch(item, hot.category, hot.brand))
        return h;
    // Fatigue: every remembered impression of the item (or of its leaf category) costs
    // utility, halving every fatigue_half_life_hours. The masks skip items whose id and
    // category were not shown lately (most of them); the others read their sums.
    float sameItem, sameCategory;
    if (c.fatigueSums(item, hot.category, sameItem, sameCategory))
        h.fatigue = sameItem * m_fatigueItem + sameCategory * m_fatigueCategory;
    // Bought before: durable goods are rarely bought again, consumables after a cycle;
    // the brands bought before earn the user's loyalty bonus. The masks skip the scan for
    // items neither bought nor of a brand bought (most of them: the scan finds nothing).
    if (c.mayHaveBought(item, hot.brand)) {
        bool loyal = false;
        for (int k = 0; k < c.bought; ++k) {
            if (c.boughtItem[k] == item)
                h.repurchase =
                    std::max(h.repurchase,
                             c.boughtPenalty[k] *
                                 (m_world.itemConsumable[item] ? c.consumableFactor[k] : 1.0f));
            loyal = loyal || c.boughtBrand[k] == hot.brand;
        }
        if (loyal)
            h.loyalty = user.loyalty;
    }
    if (HistoryCache::hasBit(c.successorMask, item))
        for (int k = 0; k < c.successors; ++k)
            if (c.successor[k] == item) {
                h.sequence = m_sequenceBoost;
                break;
            }
    return h;
}

inline float ShopperModel::fullUtility(const UserTerms& user, core::ItemId item,
                                       const HistoryCache& c) const {
    const HistoryTerms h = historyTerms(user, item, c);
    float u = staticUtility(user, item);
    u -= h.fatigue;
    u -= h.repurchase;
    u += h.loyalty;
    u += h.sequence;
    return u;
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

void ShopperModel::prefetchSlate(const core::Slate& slate, std::size_t n) const {
    // On `large` (1M items) each slate item's rows are cache misses; asking for all of
    // them before scoring the first lets the memory system serve them together instead
    // of one item after the other. Prefetches change no value.
    if (!m_prefetch)
        return;
    const std::size_t items = m_hot.size();
    const std::size_t rowBytes = static_cast<std::size_t>(m_world.dim) * sizeof(float);
    for (std::size_t p = 0; p < n; ++p) {
        const core::ItemId item = slate[p].item;
        if (item >= items)
            continue; // refused later (CoreGuard); nothing to load
        const char* row = reinterpret_cast<const char*>(m_world.itemVector(item));
        for (std::size_t b = 0; b < rowBytes; b += kCacheLine)
            __builtin_prefetch(row + b);
        __builtin_prefetch(&m_hot[item]);
        __builtin_prefetch(&m_world.items.available[item]);
        __builtin_prefetch(&m_world.items.discount[item]);
    }
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

// flatten: the per-entry utility (dot product, history terms) is inlined into the slate
// loop, so per-user and per-cache loads are hoisted out of it. Same operations, same order.
[[gnu::flatten]] int ShopperModel::chooseFromSlate(Session& s, const core::Slate& slate,
                                                   core::SimTime t, std::vector<float>* utilities,
                                                   const HistoryCache* history) const {
    if (!history) {
        // Only here a cache of our own (2 KB, whose construction a caller with a prepared
        // history should not pay).
        HistoryCache local;
        prepare(s.user, t, s.contextItem, local);
        return chooseFromSlate(s, slate, t, utilities, &local);
    }
    const HistoryCache& cache = *history;
    const std::size_t n = std::min(slate.size(), kMaxSlate);
    float u[kMaxSlate];
    prefetchSlate(slate, n);
    const UserTerms user = userTerms(s.user);
    // fullUtility() of every available entry with the dimension a constant (D > 0, the
    // unrolled dot product) or read once (D = 0): the same operations in the same order.
    const auto score = [&]<int D>(std::integral_constant<int, D>) {
        const int dim = D > 0 ? D : m_world.dim;
        const float* vectors = m_world.itemVectors.data();
        for (std::size_t p = 0; p < n; ++p) {
            const core::ItemId item = slate[p].item;
            if (!m_world.items.isAvailable(item)) {
                u[p] = -1e30f; // never clicked
                continue;
            }
            const HistoryTerms h = historyTerms(user, item, cache);
            const float* row = vectors + std::size_t{item} * dim;
            float dot;
            if constexpr (D > 0)
                dot = fixedDot<D>(user.vector, row);
            else
                dot = affinityDot(user.vector, row, dim);
            const ItemHot& hot = m_hot[item];
            float v = m_affinityScale * dot + hot.quality - user.priceFactor * hot.logRelPrice +
                      m_discountWeight * m_world.items.discount[item];
            v -= h.fatigue;
            v -= h.repurchase;
            v += h.loyalty;
            v += h.sequence;
            u[p] = v;
        }
    };
    if (m_world.dim == 16)
        score(std::integral_constant<int, 16>{});
    else if (m_world.dim == 32)
        score(std::integral_constant<int, 32>{});
    else
        score(std::integral_constant<int, 0>{});
    if (utilities)
        utilities->assign(u, u + n);
    if (m_cascade) {
        // Cascade: the shopper looks at positions in order; a click ends the scan, else
        // they go on with probability position_bias.
        const float threshold = static_cast<float>(m_scenario.behaviour.noClickUtility);
        for (std::size_t p = 0; p < n; ++p) {
            if (p > 0 && uniform(s) >= m_scenario.behaviour.positionBias)
                return -1;
            if (u[p] > -1e29f && uniform(s) < sigmoid(u[p] - threshold))
                return static_cast<int>(p);
        }
        return -1;
    }
    // Weights e_p * exp(U_j) against exp(U_0); one uniform draw picks the outcome.
    float weights[kMaxSlate];
    float total = m_noClickWeight;
    for (std::size_t p = 0; p < n; ++p) {
        weights[p] = u[p] > -1e29f ? m_examine[p] * std::exp(u[p]) : 0.0f;
        total += weights[p];
    }
    float r = static_cast<float>(uniform(s)) * total;
    for (std::size_t p = 0; p < n; ++p) {
        if (r < weights[p])
            return static_cast<int>(p);
        r -= weights[p];
    }
    return -1;
}

double ShopperModel::clickProbability(const float* utilities, std::size_t n) const {
    n = std::min(n, kMaxSlate);
    if (m_cascade) {
        const double threshold = m_scenario.behaviour.noClickUtility;
        double reach = 1.0, click = 0.0;
        for (std::size_t p = 0; p < n; ++p) {
            if (p > 0)
                reach *= m_scenario.behaviour.positionBias;
            const double c =
                utilities[p] > -1e29f ? 1.0 / (1.0 + std::exp(threshold - utilities[p])) : 0.0;
            click += reach * c;
            reach *= 1.0 - c;
        }
        return click;
    }
    double sum = 0.0;
    for (std::size_t p = 0; p < n; ++p)
        if (utilities[p] > -1e29f)
            sum += m_examine[p] * std::exp(static_cast<double>(utilities[p]));
    return sum / (sum + m_noClickWeight);
}

// flatten: the candidates' utilities are inlined too (as in chooseFromSlate).
[[gnu::flatten]] core::ItemId ShopperModel::organicItem(Session& s,
                                                        const HistoryCache* history) const {
    // Browsing and search results surface popular items (and promoted ones during a
    // promotion); the shopper opens the one that appeals most among a handful (Gumbel
    // noise = a logit choice among the candidates).
    constexpr int kCandidates = 6;
    core::ItemId best = core::kNoItem;
    float bestScore = -1e30f, bestGone = -1e30f;
    if (!history) { // as in chooseFromSlate (preparing draws nothing)
        HistoryCache local;
        prepare(s.user, s.nextTime, core::kNoItem, local);
        return organicItem(s, &local);
    }
    const HistoryCache& cache = *history;
    const bool promo =
        m_state && !m_state->promoted.empty() && uniform(s) < m_scenario.behaviour.promotionBrowse;
    const UserTerms user = userTerms(s.user);
    for (int c = 0; c < kCandidates; ++c) {
        core::ItemId item;
        if (promo && c < kCandidates / 2) {
            const auto& list = m_state->promoted;
            item = list[boost::random::uniform_int_distribution<std::size_t>(0, list.size() -
                                                                                    1)(s.rng)];
        } else {
            item = m_popular(s.rng);
        }
        const float gumbel = -std::log(-std::log(static_cast<float>(uniform(s)) + 1e-12f) + 1e-12f);
        if (!m_world.items.isAvailable(item)) {
            if (soldOut(item)) // what the shopper would have opened had it been in stock
                bestGone = std::max(bestGone, fullUtility(user, item, cache) + gumbel);
            continue;
        }
        const float score = fullUtility(user, item, cache) + gumbel;
        if (score > bestScore) {
            bestScore = score;
            best = item;
        }
    }
    // A request lost to a stock-out: the shopper's first choice was sold out (counting
    // draws nothing: the dice are those of the choice itself).
    if (bestGone > bestScore)
        ++s.lostRequests;
    return best;
}

core::ItemId ShopperModel::successorItem(Session& s, core::ItemId item) const {
    if (item == core::kNoItem || m_world.successorCount == 0)
        return core::kNoItem;
    core::ItemId best = core::kNoItem;
    float bestScore = -1e30f, bestGone = -1e30f;
    for (core::ItemId next : m_world.successors(item)) {
        const float gumbel = -std::log(-std::log(static_cast<float>(uniform(s)) + 1e-12f) + 1e-12f);
        if (!m_world.items.isAvailable(next)) {
            if (soldOut(next))
                bestGone = std::max(bestGone, utility(s.user, next) + gumbel);
            continue;
        }
        const float score = utility(s.user, next) + gumbel;
        if (score > bestScore) {
            bestScore = score;
            best = next;
        }
    }
    if (bestGone > bestScore)
        ++s.lostRequests; // as in organicItem
    return best;
}

void ShopperModel::afterView(Session& s, core::ItemId item, bool fromRec, std::int16_t position,
                             core::SimTime t, std::vector<core::Event>& out,
                             const HistoryCache* history) const {
    const BehaviourSpec& b = m_scenario.behaviour;
    // The decision on the product page sees the full utility without the sequence bonus
    // (that only drew the shopper's attention to the item).
    // Decisions depend on the surplus over the outside option (no_click_utility), so
    // the offsets keep their meaning when the utility scale changes.
    const float u = (history ? utilityCached(s.user, item, *history)
                             : utilityAt(s.user, item, t, core::kNoItem)) -
                    static_cast<float>(b.noClickUtility);
    const core::Surface surface = s.surface;
    const double favDraw = uniform(s);
    const double cartDraw = uniform(s);
    if (favDraw < sigmoid(u + static_cast<float>(b.favouriteOffset)))
        out.push_back(
            {t, s.user, item, core::EventKind::Favourite, surface, position, fromRec, 0.0f});
    if (cartDraw < sigmoid(u + static_cast<float>(b.cartOffset))) {
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
    return sigmoid(0.5f * utilityAt(user, item, t, core::kNoItem) +
                   static_cast<float>(m_scenario.behaviour.purchaseOffset));
}

bool ShopperModel::continues(Session& s) const {
    return uniform(s) < m_scenario.behaviour.continueProbability;
}

bool ShopperModel::browsesOrganically(Session& s) const {
    return uniform(s) < m_scenario.behaviour.organicProbability;
}

core::Surface ShopperModel::startSurface(Session& s) const {
    const std::vector<double>& w = m_scenario.behaviour.startSurfaces;
    double total = 0.0;
    for (double x : w)
        total += x;
    double r = uniform(s) * total;
    for (std::size_t k = 0; k < w.size(); ++k) {
        if (r < w[k])
            return static_cast<core::Surface>(k);
        r -= w[k];
    }
    return core::Surface::Home;
}

double ShopperModel::thinkTime(Session& s) const {
    return boost::random::exponential_distribution<double>(1.0 /
                                                           m_scenario.behaviour.stepSeconds)(s.rng);
}

} // namespace recoscope::sim
