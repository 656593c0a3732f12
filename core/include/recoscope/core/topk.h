#pragma once
// Top-k selection with a k-slot min-heap: O(n log k) instead of sorting every score.
// Ties are broken by the smaller item id, so results never depend on scan order.

#include "recoscope/core/slate.h"
#include "recoscope/core/types.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <vector>

namespace recoscope::core {

class TopK {
public:
    explicit TopK(std::size_t k = 10) { reset(k); }

    void reset(std::size_t k) {
        m_k = k;
        m_heap.clear();
        m_heap.reserve(k);
    }
    std::size_t k() const { return m_k; }
    std::size_t size() const { return m_heap.size(); }
    bool full() const { return m_heap.size() >= m_k; }

    /// Score an item must beat to enter; -infinity while not full. Callers scanning many
    /// items test `score > threshold()` (or equal) before doing any other per-item work.
    float threshold() const {
        return full() && m_k > 0 ? m_heap.front().score : -std::numeric_limits<float>::infinity();
    }

    /// Would this (score, item) enter the selection?
    bool admits(float score, ItemId item) const {
        if (m_k == 0)
            return false;
        if (!full())
            return true;
        return better({item, score}, m_heap.front());
    }

    /// Offers a candidate; the caller has already checked availability and exclusions.
    void offer(ItemId item, float score) {
        if (!admits(score, item))
            return;
        if (full()) {
            std::pop_heap(m_heap.begin(), m_heap.end(), worseFirst);
            m_heap.back() = {item, score};
        } else {
            m_heap.push_back({item, score});
        }
        std::push_heap(m_heap.begin(), m_heap.end(), worseFirst);
    }

    bool contains(ItemId item) const {
        return std::any_of(m_heap.begin(), m_heap.end(),
                           [item](const Entry& e) { return e.item == item; });
    }

    /// Appends the selection to `out`, best first, with propensity 1; empties the heap.
    void drainInto(Slate& out) {
        std::sort(m_heap.begin(), m_heap.end(),
                  [](const Entry& a, const Entry& b) { return better(a, b); });
        for (const Entry& e : m_heap)
            out.push_back({e.item, e.score, 1.0f});
        m_heap.clear();
    }

private:
    struct Entry {
        ItemId item;
        float score;
    };
    static bool better(const Entry& a, const Entry& b) {
        return a.score > b.score || (a.score == b.score && a.item < b.item);
    }
    // Heap order keeping the worst entry at the front.
    static bool worseFirst(const Entry& a, const Entry& b) { return better(a, b); }

    std::size_t m_k = 0;
    std::vector<Entry> m_heap;
};

} // namespace recoscope::core
