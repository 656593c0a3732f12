#include "recoscope/sim/paired_stats.h"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace recoscope::sim {

PairedDifference pairedDifference(std::span<const double> a, std::span<const double> b,
                                  double level) {
    PairedDifference d;
    d.n = static_cast<int>(std::min(a.size(), b.size()));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (d.n == 0) {
        d.mean = d.low = d.high = d.p = nan;
        return d;
    }
    double sum = 0;
    for (int i = 0; i < d.n; ++i)
        sum += a[static_cast<std::size_t>(i)] - b[static_cast<std::size_t>(i)];
    d.mean = sum / d.n;
    if (d.n < 2) {
        d.low = d.high = d.p = nan;
        return d;
    }
    double ss = 0;
    for (int i = 0; i < d.n; ++i) {
        const double x = a[static_cast<std::size_t>(i)] - b[static_cast<std::size_t>(i)] - d.mean;
        ss += x * x;
    }
    const double se = std::sqrt(ss / (d.n - 1) / d.n);
    const boost::math::students_t t(d.n - 1);
    const double q = boost::math::quantile(t, 0.5 + level / 2);
    d.low = d.mean - q * se;
    d.high = d.mean + q * se;
    if (se == 0)
        d.p = d.mean == 0 ? 1.0 : 0.0;
    else
        d.p = 2 * boost::math::cdf(boost::math::complement(t, std::abs(d.mean) / se));
    return d;
}

Interval wilsonInterval(double successes, double trials, double level) {
    if (!(trials > 0.0))
        return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
    const double z = boost::math::quantile(boost::math::normal(), 0.5 + level / 2);
    const double p = successes / trials, z2n = z * z / trials;
    const double centre = (p + z2n / 2) / (1 + z2n);
    const double half = z / (1 + z2n) * std::sqrt(p * (1 - p) / trials + z2n / (4 * trials));
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

} // namespace recoscope::sim
