#pragma once
// The Gini coefficient of integer counts from a histogram of the counts, without sorting:
// what MetricsAccumulator closes every bucket with (exposure over the launched catalogue).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace recoscope::core {

/// Collects counts one by one (add), then take() gives their Gini coefficient, bit for bit
/// the value giniCoefficient() (metrics.h) returns for the same counts, in O(n + largest
/// count) and without a copy of the counts. giniCoefficient() sums integers in long double,
/// so its sums are exact while n * sum of counts < 2^64; take() computes the same sums in
/// 128-bit integers and the same final division, and declines (nullopt) outside that range
/// or when a count exceeded `cap`; the caller then falls back to giniCoefficient().
/// Memory: one 32-bit bin per count value, up to twice the largest added (at most cap + 1),
/// kept between uses; add() is one comparison and one increment.
/// Not thread-safe.
class GiniHistogram {
public:
    explicit GiniHistogram(std::uint64_t cap) : m_cap(cap) {}

    void add(std::uint64_t count) {
        if (count < m_bins.size())
            ++m_bins[static_cast<std::size_t>(count)];
        else
            addRare(count);
    }
    /// add(counts[i]) for every i with keep(i), in order (keep may count what it sees). The
    /// bins' address and size are held in registers between the rare growths, which a loop
    /// of add() calls cannot do (the out-of-line growth may move them).
    template <class Keep> void addWhere(std::span<const std::uint64_t> counts, Keep&& keep) {
        std::uint32_t* bins = m_bins.data();
        std::size_t size = m_bins.size();
        for (std::size_t i = 0; i < counts.size(); ++i) {
            if (!keep(i))
                continue;
            const std::uint64_t count = counts[i];
            if (count < size) {
                ++bins[static_cast<std::size_t>(count)];
            } else {
                addRare(count);
                bins = m_bins.data();
                size = m_bins.size();
            }
        }
    }
    /// The Gini coefficient of the counts added since the last take() (0 for none, or for
    /// all zero), or nullopt (see above); either way the histogram is empty afterwards.
    std::optional<double> take();

    std::uint64_t cap() const { return m_cap; }
    /// How many of the counts added since the last take() were 0 (every 0 is kept in bin 0).
    std::uint64_t zeros() const { return m_bins.empty() ? 0 : m_bins[0]; }

private:
    void addRare(std::uint64_t count); ///< grows the bins, or notes a count above the cap

    std::uint64_t m_cap;
    std::vector<std::uint32_t> m_bins; ///< items per count; zero between take()s
    std::uint64_t m_above = 0;         ///< counts above the cap since the last take()
};

} // namespace recoscope::core
