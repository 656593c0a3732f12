#pragma once
// `recoscope-cli compare` (docs/cli.md): 2-4 cores on the same shoppers (one sim::Arena per
// seed, common random numbers), every whole-run metric per core, and per pair of cores the
// paired per-user difference with a 95 % interval, p-value and Holm-adjusted p-value
// (sim/ab_statistics.h, docs/metrics.md "A/B statistics"). With --seeds K, seeds N .. N+K-1
// and the mean and spread across them. Text tables, or one JSON object with --json.
// Exit codes as CommandLine's (130: interrupted; the runs stored so far are kept).

#include "cli_command.h"
#include "recoscope/core/registry.h"

#include <QStringList>
#include <QTextStream>

#include <atomic>

namespace recoscope::sim {

class CompareCommand : private CliCommand {
public:
    CompareCommand(const core::RecommenderRegistry& registry, QTextStream& out, QTextStream& err,
                   const std::atomic<bool>* cancel)
        : CliCommand(out, err), m_registry(registry), m_cancel(cancel) {}

    int run(const QStringList& args);

private:
    const core::RecommenderRegistry& m_registry;
    const std::atomic<bool>* m_cancel;
};

} // namespace recoscope::sim
