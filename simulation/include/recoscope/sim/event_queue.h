#pragma once
// The engine's queue of generated, not yet consumed events: first in, first out.
//
// A step appends its events (one on average on `default`) and the run loop takes them
// one by one. std::deque did this with a node allocated and freed for almost every step
// (inserting into an emptied deque reserves room at its front): ~150 instructions per
// step. Here the events sit in one vector read from a head index; when the last one is
// taken both go back to zero, so after the first steps nothing is allocated again. Same
// events, same order. Not thread-safe; the engine's thread only.

#include "recoscope/core/event.h"

#include <cstddef>
#include <span>
#include <vector>

namespace recoscope::sim {

class EventQueue {
public:
    bool empty() const { return m_head == m_events.size(); }
    std::size_t size() const { return m_events.size() - m_head; }

    /// Appends `events` after those queued, in their order.
    void append(std::span<const core::Event> events) {
        m_events.insert(m_events.end(), events.begin(), events.end());
    }

    /// The oldest queued event. Precondition: !empty().
    const core::Event& front() const { return m_events[m_head]; }

    /// Removes the oldest queued event. Precondition: !empty(). The storage is kept for
    /// the next events once the queue runs empty.
    void pop() {
        if (++m_head == m_events.size()) {
            m_events.clear();
            m_head = 0;
        }
    }

private:
    std::vector<core::Event> m_events;
    std::size_t m_head = 0; // m_events[m_head..] are queued
};

} // namespace recoscope::sim
