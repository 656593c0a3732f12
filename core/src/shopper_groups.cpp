#include "recoscope/core/shopper_groups.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace recoscope::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double num, double den) {
    return den > 0.0 ? num / den : kNaN;
}

template <class Metric>
Disparity disparity(const std::vector<ShopperGroup>& groups, std::uint64_t minImpressions,
                    Metric metric) {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    Disparity d;
    for (const ShopperGroup& g : groups) {
        const double v = metric(g);
        if (g.impressions < minImpressions || std::isnan(v))
            continue;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        ++d.counted;
    }
    if (d.counted == 0)
        return {kNaN, kNaN, 0};
    d.gap = hi - lo;
    d.ratio = hi > 0.0 ? lo / hi : kNaN;
    return d;
}

AttributeGroups group(const char* name, const std::vector<std::uint8_t>& codes, std::uint8_t count,
                      const std::vector<UserOutcomes::Row>& rows, std::uint64_t minImpressions) {
    AttributeGroups a;
    a.attribute = name;
    // The table's count, or more when a code exceeds it (a bug elsewhere must not lose rows).
    std::size_t n = count;
    for (std::uint8_t c : codes)
        n = std::max<std::size_t>(n, c + 1u);
    a.groups.resize(n);
    for (std::size_t c = 0; c < n; ++c)
        a.groups[c].code = static_cast<std::uint8_t>(c);
    const std::size_t users = std::min(codes.size(), rows.size());
    for (std::size_t u = 0; u < codes.size(); ++u)
        ++a.groups[codes[u]].shoppers;
    for (std::size_t u = 0; u < users; ++u) {
        const UserOutcomes::Row& r = rows[u];
        ShopperGroup& g = a.groups[codes[u]];
        g.impressions += r.impressions;
        g.clicks += r.clicks;
        g.recPurchases += r.recPurchases;
        g.recRevenue += r.recRevenue;
        g.shown += r.impressions > 0 ? 1u : 0u;
        g.clicked += r.clicks > 0 ? 1u : 0u;
    }
    a.ctr = disparity(a.groups, minImpressions, [](const ShopperGroup& g) { return g.ctr(); });
    a.conversion =
        disparity(a.groups, minImpressions, [](const ShopperGroup& g) { return g.conversion(); });
    a.hitRate =
        disparity(a.groups, minImpressions, [](const ShopperGroup& g) { return g.hitRate(); });
    return a;
}

} // namespace

double ShopperGroup::ctr() const {
    return ratio(static_cast<double>(clicks), static_cast<double>(impressions));
}

double ShopperGroup::conversion() const {
    return ratio(static_cast<double>(recPurchases), static_cast<double>(clicks));
}

double ShopperGroup::hitRate() const {
    return ratio(clicked, shown);
}

std::vector<AttributeGroups> shopperGroups(const UserTable& users,
                                           const std::vector<UserOutcomes::Row>& rows,
                                           std::uint64_t minImpressions) {
    return {group("gender", users.gender, users.genderCount, rows, minImpressions),
            group("age_band", users.ageBand, users.ageBandCount, rows, minImpressions),
            group("occupation", users.occupation, users.occupationCount, rows, minImpressions),
            group("region", users.region, users.regionCount, rows, minImpressions)};
}

} // namespace recoscope::core
