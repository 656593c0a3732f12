#pragma once
// The per-surface table of `recoscope-cli run` and `report` (the `surfaces` block of a run
// summary, sim::surfaceTotalsJson): which core served each surface and what it did there.

#include <QJsonValue>
#include <QTextStream>

namespace recoscope::sim {

/// Writes the table; a run stored before per-surface figures existed (`surfaces` missing or
/// null) gets one line saying so instead.
void writeSurfaceText(const QJsonValue& surfaces, QTextStream& out);

} // namespace recoscope::sim
