#pragma once
// Paired comparison of two series measured on the same units (seeds, events, users):
// the mean of the differences a_i - b_i with a two-sided Student-t interval (n - 1
// degrees of freedom, Boost.Math quantiles) and the p-value of "no difference".
// Used by `replay --recommenders` (per event) and the leaderboard (per seed). Also the
// interval of one proportion (a run's CTR in reports).

#include <span>

namespace recoscope::sim {

struct PairedDifference {
    double mean = 0, low = 0, high = 0, p = 0;
    int n = 0;
};

/// Over the first min(|a|, |b|) pairs. With fewer than two pairs the interval and p are
/// NaN; with no spread at all, the interval is the mean and p is 1 (equal) or 0.
PairedDifference pairedDifference(std::span<const double> a, std::span<const double> b,
                                  double level = 0.95);

/// Wilson score interval of a proportion (successes out of trials): stays inside [0, 1]
/// and keeps its coverage for rare events such as clicks (Brown, Cai & DasGupta 2001).
/// {NaN, NaN} without trials.
struct Interval {
    double low = 0, high = 0;
};
Interval wilsonInterval(double successes, double trials, double level = 0.95);

} // namespace recoscope::sim
