#pragma once
// The real-log commands of recoscope-cli (docs/cli.md): `import` streams a public log
// format into the run store, `logs` lists imported logs, `replay` runs one or more cores
// over a log prequentially, `evaluate` scores cores on a train/test split of a log.
// Exit codes as CommandLine's.

#include "recoscope/core/registry.h"

#include <QStringList>
#include <QTextStream>

#include <atomic>

namespace recoscope::sim {

class LogCommands {
public:
    LogCommands(const core::RecommenderRegistry& registry, QTextStream& out, QTextStream& err,
                const std::atomic<bool>* cancel, bool showProgress);

    int import(const QStringList& args);
    int logs(const QStringList& args);
    int replay(const QStringList& args);
    int evaluate(const QStringList& args);

private:
    int usage(const QString& message);
    int fail(int code, const QString& message);

    const core::RecommenderRegistry& m_registry;
    QTextStream& m_out;
    QTextStream& m_err;
    const std::atomic<bool>* m_cancel;
    bool m_showProgress;
};

} // namespace recoscope::sim
