#pragma once
// `recoscope-cli compare` with a strategy per surface: the --surface arguments that give
// each compared configuration its cores per surface, and the per-surface figures of every
// configuration (text table and the `surfaces` member of each core in --json).

#include "recoscope/core/registry.h"
#include "recoscope/core/surface_metrics.h"
#include "recoscope/sim/arena.h"

#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

#include <vector>

namespace recoscope::sim {

/// Applies `--surface [LABEL.]NAME=SPEC` arguments to spec.cores (each starting from the
/// scenario's own `surfaces`): without LABEL to every core, with it ("popularity#2.cart=itemknn")
/// to that core only. Checks every resulting spec against the registry. Returns the usage
/// error (naming the flag, the label and the surface), or an empty string.
QString applyCompareSurfaces(const QStringList& arguments, const QStringList& labels,
                             ArenaSpec& spec, const core::RecommenderRegistry& registry);

/// Per-surface figures of each core summed over the seeds (latency: mean of the seeds'
/// quantiles).
class CompareSurfaceTally {
public:
    explicit CompareSurfaceTally(std::size_t cores) : m_totals(cores) {}
    void add(std::size_t core, const core::SurfaceTotals& totals);
    /// surfaceTotalsJson of core `i` (`assignments`: that core's, `mainCore`: its id).
    QJsonObject json(std::size_t core, const SurfaceAssignments& assignments,
                     const QString& mainCore) const;
    /// CTR per surface and core with its Wilson 95 % interval over impressions, and which
    /// core served each surface.
    void writeText(const QStringList& labels, const ArenaSpec& spec, QTextStream& out) const;

private:
    std::vector<core::SurfaceTotals> m_totals;
    int m_seeds = 0;
};

} // namespace recoscope::sim
