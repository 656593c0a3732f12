#pragma once
// Paired A/B statistics of arena cores over users (docs/metrics.md, "A/B statistics").
// With common random numbers the same user ids face every core, so each core's outcome
// for user u (core::UserOutcomes) can be paired with another core's outcome for u. Per
// metric and pair of cores: the mean per-user difference a - b with a two-sided Student-t
// interval and p-value (pairedDifference, Boost.Math), and the p-value after Holm's
// correction over the pairs compared for that metric. Pure functions, any thread.

#include "recoscope/core/result.h"
#include "recoscope/core/user_outcomes.h"
#include "recoscope/sim/paired_stats.h"

#include <QtGlobal>

#include <atomic>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace recoscope::sim {

class RunStore;

using UserRows = std::vector<core::UserOutcomes::Row>;

/// The per-user metrics, in report order. Without impressions (stored runs: impressions
/// are not events) "ctr" is left out.
///   ctr           clicks / impressions of the user; users shown at least one item under
///                 both cores
///   clicks, rec_purchases, revenue, rec_revenue
///                 the user's whole-run total; users with at least one event under either
///                 core (0 for a core under which the user did nothing)
std::vector<std::string> abMetrics(bool withImpressions = true);

/// The paired per-user values of `metric` for cores a and b, by user id (rows beyond the
/// shorter table count as empty). Empty for an unknown metric.
std::pair<std::vector<double>, std::vector<double>>
pairedUserValues(const UserRows& a, const UserRows& b, const std::string& metric);

struct PairComparison {
    std::size_t a = 0, b = 0; ///< core indices; the difference is a - b
    std::string metric;
    double meanA = 0.0, meanB = 0.0; ///< per-user means over the paired users
    PairedDifference diff;           ///< mean, 95 % interval, raw p, users paired (n)
    double pHolm = 1.0;              ///< Holm-adjusted over the pairs of this metric
    bool significant(double alpha = 0.05) const { return pHolm < alpha; }
};

/// Compares every listed pair for every metric of abMetrics(withImpressions); Holm's
/// correction runs over the pairs, separately for each metric. Results are grouped by
/// metric, pairs in the given order.
std::vector<PairComparison>
comparePairs(const std::vector<const UserRows*>& cores,
             const std::vector<std::pair<std::size_t, std::size_t>>& pairs,
             bool withImpressions = true, double level = 0.95);
/// All pairs (i, j), i < j, in order; versusFirst: (i, 0) for i >= 1 (the GUI's table).
std::vector<std::pair<std::size_t, std::size_t>> allPairs(std::size_t cores);
std::vector<std::pair<std::size_t, std::size_t>> versusFirst(std::size_t cores);

/// Holm's step-down adjustment: adjusted p in the input order, monotone in the raw order,
/// capped at 1; NaN p-values stay NaN and do not count towards the family size.
std::vector<double> holmAdjust(const std::vector<double>& p);

/// Mean and sample standard deviation (n - 1); sd is NaN below two values.
std::pair<double, double> meanAndSd(const std::vector<double>& values);

/// A stored run's per-user outcomes recomputed from its events (clicks, purchases,
/// revenue; impressions and sessions stay 0: they are not stored). One pass over the
/// events in chunks: O(events) time, O(users) memory. Setting `cancel` stops it between
/// chunks with an error.
core::Result<UserRows> storedUserOutcomes(const RunStore& store, qint64 runId,
                                          const std::atomic<bool>* cancel = nullptr);

} // namespace recoscope::sim
