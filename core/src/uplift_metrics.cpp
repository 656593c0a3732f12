#include "recoscope/core/uplift_metrics.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <numeric>

namespace recoscope::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Indices sorted by key descending, ties by index (a stable, reproducible order).
std::vector<std::size_t> orderDescending(std::span<const double> key) {
    std::vector<std::size_t> idx(key.size());
    std::iota(idx.begin(), idx.end(), std::size_t(0));
    std::stable_sort(idx.begin(), idx.end(),
                     [&](std::size_t a, std::size_t b) { return key[a] > key[b]; });
    return idx;
}

// Sum over k of the cumulative truth of the first k rows in the order of `key`; a block
// of equal keys contributes as if its truth were spread evenly over its positions, so the
// area does not depend on how ties happen to be ordered.
double cumulativeArea(std::span<const double> key, std::span<const double> truth) {
    const std::vector<std::size_t> idx = orderDescending(key);
    double area = 0.0, cumulative = 0.0;
    for (std::size_t i = 0; i < idx.size();) {
        std::size_t j = i;
        double blockSum = 0.0;
        while (j < idx.size() && key[idx[j]] == key[idx[i]])
            blockSum += truth[idx[j++]];
        const double step = blockSum / double(j - i);
        for (std::size_t k = i; k < j; ++k) {
            cumulative += step;
            area += cumulative;
        }
        i = j;
    }
    return area;
}

// Average ranks (1-based), ties sharing their mean rank.
std::vector<double> averageRanks(std::span<const double> v) {
    std::vector<std::size_t> idx(v.size());
    std::iota(idx.begin(), idx.end(), std::size_t(0));
    std::stable_sort(idx.begin(), idx.end(),
                     [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
    std::vector<double> rank(v.size());
    for (std::size_t i = 0; i < idx.size();) {
        std::size_t j = i;
        while (j < idx.size() && v[idx[j]] == v[idx[i]])
            ++j;
        const double mean = (double(i + 1) + double(j)) / 2.0;
        for (std::size_t k = i; k < j; ++k)
            rank[idx[k]] = mean;
        i = j;
    }
    return rank;
}

} // namespace

double qiniCoefficient(std::span<const double> predicted, std::span<const double> truth) {
    assert(predicted.size() == truth.size());
    const std::size_t n = truth.size();
    if (n == 0)
        return kNaN;
    const double total = std::accumulate(truth.begin(), truth.end(), 0.0);
    // sum_{k=1..n} k/n x total
    const double random = total * double(n + 1) / 2.0;
    const double perfect = cumulativeArea(truth, truth);
    const double model = cumulativeArea(predicted, truth);
    const double span = perfect - random;
    if (!(std::abs(span) > 1e-12 * std::max(1.0, std::abs(perfect))))
        return kNaN;
    return (model - random) / span;
}

double spearmanCorrelation(std::span<const double> x, std::span<const double> y) {
    assert(x.size() == y.size());
    const std::size_t n = x.size();
    if (n < 2)
        return kNaN;
    const std::vector<double> rx = averageRanks(x), ry = averageRanks(y);
    const double mean = (double(n) + 1.0) / 2.0;
    double sxy = 0.0, sxx = 0.0, syy = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        sxy += (rx[i] - mean) * (ry[i] - mean);
        sxx += (rx[i] - mean) * (rx[i] - mean);
        syy += (ry[i] - mean) * (ry[i] - mean);
    }
    if (sxx <= 0.0 || syy <= 0.0)
        return kNaN;
    return sxy / std::sqrt(sxx * syy);
}

std::vector<CalibrationBin> upliftCalibration(std::span<const double> predicted,
                                              std::span<const double> truth, int bins) {
    assert(predicted.size() == truth.size() && bins > 0);
    const std::size_t n = predicted.size();
    std::vector<std::size_t> idx(n);
    std::iota(idx.begin(), idx.end(), std::size_t(0));
    std::stable_sort(idx.begin(), idx.end(),
                     [&](std::size_t a, std::size_t b) { return predicted[a] < predicted[b]; });
    const std::size_t groups = std::min<std::size_t>(static_cast<std::size_t>(bins), n);
    std::vector<CalibrationBin> out;
    std::size_t at = 0;
    for (std::size_t g = 0; g < groups; ++g) {
        const std::size_t size = n / groups + (g < n % groups ? 1 : 0);
        CalibrationBin b;
        for (std::size_t k = at; k < at + size; ++k) {
            b.meanPredicted += predicted[idx[k]];
            b.meanTrue += truth[idx[k]];
        }
        b.count = size;
        b.meanPredicted /= double(size);
        b.meanTrue /= double(size);
        out.push_back(b);
        at += size;
    }
    return out;
}

} // namespace recoscope::core
