#include "recoscope/core/gini_histogram.h"

#include <algorithm>

namespace recoscope::core {

namespace {
// GCC's and Clang's 128-bit integers (__extension__: not ISO C++, hence no -Wpedantic).
__extension__ using Int128 = __int128;
} // namespace

void GiniHistogram::addRare(std::uint64_t count) {
    if (count > m_cap) {
        ++m_above;
        return;
    }
    // Doubling: a run's largest exposure grows by one at a time.
    const std::uint64_t size =
        std::min<std::uint64_t>(m_cap + 1, std::max<std::uint64_t>(count + 1, 2 * m_bins.size()));
    m_bins.resize(static_cast<std::size_t>(size), 0);
    ++m_bins[static_cast<std::size_t>(count)];
}

std::optional<double> GiniHistogram::take() {
    // giniCoefficient: G = sum_i (2i - n - 1) x_(i) / (n * sum x), x ascending, i = 1..n.
    // The h items at a count v hold ranks r0 + 1 .. r0 + h (r0: the items counted below v),
    // so together they add v * h * (2 r0 + h - n): one term per count value, not per item.
    // Integers throughout, so the order of the additions does not matter; the zeros only
    // shift the ranks.
    std::uint64_t n = m_above;
    for (std::uint32_t h : m_bins)
        n += h;
    const bool above = m_above > 0;
    Int128 weighted = 0, total = 0;
    std::uint64_t below = 0;
    for (std::size_t v = 0; v < m_bins.size(); ++v) {
        const std::uint64_t h = m_bins[v];
        if (h == 0)
            continue;
        m_bins[v] = 0;
        weighted +=
            static_cast<Int128>(v) * static_cast<Int128>(h) *
            (2 * static_cast<Int128>(below) + static_cast<Int128>(h) - static_cast<Int128>(n));
        total += static_cast<Int128>(v) * static_cast<Int128>(h);
        below += h;
    }
    m_above = 0;
    if (above)
        return std::nullopt;
    if (n == 0 || total == 0)
        return 0.0;
    // Below 2^63 every partial sum of giniCoefficient's long doubles (64-bit significand)
    // is an exact integer (each is at most n * total in magnitude), so they equal these.
    if (static_cast<Int128>(n) * total >= (static_cast<Int128>(1) << 63))
        return std::nullopt;
    const auto w = static_cast<long double>(static_cast<std::int64_t>(weighted));
    const auto t = static_cast<long double>(static_cast<std::uint64_t>(total));
    return static_cast<double>(w / (static_cast<long double>(n) * t));
}

} // namespace recoscope::core
