#include "hnsw_item_index.h"

#include "exact_item_index.h"

#include <hnswlib/hnswlib.h>

#include <algorithm>

namespace recoscope::core::kit {

namespace {
// Graph degree and construction width: M = 16, efConstruction = 100 gave recall@10
// >= 0.96 at ef = 200 on 1M x 32 with ~5 min of one core to build (decision 0025);
// larger values bought little recall for much longer builds.
constexpr std::size_t kM = 16;
constexpr std::size_t kEfConstruction = 100;
} // namespace

struct HnswItemIndex::Graph {
    explicit Graph(int dim, std::size_t items, std::uint64_t seed)
        : space(static_cast<std::size_t>(dim) + 1),
          hnsw(&space, items, kM, kEfConstruction, static_cast<std::size_t>(seed)) {}
    hnswlib::InnerProductSpace space;
    hnswlib::HierarchicalNSW<float> hnsw;
};

HnswItemIndex::HnswItemIndex(std::size_t items, int dim, int ef, std::uint64_t seed)
    : m_items(items), m_dim(dim), m_ef(ef), m_seed(seed), m_dirtyFlag(items, 0),
      m_query(static_cast<std::size_t>(dim) + 1), m_vec(static_cast<std::size_t>(dim) + 1) {}

HnswItemIndex::~HnswItemIndex() = default;

void HnswItemIndex::markDirty(ItemId item) {
    if (item < m_items && !m_dirtyFlag[item]) {
        m_dirtyFlag[item] = 1;
        m_dirty.push_back(item);
    }
}

void HnswItemIndex::markAll() {
    m_all = true;
}

void HnswItemIndex::augment(const float* q, const float* bias, ItemId i, float* out) const {
    const float* row = q + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_dim);
    std::copy(row, row + m_dim, out);
    out[m_dim] = bias ? bias[i] : 0.0f;
}

void HnswItemIndex::build(const float* q, const float* bias) {
    const std::size_t d = static_cast<std::size_t>(m_dim) + 1;
    m_graph = std::make_unique<Graph>(m_dim, m_items, m_seed);
    m_linked.resize(m_items * d);
    // Id order on one thread: hnswlib draws each item's level from its seeded generator
    // as the item arrives, so the graph depends on nothing but the seed and the vectors.
    for (ItemId i = 0; i < m_items; ++i) {
        float* v = m_linked.data() + static_cast<std::size_t>(i) * d;
        augment(q, bias, i, v);
        m_graph->hnsw.addPoint(v, i);
    }
    for (ItemId i : m_dirty)
        m_dirtyFlag[i] = 0;
    m_dirty.clear();
    m_all = false;
}

void HnswItemIndex::sync(const float* q, const float* bias) {
    const std::size_t d = static_cast<std::size_t>(m_dim) + 1;
    auto refresh = [&](ItemId i) {
        augment(q, bias, i, m_vec.data());
        // Built in id order from 0, so internal id == item id (label_lookup_ is identity).
        const auto internal = static_cast<hnswlib::tableint>(i);
        float* stored = reinterpret_cast<float*>(m_graph->hnsw.getDataByInternalId(internal));
        std::copy(m_vec.begin(), m_vec.end(), stored);
        float* linked = m_linked.data() + static_cast<std::size_t>(i) * d;
        float moved = 0.0f, norm = 0.0f;
        for (std::size_t j = 0; j < d; ++j) {
            moved += (m_vec[j] - linked[j]) * (m_vec[j] - linked[j]);
            norm += linked[j] * linked[j];
        }
        if (moved > kRelinkDrift * kRelinkDrift * norm) {
            // The item has left the neighbourhood its links were chosen for: re-link it
            // (hnswlib re-selects its and its neighbours' links around the new vector).
            m_graph->hnsw.updatePoint(m_vec.data(), internal, 1.0f);
            std::copy(m_vec.begin(), m_vec.end(), linked);
            ++m_relinked;
        }
    };
    if (m_all) {
        // A retrain moved every vector: re-linking item by item would cost more than
        // building the graph again.
        build(q, bias);
        return;
    }
    for (ItemId i : m_dirty)
        refresh(i);
    for (ItemId i : m_dirty)
        m_dirtyFlag[i] = 0;
    m_dirty.clear();
    m_all = false;
}

void HnswItemIndex::topK(const ItemTable& items, const Request& request, TopK& topk, const float* q,
                         const float* bias, const float* u) {
    if (!m_graph)
        build(q, bias);
    else
        sync(q, bias);
    const std::size_t n = std::min(m_items, items.size());
    std::copy(u, u + m_dim, m_query.begin());
    m_query[static_cast<std::size_t>(m_dim)] = 1.0f;
    const std::size_t fetch = std::min(n, topk.k() + request.exclude.size() + kSlack);
    m_graph->hnsw.setEf(std::max<std::size_t>(static_cast<std::size_t>(m_ef), fetch));
    auto found = m_graph->hnsw.searchKnn(m_query.data(), fetch);
    m_candidates.clear();
    while (!found.empty()) {
        m_candidates.push_back(static_cast<ItemId>(found.top().second));
        found.pop();
    }
    // Re-score every candidate from the core's own vectors: the graph only chose them.
    std::size_t eligible = 0;
    for (ItemId i : m_candidates) {
        if (i >= n || !items.available[i] || request.excludes(i))
            continue;
        ++eligible;
        const float sc =
            exactScore(q + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_dim), u, m_dim,
                       bias ? bias[i] : 0.0f);
        if (topk.admits(sc, i))
            topk.offer(i, sc);
    }
    if (eligible < topk.k() && eligible < n) {
        // Too few eligible candidates: answer exactly rather than with a short slate.
        // Scalar, from the core's row-major vectors: no second copy of the factors for a
        // path taken only when most of the catalogue is ineligible.
        ++m_fallbacks;
        topk.reset(topk.k());
        for (ItemId i = 0; i < n; ++i) {
            if (!items.available[i] || request.excludes(i))
                continue;
            const float sc =
                exactScore(q + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_dim), u,
                           m_dim, bias ? bias[i] : 0.0f);
            if (topk.admits(sc, i))
                topk.offer(i, sc);
        }
    }
}

std::unique_ptr<ItemIndex> makeItemIndex(const std::string& retrieval, std::size_t items, int dim,
                                         int ef, std::uint64_t seed) {
    const bool ann = retrieval == "ann" || (retrieval == "auto" && items >= kAnnAutoItems);
    if (ann)
        return std::make_unique<HnswItemIndex>(items, dim, ef, seed);
    return std::make_unique<ExactItemIndex>(items, dim);
}

} // namespace recoscope::core::kit
