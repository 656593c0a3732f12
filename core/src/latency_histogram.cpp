#include "recoscope/core/latency_histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace recoscope::core {

// Layout: see bucketIndex (latency_histogram.h).
double LatencyHistogram::bucketUpperEdge(std::size_t index) {
    const int magnitude = static_cast<int>(index) / kSubBuckets;
    const int sub = static_cast<int>(index) % kSubBuckets;
    if (magnitude == 0)
        return static_cast<double>(sub);
    const double width = std::ldexp(1.0, magnitude - 1);
    return (kSubBuckets + sub + 1) * width - 1.0;
}

// merge() and clear() stop at the bucket of the largest value: record() and merge() keep
// m_max at least every recorded value, and bucketIndex is monotonic, so every bucket past
// bucketIndex(m_max) is zero. A simulator's latencies fill the first few hundred of the
// 2,688 buckets; the full walks were most of the cost of closing a time bucket's histogram.
void LatencyHistogram::merge(const LatencyHistogram& other) {
    const std::size_t last = bucketIndex(other.m_max);
    for (std::size_t i = 0; i <= last; ++i)
        m_buckets[i] += other.m_buckets[i];
    m_count += other.m_count;
    m_sum += other.m_sum;
    m_max = std::max(m_max, other.m_max);
}

void LatencyHistogram::clear() {
    std::fill_n(m_buckets.begin(), bucketIndex(m_max) + 1, std::uint64_t(0));
    m_count = 0;
    m_max = 0;
    m_sum = 0.0;
}

void LatencyHistogram::drainInto(LatencyHistogram& total) {
    // Each bucket added and zeroed in the same pass: clear() after merge() walked the range
    // again (a memset, which callgrind counts per stored word).
    const std::size_t last = bucketIndex(m_max);
    for (std::size_t i = 0; i <= last; ++i) {
        total.m_buckets[i] += m_buckets[i];
        m_buckets[i] = 0;
    }
    total.m_count += m_count;
    total.m_sum += m_sum;
    total.m_max = std::max(total.m_max, m_max);
    m_count = 0;
    m_max = 0;
    m_sum = 0.0;
}

double LatencyHistogram::quantile(double q) const {
    if (m_count == 0)
        return 0.0;
    q = std::clamp(q, 0.0, 1.0);
    const auto rank = std::max<std::uint64_t>(
        1, static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(m_count))));
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < m_buckets.size(); ++i) {
        seen += m_buckets[i];
        if (seen >= rank)
            return std::min(bucketUpperEdge(i), static_cast<double>(m_max));
    }
    return static_cast<double>(m_max);
}

} // namespace recoscope::core
