#include "ivf_centroids.h"

#include "suite_kit.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace recoscope::core::kit {

namespace {

// splitmix64 as a stream: the sample and the restarts depend on the seed alone, the same on
// every standard library (a std:: distribution would not be).
struct Stream {
    std::uint64_t state;
    std::uint64_t next() { return mixSeed(state++); }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

double normOf(const float* v, int dim) {
    double s = 0.0;
    for (int j = 0; j < dim; ++j)
        s += static_cast<double>(v[j]) * static_cast<double>(v[j]);
    return std::sqrt(s);
}

} // namespace

IvfCentroids IvfCentroids::train(const float* q, std::size_t n, int dim, std::size_t count,
                                 std::uint64_t seed) {
    IvfCentroids c;
    c.m_dim = dim;
    c.m_count = std::clamp<std::size_t>(count, 1, std::max<std::size_t>(n, 1));
    const auto d = static_cast<std::size_t>(dim);
    c.m_rows.assign(c.m_count * d, 0.0f);
    c.m_norm.assign(c.m_count, 0.0);
    c.m_halfSq.assign(c.m_count, 0.0f);
    if (n == 0) {
        c.rebuildBlocked();
        return c;
    }
    // A sample of distinct rows (partial Fisher-Yates over the ids), sorted so that the
    // passes read q in address order; its first `count` draws start the centres.
    Stream rng{seed};
    const std::size_t m = std::min(n, c.m_count * kSamplePerCentre);
    std::vector<std::uint32_t> ids(n);
    std::iota(ids.begin(), ids.end(), 0u);
    for (std::size_t i = 0; i < m; ++i)
        std::swap(ids[i], ids[i + rng.below(n - i)]);
    for (std::size_t k = 0; k < c.m_count; ++k)
        std::copy_n(q + ids[k] * d, d, c.m_rows.data() + k * d);
    ids.resize(m);
    std::sort(ids.begin(), ids.end());
    std::vector<float> sample(m * d);
    for (std::size_t s = 0; s < m; ++s)
        std::copy_n(q + ids[s] * d, d, sample.data() + s * d);
    c.rebuildBlocked();

    // Lloyd: assign the sample, move each centre to its members' mean (summed in double, in
    // sample order).
    std::vector<double> sum(c.m_count * d);
    std::vector<std::size_t> members(c.m_count);
    for (int it = 0; it < kIterations; ++it) {
        const std::vector<std::uint32_t> of = c.assign(sample.data(), m);
        std::fill(sum.begin(), sum.end(), 0.0);
        std::fill(members.begin(), members.end(), 0);
        for (std::size_t s = 0; s < m; ++s) {
            ++members[of[s]];
            for (std::size_t j = 0; j < d; ++j)
                sum[of[s] * d + j] += sample[s * d + j];
        }
        for (std::size_t k = 0; k < c.m_count; ++k) {
            float* centre = c.m_rows.data() + k * d;
            if (members[k] == 0) { // restart an empty centre at a sampled row
                std::copy_n(sample.data() + rng.below(m) * d, d, centre);
                continue;
            }
            for (std::size_t j = 0; j < d; ++j)
                centre[j] = static_cast<float>(sum[k * d + j] / static_cast<double>(members[k]));
        }
        c.rebuildBlocked();
    }
    return c;
}

void IvfCentroids::rebuildBlocked() {
    for (std::size_t k = 0; k < m_count; ++k) {
        const float* v = centre(k);
        m_norm[k] = normOf(v, m_dim);
        m_halfSq[k] = static_cast<float>(0.5 * m_norm[k] * m_norm[k]);
    }
    m_blocked.reset(m_count, m_dim);
    m_blocked.sync(m_rows.data());
}

void IvfCentroids::setCentre(std::size_t c, const float* v) {
    std::copy_n(v, m_dim, m_rows.data() + c * static_cast<std::size_t>(m_dim));
    m_norm[c] = normOf(v, m_dim);
    m_halfSq[c] = static_cast<float>(0.5 * m_norm[c] * m_norm[c]);
    m_blocked.markDirty(static_cast<ItemId>(c));
    m_blocked.sync(m_rows.data());
}

void IvfCentroids::dots(const float* v, std::vector<float>& out) const {
    constexpr std::size_t lanes = BlockedFactors::kLanes;
    const std::size_t blocks = (m_count + lanes - 1) / lanes;
    out.resize(blocks * lanes);
    blockedScores(m_blocked.data(), blocks, m_dim, v, out.data());
}

std::uint32_t IvfCentroids::nearest(const float* v, std::vector<float>& scratch) const {
    dots(v, scratch);
    // argmin |c - v|^2 = argmin |c|^2/2 - c·v (|v|^2 is the same for every centre).
    std::uint32_t best = 0;
    float bestKey = m_halfSq[0] - scratch[0];
    for (std::size_t k = 1; k < m_count; ++k) {
        const float key = m_halfSq[k] - scratch[k];
        if (key < bestKey) {
            bestKey = key;
            best = static_cast<std::uint32_t>(k);
        }
    }
    return best;
}

std::vector<std::uint32_t> IvfCentroids::assign(const float* q, std::size_t n) const {
    std::vector<std::uint32_t> out(n);
    std::vector<float> scratch;
    for (std::size_t i = 0; i < n; ++i)
        out[i] = nearest(q + i * static_cast<std::size_t>(m_dim), scratch);
    return out;
}

} // namespace recoscope::core::kit
