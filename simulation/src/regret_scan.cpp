#include "regret_scan.h"

#include "affinity_dot.h"

#include <algorithm>
#include <cmath>
#include <limits>

#if defined(__SSE2__)
#include <xmmintrin.h>
#endif

namespace recoscope::sim {

// Why a scan of its own instead of utilityCached() per item: a sample scores every available
// item (~2,870 on `default`), and a call per item re-read the user's row and the cache's
// masks, re-tested the dimension and paid the call itself (~136 instructions an item, 262 a
// step on average). Here the user's terms are read once, and at 16 dimensions (`default`,
// `large`) an item that was not bought, does not follow the context item and is not of a
// brand bought (loyalty) gets its utility inline: the static terms and fatigue, the only ones
// that can apply to it. The others (a few dozen; the brand mask errs towards yes) take
// utilityCached() out of line. HistoryCache::mayMatch() is too coarse for this split: its
// 64-bit item mask holds the context's 32 successors and the impressions, and said yes for
// ~60 % of the catalogue.
//
// The inline utility repeats ShopperModel's operations in its order (shopper_terms.h:
// staticUtility, historyTerms' fatigue product, fullUtility's chain), with the model's
// constants converted as its constructor converts them; tst_regret_scan holds it to
// utilityCached() bit for bit (a change of the model's formula that forgets this file fails
// there). Why (static - fatigue) + 0 is fullUtility() for such an item: fullUtility takes
// u - fatigue - 0 + 0 + 0 with the repurchase, loyalty and sequence terms +0; x - (+0) is x
// for every x (-0 included), and x + (+0) is x except that -0 becomes +0: the chain is
// exactly (u - fatigue) + 0.0f.
//
// Why the static utility may be tested against the running k-th value before the fatigue is
// looked up: with fatigue_item and fatigue_category >= 0 (checked; the other case looks fatigue
// up first), the fatigue term is a sum of products of non-negative decays and weights, so
// it is +0 or positive, and round-to-nearest is monotone: fl(u - f) <= u. An item whose
// static utility u is not above the k-th value cannot be above it with its fatigue.
//
// Why a running top k instead of collecting every utility and partial_sort: the caller needs
// only the k largest values, best first. An item that is not above the current k-th value
// cannot change that multiset (an equal value is the same value; +0 and -0 give the same
// click probability), so most items cost one compare after their utility; and the exclusion
// test (the context item, the cart) runs only for an item about to enter.

namespace {

// Inserts `v` into best[0, n), kept in descending order, with room for `k` >= 1 values;
// returns the new count. The caller tested that `v` is above best[k - 1] when n == k.
inline std::size_t insertBest(float* best, std::size_t n, std::size_t k, float v) {
    std::size_t p = n < k ? n : k - 1;
    while (p > 0 && best[p - 1] < v) {
        best[p] = best[p - 1];
        --p;
    }
    best[p] = v;
    return n < k ? n + 1 : n;
}

// The running top k: values at or below `floor` cannot enter once `full`.
struct TopK {
    float* best;
    std::size_t k;
    std::size_t n = 0;
    float floor = -std::numeric_limits<float>::infinity();
    bool full = false;

