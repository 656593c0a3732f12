#pragma once
// Private: the upper tail of a Beta distribution and its inverse, fast for the item
// bandits' usual posteriors (issue 17, decision 0043: Thompson sampling's candidates).

#include <boost/math/special_functions/beta.hpp>

#include <cmath>
#include <limits>

namespace recoscope::core::kit {

/// Beta(a, b) for a, b > 0. logTail(x) is ln P(X > x); upperQuantile(q, lo) the x with
/// ln P(X > x) = q. For integer a in [1, kMaxA] and b >= 1 (a posterior with an integer
/// prior of clicks) the tail is the finite sum
///   P(X > x) = sum_{j < a} C(n, j) x^j (1 - x)^(n - j),  n = a + b - 1,
/// (integration by parts in a, valid for real b), a terms, and the quantile is found by
/// safeguarded Newton steps on ln P(X > x), which is concave there (the density is
/// log-concave), so the steps never leave a shrinking bracket for long. Any other
/// posterior goes to Boost.Math's ibetac / ibetac_inv, in double.
/// Accuracy: relative ~1e-13 on the tail (the sum has positive terms only); the quantile
/// to ~1e-13 relative, far below the float every draw is rounded to.
class BetaTail {
public:
    static constexpr int kMaxA = 64;

    BetaTail() = default;
    BetaTail(double a, double b) : m_a(a), m_b(b), m_n(a + b - 1.0) {
        m_intA = a == std::floor(a) && a >= 1.0 && a <= kMaxA && b >= 1.0 && a + b < 1e5
                     ? static_cast<int>(a)
                     : 0;
        m_logBeta = std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b);
    }

    /// ln P(X > x) for 0 < x < 1.
    double logTail(double x) const {
        if (m_intA == 0)
            return std::log(boost::math::ibetac(m_a, m_b, x, kDoubles));
        const double r = x / (1.0 - x);
        double c = 1.0, sum = 1.0;
        for (int j = 1; j < m_intA; ++j) {
            c *= (m_n - (j - 1)) / j * r;
            sum += c;
        }
        return m_n * std::log1p(-x) + std::log(sum);
    }

    /// The x with ln P(X > x) = q, given lo with ln P(X > lo) > q (so x > lo).
    double upperQuantile(double q, double lo) const {
        if (m_intA == 0)
            return boost::math::ibetac_inv(m_a, m_b, std::exp(q), kDoubles);
        double hi = 1.0, x = lo;
        for (int it = 0; it < 200; ++it) {
            const double lt = logTail(x);
            if (lt > q)
                lo = x;
            else
                hi = x;
            const double logPdf =
                (m_a - 1.0) * std::log(x) + (m_b - 1.0) * std::log1p(-x) - m_logBeta;
            // d/dx ln P(X > x) = -pdf(x) / P(X > x)
            double next = x + (lt - q) * std::exp(lt - logPdf);
            if (!(next > lo && next < hi))
                next = 0.5 * (lo + hi);
            if (std::abs(next - x) <= 1e-14 * x || hi - lo <= 1e-15 * hi)
                return next;
            x = next;
        }
        return x;
    }

private:
    static constexpr auto kDoubles =
        boost::math::policies::policy<boost::math::policies::promote_float<false>,
                                      boost::math::policies::promote_double<false>>();

    double m_a = 1.0, m_b = 1.0, m_n = 1.0, m_logBeta = 0.0;
    int m_intA = 0; // a when the finite sum applies, else 0
};

} // namespace recoscope::core::kit
