#pragma once
// How well the sell-out warnings of an InventoryMonitor foretold the stock-outs that
// happened (docs/metrics.md, "Inventory warnings"). Only sell-outs (stock-outs by sales)
// are foretellable; stock shocks are counted apart. With H the horizon in days:
//   a warning (item, T) is confirmed when the item sells out in (T, T + H];
//   a sell-out (item, t) is warned when a warning of the item came in [max(t - H, t'), t),
//     t' the item's previous stock-out (0 if none): a warning before the last restock
//     was about the earlier stock-out;
//   lead time of a warned sell-out = t - the first such warning, in days.
// precision = confirmed / warnings, recall = warned / sell-outs, mean lead over the warned
// sell-outs; NaN when the denominator is 0.

#include "recoscope/sim/inventory_monitor.h"

#include <cstddef>
#include <vector>

namespace recoscope::sim {

struct InventoryScore {
    std::size_t warnings = 0, confirmed = 0;
    std::size_t sellOuts = 0, warned = 0;
    std::size_t shockStockOuts = 0;
    double precision = 0.0, recall = 0.0, meanLeadDays = 0.0; ///< NaN when undefined
};

/// One row of the inventory panel: an item warned at least once.
struct WarnedItem {
    core::ItemId item = core::kNoItem;
    std::size_t warnings = 0;     ///< days on which it was warned
    double firstWarningDay = 0.0; ///< simulated days at the first warning
    double forecast = 0.0;        ///< units per day, at the first warning
    std::int32_t stock = 0;       ///< units in stock at the first warning
    double stockOutDay = -1.0;    ///< first sell-out after the first warning; -1 = none
    double leadDays = -1.0;       ///< stockOutDay - firstWarningDay when within the horizon
};

InventoryScore scoreWarnings(const std::vector<StockWarning>& warnings,
                             const std::vector<StockOutRecord>& stockOuts, double horizonDays);

/// The warned items, earliest first warning first (ties by item id).
std::vector<WarnedItem> warnedItems(const std::vector<StockWarning>& warnings,
                                    const std::vector<StockOutRecord>& stockOuts,
                                    double horizonDays);

} // namespace recoscope::sim
