#pragma once
// The leaderboard: every core on the same scenario with the same held-out seeds, each
// figure with a paired interval against a baseline (common random numbers: core X and
// the baseline face the same shoppers on each seed, so the per-seed differences are
// paired). Shared by the generator of docs/leaderboard.md (`make leaderboard`) and by
// tst_leaderboard, which asserts only the robust claims on a shorter run.

#include "recoscope/core/registry.h"
#include "recoscope/sim/engine.h"
#include "recoscope/sim/paired_stats.h"
#include "recoscope/sim/scenario.h"

#include <QString>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace recoscope::testsupport {

/// Seeds reserved for the leaderboard: never used while choosing any core's defaults or
/// any test's expectations, so no default can have been tuned to them.
inline constexpr std::uint64_t kHeldOutSeeds[] = {90001, 90002, 90003, 90004, 90005};

struct LeaderboardRun {
    std::string core;
    std::uint64_t seed = 0;
    double ctr = 0, cvr = 0, revenue = 0, coverage = 0;
    std::int64_t impressions = 0, clicks = 0, recPurchases = 0, events = 0;
};

/// Runs every core on every seed (no run store). A core that cannot be built is skipped
/// with a message on stderr.
std::vector<LeaderboardRun> runLeaderboard(const core::RecommenderRegistry& registry,
                                           const sim::Scenario& scenario,
                                           const std::vector<std::string>& cores,
                                           std::span<const std::uint64_t> seeds,
                                           const sim::RunLimits& limits);

/// Paired differences: sim::pairedDifference (recoscope/sim/paired_stats.h).
using sim::PairedDifference;
using sim::pairedDifference;

/// The markdown page: a header (scenario, seeds, limits, how to regenerate) and one row
/// per core, sorted by mean CTR, each figure with its difference to `baseline`.
QString leaderboardMarkdown(const std::vector<LeaderboardRun>& runs, const std::string& baseline,
                            const QString& header);

} // namespace recoscope::testsupport
