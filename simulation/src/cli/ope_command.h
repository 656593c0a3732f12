#pragma once
// `recoscope-cli ope` (docs/cli.md, docs/ope.md): a target core's CTR estimated from a
// logged run by IPS, SNIPS, the direct method and doubly robust, then measured for real on
// the same shoppers; each estimator's error and whether its 95 % interval covered the truth.
// On a stored run (--db, --run) or on fresh logging runs (--scenario, --logger, --seeds K:
// bias, RMSE and coverage across seeds). Exit codes as CommandLine's.

#include "cli_command.h"
#include "recoscope/core/registry.h"

#include <QStringList>
#include <QTextStream>

#include <atomic>

namespace recoscope::sim {

struct OpeResult;

class OpeCommand : private CliCommand {
public:
    OpeCommand(const core::RecommenderRegistry& registry, QTextStream& out, QTextStream& err,
               const std::atomic<bool>* cancel)
        : CliCommand(out, err), m_registry(registry), m_cancel(cancel) {}

    int run(const QStringList& args);

private:
    void writeText(const OpeResult& r);

    const core::RecommenderRegistry& m_registry;
    const std::atomic<bool>* m_cancel;
};

} // namespace recoscope::sim
