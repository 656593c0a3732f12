#pragma once
// Pareto-optimal points of a set, every objective maximised: the trade-off front of a
// sweep (CTR, coverage, revenue). Plain data in, plain data out; no Qt.

#include <span>
#include <vector>

namespace recoscope::core {

/// One point's objective values, all to be maximised. Every point of one call must have
/// the same number of objectives.
using Objectives = std::vector<double>;

/// True when `a` dominates `b`: at least as good in every objective and strictly better
/// in one. Equal points do not dominate each other. NaN is worse than any number.
bool dominates(const Objectives& a, const Objectives& b);

/// For each point, whether no other point dominates it (the Pareto front). Duplicates of
/// a front point are all on the front. O(n log n + n * front size).
std::vector<bool> paretoFront(std::span<const Objectives> points);

} // namespace recoscope::core
