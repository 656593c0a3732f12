#pragma once
// How well an uplift model ranks and calibrates against the true uplift, which only a
// simulator knows (docs/metrics.md, "Coupons"; decisions/0028). Each row is one treatment
// decision with the model's predicted uplift and the true one (purchase probability with
// the coupon minus without).
//
//   qini: the normalised area under the cumulative true-uplift curve of the model's
//         ranking, (A_model - A_random) / (A_perfect - A_random), where A is the sum over
//         k = 1..n of the true uplift of the first k rows, A_random = sum_k k/n x total
//         and A_perfect ranks by the true uplift itself. 1 = the perfect ranking, 0 = no
//         better than random, negative = worse. Rows with equal predictions form one block
//         whose true uplift is spread evenly over its positions (no tie order is invented).
//         NaN when every true uplift is equal (no ranking can beat random) or n = 0.
//   spearman: Pearson correlation of the average ranks (ties share their mean rank);
//         NaN when either side is constant or n < 2.
//   calibration: rows sorted by prediction (ties by index) cut into `bins` groups of
//         near-equal size (the first n mod bins groups one row larger); each group's mean
//         prediction, mean true uplift and count. Fewer groups when n < bins.
//
// Pure functions; O(n log n). The two spans must have the same length (asserted).

#include <cstddef>
#include <span>
#include <vector>

namespace recoscope::core {

double qiniCoefficient(std::span<const double> predicted, std::span<const double> truth);
double spearmanCorrelation(std::span<const double> x, std::span<const double> y);

struct CalibrationBin {
    double meanPredicted = 0.0;
    double meanTrue = 0.0;
    std::size_t count = 0;
};
std::vector<CalibrationBin> upliftCalibration(std::span<const double> predicted,
                                              std::span<const double> truth, int bins);

} // namespace recoscope::core
