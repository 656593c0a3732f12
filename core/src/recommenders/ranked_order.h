#pragma once
// Private: the catalogue kept in ranking order under incremental updates, for cores whose
// scores change a few items at a time (issue 17: O(k + skipped) per request instead of a
// scan of the catalogue).

#include "recoscope/core/topk.h"
#include "recoscope/core/types.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <vector>

namespace recoscope::core::kit {

/// Every item 0..n-1 ordered by (key desc, id asc): exactly TopK's and selectTopK's order,
/// so the first k eligible items of order() are what a full scan with the same float keys
/// returns, ties included. The keys live with the caller; every call that may move items
/// takes the key function `key(ItemId) -> float`, and the caller calls update() after each
/// change of one item's key (before any other key changes) and resort() after changing
/// many. A new order starts as the identity, i.e. assumes all keys are equal.
/// Cost: update() O(log n + d) for an item moving d places; resort() O(n log n).
/// Not thread-safe; owned by one core.
class RankedOrder {
public:
    explicit RankedOrder(std::size_t n = 0) { reset(n); }

    void reset(std::size_t n) {
        // Built aside and swapped in: resize() here made GCC 12 report a false
        // -Wnull-dereference inside libstdc++ when inlined into a core's constructor.
        std::vector<ItemId> order(n);
        std::iota(order.begin(), order.end(), ItemId{0});
        m_order.swap(order);
        m_pos.assign(m_order.begin(), m_order.end()); // ItemId and position are both uint32
    }

    std::size_t size() const { return m_order.size(); }
    ItemId at(std::size_t position) const { return m_order[position]; }
    std::uint32_t positionOf(ItemId item) const { return m_pos[item]; }
    const std::vector<ItemId>& order() const { return m_order; }

    /// Restores the order after `item`'s key changed (up or down). Items outside the
    /// order are ignored.
    template <class Key> void update(ItemId item, Key&& key) {
        if (item >= m_order.size())
            return;
        const std::uint32_t p = m_pos[item];
        const float k = key(item);
        const auto ahead = [&](ItemId other) { // is `item` ahead of `other`?
            const float o = key(other);
            return k > o || (k == o && item < other);
        };
        if (p > 0 && ahead(m_order[p - 1])) {
            // m_order[0, p) is sorted: `item` is ahead of a suffix of it; find where it starts.
            std::uint32_t lo = 0, hi = p - 1;
            while (lo < hi) {
                const std::uint32_t mid = lo + (hi - lo) / 2;
                if (ahead(m_order[mid]))
                    hi = mid;
                else
                    lo = mid + 1;
            }
            std::memmove(&m_order[lo + 1], &m_order[lo], (p - lo) * sizeof(ItemId));
            m_order[lo] = item;
            for (std::uint32_t j = lo; j <= p; ++j)
                m_pos[m_order[j]] = j;
        } else if (p + 1 < m_order.size() && !ahead(m_order[p + 1])) {
            // m_order(p, n) is sorted: the items ahead of `item` form a prefix of it.
            std::uint32_t lo = p + 1, hi = static_cast<std::uint32_t>(m_order.size());
            while (lo < hi) {
                const std::uint32_t mid = lo + (hi - lo) / 2;
                if (!ahead(m_order[mid]))
                    lo = mid + 1;
                else
                    hi = mid;
            }
            const std::uint32_t q = lo - 1; // new position: after the last item ahead of it
            std::memmove(&m_order[p], &m_order[p + 1], (q - p) * sizeof(ItemId));
            m_order[q] = item;
            for (std::uint32_t j = p; j <= q; ++j)
                m_pos[m_order[j]] = j;
        }
    }

    /// Sorts everything again (after a change of many keys, e.g. a decay rebase).
    template <class Key> void resort(Key&& key) {
        std::sort(m_order.begin(), m_order.end(), [&](ItemId a, ItemId b) {
            const float ka = key(a), kb = key(b);
            return ka > kb || (ka == kb && a < b);
        });
        for (std::uint32_t i = 0; i < m_order.size(); ++i)
            m_pos[m_order[i]] = i;
    }

private:
    std::vector<ItemId> m_order;      ///< every item, best first
    std::vector<std::uint32_t> m_pos; ///< position of each item in m_order
};

/// Exact top k of score(i) over the items that pass eligible(i), by Fagin's threshold
/// algorithm over two orders: `a` and `b` are read in parallel, depth by depth, every item
/// met is scored once, and the read stops when the k-th best score beats
/// bound(a.at(d), b.at(d)), the best score an item not met yet could have. Exact (same
/// slate and scores as a scan of every item, ties by lower id) provided score is
/// monotone non-decreasing in each list's key and bound(x, y) evaluates score's float
/// arithmetic on x's key of `a` and y's key of `b`: float +, *, /, sqrt are monotone, so an
/// item behind depth d in both lists can at most tie the bound. A tie does not stop the
/// read (a lower id could still enter). `stamp` (one slot per item) and `generation` are
/// the caller's scratch: items met in this call are marked with the new generation.
template <class Score, class Bound, class Eligible>
void thresholdTopK(const RankedOrder& a, const RankedOrder& b, TopK& topk,
                   std::vector<std::uint32_t>& stamp, std::uint32_t& generation, Score&& score,
                   Bound&& bound, Eligible&& eligible) {
    if (topk.k() == 0)
        return;
    if (++generation == 0) { // wrapped after 2^32 requests: forget every old mark
        std::fill(stamp.begin(), stamp.end(), 0u);
        generation = 1;
    }
    const std::size_t n = std::min(a.size(), b.size());
    const auto meet = [&](ItemId i) {
        if (stamp[i] == generation)
            return;
        stamp[i] = generation;
        if (!eligible(i))
            return;
        const float s = score(i);
        if (topk.admits(s, i))
            topk.offer(i, s);
    };
    for (std::size_t d = 0; d < n; ++d) {
        meet(a.at(d));
        meet(b.at(d));
        if (topk.full() && bound(a.at(d), b.at(d)) < topk.threshold())
            return;
    }
}

} // namespace recoscope::core::kit
