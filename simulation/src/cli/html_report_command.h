#pragma once
// `recoscope-cli report --run N[,M,...] --html FILE [--db F]` (docs/cli.md): the
// self-contained HTML report (html_report.h) of one run or several side by side.
// Returns the exit code: 0; 2 for a bad run list (message on `err`); 4 when the store
// cannot be read or the file cannot be written; 1 for another failure.

#include <QString>
#include <QTextStream>

namespace recoscope::sim {

int writeHtmlReportFile(const QString& dbPath, const QString& runList, const QString& outPath,
                        QTextStream& out, QTextStream& err);

} // namespace recoscope::sim
