#pragma once
// The real-log commands of recoscope-cli (docs/cli.md): `import` streams a public log
// format into the run store, `logs` lists imported logs, `replay` runs one or more cores
// over a log prequentially, `evaluate` scores cores on a train/test split of a log.
// Exit codes as CommandLine's.

#include "cli_command.h"
#include "recoscope/core/event.h"
#include "recoscope/core/registry.h"

#include <QStringList>

#include <map>
#include <string>
#include <vector>

class QCommandLineParser;
#include <QTextStream>

#include <atomic>

namespace recoscope::sim {

class LogCommands : private CliCommand {
public:
    LogCommands(const core::RecommenderRegistry& registry, QTextStream& out, QTextStream& err,
                const std::atomic<bool>* cancel, bool showProgress);

    int import(const QStringList& args);
    int logs(const QStringList& args);
    int replay(const QStringList& args);
    int evaluate(const QStringList& args);

private:
    struct QueryOptions;
    /// What replay and evaluate were asked: checked against the registry and the ranges.
    struct Query {
        QString db, log;
        QStringList cores;
        std::map<std::string, std::string> params;
        int k = 10;
        std::vector<core::EventKind> targets;
    };
    /// Reads the shared options; an empty string, or the usage error to report.
    QString readQuery(const QCommandLineParser& p, const QueryOptions& q, const QString& command,
                      Query& out) const;
    /// Ctrl-C / SIGTERM arrived: a replay keeps what it scored and exits 130.
    bool interrupted() const;

    const core::RecommenderRegistry& m_registry;
    const std::atomic<bool>* m_cancel;
    bool m_showProgress;
};

} // namespace recoscope::sim
