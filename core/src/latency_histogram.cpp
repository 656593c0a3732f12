#include "recoscope/core/latency_histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace recoscope::core {

// Layout: values below kSubBuckets are exact (magnitude 0). Above, magnitude m >= 1 covers
// [2^(m+5), 2^(m+6)) split into 64 equal sub-buckets: relative width 1/64 .. 1/32.
std::size_t LatencyHistogram::bucketIndex(std::uint64_t ns) {
    if (ns < static_cast<std::uint64_t>(kSubBuckets))
        return static_cast<std::size_t>(ns);
    const int top = 63 - std::countl_zero(ns); // position of the highest set bit, >= 6
    const int magnitude = top - 5;             // 1 for [64, 128)
    if (magnitude >= kMagnitudes)
        return static_cast<std::size_t>(kSubBuckets * kMagnitudes - 1);
    const std::uint64_t sub = (ns >> (top - 6)) - kSubBuckets; // 0..63
    return static_cast<std::size_t>(magnitude * kSubBuckets + static_cast<int>(sub));
}

double LatencyHistogram::bucketUpperEdge(std::size_t index) {
    const int magnitude = static_cast<int>(index) / kSubBuckets;
    const int sub = static_cast<int>(index) % kSubBuckets;
    if (magnitude == 0)
        return static_cast<double>(sub);
    const double width = std::ldexp(1.0, magnitude - 1);
    return (kSubBuckets + sub + 1) * width - 1.0;
}

void LatencyHistogram::record(std::uint64_t nanoseconds) {
    ++m_buckets[bucketIndex(nanoseconds)];
    ++m_count;
    m_sum += static_cast<double>(nanoseconds);
    m_max = std::max(m_max, nanoseconds);
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
    for (std::size_t i = 0; i < m_buckets.size(); ++i)
        m_buckets[i] += other.m_buckets[i];
    m_count += other.m_count;
    m_sum += other.m_sum;
    m_max = std::max(m_max, other.m_max);
}

void LatencyHistogram::clear() {
    *this = LatencyHistogram{};
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
