#include "recoscope/core/surface_metrics.h"

#include "recoscope/core/metrics.h"

#include <algorithm>

namespace recoscope::core {

double SurfaceCounters::ctr() const {
    return rate(clicks, impressions);
}

void SurfaceMetrics::onCartEvent(const Event& e) {
    const auto s = static_cast<std::size_t>(e.surface);
    switch (e.kind) {
    case EventKind::CartAdd: {
        if (!e.fromRecommendation)
            return;
        ++m_counters[s].carts;
        if (e.user >= m_cartOrigin.size())
            m_cartOrigin.resize(static_cast<std::size_t>(e.user) + 1);
        auto& lines = m_cartOrigin[e.user];
        auto it = std::find_if(lines.begin(), lines.end(),
                               [&](const auto& line) { return line.first == e.item; });
        if (it != lines.end())
            it->second = e.surface; // the latest recommended cart-add of the item counts
        else
            lines.emplace_back(e.item, e.surface);
        return;
    }
    case EventKind::Purchase:
    case EventKind::CartRemove: {
        if (e.user >= m_cartOrigin.size())
            return;
        auto& lines = m_cartOrigin[e.user];
        auto it = std::find_if(lines.begin(), lines.end(),
                               [&](const auto& line) { return line.first == e.item; });
        if (it == lines.end())
            return;
        if (e.kind == EventKind::Purchase && e.fromRecommendation) {
            SurfaceCounters& c = m_counters[static_cast<std::size_t>(it->second)];
            ++c.purchases;
            c.revenue += e.price;
        }
        lines.erase(it);
        return;
    }
    default:
        return;
    }
}

SurfaceTotals SurfaceMetrics::totals() const {
    SurfaceTotals out;
    for (std::size_t s = 0; s < out.size(); ++s) {
        out[s].counters = m_counters[s];
        out[s].latencyP50us = m_latency[s].quantile(0.50) / 1000.0;
        out[s].latencyP95us = m_latency[s].quantile(0.95) / 1000.0;
        out[s].latencyP99us = m_latency[s].quantile(0.99) / 1000.0;
    }
    return out;
}

} // namespace recoscope::core
