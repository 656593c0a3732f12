#pragma once
// Private: an inverted index over sparse item vectors and a MaxScore-style exact top-k
// (issue 17, decisions 0038 and 0044) for scores of the form  sum_f q_f x_if + prior(i)
// with q_f >= 0, x_if >= 0 and a prior kept in order (kit::RankedOrder).

#include "ranked_order.h"
#include "recoscope/core/topk.h"
#include "recoscope/core/types.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace recoscope::core::kit {

/// Feature -> items holding it, split by item group, with each list's largest value.
/// Items are partitioned into groups (content: top categories) and features into classes
/// (content: words, leaf category, top category, brand, price band). One posting list
/// per (feature, group) pair that has items: the items of that group holding the feature,
/// ascending ids, and their largest value of it. Also recorded from the data: for each
/// class the most features of that class any one item holds (its cap). Built once from
/// the items' sparse vectors (CSR: item i's features are features[offsets[i] ..
/// offsets[i+1]), each at most once per item); immutable afterwards. O(nnz) to build.
class FeatureIndex {
public:
    void build(std::span<const std::uint32_t> offsets, std::span<const std::uint32_t> features,
               std::span<const float> values, std::size_t featureCount,
               std::span<const std::uint32_t> itemGroup, std::size_t groupCount,
               std::span<const std::uint8_t> featureClass, std::size_t classCount);

    /// The lists of feature f: ids firstList(f) .. firstList(f + 1) - 1 (groups ascending).
    std::uint32_t firstList(std::uint32_t f) const { return m_listOfFeature[f]; }
    std::span<const ItemId> items(std::uint32_t list) const {
        return {m_items.data() + m_start[list], m_start[list + 1] - m_start[list]};
    }
    float maxValue(std::uint32_t list) const { return m_max[list]; }
    std::uint32_t group(std::uint32_t list) const { return m_group[list]; }
    /// The class of list l's feature.
    std::uint8_t listClass(std::uint32_t list) const { return m_listClass[list]; }
    /// The most features of class c one item holds.
    std::uint32_t cap(std::size_t c) const { return m_cap[c]; }
    std::size_t groupCount() const { return m_groupCount; }
    std::size_t classCount() const { return m_cap.size(); }
    /// The most features one item has (the float sum's length, for the rounding slack).
    std::size_t longestItem() const { return m_longest; }

private:
    std::vector<std::uint32_t> m_listOfFeature; ///< feature f's lists: [m_lof[f], m_lof[f+1])
    std::vector<std::uint32_t> m_start; ///< list l's items: m_items[m_start[l], m_start[l+1])
    std::vector<ItemId> m_items;
    std::vector<float> m_max;
    std::vector<std::uint32_t> m_group;
    std::vector<std::uint8_t> m_listClass;
    std::vector<std::uint32_t> m_cap;
    std::size_t m_groupCount = 0;
    std::size_t m_longest = 0;
};

/// One query list: a (feature, group) list of the index and its largest possible
/// contribution q_f * max x_if over that list's items.
struct QueryTerm {
    std::uint32_t list;
    double bound;
};

/// maxScoreTopK's working memory, kept by the caller between requests (sized by the first
/// call): no allocation per request once warm.
struct MaxScoreScratch {
    std::vector<std::uint32_t> stamp; ///< per item: generation it was scored in
    std::uint32_t generation = 0;
    // The query's bounds bucketed by (group, class), each bucket largest first; a bucket's
    // unread bounds are [next, end) of its slice of `sorted`.
    std::vector<std::uint32_t> bucketCount, bucketNext, bucketEnd; ///< per group x class
    std::vector<std::uint32_t> touchedBuckets, activeGroups;
    std::vector<std::uint8_t> groupActive; ///< per group: in activeGroups
    std::vector<double> sorted;            ///< the bounds, bucket after bucket
    std::vector<double> groupBound;        ///< per group: what its unread lists can add to an item
};

