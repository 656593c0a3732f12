#include "recoscope/core/ranking_metrics.h"

#include <algorithm>
#include <cmath>

namespace recoscope::core {

RankingMetrics::RankingMetrics(int k, std::size_t items) : m_k(k), m_counts(items, 0) {}

void RankingMetrics::Sums::add(int rank, int k) {
    ++queries;
    if (rank < 1 || rank > k)
        return;
    hit += 1.0;
    mrr += 1.0 / rank;
    ndcg += 1.0 / std::log2(rank + 1.0);
    recall += 1.0; // one relevant item
    precision += 1.0 / k;
}

void RankingMetrics::add(std::span<const ItemId> list, int rank) {
    addRank(rank);
    count(list);
}

void RankingMetrics::add(std::span<const ItemId> list, std::span<const ItemId> relevant) {
    if (relevant.empty())
        return;
    const std::size_t cut = std::min(list.size(), static_cast<std::size_t>(m_k));
    double dcg = 0, found = 0, first = 0;
    for (std::size_t r = 0; r < cut; ++r)
        if (std::find(relevant.begin(), relevant.end(), list[r]) != relevant.end()) {
            dcg += 1.0 / std::log2(static_cast<double>(r) + 2.0);
            found += 1.0;
            if (first == 0)
                first = static_cast<double>(r + 1);
        }
    double idcg = 0;
    for (std::size_t i = 0; i < std::min(relevant.size(), static_cast<std::size_t>(m_k)); ++i)
        idcg += 1.0 / std::log2(static_cast<double>(i) + 2.0);
    for (Sums* s : {&m_total, &m_bucket}) {
        ++s->queries;
        s->hit += found > 0 ? 1.0 : 0.0;
        s->mrr += first > 0 ? 1.0 / first : 0.0;
        s->ndcg += dcg / idcg;
        s->recall += found / static_cast<double>(relevant.size());
        s->precision += found / m_k;
    }
    count(list);
}

void RankingMetrics::count(std::span<const ItemId> list) {
    for (ItemId i : list) {
        if (i >= m_counts.size())
            m_counts.resize(static_cast<std::size_t>(i) + 1, 0);
        if (m_counts[i]++ == 0)
            ++m_distinct;
    }
}

void RankingMetrics::addRank(int rank) {
    m_total.add(rank, m_k);
    m_bucket.add(rank, m_k);
}

void RankingMetrics::resize(std::size_t items) {
    if (items > m_counts.size())
        m_counts.resize(items, 0);
}

RankingSummary RankingMetrics::fill(const Sums& s) const {
    RankingSummary r;
    r.queries = s.queries;
    if (s.queries) {
        const double n = static_cast<double>(s.queries);
        r.hit = s.hit / n;
        r.mrr = s.mrr / n;
        r.ndcg = s.ndcg / n;
        r.recall = s.recall / n;
        r.precision = s.precision / n;
    }
    const std::size_t items = m_counts.size();
    if (items) {
        r.itemCoverage = static_cast<double>(m_distinct) / static_cast<double>(items);
        // RecBole's giniindex: counts sorted ascending, zeros included.
        std::vector<std::uint64_t> c(m_counts);
        std::sort(c.begin(), c.end());
        double weighted = 0, total = 0;
        const double n = static_cast<double>(items);
        for (std::size_t i = 0; i < items; ++i) {
            weighted += (2.0 * static_cast<double>(i + 1) - n - 1.0) * static_cast<double>(c[i]);
            total += static_cast<double>(c[i]);
        }
        r.gini = total > 0 ? weighted / (n * total) : 0.0;
    }
    return r;
}

RankingSummary RankingMetrics::summary() const {
    return fill(m_total);
}

RankingSummary RankingMetrics::takeBucket() {
    RankingSummary r = fill(m_bucket);
    m_bucket = Sums{};
    return r;
}

int RankingMetrics::rankOf(std::span<const ItemId> list, ItemId item) {
    const auto it = std::find(list.begin(), list.end(), item);
    return it == list.end() ? 0 : static_cast<int>(it - list.begin()) + 1;
}

} // namespace recoscope::core
