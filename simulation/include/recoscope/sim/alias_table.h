#pragma once
// Walker's alias table for drawing an index with probability proportional to its weight:
// the same table as boost::random::discrete_distribution<IntType, double> builds (Boost
// 1.74, detail::real_alias_table), drawn with the same engine words in the same order, so
// that for the same engine state it returns the same index, bit for bit, and leaves the
// engine in the same state. What differs is where the table lives: on huge pages
// (core/huge_pages.h). On `large` the shopper model's organic draws read a 16 MB table
// (a million items) at random, six times an organic step; on Boost's 4 KiB pages nearly
// every one of those reads also missed the TLB. Equality with Boost is tested draw by draw
// (tst_alias_table), on weights with zeros, ties and a single heavy entry. Two more
// differences (branch large4, docs/performance.md "Fourth round, branch `large4`"): a draw
// can be taken in two halves (roll: the engine words; resolve: the table read) so that a
// caller overlaps several draws' misses, and on 32-bit engines the index draw's bucket size
// is computed once per table instead of at every draw (Boost divides twice per draw).

#include "recoscope/core/huge_pages.h"

#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <numeric>
#include <type_traits>
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
        setBucket();
    }

    /// The same for all of `weights` (Boost's range constructor).
    explicit AliasTable(const std::vector<double>& weights)
        : AliasTable(weights.begin(), weights.end()) {}

    /// The engine's part of a draw: the index and the uniform test, before the table read.
    struct Dice {
        IntType index;
        double test;
    };

    /// An index in [0, size()), as Boost's operator(): one uniform_int_distribution draw
    /// for the index, then one uniform_01<double> for the test. One table read.
    template <class URNG> IntType operator()(URNG& urng) const { return resolve(roll(urng)); }

    /// A draw in two halves, for callers that overlap several draws' table misses:
    /// roll() takes the engine words (the same ones, in the same order, as operator()),
    /// resolve() reads the table. resolve(roll(urng)) == operator()(urng), always; the
    /// words drawn never depend on the table, so rolls may run ahead of their resolves.
    template <class URNG> Dice roll(URNG& urng) const {
        IntType index;
        if constexpr (std::is_same_v<typename URNG::result_type, std::uint32_t>) {
            if (m_bucket != 0 && (URNG::min)() == 0 && (URNG::max)() == 0xFFFFFFFFu)
                index = static_cast<IntType>(
                    drawIndex(urng, static_cast<std::uint32_t>(size() - 1), m_bucket));
            else
                index = boostIndex(urng);
        } else {
            index = boostIndex(urng);
        }
        const double test = boost::random::uniform_01<double>()(urng);
        return {index, test};
    }

    /// Boost's uniform_int_distribution<>(0, range) on a 32-bit engine over [0, 2^32)
    /// (taus88, mt19937), for 0 < range < 2^32 - 1, with its bucket size computed once
    /// (bucketFor) instead of at every draw: Boost's generate_uniform_int divides 2^32 - 1
    /// by range + 1 (a division and a remainder) each time, then draws word / bucket until
    /// that is <= range. Same words, same result. Public for tst_alias_table.
    static std::uint32_t bucketFor(std::uint32_t range) {
        constexpr std::uint32_t brange = 0xFFFFFFFFu;
        std::uint32_t bucket = brange / (range + 1);
        if (brange % (range + 1) == range)
            ++bucket;
        return bucket;
    }
    template <class URNG>
    static std::uint32_t drawIndex(URNG& urng, std::uint32_t range, std::uint32_t bucket) {
        for (;;) {
            const std::uint32_t result = static_cast<std::uint32_t>(urng()) / bucket;
            if (result <= range)
                return result;
        }
    }
    IntType resolve(const Dice& d) const {
        const Entry& e = m_entries[static_cast<std::size_t>(d.index)];
        return d.test < e.threshold ? d.index : e.alias;
    }
    /// Starts loading the entry resolve(d) will read (a hint; no value changes).
    void prefetch(const Dice& d) const {
        __builtin_prefetch(m_entries.data() + static_cast<std::size_t>(d.index));
    }

    std::size_t size() const { return m_entries.size(); }
    /// The table (for tests).
    const std::vector<Entry>& entries() const { return m_entries; }

private:
    template <class URNG> IntType boostIndex(URNG& urng) const {
        return boost::random::uniform_int_distribution<IntType>(
            0, static_cast<IntType>(size() - 1))(urng);
    }
    /// bucketFor(size() - 1) where the fast draw applies (0 < size() - 1 < 2^32 - 1), else 0.
    void setBucket() {
        const std::uint64_t range = m_entries.size() - 1;
        m_bucket =
            range > 0 && range < 0xFFFFFFFFull ? bucketFor(static_cast<std::uint32_t>(range)) : 0;
    }

    std::vector<Entry> m_entries;
    std::uint32_t m_bucket = 0;
};

} // namespace recoscope::sim
