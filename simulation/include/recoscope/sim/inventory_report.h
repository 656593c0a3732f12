#pragma once
// The `inventory` block of `report --json` and of the workbench's inventory window: the
// sell-out warnings of a run scored against its stock-outs (InventoryMonitor,
// scoreWarnings), the warned items, and the run's lost sales. Built from a stored run by
// replaying its events over the world regenerated from its scenario and seed.

#include "recoscope/core/demand_forecaster.h"
#include "recoscope/core/result.h"

#include <QJsonObject>

#include <atomic>

namespace recoscope::sim {

class InventoryMonitor;
class RunStore;
struct Scenario;

/// The forecast settings of a scenario's `inventory` section; `horizonDays` > 0 replaces
/// the scenario's horizon (the CLI's --inventory-horizon, the window's spin box).
core::ForecastSettings inventorySettings(const Scenario& scenario, double horizonDays = 0.0);

/// The block for a monitor that has seen the whole run. `summary` is the run's stored
/// summary (its lost_sales and stock_outs are copied; may be empty). At most `maxItems`
/// warned items are listed (earliest first); `items_total` says how many there were.
QJsonObject inventoryJson(const InventoryMonitor& monitor, const QJsonObject& summary,
                          bool stockUnlimited, int maxItems = 200);

/// The block for stored run `runId`: an empty object when the warnings are off (the
/// scenario's horizon is 0 and `horizonDays` is 0). Errors name the store and the run
/// (unknown run, a world that no longer matches the stored hashes, a read error).
/// `cancel`, when set, stops the replay early with an error.
core::Result<QJsonObject> storedInventoryJson(const RunStore& store, qint64 runId,
                                              double horizonDays = 0.0,
                                              const std::atomic<bool>* cancel = nullptr);

} // namespace recoscope::sim
