#pragma once
// InventoryMonitor: the inventory-warning job of issue 16 over one run's event stream
// (docs/use-cases.md, "Inventory warnings"). It keeps its own stock ledger from the world
// the run was generated from (initial stock, restock lead times, the timeline's stock
// shocks drawn exactly as the engine draws them), feeds the purchases to a
// core::DemandForecaster, and at the end of every simulated day warns about the items in
// stock whose cover is within the horizon (and counts the overstocked ones). The warnings
// are then scored against the ledger's actual stock-outs (inventory_score.h).
//
// Fed the events of a live run or of a stored one, in time order; reads nothing else of
// the engine, so it works the same on both and changes nothing in the run. One thread.

#include "recoscope/core/demand_forecaster.h"
#include "recoscope/core/event.h"

#include <boost/random/mersenne_twister.hpp>

#include <cstdint>
#include <vector>

namespace recoscope::sim {

struct Scenario;
struct World;

/// A time an item's stock reached zero: by a sale (`shock` false) or a stock shock.
struct StockOutRecord {
    core::ItemId item = core::kNoItem;
    core::SimTime time = 0.0;
    bool shock = false;
};

/// A sell-out warning given when day `time` / 86,400 - 1 closed (at `time`).
struct StockWarning {
    core::ItemId item = core::kNoItem;
    core::SimTime time = 0.0;
    double forecast = 0.0;  ///< units per day
    std::int32_t stock = 0; ///< units in stock when the warning was given
};

class InventoryMonitor {
public:
    /// `world` must be generated from `scenario` and `seed`, and outlive the monitor.
    InventoryMonitor(const Scenario& scenario, const World& world, std::uint64_t seed,
                     core::ForecastSettings settings);

    /// One event of the run, in time order.
    void addEvent(const core::Event& e);
    /// Closes every day that ended by `end` (the run's clock at its end).
    void finish(core::SimTime end);

    const core::ForecastSettings& settings() const { return m_forecaster.settings(); }
    const core::DemandForecaster& forecaster() const { return m_forecaster; }
    /// Every stock-out so far, in time order.
    const std::vector<StockOutRecord>& stockOuts() const { return m_stockOuts; }
    /// Every sell-out warning so far, in time order (an item warned on several days has one
    /// entry per day).
    const std::vector<StockWarning>& warnings() const { return m_warnings; }
    /// Items flagged overstocked when the last day closed.
    std::size_t overstocked() const { return m_overstocked; }
    /// The ledger's stock of an item now (-1 = unlimited).
    std::int32_t stock(core::ItemId item) const;
    const std::vector<std::int32_t>& stockTable() const { return m_stock; }
    /// Purchases of an item the ledger had no unit for: 0 unless the ledger and the engine
    /// disagree (a test asserts 0).
    std::uint64_t unmatchedPurchases() const { return m_unmatched; }

private:
    struct Due {
        core::SimTime time;
        core::ItemId item;
    };
    void applyDue(core::SimTime t);
    void closeDay();
    void empty(core::ItemId item, core::SimTime t, bool shock);

    const World& m_world;
    core::DemandForecaster m_forecaster;
    std::vector<std::int32_t> m_stock;
    std::vector<Due> m_restocks; // min-heap by (time, item), as the engine's
    struct Shock {
        core::SimTime time;
        int category;
        double fraction;
    };
    std::vector<Shock> m_shocks; // in start order
    std::size_t m_nextShock = 0;
    boost::random::mt19937 m_timelineRng;
    std::vector<StockOutRecord> m_stockOuts;
    std::vector<StockWarning> m_warnings;
    std::size_t m_overstocked = 0;
    std::uint64_t m_unmatched = 0;
};

} // namespace recoscope::sim
