#pragma once
// The feedback loop made visible (issue 16; docs/metrics.md, "The feedback loop"): day by
// day, how concentrated the exposure a core gives is, and where the shoppers' revealed
// interest goes. The simulator's hidden preferences do not change; what moves is what
// shoppers look at, steered by what they are shown.
//
// Per simulated day d (floor(time / 86400)):
//   views             = product-page views (organic or after a click)
//   interest drift    = 1 - cos(r_d, r_first), r_d the mean of the viewed items' unit
//                       latent vectors that day and r_first that of the first day with
//                       views: how far the population's revealed interest has moved
//   view concentration= Gini coefficient of the day's views over leaf categories
//   exposure Gini     = Gini coefficient of the day's impressions over the catalogue
// A figure over nothing (no view, no impression, no vectors) is NaN, never 0.
// Pure arithmetic; memory O(days x (dim + categories + items with impressions)).

#include "recoscope/core/shop.h"

#include <cstdint>
#include <map>
#include <span>
#include <vector>

namespace recoscope::core {

struct FeedbackDay {
    int day = 0;
    std::uint64_t views = 0, impressions = 0;
    double interestDrift = 0.0;
    double viewConcentration = 0.0;
    double exposureGini = 0.0;
};

class FeedbackLoop {
public:
    /// `vectors`: items x dim latent vectors, read in place (must outlive this object);
    /// empty: no interest drift.
    FeedbackLoop(const ItemTable& items, std::span<const float> vectors, int dim);

    void onView(SimTime time, ItemId item);
    void onImpression(SimTime time, ItemId item);

    /// Every day with a view or an impression, in day order.
    std::vector<FeedbackDay> days() const;

private:
    struct Day {
        std::uint64_t views = 0, impressions = 0;
        std::vector<double> interest;               ///< sum of unit vectors of viewed items
        std::vector<std::uint64_t> viewsByCategory; ///< per leaf category
        std::vector<std::uint64_t> impressionsByItem;
    };
    Day& dayOf(SimTime time);

    const ItemTable& m_items;
    std::span<const float> m_vectors;
    int m_dim;
    std::map<int, Day> m_days;
};

} // namespace recoscope::core
