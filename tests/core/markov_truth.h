#pragma once
// The brute-force truth of `markov` for tst_neighbour_internals (split from it): counts
// recomputed from the whole event history with maps, none of the core's structures.

#include "internals_stream.h"

#include <algorithm>
#include <map>
#include <span>
#include <vector>

namespace recoscope::test {

// markov: count(i -> j) += 1 when a user's interaction with j follows one with i != j at
// most `gap` earlier; total(i) = all transitions out of i. Seeds: the context item, then
// the user's last two items that differ from the first seed (two seeds at most); score(j)
// = count(s1 -> j) / total(s1) + second_weight x count(s2 -> j) / total(s2).
struct MarkovTruth {
    std::map<std::pair<core::ItemId, core::ItemId>, double> count;
    std::map<core::ItemId, double> total;
    std::map<core::UserId, std::vector<std::pair<core::ItemId, double>>> history; // (item, time)

    MarkovTruth(const SyntheticShop& shop, std::span<const core::Event> past, double gap) {
        for (const core::Event& e : past) {
            if (documentedWeight(e.kind) <= 0.0 || !shop.items.contains(e.item) ||
                e.user == core::kNoUser)
                continue;
            auto& h = history[e.user];
            if (!h.empty() && h.back().first != e.item && e.time - h.back().second <= gap) {
                count[{h.back().first, e.item}] += 1.0;
                total[h.back().first] += 1.0;
            }
            h.push_back({e.item, e.time});
        }
    }
    std::vector<core::ItemId> seeds(const core::ItemTable& items, const core::Request& req) const {
        std::vector<core::ItemId> s;
        if (items.contains(req.contextItem))
            s.push_back(req.contextItem);
        if (auto it = history.find(req.user); it != history.end())
            for (std::size_t m = 0; m < std::min<std::size_t>(2, it->second.size()); ++m) {
                const core::ItemId item = it->second[it->second.size() - 1 - m].first;
                if (s.size() < 2 && (s.empty() || item != s[0]))
                    s.push_back(item);
            }
        return s;
    }
    std::map<core::ItemId, double> scores(const core::ItemTable& items, const core::Request& req,
                                          double second) const {
        std::map<core::ItemId, double> out;
        const auto s = seeds(items, req);
        for (std::size_t n = 0; n < s.size(); ++n)
            for (auto it = count.lower_bound({s[n], 0});
                 it != count.end() && it->first.first == s[n]; ++it)
                out[it->first.second] += (n == 0 ? 1.0 : second) * it->second / total.at(s[n]);
        return out;
    }
};

} // namespace recoscope::test
