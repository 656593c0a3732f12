#pragma once
// `recoscope-cli ope` (docs/cli.md, docs/ope.md): a target core's CTR estimated from a
// logged run by IPS, SNIPS, the direct method and doubly robust, then measured for real on
// the same shoppers; each estimator's error and whether its 95 % interval covered the truth.
// On a stored run (--db, --run) or on fresh logging runs (--scenario, --logger, --seeds K:
// bias, RMSE and coverage across seeds). Exit codes as CommandLine's.

#include "recoscope/core/registry.h"

#include <QStringList>
#include <QTextStream>

#include <atomic>

namespace recoscope::sim {

struct OpeResult;

class OpeCommand {
public:
    OpeCommand(const core::RecommenderRegistry& registry, QTextStream& out, QTextStream& err,
               const std::atomic<bool>* cancel)
        : m_registry(registry), m_out(out), m_err(err), m_cancel(cancel) {}

    int run(const QStringList& args);

private:
    int usage(const QString& message);
    int fail(int code, const QString& message);
    void writeText(const OpeResult& r);

    const core::RecommenderRegistry& m_registry;
    QTextStream& m_out;
    QTextStream& m_err;
    const std::atomic<bool>* m_cancel;
};

} // namespace recoscope::sim
