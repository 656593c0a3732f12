#pragma once

// The engine's heap of pending steps (Engine::m_due), written out for its key: the same
// binary min-heap, the same moves as std::push_heap / std::pop_heap with
// detail::laterDue (libstdc++'s __push_heap and __adjust_heap: the hole sinks to a leaf
// along the earlier child, then the last element rises into it), so the vector holds the
// same elements in the same places after every push and pop (prefetchNextSteps reads the
// root's children). Not installed.
//
// Why not std::push_heap / pop_heap: ~240 instructions a step went to them on `default`
// (a pop in beginAction, a push in schedule), mostly the generic comparator's double
// comparison with its unordered (NaN) case and the iterator arithmetic. Here the key is
// compared as integers: the engine's times are +0 or positive and never NaN (arrivals and
// think times add non-negative gaps to a start at 0), and for such doubles the order of
// the bit patterns is the order of the values; pushDue() turns a -0 into +0 (x + 0.0)
// so that the bit order holds for every non-negative time. tst_due_heap compares every
// push and pop with the std algorithms, element by element.
//
// replaceTopDue() (a pop and a push in one pass, the engine's continuing steps) leaves a
// different layout than the pop and the push would, with the same pop order (see there).

#include "engine_order.h"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace recoscope::sim::detail {

/// laterDue(a.time, a.sessionId, b.time, b.sessionId) for times that are +0 or positive.
template <class D> inline bool dueAfter(const D& a, const D& b) {
    const auto at = std::bit_cast<std::uint64_t>(a.time);
    const auto bt = std::bit_cast<std::uint64_t>(b.time);
    return at > bt || (at == bt && a.sessionId > b.sessionId);
}

/// push_back + std::push_heap(laterDue). `d.time` must be >= 0 (not NaN).
template <class D> inline void pushDue(std::vector<D>& heap, D d) {
    d.time = d.time + 0.0; // -0 -> +0; every other value unchanged
    heap.push_back(d);
    D* h = heap.data();
    std::size_t hole = heap.size() - 1;
    while (hole > 0) {
        const std::size_t parent = (hole - 1) / 2;
        if (!dueAfter(h[parent], d))
            break;
        h[hole] = h[parent];
        hole = parent;
    }
    h[hole] = d;
}

/// The root of the n-element heap at h is a hole: fills it with `value` (libstdc++'s
/// __adjust_heap from the root). The hole sinks to a leaf, taking the earlier child each
/// time (the left one only when the right one comes after it), then `value` rises from
/// there. n >= 1.
template <class D> inline void fillRoot(D* h, std::size_t n, const D& value) {
    std::size_t hole = 0;
    std::size_t child = 2;
    while (child < n) {
        if (dueAfter(h[child], h[child - 1]))
            --child;
        h[hole] = h[child];
        hole = child;
        child = 2 * hole + 2;
    }
    if (child == n) { // a left child only
        h[hole] = h[n - 1];
        hole = n - 1;
    }
    while (hole > 0) {
        const std::size_t parent = (hole - 1) / 2;
        if (!dueAfter(h[parent], value))
            break;
        h[hole] = h[parent];
        hole = parent;
    }
    h[hole] = value;
}

/// std::pop_heap(laterDue) + back() + pop_back(): removes and returns the earliest step.
/// The heap must not be empty.
template <class D> inline D popDue(std::vector<D>& heap) {
    const D top = heap.front();
    const D value = heap.back();
    heap.pop_back();
    if (!heap.empty())
        fillRoot(heap.data(), heap.size(), value);
    return top;
}

/// popDue() then pushDue(d) in one pass, for a step that continues: the root is replaced
/// by `d` (libstdc++'s __adjust_heap from the root: the hole sinks to a leaf along the
/// earlier child, then `d` rises into it). The heap must not be empty; `d.time` >= 0.
///
/// The same steps come out in the same order as with the pop and the push, but the vector's
/// layout differs: every key (time, sessionId) is unique (session ids are), so whatever the
/// layout the root is the one earliest step, and a pop takes the same one. It saves the
/// push's rise from the bottom and the pop's move of the last element (a continuing step's
/// new time is late, so it rises little from the leaf): ~40 instructions a step on
/// `default`. tst_due_heap checks it against a sorted model of the pending steps.
template <class D> inline void replaceTopDue(std::vector<D>& heap, D d) {
    d.time = d.time + 0.0; // -0 -> +0, as in pushDue
    fillRoot(heap.data(), heap.size(), d);
}

} // namespace recoscope::sim::detail