    bool admits(float v) const { return v > floor || !full; }
    void offer(const core::Request& request, core::ItemId item, float v) {
        if (request.excludes(item))
            return;
        n = insertBest(best, n, k, v);
        full = n == k;
        if (full)
            floor = best[k - 1];
    }
};

} // namespace

RegretScan::RegretScan(const Scenario& scenario, const World& world, const ShopperModel& model)
    : m_world(world), m_model(model),
      m_affinityScale(
          static_cast<float>(scenario.behaviour.affinityScale * std::sqrt(double(world.dim)))),
      m_priceSensitivity(static_cast<float>(scenario.behaviour.priceSensitivity)),
      m_discountWeight(static_cast<float>(scenario.behaviour.discountWeight)),
      m_fatigueItem(static_cast<float>(scenario.behaviour.fatigueItem)),
      m_fatigueCategory(static_cast<float>(scenario.behaviour.fatigueCategory)) {}

std::size_t RegretScan::best(core::UserId user, const core::Request& request,
                             const HistoryCache& cache, std::size_t k, float* best) const {
    if (k == 0)
        return 0;
#if defined(__SSE2__)
    if (m_world.dim == 16)
        return best16(user, request, cache, k, best);
#endif
    return bestByModel(user, request, cache, k, best);
}

std::size_t RegretScan::bestByModel(core::UserId user, const core::Request& request,
                                    const HistoryCache& cache, std::size_t k, float* best) const {
    TopK top{best, k};
    const std::uint8_t* available = m_world.items.available.data();
    for (std::size_t index = 0; index < m_world.items.size(); ++index) {
        if (!available[index])
            continue;
        const auto item = static_cast<core::ItemId>(index);
        const float v = m_model.utilityCached(user, item, cache);
        if (top.admits(v))
            top.offer(request, item, v);
    }
    return top.n;
}

std::size_t RegretScan::best16(core::UserId user, const core::Request& request,
                               const HistoryCache& cache, std::size_t k, float* best) const {
#if defined(__SSE2__)
    TopK top{best, k};
    // The items whose utility has a purchase or sequence term (bought, or a successor of
    // the context item), ascending, then a sentinel: walked beside the scan.
    std::size_t special[ShopState::kBought + 32 + 1];
    std::size_t specials = 0;
    for (int i = 0; i < cache.bought; ++i)
        special[specials++] = cache.boughtItem[i];
    for (int i = 0; i < cache.successors; ++i)
        special[specials++] = cache.successor[i];
    std::sort(special, special + specials);
    special[specials] = std::numeric_limits<std::size_t>::max();
    std::size_t next = 0, nextSpecial = special[0];

    // ShopperModel::userTerms(): the vector and float(price_sensitivity) x multiplier.
    const float* u = m_world.userVector(user);
    const __m128 u0 = _mm_loadu_ps(u), u1 = _mm_loadu_ps(u + 4), u2 = _mm_loadu_ps(u + 8),
                 u3 = _mm_loadu_ps(u + 12);
    const float priceFactor = m_priceSensitivity * m_world.userPriceSensitivity[user];
    const float scale = m_affinityScale, discountWeight = m_discountWeight,
                fatigueItem = m_fatigueItem, fatigueCategory = m_fatigueCategory;
    const std::uint64_t brands = cache.boughtBrandMask;
    const bool fatigueLowers = fatigueItem >= 0.0f && fatigueCategory >= 0.0f;
    const std::size_t count = m_world.items.size();
    const std::uint8_t* available = m_world.items.available.data();
    const float* vectors = m_world.itemVectors.data();
    const float* quality = m_world.itemQuality.data();
    const float* logRelPrice = m_world.itemLogRelPrice.data();
    const float* discount = m_world.items.discount.data();
    const std::uint32_t* category = m_world.items.category.data();
    const std::uint32_t* brand = m_world.items.brand.data();
    for (std::size_t index = 0; index < count; ++index) {
        if (!available[index])
            continue;
        const auto item = static_cast<core::ItemId>(index);
        bool listed = false;
        if (index >= nextSpecial) {
            while (special[next] < index) // passes the unavailable ones too
                ++next;
            nextSpecial = special[next];
            listed = nextSpecial == index;
        }
        // Bought, a successor, or of a brand bought (loyalty; the mask may say yes for a
        // brand not bought): the whole utility from the model.
        if (listed || HistoryCache::hasBit(brands, brand[index])) {
            const float v = m_model.utilityCached(user, item, cache);
            if (top.admits(v))
                top.offer(request, item, v);
            continue;
        }
        // fixedDot<16>: lane j sums u[d + j] * v[d + j] from +0 in d order, then
        // (s0 + s1) + (s2 + s3).
        const float* row = vectors + index * 16;
        __m128 acc = _mm_setzero_ps();
        acc = _mm_add_ps(acc, _mm_mul_ps(u0, _mm_loadu_ps(row)));
        acc = _mm_add_ps(acc, _mm_mul_ps(u1, _mm_loadu_ps(row + 4)));
        acc = _mm_add_ps(acc, _mm_mul_ps(u2, _mm_loadu_ps(row + 8)));
        acc = _mm_add_ps(acc, _mm_mul_ps(u3, _mm_loadu_ps(row + 12)));
        const __m128 pairs = _mm_add_ps(acc, _mm_shuffle_ps(acc, acc, _MM_SHUFFLE(2, 3, 0, 1)));
        const float dot = _mm_cvtss_f32(pairs) + _mm_cvtss_f32(_mm_movehl_ps(pairs, pairs));
        // staticUtility(): ((a x dot + quality) - factor x log price) + weight x discount.
        const float v = scale * dot + quality[index] - priceFactor * logRelPrice[index] +
                        discountWeight * discount[index];
        // Fatigue only lowers it (see above): an item whose static utility cannot enter
        // needs no fatigue.
        if (fatigueLowers && !top.admits(v))
            continue;
        // historyTerms()'s fatigue product, +0 when no slot matches; then fullUtility()'s
        // chain with repurchase, loyalty and sequence +0.
        float fatigue = 0.0f, sameItem, sameCategory;
        if (cache.fatigueSums(item, category[index], sameItem, sameCategory))
            fatigue = sameItem * fatigueItem + sameCategory * fatigueCategory;
        const float full = (v - fatigue) + 0.0f;
        if (top.admits(full))
            top.offer(request, item, full);
    }
    return top.n;
#else
    return bestByModel(user, request, cache, k, best);
#endif
}

} // namespace recoscope::sim
