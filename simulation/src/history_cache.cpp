#include "recoscope/sim/history_cache.h"

#include <bit>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace recoscope::sim {

namespace {
// Bit k of `itemHits` / `categoryHits` is set when impression k (k < n <= 64) shows
// `item` / an item of `category`.
void matchMasks(const std::uint32_t* items, const std::uint32_t* categories, int n,
                std::uint32_t item, std::uint32_t category, std::uint64_t& itemHits,
                std::uint64_t& categoryHits) {
    std::uint64_t ih = 0, ch = 0;
    int k = 0;
#if defined(__SSE2__)
    const __m128i wantItem = _mm_set1_epi32(static_cast<int>(item));
    const __m128i wantCategory = _mm_set1_epi32(static_cast<int>(category));
    for (; k + 4 <= n; k += 4) {
        const __m128i it = _mm_loadu_si128(reinterpret_cast<const __m128i*>(items + k));
        const __m128i ca = _mm_loadu_si128(reinterpret_cast<const __m128i*>(categories + k));
        ih |= std::uint64_t(_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(it, wantItem)))) << k;
        ch |= std::uint64_t(_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(ca, wantCategory))))
              << k;
    }
#endif
    for (; k < n; ++k) {
        ih |= std::uint64_t(items[k] == item) << k;
        ch |= std::uint64_t(categories[k] == category) << k;
    }
    itemHits = ih;
    categoryHits = ch;
}
} // namespace

void HistoryCache::scanFatigue(core::ItemId item, std::uint32_t category, float& sameItem,
                               float& sameCategory) const {
    // Which impressions match (a branch-free, SIMD-friendly pass), then the decays of the
    // matches only, in impression order: the sums start at +0 and the decays are
    // positive, so skipping the `+ 0.0f` of a non-match leaves every bit unchanged.
    std::uint64_t itemHits = 0, categoryHits = 0;
    matchMasks(shownItem, shownCategory, shown, item, category, itemHits, categoryHits);
    float si = 0.0f, sc = 0.0f;
    for (; itemHits != 0; itemHits &= itemHits - 1)
        si += shownDecay[std::countr_zero(itemHits)];
    for (; categoryHits != 0; categoryHits &= categoryHits - 1)
        sc += shownDecay[std::countr_zero(categoryHits)];
    sameItem = si;
    sameCategory = sc;
}

} // namespace recoscope::sim
