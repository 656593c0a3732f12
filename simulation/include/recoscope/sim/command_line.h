#pragma once
// The headless front end behind `recoscope-cli`: parses the arguments, runs the command,
// writes to the given streams and returns the exit code. Kept out of main() so that the
// tests can drive it in-process as well as through the binary.
//
// Exit codes (docs/cli.md): 0 done, 2 usage error (bad flag, unknown recommender or
// parameter), 3 bad input file (scenario), 4 database error, 130 interrupted (the run is
// kept, marked cancelled).

#include "recoscope/core/registry.h"

#include <QHash>
#include <QStringList>
#include <QTextStream>

#include <atomic>

namespace recoscope::sim {

enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,
    ExitUsage = 2,
    ExitBadInput = 3,
    ExitDatabase = 4,
    /// A recommender was stopped (it threw, a malformed slate, over its latency budget).
    ExitCoreFailed = 5,
    ExitInterrupted = 130
};

class CommandLine {
public:
    CommandLine(const core::RecommenderRegistry& registry, QTextStream& out, QTextStream& err);

    /// `arguments` includes the program name first, as QCoreApplication::arguments().
    int exec(const QStringList& arguments);

    /// Set from a signal handler to stop a running `run` cleanly.
    void setCancelFlag(const std::atomic<bool>* cancel) { m_cancel = cancel; }
    /// Draw a progress bar on `err` (when it is a terminal).
    void setShowProgress(bool show) { m_showProgress = show; }

private:
    /// Runs `command` with a registry that also holds the plugins' cores (--plugin).
    int execWithPlugins(const QStringList& plugins, const QString& program, const QString& command,
                        const QStringList& args);
    int runCommand(const QStringList& args);
    int listRecommenders(const QStringList& args);
    int listScenarios(const QStringList& args);
    int validate(const QStringList& args);
    int report(const QStringList& args);
    int usage(const QString& message);
    void printHelp();

    const core::RecommenderRegistry& m_registry;
    QTextStream& m_out;
    QTextStream& m_err;
    const std::atomic<bool>* m_cancel = nullptr;
    /// Core id -> plugin file, for the cores --plugin added (list-recommenders shows it).
    QHash<QString, QString> m_origins;
    bool m_showProgress = false;
};

} // namespace recoscope::sim
