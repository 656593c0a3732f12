#pragma once

// ShopperModel's per-item utility terms, inline in every source file that scores items
// (the slate, the organic candidates, the cached and explained utilities), so that each
// of them compiles the same operations in the same order. Not installed.

#include "affinity_dot.h"

#include "recoscope/core/exact_mathf.h"
#include "recoscope/sim/shopper_model.h"

#include <boost/random/uniform_01.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace recoscope::sim::detail {

inline float sigmoid(float x) {
    return 1.0f / (1.0f + core::exactExpf(-x));
}

constexpr std::size_t kMaxSlate = 128;

/// ShopperModel::uniform(), inline: one draw of the session's own stream.
inline double uniform01(Session& s) {
    return boost::random::uniform_01<double>()(s.rng);
}

} // namespace recoscope::sim::detail

namespace recoscope::sim {

inline void ShopperModel::prefetchItemRows(core::ItemId item) const {
    const char* row = reinterpret_cast<const char*>(m_world.itemVector(item));
    const std::size_t rowBytes = static_cast<std::size_t>(m_world.dim) * sizeof(float);
    for (std::size_t b = 0; b < rowBytes; b += kCacheLine)
        __builtin_prefetch(row + b);
    __builtin_prefetch(&m_hot[item]);
    __builtin_prefetch(&m_world.items.available[item]);
    __builtin_prefetch(&m_world.items.discount[item]);
}

inline ShopperModel::UserTerms ShopperModel::userTerms(core::UserId user) const {
    return {m_world.userVector(user),
            static_cast<float>(m_scenario.behaviour.priceSensitivity) *
                m_world.userPriceSensitivity[user],
            m_world.userBrandLoyalty[user]};
}

inline float ShopperModel::staticUtility(const UserTerms& user, core::ItemId item) const {
    // affinity + quality - (sensitivity x multiplier) x log relative price + discount, in
    // this order (a - b + c is (a - b) + c; the price product is (s x m) x p): only the
    // per-user product is taken out of the per-item work.
    const float dot = affinityDot(user.vector, m_world.itemVector(item), m_world.dim);
    const ItemHot& hot = m_hot[item];
    return m_affinityScale * dot + hot.quality - user.priceFactor * hot.logRelPrice +
           m_discountWeight * m_world.items.discount[item];
}

inline ShopperModel::HistoryTerms
ShopperModel::historyTerms(const UserTerms& user, core::ItemId item, const HistoryCache& c) const {
    const ItemHot& hot = m_hot[item];
    if (!HistoryCache::hasBit(c.anyItemMask, item))
        return categoryBrandTerms(user, hot, c);
    return itemHistoryTerms(user, item, hot, c);
}

inline ShopperModel::HistoryTerms ShopperModel::categoryBrandTerms(const UserTerms& user,
                                                                   const ItemHot& hot,
                                                                   const HistoryCache& c) const {
    // Neither shown, bought nor a successor (anyItemMask holds all three masks): only the
    // fatigue of its category and the loyalty to its brand can apply, and most items have
    // neither. The same terms as itemHistoryTerms() would give, fewer tests.
    HistoryTerms h;
    if (HistoryCache::hasBit(c.categoryMask, hot.category))
        h.fatigue = 0.0f * m_fatigueItem + c.categoryFatigue(hot.category) * m_fatigueCategory;
    if (HistoryCache::hasBit(c.boughtBrandMask, hot.brand)) {
        bool loyal = false;
        for (int k = 0; k < c.bought; ++k)
            loyal = loyal || c.boughtBrand[k] == hot.brand;
        if (loyal)
            h.loyalty = user.loyalty;
    }
    return h;
}

inline ShopperModel::HistoryTerms ShopperModel::itemHistoryTerms(const UserTerms& user,
                                                                 core::ItemId item,
                                                                 const ItemHot& hot,
                                                                 const HistoryCache& c) const {
    HistoryTerms h;
    // Fatigue: every remembered impression of the item (or of its leaf category) costs
    // utility, halving every fatigue_half_life_hours. The masks skip items whose id and
    // category were not shown lately (most of them); the others read their sums.
    float sameItem, sameCategory;
    if (c.fatigueSums(item, hot.category, sameItem, sameCategory))
        h.fatigue = sameItem * m_fatigueItem + sameCategory * m_fatigueCategory;
    // Bought before: durable goods are rarely bought again, consumables after a cycle;
    // the brands bought before earn the user's loyalty bonus. The masks skip the scan for
    // items neither bought nor of a brand bought (most of them: the scan finds nothing).
    if (c.mayHaveBought(item, hot.brand)) {
        bool loyal = false;
        for (int k = 0; k < c.bought; ++k) {
            if (c.boughtItem[k] == item)
                h.repurchase =
                    std::max(h.repurchase,
                             c.boughtPenalty[k] *
                                 (m_world.itemConsumable[item] ? c.consumableFactor[k] : 1.0f));
            loyal = loyal || c.boughtBrand[k] == hot.brand;
        }
        if (loyal)
            h.loyalty = user.loyalty;
    }
    if (HistoryCache::hasBit(c.successorMask, item))
        for (int k = 0; k < c.successors; ++k)
            if (c.successor[k] == item) {
                h.sequence = m_sequenceBoost;
                break;
            }
    return h;
}

inline float ShopperModel::fullUtility(const UserTerms& user, core::ItemId item,
                                       const HistoryCache& c) const {
    const HistoryTerms h = historyTerms(user, item, c);
    float u = staticUtility(user, item);
    u -= h.fatigue;
    u -= h.repurchase;
    u += h.loyalty;
    u += h.sequence;
    return u;
}

} // namespace recoscope::sim
