#include "gumbel_noise.h"
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
    // Three passes over the candidates instead of one, so that on `large` their cache
    // misses overlap instead of forming a chain (alias entry, then the item's rows, six
    // times over): (1) every engine word, in exactly the order of the one-pass loop (the
    // candidate's draw, then its Gumbel uniform; the words never depend on a table), with
    // the alias entries asked for; (2) the alias reads, with the items' rows asked for;
    // (3) the scores, the same operations in the same order as before. Bit-identical by
    // construction; tst_organic_item compares it with the one-pass loop.
    // The first `promoted` candidates come from the promoted items, the others from the
    // alias table (as `promo && c < kCandidates / 2` in the one-pass loop).
    const int promoted = promo ? kCandidates / 2 : 0;
    using Dice = AliasTable<core::ItemId>::Dice;
    Dice dice[kCandidates];
    core::ItemId items[kCandidates];
    double uniforms[kCandidates];
    for (int c = 0; c < promoted; ++c) {
        const auto& list = m_state->promoted;
        items[c] =
            list[boost::random::uniform_int_distribution<std::size_t>(0, list.size() - 1)(s.rng)];
        uniforms[c] = detail::uniform01(s);
    }
    for (int c = promoted; c < kCandidates; ++c) {
        dice[c] = m_popular.roll(s.rng);
        if (m_prefetch)
            m_popular.prefetch(dice[c]);
        uniforms[c] = detail::uniform01(s);
    }
    for (int c = promoted; c < kCandidates; ++c)
        items[c] = m_popular.resolve(dice[c]);
    if (m_prefetch) // what the scores read (as prefetchSlate)
        for (const core::ItemId item : items)
            prefetchItemRows(item);
    // The candidates' noise, four lanes at a time (gumbel_noise.h: the same bits as one
    // by one), while the rows asked for above arrive.
    float gumbels[kCandidates];
    detail::gumbelNoise(uniforms, kCandidates, gumbels);
    const UserTerms user = userTerms(s.user);
    for (int c = 0; c < kCandidates; ++c) {
        const core::ItemId item = items[c];
        const float gumbel = gumbels[c];
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
