#pragma once
// Fairness to items and sellers (issue 16): how a run's impressions were spread over the
// catalogue — by popularity decile and by brand (docs/metrics.md, "Fairness to items and
// sellers").
//
// Definitions. The items are ordered by a popularity reference, most popular first (ties
// by the lower id); decile d (1..10) holds items [(d-1)·n/10, d·n/10) of that order
// (integer division, so decile sizes differ by at most one). For a group G of items
// (a decile or a brand):
//   exposure share = impressions on G's items / all impressions
//   catalogue share= |G| / n
//   ratio          = exposure share / catalogue share (1 = its fair share of an even
//                    spread; 0 = never shown)
// A share over no impressions, or a ratio of an empty group, is NaN, never 0.
// Summary: top-decile share, bottom-half share (deciles 6..10), and over the brands with
// at least `minBrandItems` items the lowest and highest ratio and how many brands got
// less than half their catalogue share (ratio < 0.5).
//
// Pure function of the item table, the reference and per-item impression counts; O(n log n).

#include "recoscope/core/shop.h"

#include <cstdint>
#include <span>
#include <vector>

namespace recoscope::core {

struct ExposureGroup {
    std::uint32_t code = 0; ///< decile 1..10, or the brand id
    std::uint32_t items = 0;
    std::uint64_t impressions = 0;
    double exposureShare = 0.0;  ///< NaN when the run has no impression
    double catalogueShare = 0.0; ///< NaN for an empty catalogue
    double ratio = 0.0;          ///< exposure share / catalogue share; NaN when undefined
};

struct ItemExposure {
    std::uint64_t impressions = 0;
    std::vector<ExposureGroup> deciles; ///< always 10, decile 1 = the most popular items
    std::vector<ExposureGroup> brands;  ///< one per brand id, in id order
    double topDecileShare = 0.0;        ///< NaN without impressions
    double bottomHalfShare = 0.0;       ///< deciles 6..10; NaN without impressions
    double brandMinRatio = 0.0;         ///< over the counted brands; NaN when none
    double brandMaxRatio = 0.0;
    int brandsCounted = 0;   ///< brands with ≥ minBrandItems items
    int brandsUnderHalf = 0; ///< counted brands with ratio < 0.5
};

/// `popularity` (one value per item, larger = more popular) orders the deciles;
/// `impressions` counts each item's appearances in served slates. Both must have
/// items.size() entries (asserted: a caller's bug).
ItemExposure itemExposure(const ItemTable& items, std::span<const float> popularity,
                          std::span<const std::uint64_t> impressions, std::uint32_t minBrandItems);

} // namespace recoscope::core
