#pragma once
// Fairness across shoppers (issue 16): what a core did for each demographic group — CTR,
// conversion and hit rate per gender, age band, occupation and region — and the disparity
// between the groups (docs/metrics.md, "Fairness across shoppers").
//
// Definitions, per group g of one attribute:
//   CTR        = clicks / impressions of the slates shown to g's shoppers
//   conversion = purchases of recommended items / clicks
//   hit rate   = shoppers of g who clicked at least one recommendation
//                / shoppers of g who were shown at least one slate
// Disparity of a metric over an attribute: gap = max − min and ratio = min / max over the
// groups with at least `minImpressions` impressions (smaller groups are listed but left
// out of the disparity: their rates are noise). A metric undefined for every group (no
// impression, no click) has gap and ratio NaN, never 0.
//
// Pure function of the per-user outcome rows and the user table; O(users).

#include "recoscope/core/shop.h"
#include "recoscope/core/user_outcomes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace recoscope::core {

struct ShopperGroup {
    std::uint8_t code = 0; ///< the attribute's code (the scenario names it)
    std::uint32_t shoppers = 0;
    std::uint32_t shown = 0;   ///< shoppers shown at least one slate
    std::uint32_t clicked = 0; ///< shoppers who clicked at least one recommendation
    std::uint64_t impressions = 0, clicks = 0, recPurchases = 0;
    double recRevenue = 0.0;

    double ctr() const;        ///< NaN without impressions
    double conversion() const; ///< NaN without clicks
    double hitRate() const;    ///< NaN when nobody was shown a slate
};

struct Disparity {
    double gap = 0.0;   ///< max − min over the counted groups (NaN when none is defined)
    double ratio = 0.0; ///< min / max (NaN when none is defined or max is 0)
    int counted = 0;    ///< groups with ≥ minImpressions impressions and the metric defined
};

struct AttributeGroups {
    std::string attribute;            ///< "gender", "age_band", "occupation", "region"
    std::vector<ShopperGroup> groups; ///< one per code, in code order
    Disparity ctr, conversion, hitRate;
};

/// Groups the rows by each demographic attribute. Rows beyond the user table (and users
/// without a row) are ignored.
std::vector<AttributeGroups> shopperGroups(const UserTable& users,
                                           const std::vector<UserOutcomes::Row>& rows,
                                           std::uint64_t minImpressions);

} // namespace recoscope::core
