#include "recoscope/core/item_exposure.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <numeric>

namespace recoscope::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void finish(ExposureGroup& g, std::uint64_t total, std::size_t n) {
    g.exposureShare =
        total > 0 ? static_cast<double>(g.impressions) / static_cast<double>(total) : kNaN;
    g.catalogueShare = n > 0 ? static_cast<double>(g.items) / static_cast<double>(n) : kNaN;
    // An empty group has no share to compare against: NaN, not 0 or infinity.
    g.ratio = g.items > 0 ? g.exposureShare / g.catalogueShare : kNaN;
}

} // namespace

ItemExposure itemExposure(const ItemTable& items, std::span<const float> popularity,
                          std::span<const std::uint64_t> impressions, std::uint32_t minBrandItems) {
    const std::size_t n = items.size();
    assert(popularity.size() == n && impressions.size() == n);
    ItemExposure out;
    out.impressions = std::accumulate(impressions.begin(), impressions.end(), std::uint64_t{0});

    std::vector<ItemId> order(n);
    std::iota(order.begin(), order.end(), ItemId{0});
    std::sort(order.begin(), order.end(), [&](ItemId a, ItemId b) {
        return popularity[a] > popularity[b] || (popularity[a] == popularity[b] && a < b);
    });
    out.deciles.resize(10);
    for (std::uint32_t d = 0; d < 10; ++d) {
        ExposureGroup& g = out.deciles[d];
        g.code = d + 1;
        const std::size_t begin = d * n / 10, end = (d + 1) * n / 10;
        g.items = static_cast<std::uint32_t>(end - begin);
        for (std::size_t p = begin; p < end; ++p)
            g.impressions += impressions[order[p]];
        finish(g, out.impressions, n);
    }
    if (out.impressions > 0) {
        out.topDecileShare = out.deciles[0].exposureShare;
        out.bottomHalfShare = 0.0;
        for (std::size_t d = 5; d < 10; ++d)
            out.bottomHalfShare += out.deciles[d].exposureShare;
    } else {
        out.topDecileShare = out.bottomHalfShare = kNaN;
    }

    std::uint32_t brands = items.brandCount;
    for (std::uint32_t b : items.brand)
        brands = std::max(brands, b + 1);
    out.brands.resize(brands);
    for (std::uint32_t b = 0; b < brands; ++b)
        out.brands[b].code = b;
    for (std::size_t i = 0; i < n; ++i) {
        ExposureGroup& g = out.brands[items.brand[i]];
        ++g.items;
        g.impressions += impressions[i];
    }
    out.brandMinRatio = out.brandMaxRatio = kNaN;
    for (ExposureGroup& g : out.brands) {
        finish(g, out.impressions, n);
        if (g.items < std::max<std::uint32_t>(minBrandItems, 1) || !std::isfinite(g.ratio))
            continue;
        ++out.brandsCounted;
        out.brandMinRatio =
            std::isnan(out.brandMinRatio) ? g.ratio : std::min(out.brandMinRatio, g.ratio);
        out.brandMaxRatio =
            std::isnan(out.brandMaxRatio) ? g.ratio : std::max(out.brandMaxRatio, g.ratio);
        out.brandsUnderHalf += g.ratio < 0.5 ? 1 : 0;
    }
    return out;
}

} // namespace recoscope::core
