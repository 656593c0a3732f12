#pragma once
// Private: an inverted index over sparse item vectors and a MaxScore-style exact top-k
// (issue 17, decision 0038) for scores of the form  sum_f q_f x_if + prior(i)  with
// q_f >= 0, x_if >= 0 and a prior kept in order (kit::RankedOrder).

#include "ranked_order.h"
#include "recoscope/core/topk.h"
#include "recoscope/core/types.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace recoscope::core::kit {

/// Feature -> items holding it, with each feature's largest value over the catalogue.
/// Built once from the items' sparse vectors (CSR: item i's features are
/// features[offsets[i] .. offsets[i+1])); immutable afterwards.
class FeatureIndex {
public:
    void build(std::span<const std::uint32_t> offsets, std::span<const std::uint32_t> features,
               std::span<const float> values, std::size_t featureCount) {
        m_start.assign(featureCount + 1, 0);
        m_max.assign(featureCount, 0.0f);
        m_longest = 0;
        for (std::size_t n = 0; n < features.size(); ++n) {
            ++m_start[features[n] + 1];
            m_max[features[n]] = std::max(m_max[features[n]], values[n]);
        }
        for (std::size_t f = 0; f < featureCount; ++f)
            m_start[f + 1] += m_start[f];
        m_items.assign(features.size(), 0);
        std::vector<std::uint32_t> fill(m_start.begin(), m_start.end() - 1);
        for (std::size_t i = 0; i + 1 < offsets.size(); ++i) {
            m_longest = std::max<std::size_t>(m_longest, offsets[i + 1] - offsets[i]);
            for (std::uint32_t n = offsets[i]; n < offsets[i + 1]; ++n)
                m_items[fill[features[n]]++] = static_cast<ItemId>(i);
        }
    }

    std::span<const ItemId> items(std::uint32_t f) const {
        return {m_items.data() + m_start[f], m_start[f + 1] - m_start[f]};
    }
    float maxValue(std::uint32_t f) const { return m_max[f]; }
    /// The most features one item has (the float sum's length, for the rounding slack).
    std::size_t longestItem() const { return m_longest; }

private:
    std::vector<std::uint32_t> m_start; ///< feature f's items: m_items[m_start[f], m_start[f+1])
    std::vector<ItemId> m_items;
    std::vector<float> m_max;
    std::size_t m_longest = 0;
};

/// One query feature: its id and its largest possible contribution q_f * max_i x_if.
struct QueryTerm {
    std::uint32_t feature;
    double bound;
};

/// maxScoreTopK's working memory, kept by the caller between requests (sized to the
/// catalogue by the first call): no allocation per request.
struct MaxScoreScratch {
    std::vector<std::uint32_t> stamp; ///< per item: generation it was scored in
    std::uint32_t generation = 0;
    std::vector<double> left; ///< left[j]: sum of the j smallest term bounds
};

/// Exact top k of score(i) over the items passing eligible(i), where score(i) is the float
/// evaluation of  sum over i's features of q_f x_if  plus prior(i), q_f and x_if >= 0,
/// prior(i) non-decreasing in the key `byPrior` orders by, and `terms` the query features
/// with q_f > 0 (any order; sorted here by bound). Three reads, each item scored exactly
/// once at most (the k-th score rises as items enter):
///  1. the first `seedDepth` items of byPrior (a first k-th score);
///  2. the items of each feature's list, largest bound first, while the bounds of the
///     features left plus the prior at the current depth could still reach the k-th score;
///  3. byPrior again from where (1) stopped, while that bound could still reach it.
/// An item met by none of them holds only features left unread and sits at or below the
/// current depth of byPrior, so its score is at most (sum of those bounds + the prior at
/// the depth) x (1 + slack): the read stops when that is strictly below the k-th score (a
/// tie could still enter with a lower id). `slack` covers the float rounding of the
/// score's sum (pass (longest item + 2) x 2^-23 or more). Same slate and scores as a scan
/// of every item, ties by lower id.
template <class Score, class Prior, class Eligible>
void maxScoreTopK(const FeatureIndex& index, std::vector<QueryTerm>& terms,
                  const RankedOrder& byPrior, std::size_t seedDepth, double slack, TopK& topk,
                  MaxScoreScratch& scratch, Score&& score, Prior&& prior, Eligible&& eligible) {
    if (topk.k() == 0)
        return;
    const std::size_t n = byPrior.size();
    auto& [stamp, generation, left] = scratch;
    if (stamp.size() != n) {
        stamp.assign(n, 0);
        generation = 0;
    }
    if (++generation == 0) { // wrapped after 2^32 requests: forget every old mark
        std::fill(stamp.begin(), stamp.end(), 0u);
        generation = 1;
    }
    std::sort(terms.begin(), terms.end(), [](const QueryTerm& a, const QueryTerm& b) {
        return a.bound < b.bound || (a.bound == b.bound && a.feature < b.feature);
    });
    // Lists are read from the largest bound down, so the unread ones are the j smallest.
    left.assign(terms.size() + 1, 0.0);
    for (std::size_t j = 0; j < terms.size(); ++j)
        left[j + 1] = left[j] + terms[j].bound;
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
    const auto done = [&](std::size_t listsLeft, std::size_t depth) {
        if (depth >= n) // every item read in prior order: all scored
            return true;
        if (!topk.full())
            return false;
        const double b = left[listsLeft] + static_cast<double>(prior(byPrior.at(depth)));
        return b + (b < 0.0 ? -b : b) * slack + 1e-30 < static_cast<double>(topk.threshold());
    };
    std::size_t depth = 0, lists = terms.size();
    for (const std::size_t seed = std::min(seedDepth, n); depth < seed;)
        meet(byPrior.at(depth++));
    while (lists > 0 && !done(lists, depth))
        for (ItemId i : index.items(terms[--lists].feature))
            meet(i);
    while (!done(lists, depth))
        meet(byPrior.at(depth++));
}

} // namespace recoscope::core::kit
