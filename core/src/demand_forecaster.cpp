#include "recoscope/core/demand_forecaster.h"

#include <algorithm>
#include <cmath>

namespace recoscope::core {

DemandForecaster::DemandForecaster(std::size_t items, ForecastSettings settings)
    : m_settings(settings), m_forecast(items, 0.0), m_today(items, 0) {}

void DemandForecaster::observe(const Event& e) {
    advanceTo(e.time);
    // Unknown items are ignored rather than grown into: an id from a bad log must not
    // allocate gigabytes (the catalogue, launches included, is known up front).
    if (e.kind != EventKind::Purchase || e.item >= m_today.size())
        return;
    ++m_today[e.item];
}

void DemandForecaster::advanceTo(SimTime t) {
    // floor, not a division of whole seconds: events carry fractional times.
    const auto day = static_cast<long long>(std::floor(std::max(0.0, t) / kSecondsPerDay));
    while (m_openDay < day)
        closeDay();
}

void DemandForecaster::closeDay() {
    // The first closed day seeds the forecast with its own sales: starting from 0 would
    // read as "no demand" for 1/alpha days and miss the early sell-outs.
    const double a = m_settings.alpha;
    const bool first = m_openDay == 0;
    for (std::size_t i = 0; i < m_forecast.size(); ++i) {
        const double x = m_today[i];
        m_forecast[i] = first ? x : a * x + (1.0 - a) * m_forecast[i];
        m_today[i] = 0;
    }
    ++m_openDay;
}

double DemandForecaster::forecast(ItemId item) const {
    return item < m_forecast.size() ? m_forecast[item] : 0.0;
}

std::uint32_t DemandForecaster::soldToday(ItemId item) const {
    return item < m_today.size() ? m_today[item] : 0;
}

double DemandForecaster::rate(ItemId item, SimTime t) const {
    if (m_openDay > 0)
        return forecast(item);
    // Day 0: the open day's sales per elapsed day; an hour at least, so that the first
    // sale of the morning does not read as thousands a day.
    const double elapsed = std::max(t / kSecondsPerDay, 1.0 / 24.0);
    return soldToday(item) / elapsed;
}

double DemandForecaster::daysOfCover(std::int32_t stock, double rate) {
    if (stock <= 0)
        return 0.0;
    if (rate <= 0.0)
        return std::numeric_limits<double>::infinity();
    return stock / rate;
}

StockFlag DemandForecaster::classify(ItemId item, std::int32_t stock) const {
    if (m_openDay == 0 || stock <= 0)
        return StockFlag::None;
    const double cover = daysOfCover(stock, forecast(item));
    if (cover <= m_settings.horizonDays)
        return StockFlag::SellOut;
    if (cover > m_settings.overstockDays)
        return StockFlag::Overstock;
    return StockFlag::None;
}

} // namespace recoscope::core
