#pragma once
// Private: O(1) exclusion tests for a request with a long exclusion list (issue 17,
// decision 0040). Request::excludes is a linear search, right for the usual handful of
// items (cart, last purchase, context item); `fatigue` adds every item at its daily cap,
// hundreds for a busy shopper, and a walk down a ranking that tests each item it passes
// then costs |walk| x |exclude|: its p99. Request is part of the plugin ABI, so the
// marks live in the core, not in the request.

#include "recoscope/core/request.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace recoscope::core::kit {

class ExclusionMarks {
public:
    /// Lists up to this long are searched as before: marking would cost more than it saves.
    static constexpr std::size_t kShortList = 16;

    /// Prepares excludes() for `request` (kept by address: it must outlive the tests),
    /// marking the exclusions below `items`. O(|exclude|).
    void reset(const Request& request, std::size_t items) {
        m_request = &request;
        m_marked = request.exclude.size() > kShortList;
        if (!m_marked)
            return;
        if (m_stamp.size() != items)
            m_stamp.assign(items, 0u);
        if (++m_generation == 0) { // wrapped after 2^32 requests: forget every old mark
            std::fill(m_stamp.begin(), m_stamp.end(), 0u);
            m_generation = 1;
        }
        for (ItemId i : request.exclude)
            if (i < m_stamp.size())
                m_stamp[i] = m_generation;
    }
    /// Same answer as request.excludes(item) for the request given to reset().
    bool excludes(ItemId item) const {
        if (!m_marked || item >= m_stamp.size())
            return m_request->excludes(item);
        return item == m_request->contextItem || m_stamp[item] == m_generation;
    }
    /// request.excludes(item), by the marks when `request` is the one given to reset().
    bool excludes(const Request& request, ItemId item) const {
        return &request == m_request ? excludes(item) : request.excludes(item);
    }
    /// Forgets the request (its span dies with the call that made it).
    void release() {
        m_request = nullptr;
        m_marked = false;
    }

private:
    const Request* m_request = nullptr;
    bool m_marked = false;
    std::vector<std::uint32_t> m_stamp;
    std::uint32_t m_generation = 0;
};

} // namespace recoscope::core::kit
