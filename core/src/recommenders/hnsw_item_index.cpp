#include "hnsw_item_index.h"

#include "screened_item_index.h"

#include <hnswlib/hnswlib.h>

#include <algorithm>
#include <cmath>

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
        : space(static_cast<std::size_t>(dim) + 2),
          hnsw(&space, items, kM, kEfConstruction, static_cast<std::size_t>(seed)) {}
    hnswlib::L2Space space;
    hnswlib::HierarchicalNSW<float> hnsw;
};

HnswItemIndex::HnswItemIndex(std::size_t items, int dim, int ef, std::uint64_t seed)
    : m_items(items), m_dim(dim), m_ef(ef), m_seed(seed), m_dirtyFlag(items, 0),
      m_query(static_cast<std::size_t>(dim) + 2), m_vec(static_cast<std::size_t>(dim) + 2) {}

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

// Maximum inner product as nearest neighbour (Bachrach et al. 2014, "Speeding up the Xbox
// recommender system using a Euclidean transformation for inner-product spaces"): item
// x = [q_i, b_i] becomes [x, sqrt(R^2 - |x|^2)], the query [u, 1, 0]; then
// |x' - u'|^2 = R^2 + |u'|^2 - 2 x.u', the nearest item is the best-scoring one. HNSW's
// link selection is built for a metric; on the raw inner product it linked the
// large-norm items as hubs and found 0.71 of the top 10 where this finds >= 0.95
// (tst_item_index). An item whose norm later grows past R would get 0 there: distances
// would then no longer rank by score, so sync() builds the graph again with a new R.
void HnswItemIndex::augment(const float* q, const float* bias, ItemId i, float* out) const {
    const float* row = q + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_dim);
    std::copy(row, row + m_dim, out);
    out[m_dim] = bias ? bias[i] : 0.0f;
    float norm = 0.0f;
    for (int j = 0; j <= m_dim; ++j)
        norm += out[j] * out[j];
    out[m_dim + 1] = std::sqrt(std::max(0.0f, m_radius * m_radius - norm));
}

void HnswItemIndex::build(const float* q, const float* bias) {
    const std::size_t d = static_cast<std::size_t>(m_dim) + 2;
    // R: the largest item norm, with room for vectors that grow as they learn.
    float largest = 0.0f;
    for (ItemId i = 0; i < m_items; ++i) {
        const float* row = q + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_dim);
        float norm = bias ? bias[i] * bias[i] : 0.0f;
        for (int j = 0; j < m_dim; ++j)
            norm += row[j] * row[j];
        largest = std::max(largest, norm);
    }
    m_radius = 1.25f * std::sqrt(largest) + 1e-6f;
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
    const std::size_t d = static_cast<std::size_t>(m_dim) + 2;
    bool outgrown = false;
    auto refresh = [&](ItemId i) {
        augment(q, bias, i, m_vec.data());
        if (m_vec[d - 1] == 0.0f) // |x| >= R: distances would no longer rank by score
            outgrown = true;
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
        ++m_rebuilds;
        build(q, bias);
        return;
    }
    for (ItemId i : m_dirty)
        refresh(i);
    for (ItemId i : m_dirty)
        m_dirtyFlag[i] = 0;
    m_dirty.clear();
    m_all = false;
    if (outgrown) {
        // An item outgrew R: build again with a new R (rare: R has a 25 % margin and is
        // re-chosen at every build).
        ++m_rebuilds;
        build(q, bias);
    }
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
    m_query[static_cast<std::size_t>(m_dim) + 1] = 0.0f;
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
    return std::make_unique<ScreenedItemIndex>(items, dim); // exact: decision 0041
}

} // namespace recoscope::core::kit
