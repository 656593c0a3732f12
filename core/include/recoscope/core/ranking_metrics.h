#pragma once
// Top-k ranking metrics for offline and prequential evaluation (docs/metrics.md,
// "Ranking metrics"), with one relevant item per query (the item the user actually
// chose). Names and formulas follow RecBole where RecBole has the metric:
//   hit@k       = 1 if rank <= k                     (RecBole "hit")
//   mrr@k       = 1 / rank if rank <= k, else 0      ("mrr")
//   ndcg@k      = 1 / log2(rank + 1) if rank <= k    ("ndcg"; the ideal DCG is 1)
//   recall@k    = hit@k / 1 relevant item            ("recall")
//   precision@k = hit@k / k                          ("precision")
// each averaged over queries; and over the recommended lists:
//   item coverage = distinct recommended items / items  ("itemcoverage")
//   Gini index    = sum_i (2i - n - 1) c_(i) / (n sum c), counts c ascending over all n
//                   items, zeros included                ("giniindex")
// Rank is 1-based; 0 means "not in the top k". Plain arithmetic, no I/O.

#include "recoscope/core/types.h"

#include <cstdint>
#include <span>
#include <vector>

namespace recoscope::core {

struct RankingSummary {
    std::uint64_t queries = 0;
    double hit = 0, mrr = 0, ndcg = 0, recall = 0, precision = 0;
    double itemCoverage = 0, gini = 0;
};

class RankingMetrics {
public:
    /// `k` is the list length the metrics are cut at; `items` the catalogue size
    /// (coverage and Gini are over all of it).
    RankingMetrics(int k, std::size_t items);

    /// One query: the recommended list (display order) and the 1-based rank of the
    /// relevant item in it (0 when absent).
    void add(std::span<const ItemId> list, int rank);
    /// The same for a query answered elsewhere: only the rank counts (no list).
    void addRank(int rank);
    /// A query with several relevant items (offline evaluation of a held-out set):
    /// hit = any relevant in the list's first k, mrr = 1 / rank of the first relevant,
    /// ndcg = DCG / IDCG with IDCG = sum_{i <= min(|rel|, k)} 1 / log2(i + 1),
    /// recall = relevant found / |rel|, precision = relevant found / k. `relevant` holds
    /// distinct items; an empty set is not a query.
    void add(std::span<const ItemId> list, std::span<const ItemId> relevant);

    /// Averages so far; all zero before the first query.
    RankingSummary summary() const;
    /// Averages of the queries since the last call (for metrics over time); coverage
    /// and Gini stay cumulative.
    RankingSummary takeBucket();
    void resize(std::size_t items);

    /// 1-based position of `item` in `list`, 0 when absent.
    static int rankOf(std::span<const ItemId> list, ItemId item);

private:
    struct Sums {
        std::uint64_t queries = 0;
        double hit = 0, mrr = 0, ndcg = 0, recall = 0, precision = 0;
        void add(int rank, int k);
    };
    void count(std::span<const ItemId> list);
    RankingSummary fill(const Sums& s) const;

    int m_k;
    Sums m_total, m_bucket;
    std::vector<std::uint64_t> m_counts; ///< times each item was recommended
    std::uint64_t m_distinct = 0;
};

} // namespace recoscope::core
