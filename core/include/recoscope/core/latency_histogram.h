#pragma once
// Log-linear histogram of durations (nanoseconds) with ~1.6 % relative resolution:
// constant memory, O(1) record, mergeable. Quantiles come from bucket upper edges.

#include <array>
#include <cstdint>

namespace recoscope::core {

class LatencyHistogram {
public:
    /// Records one duration in nanoseconds (values beyond ~1 h land in the last bucket).
    void record(std::uint64_t nanoseconds);
    void merge(const LatencyHistogram& other);
    void clear();

    std::uint64_t count() const { return m_count; }
    /// Quantile q in [0, 1] in nanoseconds (0 when empty): the upper edge of the bucket
    /// holding the ceil(q * count)-th smallest value, so never below the true quantile
    /// by more than the bucket width.
    double quantile(double q) const;
    double meanNanoseconds() const { return m_count ? m_sum / static_cast<double>(m_count) : 0.0; }
    std::uint64_t maxNanoseconds() const { return m_max; }

    static constexpr int kSubBuckets = 64; // per power of two
    static constexpr int kMagnitudes = 42; // up to 2^42 ns ~ 73 min
    static std::size_t bucketIndex(std::uint64_t ns);
    static double bucketUpperEdge(std::size_t index);

private:
    std::array<std::uint64_t, kSubBuckets * kMagnitudes> m_buckets{};
    std::uint64_t m_count = 0;
    std::uint64_t m_max = 0;
    double m_sum = 0.0;
};

} // namespace recoscope::core
