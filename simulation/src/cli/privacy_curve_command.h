#pragma once
// CTR against the privacy budget for several cores (privacy_curve.h, docs/cli.md):
//   recoscope-cli privacy-curve --scenario NAME|FILE --recommenders A[,B...]
//       --epsilons E1,E2,... [--seed N] [--events N | --days D] [--json]
// Each core runs once with the noise off and once per epsilon per day, on the same seed.
// Exit 0 done; 2 usage (an unknown core, an epsilon outside (0, 1000], a budget the
// scenario's releases would overspend); 3 a bad scenario file.

#include "cli_command.h"

#include "recoscope/core/registry.h"

#include <QStringList>

#include <atomic>

namespace recoscope::sim {

class PrivacyCurveCommand : private CliCommand {
public:
    PrivacyCurveCommand(const core::RecommenderRegistry& registry, QTextStream& out,
                        QTextStream& err, const std::atomic<bool>* cancel)
        : CliCommand(out, err), m_registry(registry), m_cancel(cancel) {}

    int run(const QStringList& args);

private:
    const core::RecommenderRegistry& m_registry;
    const std::atomic<bool>* m_cancel;
};

} // namespace recoscope::sim
