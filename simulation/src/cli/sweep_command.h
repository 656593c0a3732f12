#pragma once
// `recoscope-cli sweep` (docs/cli.md, docs/scaling.md): plans a sweep into a folder
// (jobs.json, scenario.json, run-parallel.sh, slurm-array.sh), or with --job I runs one
// job of a planned sweep into DIR/job-I.db. The job is written to DIR/job-I.db.part and
// renamed when finished, so a job-I.db is always a finished job: a killed job leaves only
// a .part (removed by the next attempt), and a finished job is skipped with a message.
// Exit codes as CommandLine's.

#include "cli_command.h"
#include "recoscope/core/registry.h"

#include <QStringList>
#include <QTextStream>

#include <atomic>

namespace recoscope::sim {

class SweepPlan;

class SweepCommand : private CliCommand {
public:
    SweepCommand(const core::RecommenderRegistry& registry, QTextStream& out, QTextStream& err,
                 const std::atomic<bool>* cancel)
        : CliCommand(out, err), m_registry(registry), m_cancel(cancel) {}

    int run(const QStringList& args);

private:
    int plan(const QStringList& args);
    int runJob(const SweepPlan& plan, const QString& dir, int index, bool json);

    const core::RecommenderRegistry& m_registry;
    const std::atomic<bool>* m_cancel;
};

} // namespace recoscope::sim
