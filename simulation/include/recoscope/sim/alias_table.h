#pragma once
// Walker's alias table for drawing an index with probability proportional to its weight:
// the same table as boost::random::discrete_distribution<IntType, double> builds (Boost
// 1.74, detail::real_alias_table), drawn with the same engine words in the same order, so
// that for the same engine state it returns the same index, bit for bit, and leaves the
// engine in the same state. What differs is where the table lives: on huge pages
// (core/huge_pages.h). On `large` the shopper model's organic draws read a 16 MB table
// (a million items) at random, six times an organic step; on Boost's 4 KiB pages nearly
// every one of those reads also missed the TLB. Equality with Boost is tested draw by draw
// (tst_alias_table), on weights with zeros, ties and a single heavy entry.

#include "recoscope/core/huge_pages.h"

#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <cstddef>
#include <iterator>
#include <numeric>
#include <utility>
#include <vector>

namespace recoscope::sim {

template <class IntType> class AliasTable {
public:
    /// One entry per index: the draw keeps the index when the uniform test falls below
    /// `threshold`, else returns `alias`. Laid out as Boost's std::pair<double, IntType>.
    struct Entry {
        double threshold = 0.0;
        IntType alias = 0;
    };

    /// A table that always draws 0 (Boost's default-constructed distribution).
    AliasTable() : m_entries(1, Entry{1.0, 0}) {}

    /// Builds the table for the weights [first, last) (non-negative, not all zero; an
    /// empty range gives the default table). Same construction as Boost's: the weights
    /// divided by their mean (summed in order), split into those below 1 and the others,
    /// each below-average entry filled up from the current above-average one in order.
    template <class Iter> AliasTable(Iter first, Iter last) {
        const std::vector<double> weights(first, last);
        if (weights.empty()) {
            m_entries.assign(1, Entry{1.0, 0});
            return;
        }
        const std::size_t n = weights.size();
        // Boost's real_alias_table::init_average: the sum in order, divided by the size.
        const double average = std::accumulate(weights.begin(), weights.end(), 0.0) / n;
        core::assignOnHugePages(m_entries, n); // value-initialised, as Boost's resize()
        std::vector<std::pair<double, IntType>> below, above;
        below.reserve(n);
        above.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            const std::pair<double, IntType> elem(weights[i] / average, static_cast<IntType>(i));
            if (elem.first < 1.0)
                below.push_back(elem);
            else
                above.push_back(elem);
        }
        auto b = below.begin();
        auto a = above.begin();
        while (b != below.end() && a != above.end()) {
            m_entries[static_cast<std::size_t>(b->second)] = Entry{b->first, a->second};
            a->first -= (1.0 - b->first);
            if (a->first < 1.0)
                *b = *a++; // the donor fell below average: it is filled up next
            else
                ++b;
        }
        for (; b != below.end(); ++b)
            m_entries[static_cast<std::size_t>(b->second)].threshold = 1.0;
        for (; a != above.end(); ++a)
            m_entries[static_cast<std::size_t>(a->second)].threshold = 1.0;
    }

    /// The same for all of `weights` (Boost's range constructor).
    explicit AliasTable(const std::vector<double>& weights)
        : AliasTable(weights.begin(), weights.end()) {}

    /// An index in [0, size()), as Boost's operator(): one uniform_int_distribution draw
    /// for the index, then one uniform_01<double> for the test. One table read.
    template <class URNG> IntType operator()(URNG& urng) const {
        const IntType result = boost::random::uniform_int_distribution<IntType>(
            0, static_cast<IntType>(size() - 1))(urng);
        const double test = boost::random::uniform_01<double>()(urng);
        const Entry& e = m_entries[static_cast<std::size_t>(result)];
        return test < e.threshold ? result : e.alias;
    }

    std::size_t size() const { return m_entries.size(); }
    /// The table (for tests).
    const std::vector<Entry>& entries() const { return m_entries; }

private:
    std::vector<Entry> m_entries;
};

} // namespace recoscope::sim
