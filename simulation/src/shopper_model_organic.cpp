#include "shopper_terms.h"

#include <boost/random/uniform_int_distribution.hpp>

namespace recoscope::sim {

// The shopper's own way to items: popular or promoted candidates, search results, successors.

// flatten: the candidates' utilities are inlined too (as in chooseFromSlate).
[[gnu::flatten]] core::ItemId ShopperModel::organicItem(Session& s,
                                                        const HistoryCache* history) const {
    // Browsing and search results surface popular items (and promoted ones during a
    // promotion); the shopper opens the one that appeals most among a handful (Gumbel
    // noise = a logit choice among the candidates).
    constexpr int kCandidates = 6;
    core::ItemId best = core::kNoItem;
    float bestScore = -1e30f, bestGone = -1e30f;
    if (!history) { // as in chooseFromSlate (preparing draws nothing)
        HistoryCache local;
        prepare(s.user, s.nextTime, core::kNoItem, local);
        return organicItem(s, &local);
    }
    const HistoryCache& cache = *history;
    const bool promo = m_state && !m_state->promoted.empty() &&
                       detail::uniform01(s) < m_scenario.behaviour.promotionBrowse;
    const UserTerms user = userTerms(s.user);
    for (int c = 0; c < kCandidates; ++c) {
        core::ItemId item;
        if (promo && c < kCandidates / 2) {
            const auto& list = m_state->promoted;
            item = list[boost::random::uniform_int_distribution<std::size_t>(0, list.size() -
                                                                                    1)(s.rng)];
        } else {
            item = m_popular(s.rng);
        }
        const float gumbel = -core::exactLogf(
            -core::exactLogf(static_cast<float>(detail::uniform01(s)) + 1e-12f) + 1e-12f);
        if (!m_world.items.isAvailable(item)) {
            if (soldOut(item)) // what the shopper would have opened had it been in stock
                bestGone = std::max(bestGone, fullUtility(user, item, cache) + gumbel);
            continue;
        }
        const float score = fullUtility(user, item, cache) + gumbel;
        if (score > bestScore) {
            bestScore = score;
            best = item;
        }
    }
    // A request lost to a stock-out: the shopper's first choice was sold out (counting
    // draws nothing: the dice are those of the choice itself).
    if (bestGone > bestScore)
        ++s.lostRequests;
    return best;
}

core::ItemId ShopperModel::successorItem(Session& s, core::ItemId item) const {
    if (item == core::kNoItem || m_world.successorCount == 0)
        return core::kNoItem;
    core::ItemId best = core::kNoItem;
    float bestScore = -1e30f, bestGone = -1e30f;
    for (core::ItemId next : m_world.successors(item)) {
        const float gumbel = -core::exactLogf(
            -core::exactLogf(static_cast<float>(detail::uniform01(s)) + 1e-12f) + 1e-12f);
        if (!m_world.items.isAvailable(next)) {
            if (soldOut(next))
                bestGone = std::max(bestGone, utility(s.user, next) + gumbel);
            continue;
        }
        const float score = utility(s.user, next) + gumbel;
        if (score > bestScore) {
            bestScore = score;
            best = next;
        }
    }
    if (bestGone > bestScore)
        ++s.lostRequests; // as in organicItem
    return best;
}

} // namespace recoscope::sim
