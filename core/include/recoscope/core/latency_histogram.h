#pragma once
// Log-linear histogram of durations (nanoseconds) with ~1.6 % relative resolution:
// constant memory, O(1) record, mergeable. Quantiles come from bucket upper edges.

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>

namespace recoscope::core {

class LatencyHistogram {
public:
    /// Records one duration in nanoseconds (values beyond ~1 h land in the last bucket).
    /// Inline: the simulator records every request's latency three times (run, bucket and
    /// surface histograms), about 32 instructions each out of line.
    void record(std::uint64_t nanoseconds) {
        ++m_buckets[bucketIndex(nanoseconds)];
        ++m_count;
        m_sum += static_cast<double>(nanoseconds);
        m_max = std::max(m_max, nanoseconds);
    }
    /// Both walk the buckets only up to bucketIndex(maxNanoseconds()) (of `other` for
    /// merge): every bucket past it is zero, as record() and merge() keep it.
    void merge(const LatencyHistogram& other);
    void clear();
    /// total.merge(*this), then clear(), in one walk of the buckets (a closing time bucket).
    void drainInto(LatencyHistogram& total);

    std::uint64_t count() const { return m_count; }
    /// Quantile q in [0, 1] in nanoseconds (0 when empty): the upper edge of the bucket
    /// holding the ceil(q * count)-th smallest value, so never below the true quantile
    /// by more than the bucket width.
    double quantile(double q) const;
    double meanNanoseconds() const { return m_count ? m_sum / static_cast<double>(m_count) : 0.0; }
    std::uint64_t maxNanoseconds() const { return m_max; }

    static constexpr int kSubBuckets = 64; // per power of two
    static constexpr int kMagnitudes = 42; // up to 2^42 ns ~ 73 min
    /// The bucket of a duration. Values below kSubBuckets are exact (magnitude 0); above,
    /// magnitude m >= 1 covers [2^(m+5), 2^(m+6)) in 64 equal sub-buckets (relative width
    /// 1/64 .. 1/32); values from 2^(kMagnitudes+5) on share the last bucket.
    ///
    /// Without a branch: with s = max(0, top bit - 6) (the bit of ns | 64, so s = 0 below
    /// 128), the index is s * 64 + (ns >> s), which is ns itself below 128 and
    /// (m - 1) * 64 + (ns >> (m - 1)) = m * 64 + sub above; from s = 41 on it exceeds the
    /// last bucket and is clamped to it. tst_latency_histogram::bucketIndexMatchesTheLayout
    /// compares it with the layout's plain case analysis (every value below 2^24, every power of
    /// two with its neighbours, random values of every magnitude).
    static constexpr std::size_t bucketIndex(std::uint64_t ns) {
        const int shift = 57 - std::countl_zero(ns | 64u);
        const std::uint64_t index = static_cast<std::uint64_t>(shift) * kSubBuckets + (ns >> shift);
        return static_cast<std::size_t>(
            std::min<std::uint64_t>(index, kSubBuckets * kMagnitudes - 1));
    }
    static double bucketUpperEdge(std::size_t index);

private:
    std::array<std::uint64_t, kSubBuckets * kMagnitudes> m_buckets{};
    std::uint64_t m_count = 0;
    std::uint64_t m_max = 0;
    double m_sum = 0.0;
};

} // namespace recoscope::core
