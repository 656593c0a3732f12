#include "recoscope/sim/surface_totals_json.h"

namespace recoscope::sim {

namespace {
QString surfaceKey(int s) {
    return QString::fromLatin1(core::surfaceName(static_cast<core::Surface>(s)).data());
}
} // namespace

bool readSurfaceTotalsJson(const QJsonObject& json, core::SurfaceTotals& totals,
                           SurfaceAssignments& cores) {
    bool any = false;
    for (int s = 0; s < core::kSurfaceCount; ++s)
        any = any || json.value(surfaceKey(s)).isObject();
    if (!any)
        return false;
    // Counts were written as doubles: exact up to 2^53, far beyond any run.
    auto count = [](const QJsonObject& o, const char* key) {
        return static_cast<std::uint64_t>(o.value(QLatin1String(key)).toDouble());
    };
    for (int s = 0; s < core::kSurfaceCount; ++s) {
        const QJsonObject o = json.value(surfaceKey(s)).toObject();
        core::SurfaceFigures& f = totals[static_cast<std::size_t>(s)];
        f.counters.requests = count(o, "requests");
        f.counters.impressions = count(o, "impressions");
        f.counters.clicks = count(o, "clicks");
        f.counters.carts = count(o, "carts");
        f.counters.purchases = count(o, "purchases");
        f.counters.revenue = o.value(QStringLiteral("revenue")).toDouble();
        const QJsonObject latency = o.value(QStringLiteral("latency_us")).toObject();
        f.latencyP50us = latency.value(QStringLiteral("p50")).toDouble();
        f.latencyP95us = latency.value(QStringLiteral("p95")).toDouble();
        f.latencyP99us = latency.value(QStringLiteral("p99")).toDouble();
        cores.specs[static_cast<std::size_t>(s)] = o.value(QStringLiteral("own_core")).toBool()
                                                       ? o.value(QStringLiteral("core")).toString()
                                                       : QString();
    }
    return true;
}

} // namespace recoscope::sim
