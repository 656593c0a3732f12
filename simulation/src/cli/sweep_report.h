#pragma once
// `recoscope-cli report --sweep DIR|FILE [--json]` (docs/cli.md): the trade-off table of
// each sweep in a folder or store (SweepTradeoffs), one row per parameter set with CTR,
// coverage and revenue averaged over the seeds, Pareto-optimal rows marked with '*', and
// the runs each row comes from. Returns the exit code (0, or 4 when nothing can be read).

#include <QString>
#include <QTextStream>

namespace recoscope::sim {

int writeSweepReport(const QString& dirOrStore, bool json, QTextStream& out, QTextStream& err);

} // namespace recoscope::sim
