#pragma once
// `recoscope-cli fit` (a scenario fitted to an imported log, LogFit) and the side-by-side
// form of `report` (`report --log NAME [--run N]`: the same EventProfile figures for the
// log and for a run, in two columns). docs/cli.md. Exit codes as CommandLine's: 2 usage,
// 3 a file that cannot be written or a log with nothing to fit, 4 a store, log or run that
// cannot be read.

#include "cli_command.h"
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace recoscope::sim {

class FitCommand : private CliCommand {
public:
    FitCommand(QTextStream& out, QTextStream& err);

    int fit(const QStringList& args);

    struct CompareRequest {
        QString db;     ///< the store holding the log
        QString log;    ///< the imported log's name
        QString runDb;  ///< the store holding the run (defaults to db)
        qint64 run = 0; ///< 0: the log alone
        double utcOffsetHours = 0.0;
        bool json = false;
    };
    /// The log's profile beside the run's (or alone).
    int compare(const CompareRequest& request);

    /// Reads --utc-offset: a number of hours in [-14, 14]; false on anything else.
    static bool parseUtcOffset(const QString& text, double& hours);
};

} // namespace recoscope::sim
