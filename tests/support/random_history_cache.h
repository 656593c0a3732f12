#pragma once
// A HistoryCache with random remembered impressions, its slot sums and masks built the way
// ShopperModel::prepare builds them: the fixture of the tests that check the slot lookups
// against a plain scan (tst_history_cache, tst_slate_scoring).

#include "recoscope/sim/history_cache.h"

#include <cmath>
#include <cstdint>
#include <random>

namespace recoscope::test {

/// Fills `c` with up to HistoryCache::kMax impressions (the count drawn first) of item ids
/// in [0, itemRange) and categories in [0, categoryRange), each decayed by 2^(-n / 37) for
/// a drawn n in [0, decaySteps). Small ranges make ids share slots.
inline void fillRandomHistory(sim::HistoryCache& c, std::mt19937& rng, std::uint32_t itemRange,
                              std::uint32_t categoryRange, std::uint32_t decaySteps) {
    c.shown = static_cast<int>(rng() % (sim::HistoryCache::kMax + 1));
    std::uint64_t itemMask = 0, categoryMask = 0, itemShared = 0, categoryShared = 0;
    for (int k = 0; k < c.shown; ++k) {
        c.shownItem[k] = rng() % itemRange;
        c.shownCategory[k] = rng() % categoryRange;
        c.shownDecay[k] = std::exp2(-static_cast<float>(rng() % decaySteps) / 37.0f);
        sim::HistoryCache::addToSlot(c.itemKey, c.itemDecaySum, itemMask, itemShared,
                                     c.shownItem[k], c.shownDecay[k]);
        sim::HistoryCache::addToSlot(c.categoryKey, c.categoryDecaySum, categoryMask,
                                     categoryShared, c.shownCategory[k], c.shownDecay[k]);
    }
    c.itemMask = itemMask;
    c.categoryMask = categoryMask;
    c.itemShared = itemShared;
    c.categoryShared = categoryShared;
}

} // namespace recoscope::test
