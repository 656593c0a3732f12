#pragma once
// Private: the order and the bound of `linucb`'s pruned top k (issue 17, decision 0040).
// A LinUCB score splits into an item part (mean m_i, quadratic form q_i, cross terms c_i
// with the user features) and three user features u in [0, 1]; K_i = m_i + alpha
// sqrt(max(0, q_i)) is the score with u = 0, in the scan's own float expression.

#include "recoscope/core/types.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

namespace recoscope::core::kit {

class LinUcbWalk {
public:
    /// Recomputes K and sorts the items by K, largest first (ties by id). `cross` holds 3
    /// values per item, the first two being the category and brand share columns. A
    /// negative alpha or a non-finite K makes the bound meaningless: exact() is then false
    /// and the caller scans.
    void rebuild(const std::vector<float>& mean, const std::vector<float>& quad,
                 const std::vector<float>& cross, float alpha) {
        const std::size_t n = mean.size();
        m_alpha = alpha;
        m_key.resize(n);
        m_exact = alpha >= 0.0f;
        m_largestK = m_largestQuad = 0.0;
        m_maxCross[0] = m_maxCross[1] = -std::numeric_limits<float>::infinity();
        for (std::size_t i = 0; i < n; ++i) {
            m_key[i] = mean[i] + alpha * std::sqrt(std::max(0.0f, quad[i]));
            m_exact = m_exact && std::isfinite(m_key[i]);
            m_largestK = std::max(m_largestK, std::fabs(static_cast<double>(m_key[i])));
            m_largestQuad = std::max(m_largestQuad, std::fabs(static_cast<double>(quad[i])));
            for (std::size_t a = 0; a < 2; ++a)
                m_maxCross[a] = std::max(m_maxCross[a], cross[3 * i + a]);
        }
        if (m_order.size() != n) {
            m_order.resize(n);
            std::iota(m_order.begin(), m_order.end(), ItemId{0});
        }
        if (!m_exact)
            return;
        std::sort(m_order.begin(), m_order.end(), [this](ItemId a, ItemId b) {
            return m_key[a] > m_key[b] || (m_key[a] == m_key[b] && a < b);
        });
    }
    bool exact() const { return m_exact; }
    const std::vector<ItemId>& order() const { return m_order; }
    float key(ItemId i) const { return m_key[i]; }

    /// Largest gain of the score of an item with u_seen = 0 over its K, for category and
    /// brand shares at most uMax[0], uMax[1], plus rounding slack: mean gain <= sum
    /// max(0, theta_a) U_a; quad gain <= d = sum 2 max(0, max c_a) U_a + sum max(0, A^-1_ab)
    /// U_a U_b; sqrt(max(0, q + e)) <= sqrt(max(0, q)) + sqrt(max(0, e)).
    double gain(const double* uMax, const float* thetaU, const float (*auu)[3]) const {
        double mean = 0.0, d = 0.0, magnitude = 0.0;
        for (int a = 0; a < 2; ++a) {
            mean += std::max(0.0, static_cast<double>(thetaU[a])) * uMax[a];
            d += 2.0 * std::max(0.0, static_cast<double>(m_maxCross[a])) * uMax[a];
            magnitude += (std::fabs(thetaU[a]) + 2.0 * std::fabs(m_maxCross[a])) * uMax[a];
            for (int b = 0; b < 2; ++b) {
                d += std::max(0.0, static_cast<double>(auu[a][b])) * uMax[a] * uMax[b];
                magnitude += std::fabs(auu[a][b]) * uMax[a] * uMax[b];
            }
        }
        // The float sums of the score are within a few ulps of their terms' magnitudes;
        // 1e-5 of them (~80 ulps) is far above that, and also covers the float K itself.
        const double slack = 1e-5 * (1.0 + m_largestK + m_largestQuad + magnitude);
        return mean + static_cast<double>(m_alpha) * std::sqrt(d + slack) + slack;
    }

private:
    std::vector<float> m_key;
    std::vector<ItemId> m_order;
    bool m_exact = false;
    float m_alpha = 0.0f;
    double m_largestK = 0.0, m_largestQuad = 0.0;
    float m_maxCross[2] = {0.0f, 0.0f};
};

} // namespace recoscope::core::kit
