#include "recoscope/ui/metric_series_store.h"

#include "recoscope/sim/core_palette.h"

#include <cmath>
#include <functional>
#include <iterator>
#include <map>

// coreColor() and setNamedMetric(), declared in metric_series_store.h: the colours and the
// stored metric names every view shares.

namespace recoscope::ui {

QColor coreColor(int index) {
    // One palette for the live view, the comparison window, exports and HTML reports.
    return QColor(QLatin1String(sim::coreColour(static_cast<std::size_t>(index))));
}

QColor coreColor(const MetricSeriesStore& store, int index) {
    const int colour = index < store.coreCount() ? store.core(index).colour : -1;
    return coreColor(colour >= 0 ? colour : index);
}

bool setNamedMetric(core::MetricPoint& p, const QString& name, double v) {
    using Setter = std::function<void(core::MetricPoint&, double)>;
    auto u = [](double x) { return static_cast<std::uint64_t>(std::llround(x)); };
    static const std::map<QString, Setter> setters = {
        {QStringLiteral("events"), [u](auto& m, double x) { m.counters.events = u(x); }},
        {QStringLiteral("sessions"), [u](auto& m, double x) { m.counters.sessions = u(x); }},
        {QStringLiteral("requests"), [u](auto& m, double x) { m.counters.requests = u(x); }},
        {QStringLiteral("impressions"), [u](auto& m, double x) { m.counters.impressions = u(x); }},
        {QStringLiteral("clicks"), [u](auto& m, double x) { m.counters.clicks = u(x); }},
        {QStringLiteral("views"), [u](auto& m, double x) { m.counters.views = u(x); }},
        {QStringLiteral("searches"), [u](auto& m, double x) { m.counters.searches = u(x); }},
        {QStringLiteral("favourites"), [u](auto& m, double x) { m.counters.favourites = u(x); }},
        {QStringLiteral("carts"), [u](auto& m, double x) { m.counters.carts = u(x); }},
        {QStringLiteral("cart_removes"), [u](auto& m, double x) { m.counters.cartRemoves = u(x); }},
        {QStringLiteral("purchases"), [u](auto& m, double x) { m.counters.purchases = u(x); }},
        {QStringLiteral("rec_purchases"),
         [u](auto& m, double x) { m.counters.recPurchases = u(x); }},
        {QStringLiteral("revenue"), [](auto& m, double x) { m.counters.revenue = x; }},
        {QStringLiteral("rec_revenue"), [](auto& m, double x) { m.counters.recRevenue = x; }},
        {QStringLiteral("ctr"), [](auto& m, double x) { m.ctr = x; }},
        {QStringLiteral("cvr_impressions"), [](auto& m, double x) { m.cvrImpressions = x; }},
        {QStringLiteral("cvr_clicks"), [](auto& m, double x) { m.cvrClicks = x; }},
        {QStringLiteral("coverage"), [](auto& m, double x) { m.coverage = x; }},
        {QStringLiteral("gini"), [](auto& m, double x) { m.gini = x; }},
        {QStringLiteral("latency_p50_us"), [](auto& m, double x) { m.latencyP50us = x; }},
        {QStringLiteral("latency_p95_us"), [](auto& m, double x) { m.latencyP95us = x; }},
        {QStringLiteral("latency_p99_us"), [](auto& m, double x) { m.latencyP99us = x; }},
    };
    auto it = setters.find(name);
    if (it == setters.end()) {
        // The beyond-accuracy rows of the bucket (core::BeyondAccuracyPoint::named()).
        if (!p.beyond.setNamed(name.toStdString(), v))
            return false;
        p.hasBeyond = true;
        return true;
    }
    it->second(p, v);
    return true;
}

} // namespace recoscope::ui