/// The upper bound of what the unread lists of each group can add to the score of an item
/// of that group: per class c, the sum of the cap(c) largest unread bounds of that group's
/// lists of class c (an item holds at most cap(c) features of class c, and all of its
/// features sit in its own group's lists). Lists must be marked read largest bound first
/// within each (group, class), which reading the terms in order of bound does.
class GroupBounds {
public:
    GroupBounds(const FeatureIndex& index, const std::vector<QueryTerm>& sortedTerms,
                MaxScoreScratch& scratch);
    ~GroupBounds();
    GroupBounds(const GroupBounds&) = delete;
    GroupBounds& operator=(const GroupBounds&) = delete;

    double of(std::uint32_t group) const { return m_s.groupBound[group]; }
    /// The largest over groups (0 when no list is left).
    double largest() const { return m_largest; }
    /// Marks the largest unread list of term t's (group, class) read.
    void markRead(const QueryTerm& t);

private:
    double sumOf(std::uint32_t group) const;
    std::size_t bucketOf(std::uint32_t list) const {
        return m_index.group(list) * m_index.classCount() + m_index.listClass(list);
    }
    const FeatureIndex& m_index;
    MaxScoreScratch& m_s;
    double m_largest = 0.0;
};

/// Exact top k of score(i) over the items passing eligible(i), where score(i) is the float
/// evaluation of  sum over i's features of q_f x_if  plus prior(i), q_f and x_if >= 0,
/// prior(i) non-decreasing in the key `byPrior` orders by, and `terms` the query's lists
/// (every list of every feature with q_f > 0; any order; sorted here by bound). Three
/// reads, each item scored exactly once at most (the k-th score rises as items enter):
///  1. the first `seedDepth` items of byPrior (a first k-th score);
///  2. the query's lists, largest bound first, while some group's unread bound
///     (GroupBounds) plus the prior at the current depth could still reach the k-th score;
///     a list is skipped when its own group's bound no longer can;
///  3. byPrior again from where (1) stopped, while that bound could still reach it.
/// An item met by none of them holds only features of its group's unread (or skipped)
/// lists and sits at or below the current depth of byPrior, so its score is at most (its
/// group's bound + the prior at the depth) x (1 + slack): a read stops when that is
/// strictly below the k-th score (a tie could still enter with a lower id). `slack` covers
/// the float rounding of the score's sum (pass (longest item + 2) x 2^-23 or more). Same
/// slate and scores as a scan of every item, ties by lower id.
template <class Score, class Prior, class Eligible>
void maxScoreTopK(const FeatureIndex& index, std::vector<QueryTerm>& terms,
                  const RankedOrder& byPrior, std::size_t seedDepth, double slack, TopK& topk,
                  MaxScoreScratch& scratch, Score&& score, Prior&& prior, Eligible&& eligible) {
    if (topk.k() == 0)
        return;
    const std::size_t n = byPrior.size();
    auto& stamp = scratch.stamp;
    auto& generation = scratch.generation;
    if (stamp.size() != n) {
        stamp.assign(n, 0);
        generation = 0;
    }
    if (++generation == 0) { // wrapped after 2^32 requests: forget every old mark
        std::fill(stamp.begin(), stamp.end(), 0u);
        generation = 1;
    }
    std::sort(terms.begin(), terms.end(), [](const QueryTerm& a, const QueryTerm& b) {
        return a.bound > b.bound || (a.bound == b.bound && a.list < b.list);
    });
    GroupBounds left(index, terms, scratch);
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
    const auto below = [&](double bound, std::size_t depth) {
        if (!topk.full())
            return false;
        const double b = bound + static_cast<double>(prior(byPrior.at(depth)));
        return b + (b < 0.0 ? -b : b) * slack + 1e-30 < static_cast<double>(topk.threshold());
    };
    std::size_t depth = 0;
    for (const std::size_t seed = std::min(seedDepth, n); depth < seed;)
        meet(byPrior.at(depth++));
    if (depth >= n) // every item read in prior order: all scored
        return;
    for (const QueryTerm& t : terms) {
        if (below(left.largest(), depth))
            break;
        if (!below(left.of(index.group(t.list)), depth))
            for (ItemId i : index.items(t.list))
                meet(i);
        left.markRead(t);
    }
    while (depth < n && !below(left.largest(), depth))
        meet(byPrior.at(depth++));
}

} // namespace recoscope::core::kit
