#pragma once
// An independent reference for the beyond-accuracy figures the engine stores: a second
// engine of the same scenario, seed and core, stepped action by action up to a day limit
// (where Engine::run and the arena stop), feeding its slates and events to a core::
// BeyondAccuracy of its own, closed every bucket width by this code rather than by the
// engine's MetricsAccumulator. Shared by tst_beyond_wiring and the GUI test.

#include "recoscope/core/beyond_accuracy.h"
#include "recoscope/core/registry.h"
#include "recoscope/sim/scenario.h"

#include <string>
#include <vector>

namespace recoscope::test {

struct BeyondReference {
    std::vector<core::BeyondAccuracyPoint> buckets; ///< bucket i ends at (i + 1) x width
    core::BeyondAccuracyPoint total;
    core::RetentionTable retention; ///< 8 days, as stored (sim::kRetentionDays)
    double bucketSeconds = 0.0;
};

/// Runs `core` on `scenario` with `seed` for `days` simulated days (> 0); qFatal on a bad
/// core or scenario (test set-up errors).
BeyondReference beyondReference(const sim::Scenario& scenario, std::uint64_t seed,
                                const core::RecommenderRegistry& registry, const std::string& core,
                                double days);

} // namespace recoscope::test
