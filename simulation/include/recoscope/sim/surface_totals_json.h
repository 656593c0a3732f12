#pragma once
// Reading back a stored run's per-surface figures (the `surfaces` block surfaceTotalsJson
// writes into run summaries; docs/database.md), for a run reopened in the GUI's history.
// Apart from surface_assignments.h, which scenario.h (and so nearly every file) includes.

#include "recoscope/core/surface_metrics.h"
#include "recoscope/sim/surface_assignments.h"

#include <QJsonObject>

namespace recoscope::sim {

/// Reads back what surfaceTotalsJson wrote: every surface's figures, and in `cores` the
/// spec of each surface with `own_core` (empty for the main core's). False, and nothing
/// set, when `json` holds none of the surfaces (runs stored before the figures existed).
bool readSurfaceTotalsJson(const QJsonObject& json, core::SurfaceTotals& totals,
                           SurfaceAssignments& cores);

} // namespace recoscope::sim
