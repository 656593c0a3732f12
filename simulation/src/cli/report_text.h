#pragma once
// The plain-text form of `recoscope-cli report`: the same analyses as the JSON form
// (run_analysis.h), laid out as a few aligned tables for someone at a terminal.

#include <QJsonObject>
#include <QTextStream>

namespace recoscope::sim {

/// Writes `analyses` (the object analyseStoredRun returns) as tables. Missing values
/// (JSON null, e.g. a CTR with no impressions) print as "-", never as 0.
void writeReportText(const QJsonObject& analyses, QTextStream& out);

} // namespace recoscope::sim
