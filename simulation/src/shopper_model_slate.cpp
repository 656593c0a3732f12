#include "shopper_terms.h"

#include "recoscope/core/prefetch_policy.h"

#include <type_traits>

namespace recoscope::sim {

// The shopper facing a slate: each entry's utility, then one logit (or cascade) choice.

void ShopperModel::prefetchSlate(const core::Slate& slate) const {
    // On `large` (1M items) each slate item's rows are cache misses; asking for all of
    // them before scoring the first lets the memory system serve them together instead
    // of one item after the other, and asking when the slate arrives (the engine's
    // completeAction) rather than when the choice starts lets them overlap the step's
    // history preparation too. Prefetches change no value.
    if (!m_prefetch)
        return;
    const std::size_t n = std::min(slate.size(), detail::kMaxSlate); // as chooseFromSlate
    const std::size_t items = m_hot.size();
    for (std::size_t p = 0; p < n; ++p)
        if (slate[p].item < items) // else refused later (CoreGuard); nothing to load
            prefetchItemRows(slate[p].item);
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
    const std::size_t n = std::min(slate.size(), detail::kMaxSlate);
    float u[detail::kMaxSlate];
    const UserTerms user = userTerms(s.user);
    // fullUtility() of every available entry with the dimension a constant (D > 0, the
    // unrolled dot product) or read once (D = 0): the same operations in the same order.
    const auto score = [&]<int D>(std::integral_constant<int, D>) {
        const int dim = D > 0 ? D : m_world.dim;
        // What every entry reads besides its own rows, in locals: the compiler cannot keep
        // members in registers across the loop's stores, and reloaded them per entry.
        const float* vectors = m_world.itemVectors.data();
        const core::SlateEntry* entries = slate.data();
        const std::uint8_t* available = m_world.items.available.data();
        const std::size_t availableSize = m_world.items.available.size();
        const float* discount = m_world.items.discount.data();
        const ItemHot* hotRows = m_hot.data();
        const float affinityScale = m_affinityScale, discountWeight = m_discountWeight;
        const std::uint64_t anyItemMask = cache.anyItemMask, categoryMask = cache.categoryMask,
                            brandMask = cache.boughtBrandMask;
        // The user's row in registers, loaded only when D == 16: a shorter row must not be
        // read 16 floats wide (ASan: heap-buffer-overflow at dim < 16).
        struct NoDot16 {
            explicit NoDot16(const float*) {}
        };
        const std::conditional_t<D == 16, Dot16, NoDot16> dot16(user.vector);
        for (std::size_t p = 0; p < n; ++p) {
            const core::ItemId item = entries[p].item;
            if (item >= availableSize || available[item] == 0) { // !isAvailable(item)
                u[p] = -1e30f;                                   // never clicked
                continue;
            }
            const float* row = vectors + std::size_t{item} * dim;
            float dot;
            if constexpr (D == 16)
                dot = dot16(row);
            else if constexpr (D > 0)
                dot = fixedDot<D>(user.vector, row);
            else
                dot = affinityDot(user.vector, row, dim);
            const ItemHot& hot = hotRows[item];
            float v = affinityScale * dot + hot.quality - user.priceFactor * hot.logRelPrice +
                      discountWeight * discount[item];
            const bool itemSide = HistoryCache::hasBit(anyItemMask, item);
            if (!itemSide && !HistoryCache::hasBit(categoryMask, hot.category) &&
                !HistoryCache::hasBit(brandMask, hot.brand)) {
                // No history term (HistoryCache::mayMatch false): all four are +0, and
                // v - 0 - 0 + 0 + 0 is v + 0 bit for bit (x - (+0) is x, -0 included;
                // x + 0 + 0 is x + 0).
                u[p] = v + 0.0f;
                continue;
            }
            const HistoryTerms h = itemSide ? itemHistoryTerms(user, item, hot, cache)
                                            : categoryBrandTerms(user, hot, cache);
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
            if (p > 0 && detail::uniform01(s) >= m_scenario.behaviour.positionBias)
                return -1;
            if (u[p] > -1e29f && detail::uniform01(s) < detail::sigmoid(u[p] - threshold))
                return static_cast<int>(p);
        }
        return -1;
    }
    // Weights e_p * exp(U_j) against exp(U_0); one uniform draw picks the outcome.
    const float* examine = m_examine.data();
    float weights[detail::kMaxSlate];
    float total = m_noClickWeight;
    // Four, then two entries at a time while their utilities are in exp's fast-path domain
    // (|u| < 32, so none is an unavailable entry's -1e30): ExactExpf2 gives exactExpf of
    // each, two in SSE2's double lanes, at about the cost of one and a half; the four-wide
    // step also multiplies by examine[] four at a time (-19 a step against pairs alone).
    // From the first group that is not in the domain, one entry at a time as before (a
    // loop of its own, so that the fast loops keep the constants in registers). Same
    // values, summed in the same order.
    const core::ExactExpf2 expPair;
    std::size_t p = 0;
    for (; p + 4 <= n && expPair.tryScaledFour(u + p, examine + p, weights + p); p += 4)
        for (std::size_t i = 0; i < 4; ++i)
            total += weights[p + i];
    for (float e[2]; p + 2 <= n && expPair.tryBoth(u + p, e); p += 2)
        for (std::size_t i = 0; i < 2; ++i) {
            weights[p + i] = examine[p + i] * e[i];
            total += weights[p + i];
        }
    for (; p < n; ++p) {
        weights[p] = u[p] > -1e29f ? examine[p] * core::exactExpf(u[p]) : 0.0f;
        total += weights[p];
    }
    float r = static_cast<float>(detail::uniform01(s)) * total;
    for (p = 0; p < n; ++p) {
        if (r < weights[p])
            return static_cast<int>(p);
        r -= weights[p];
    }
    return -1;
}

double ShopperModel::clickProbability(const float* utilities, std::size_t n) const {
    n = std::min(n, detail::kMaxSlate);
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

} // namespace recoscope::sim
