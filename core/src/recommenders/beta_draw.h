#pragma once
// Private: Beta draws from two gamma variates, the item bandits' direct Thompson draw.

#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_01.hpp>

#include <cmath>

namespace recoscope::core::kit {

// Gamma(alpha, 1) by Marsaglia & Tsang (2000): one normal and one uniform per draw in
// ~98 % of cases; alpha < 1 through Gamma(alpha + 1) * U^(1/alpha). About 2.5x
// cheaper than constructing boost::random::beta_distribution for every item. Built on
// Boost.Random's normal and uniform_01 (reproducible draws), like every other random
// choice in core.
template <class Rng> double gammaDraw(double alpha, Rng& rng) {
    boost::random::uniform_01<double> u01;
    if (alpha < 1.0)
        return gammaDraw(alpha + 1.0, rng) * std::pow(u01(rng), 1.0 / alpha);
    boost::random::normal_distribution<double> normal;
    const double d = alpha - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
        const double x = normal(rng);
        double v = 1.0 + c * x;
        if (v <= 0.0)
            continue;
        v = v * v * v;
        const double u = u01(rng);
        if (u < 1.0 - 0.0331 * x * x * x * x ||
            std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v)))
            return d * v;
    }
}

template <class Rng> float betaDraw(double a, double b, Rng& rng) {
    const double x = gammaDraw(a, rng), y = gammaDraw(b, rng);
    return static_cast<float>(x / (x + y));
}

} // namespace recoscope::core::kit
