#pragma once
// Private: the catalogue grouped by how often each item was shown, for `ucb` (issue 17).
// UCB1's bonus depends on an item's showings only, so within one group the score order is
// the posterior-mean order, i.e. the click order; a request merges the groups' heads
// instead of scoring every item (decision 0036).

#include "recoscope/core/topk.h"
#include "recoscope/core/types.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <utility>
#include <vector>

namespace recoscope::core::kit {

/// Every available item 0..n-1 in the group of its showing count, each group ordered by
/// (clicks desc, id asc). Items found unavailable are parked outside the groups and come
/// back when they are available again (the catalogue's unlaunched and sold-out items would
/// otherwise head the unseen group and be read on every request).
/// Cost: set() O(log n); topK() O(parked + g + read log g) for g groups, where `read` is the
/// number of items read before the k-th best score beats every unread group's head.
/// Memory: one set node and two counters per item, whatever the number of events.
/// Not thread-safe; owned by one core.
class ShowingBuckets {
public:
    explicit ShowingBuckets(std::size_t n = 0) : m_shown(n, 0), m_clicks(n, 0), m_isParked(n, 0) {
        if (n == 0)
            return;
        Group& unseen = m_groups[0];
        for (ItemId i = 0; i < n; ++i)
            unseen.emplace_hint(unseen.end(), key(0, i));
    }

    /// The item's counts are now (shown, clicks) (whole numbers: the bandit's float counts).
    void set(ItemId item, std::uint32_t shown, std::uint32_t clicks) {
        if (item >= m_shown.size())
            return;
        if (!m_isParked[item]) {
            const auto from = m_groups.find(m_shown[item]);
            from->second.erase(key(m_clicks[item], item));
            if (from->second.empty())
                m_groups.erase(from);
            m_groups[shown].insert(key(clicks, item));
        }
        m_shown[item] = shown;
        m_clicks[item] = clicks;
    }

    std::size_t groupCount() const { return m_groups.size(); }
    std::size_t parkedCount() const { return m_parked.size(); }

    /// Offers to `topk` every item that a scan of all items with `score(item)` and
    /// `eligible(item)` would keep, and the same scores, provided score(i) is non-increasing
    /// along each group's order (UCB1: the bonus is the group's, the mean rises with clicks,
    /// in float arithmetic too); the scan's eligibility is available(i) && eligible(i), and
    /// eligible() is only asked of available items. Groups are merged by a
    /// heap of their current heads; the read stops when the best unread head scores strictly
    /// below the k-th kept score (a tie does not stop it: a lower id could still enter).
    template <class Score, class Available, class Eligible>
    void topK(TopK& topk, Score&& score, Available&& available, Eligible&& eligible) {
        if (topk.k() == 0)
            return;
        unparkAvailable(available);
        m_heads.clear();
        for (auto g = m_groups.begin(); g != m_groups.end();) {
            Group& group = g->second;
            auto at = skipUnavailable(group, group.begin(), available);
            if (at == group.end()) {
                g = m_groups.erase(g);
                continue;
            }
            m_heads.push_back({score(at->second), at->second, &group, at});
            ++g;
        }
        std::make_heap(m_heads.begin(), m_heads.end(), lowerFirst);
        while (!m_heads.empty()) {
            Head& h = m_heads.front();
            if (topk.full() && h.score < topk.threshold())
                return;
            std::pop_heap(m_heads.begin(), m_heads.end(), lowerFirst);
            Head& next = m_heads.back();
            if (!topk.admits(next.score, next.item)) {
                // It ties the k-th score with a higher id. The rest of its run of equal
                // clicks ties it with higher ids still: skip the run (a group of thousands
                // of unseen items would otherwise be read to its end on every request).
                // An item with fewer clicks can only tie through a float collision: it is
                // still read.
                next.at = next.group->upper_bound({next.at->first, kLastId});
            } else {
                if (eligible(next.item))
                    topk.offer(next.item, next.score);
                ++next.at;
            }
            next.at = skipUnavailable(*next.group, next.at, available);
            if (next.at == next.group->end()) {
                m_heads.pop_back();
                continue;
            }
            next.item = next.at->second;
            next.score = score(next.item);
            std::push_heap(m_heads.begin(), m_heads.end(), lowerFirst);
        }
        // Groups emptied by parking stay in the map until the next request drops them.
    }

private:
    // (clicks desc, id asc) as an ascending key.
    using Key = std::pair<std::uint32_t, ItemId>;
    using Group = std::set<Key>;
    static Key key(std::uint32_t clicks, ItemId item) {
        return {std::numeric_limits<std::uint32_t>::max() - clicks, item};
    }
    static constexpr ItemId kLastId = std::numeric_limits<ItemId>::max();
    struct Head {
        float score;
        ItemId item;
        Group* group;
        Group::iterator at;
    };
    // Max-heap order: the best (score desc, id asc) head at the front.
    static bool lowerFirst(const Head& a, const Head& b) {
        return a.score < b.score || (a.score == b.score && a.item > b.item);
    }

    template <class Available>
    Group::iterator skipUnavailable(Group& group, Group::iterator at, Available&& available) {
        while (at != group.end() && !available(at->second)) {
            m_isParked[at->second] = 1;
            m_parked.push_back(at->second);
            at = group.erase(at);
        }
        return at;
    }
    template <class Available> void unparkAvailable(Available&& available) {
        for (std::size_t p = 0; p < m_parked.size();) {
            const ItemId i = m_parked[p];
            if (!available(i)) {
                ++p;
                continue;
            }
            m_isParked[i] = 0;
            m_groups[m_shown[i]].insert(key(m_clicks[i], i));
            m_parked[p] = m_parked.back();
            m_parked.pop_back();
        }
    }

    std::map<std::uint32_t, Group> m_groups; ///< by showings (empty only after parking)
    std::vector<std::uint32_t> m_shown, m_clicks;
    std::vector<std::uint8_t> m_isParked;
    std::vector<ItemId> m_parked; ///< items outside the groups, unavailable when last read
    std::vector<Head> m_heads;    ///< topK()'s scratch
};

} // namespace recoscope::core::kit
