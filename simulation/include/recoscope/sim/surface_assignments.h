#pragma once
// A strategy per surface as a scenario carries it (field `surfaces`, docs/scenario-format.md)
// and the command line sets it (--surface NAME=SPEC): per surface, a core spec
// "ID KEY=VALUE ..." (core/surface_router.h), or empty text for the run's main core. Also
// the per-surface figures as JSON (run summaries, `run --json`, `report --json`).

#include "recoscope/core/registry.h"
#include "recoscope/core/result.h"
#include "recoscope/core/surface_metrics.h"
#include "recoscope/core/surface_router.h"

#include <QJsonObject>
#include <QString>

#include <array>

namespace recoscope::sim {

struct SurfaceAssignments {
    /// Indexed by core::Surface: home, search, product, cart. Empty = the main core.
    std::array<QString, core::kSurfaceCount> specs;

    QString& at(core::Surface s) { return specs[static_cast<std::size_t>(s)]; }
    const QString& at(core::Surface s) const { return specs[static_cast<std::size_t>(s)]; }
    /// True when no surface has a core of its own (blank specs count as empty).
    bool empty() const;
    /// Each non-blank spec rewritten in canonical form (formatCoreSpec), blank ones emptied;
    /// invalid specs are kept as written.
    SurfaceAssignments normalised() const;
    friend bool operator==(const SurfaceAssignments&, const SurfaceAssignments&) = default;
};

/// The plan of the specs. Errors name the field: "$.surfaces.cart: expected KEY=VALUE
/// after the core id, got 'x'" (`where` replaces "$.surfaces." as the prefix, e.g.
/// "--surface " for the command line).
core::Result<core::SurfacePlan> surfacePlan(const SurfaceAssignments& a,
                                            const QString& where = QStringLiteral("$.surfaces."));

/// Checks every spec against the registry (ids and parameters), as a run would build them,
/// without building any core. Errors name the surface as surfacePlan() does.
core::Status checkSurfaceCores(const SurfaceAssignments& a, const core::RecommenderRegistry& r,
                               const QString& where = QStringLiteral("$.surfaces."));

/// Applies one --surface argument "NAME=SPEC" (NAME: home, search, product or cart; an empty
/// SPEC or "main" gives the surface back to the main core). Errors name the flag and say
/// what was expected.
core::Status applySurfaceArgument(SurfaceAssignments& a, const QString& argument);

/// {"home": {"core": ..., "own_core": bool, "requests", "impressions", "clicks", "ctr",
///  "carts", "purchases", "revenue", "latency_us": {p50, p95, p99}}, ...}: `core` is the
/// surface's spec, or `mainCore` where the main core serves it.
QJsonObject surfaceTotalsJson(const core::SurfaceTotals& totals, const SurfaceAssignments& a,
                              const QString& mainCore);

} // namespace recoscope::sim
