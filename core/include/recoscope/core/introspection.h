#pragma once
// TEST-ONLY windows into the learning state of some cores, for the internals tests
// (tests/core/tst_*_internals.cpp) that check a core's state against an independent
// recomputation. Production code (simulation, ui, app) must not use them: they expose
// implementation details that may change with any core, and copying the state costs
// O(state). Reach them with dynamic_cast from the Recommender the registry built; a null
// result means the core does not offer that window. Same threading rule as Recommender:
// call them on the thread that drives the core, between its calls.
//
// Plain std types only (no Eigen), like every public core header.

#include "recoscope/core/types.h"

#include <functional>
#include <span>
#include <vector>

namespace recoscope::core {

/// Test-only: the ridge regression of a linear bandit (`linucb`).
class LinearBanditProbe {
public:
    struct State {
        int dimension = 0;
        double alpha = 0.0; ///< width of the confidence bound
        double ridge = 0.0; ///< A starts as ridge * I
        /// A = ridge I + sum x x^T over every learnt feature vector, row-major d x d.
        std::vector<double> a;
        /// b = sum reward * x.
        std::vector<double> b;
        /// theta = A^-1 b and A^-1 (row-major) as of the last solve (every `refresh` slates).
        std::vector<double> theta;
        std::vector<double> aInverse;
    };
    /// Receives every feature vector x (dimension entries) that enters A, with its reward
    /// (1 clicked, 0 examined without a click), in the order of the updates.
    using LearnLog = std::function<void(std::span<const float> x, float reward)>;

    virtual ~LinearBanditProbe() = default;
    virtual State linearBanditState() const = 0;
    /// Null to stop logging.
    virtual void setLearnLog(LearnLog log) = 0;
};

/// Test-only: the per-item Beta-Bernoulli counts of the item bandits (`egreedy`, `ucb`,
/// `thompson`).
class ItemBanditProbe {
public:
    struct State {
        double priorClicks = 0.0, priorSkips = 0.0;
        /// Per item: clicks, examined showings (cascade model), and their sum over items.
        std::vector<double> clicks, shown;
        double totalShown = 0.0;
    };
    virtual ~ItemBanditProbe() = default;
    virtual State itemBanditState() const = 0;
};

/// Test-only: a core whose top k is found by a pruned search (issue 17, decision 0038)
/// switched back to the full scan of every item the search replaced, so a test can run
/// both on one stream and compare the slates bit for bit.
class FullScanProbe {
public:
    virtual ~FullScanProbe() = default;
    /// true: score every available, non-excluded item (the old path); false: the default.
    virtual void setFullScan(bool on) = 0;
};

} // namespace recoscope::core
