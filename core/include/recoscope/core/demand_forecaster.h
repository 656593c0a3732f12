#pragma once
// DemandForecaster: each item's demand in units per simulated day, forecast from the
// behaviour stream by simple exponential smoothing of the units sold per day, and the stock
// warnings that follow from it: "sells out within the horizon" and "overstocked". Plain
// data, no I/O, no clock of its own: fed events in time order, told the stock when asked.
// The choice of forecast is recorded in docs/decisions/0029-inventory-warnings.md.
//
// Recurrence (day d = [d, d+1) x 86,400 simulated seconds, x_d = units bought on day d):
//   f_0 = x_0 (the first closed day seeds the forecast), f_d = alpha x_d + (1 - alpha) f_{d-1}.
// Before the first day closes, rate() extrapolates the open day: sold so far / elapsed days
// (at least one hour), so a re-ranker has a figure on day 0 too.

#include "recoscope/core/event.h"
#include "recoscope/core/types.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace recoscope::core {

struct ForecastSettings {
    double alpha = 0.3;          ///< weight of the newest closed day, in (0, 1]
    double horizonDays = 3.0;    ///< sell-out warning when days of cover <= this (> 0)
    double overstockDays = 30.0; ///< overstock warning when days of cover > this
};

enum class StockFlag : std::uint8_t {
    None = 0,
    SellOut = 1,   ///< in stock, forecast to sell out within the horizon
    Overstock = 2, ///< in stock, more than overstockDays of cover (or no demand seen)
};

class DemandForecaster {
public:
    /// `items` sized catalogue (launches included); events for items beyond it are ignored.
    DemandForecaster(std::size_t items, ForecastSettings settings);

    /// Counts a purchase into its day; views, clicks and carts are ignored (see the
    /// decision record: in this shop a cart converts within minutes, so it adds no lead at
    /// daily resolution). Closes every day before the event's first (advanceTo).
    void observe(const Event& e);
    /// Closes every whole day that ends at or before `t`; days without a sale close with 0.
    void advanceTo(SimTime t);
    /// Closes the open day (applies the recurrence to every item) and opens the next.
    void closeDay();

    /// Index of the open day (0 before the first close).
    long long openDay() const { return m_openDay; }
    int closedDays() const { return static_cast<int>(m_openDay); }
    /// f_d of the last closed day, units per day; 0 before the first close.
    double forecast(ItemId item) const;
    /// Units bought in the open day so far.
    std::uint32_t soldToday(ItemId item) const;
    /// forecast() once a day closed; before that the open day extrapolated at time t.
    double rate(ItemId item, SimTime t) const;
    /// stock / rate, in days; +infinity when the rate is 0; 0 for an empty stock.
    static double daysOfCover(std::int32_t stock, double rate);
    /// The warning for an item with `stock` units (-1 = unlimited: never flagged; 0 = out
    /// of stock: nothing to warn about) under the settings, using forecast(): defined only
    /// once a day closed (None before).
    StockFlag classify(ItemId item, std::int32_t stock) const;

    const ForecastSettings& settings() const { return m_settings; }
    std::size_t size() const { return m_forecast.size(); }

private:
    ForecastSettings m_settings;
    std::vector<double> m_forecast;
    std::vector<std::uint32_t> m_today;
    long long m_openDay = 0;
};

} // namespace recoscope::core
