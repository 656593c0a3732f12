#pragma once
// CTR against the privacy budget (docs/use-cases.md, "Privacy"; decisions/0032): each
// core run on the same scenario and seed once per epsilon per day, and once with privacy's
// noise off as the reference. The same seed gives the same shoppers and, for every epsilon,
// the same Laplace draws for every core, so the differences are the cores' and the
// budget's. Used by `recoscope-cli privacy-curve` and the GUI's Privacy curve window.
// Plain values; run() blocks (the GUI calls it on a worker thread).

#include "recoscope/core/registry.h"
#include "recoscope/core/result.h"
#include "recoscope/sim/engine.h"
#include "recoscope/sim/scenario.h"

#include <QJsonObject>

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace recoscope::sim {

struct PrivacyCurveSpec {
    Scenario scenario; ///< its other privacy fields (pseudonyms, cap, releases) are kept
    std::uint64_t seed = 0;
    std::vector<std::string> cores;
    std::vector<double> epsilons; ///< per day, > 0; the reference (noise off) is added
    RunLimits limits;
};

struct PrivacyCurvePoint {
    std::string core;
    double epsilon = 0.0; ///< 0 = noise off (the reference)
    double ctr = 0.0;
    double clicks = 0.0, impressions = 0.0;
    double epsilonSpent = 0.0; ///< the accountant's total over the run
    /// Two-proportion z of this CTR against the core's reference (pooled); 0 for it.
    double zAgainstOff = 0.0;
};

class PrivacyCurve {
public:
    /// Checks the spec (known cores, epsilons in (0, 1000], a budget the releases fit)
    /// and runs every point, the references first. Errors name the core or the value.
    /// `progress(done, total)` after each run; `cancel` stops between runs (an error).
    static core::Result<PrivacyCurve>
    run(const PrivacyCurveSpec& spec, const core::RecommenderRegistry& registry,
        const std::atomic<bool>* cancel = nullptr,
        const std::function<void(int done, int total)>& progress = {});

    /// For each core: the reference, then the epsilons in the spec's order.
    std::vector<PrivacyCurvePoint> points;

    /// {seed, scenario, points: [{core, epsilon (null = off), ctr, clicks, impressions,
    /// epsilon_spent, z_vs_off}]}
    QJsonObject toJson() const;
    QString scenarioName;
    std::uint64_t seed = 0;
};

} // namespace recoscope::sim
