#pragma once
// The best slate a regret sample compares the shown one with: the k highest utilities over
// the whole catalogue. Internal to the simulation library (the engine and its tests).

#include "recoscope/core/request.h"
#include "recoscope/sim/history_cache.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/sim/shopper_model.h"
#include "recoscope/sim/world.h"

#include <cstddef>

namespace recoscope::sim {

/// One scan of the catalogue for the k best utilities of a user at a prepared history.
/// Reads the World (item and user tables, current availability and discounts) and the
/// model; holds references to both, which must outlive it. Cheap to construct (a few
/// floats), so callers make one per sample. Not thread-safe across concurrent writers of
/// the World; any number of concurrent readers.
class RegretScan {
public:
    RegretScan(const Scenario& scenario, const World& world, const ShopperModel& model);

    /// The `k` largest model.utilityCached(user, item, cache) values over the available
    /// items that `request` does not exclude, best first, written to best[0, returned
    /// count): bit for bit the first min(k, eligible items) values of the full list sorted
    /// by std::partial_sort with std::greater. `best` has room for k floats. `cache` is
    /// prepared for the user (ShopperModel::prepare).
    std::size_t best(core::UserId user, const core::Request& request, const HistoryCache& cache,
                     std::size_t k, float* best) const;

private:
    std::size_t bestByModel(core::UserId user, const core::Request& request,
                            const HistoryCache& cache, std::size_t k, float* best) const;
    std::size_t best16(core::UserId user, const core::Request& request, const HistoryCache& cache,
                       std::size_t k, float* best) const;

    const World& m_world;
    const ShopperModel& m_model;
    // The model's constants, converted as its constructor converts them.
    float m_affinityScale;    ///< float(affinity_scale x sqrt(dim))
    float m_priceSensitivity; ///< float(price_sensitivity)
    float m_discountWeight;   ///< float(discount_weight)
    float m_fatigueItem;      ///< float(fatigue_item)
    float m_fatigueCategory;  ///< float(fatigue_category)
};

} // namespace recoscope::sim
