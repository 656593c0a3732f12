#pragma once
// Private: ItemIndex over an HNSW graph (hnswlib, libhnswlib-dev) in Euclidean space on
// the augmented vectors [q_i, b_i, sqrt(R^2 - |q_i, b_i|^2)] queried with [u, 1, 0], so
// the nearest item is the one the core scores highest (the .cpp says why not the inner
// product directly). topK() fetches k + |exclusions| + kSlack candidates at search width `ef`,
// re-scores each from the core's own q and b (kit::exactScore), and falls back to the
// exact scan when fewer than k eligible candidates came back (a sold-out catalogue,
// heavy exclusions), so a slate is never short.
//
// Kept current: the graph is built at the first topK() (items inserted in id order, one
// thread, levels drawn from `seed`: same seed, same graph, same results). Afterwards each
// dirty item's vector is overwritten in the graph's storage (O(dim)), so the graph never
// holds a stale vector; an item whose vector has moved more than kRelinkDrift of its
// length since it was last linked is also re-linked (hnswlib's updatePoint), so an item
// that changed a lot is still reachable where it now belongs. markAll() (a retrain) builds
// the graph again at the next topK(), as does an item whose norm outgrew R.
// Costs (1M x 32, docs/performance.md): build minutes of CPU once, ~260 MB for the graph
// and its vectors plus 130 MB for the linked copy; update O(dim), a re-link about a search.

#include "item_index.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace recoscope::core::kit {

class HnswItemIndex final : public ItemIndex {
public:
    static constexpr std::size_t kSlack = 10;
    static constexpr float kRelinkDrift = 0.5f;

    HnswItemIndex(std::size_t items, int dim, int ef, std::uint64_t seed);
    ~HnswItemIndex() override;
    void markDirty(ItemId item) override;
    void markAll() override;
    void topK(const ItemTable& items, const Request& request, TopK& topk, const float* q,
              const float* bias, const float* u) override;

    /// Search width of later requests (the benchmark sweeps it on one graph).
    void setEf(int ef) { m_ef = ef; }
    /// Counters for tests and the benchmark.
    std::size_t relinked() const { return m_relinked; }
    std::size_t fallbacks() const { return m_fallbacks; }
    std::size_t rebuilds() const { return m_rebuilds; }
    bool built() const { return m_graph != nullptr; }

private:
    struct Graph;
    void build(const float* q, const float* bias);
    void sync(const float* q, const float* bias);
    void augment(const float* q, const float* bias, ItemId i, float* out) const;

    std::size_t m_items;
    int m_dim;
    int m_ef;
    std::uint64_t m_seed;
    std::unique_ptr<Graph> m_graph;
    float m_radius = 0.0f;       // R: above every item norm at build time (with margin)
    std::vector<float> m_linked; // items x (dim + 2): each item's vector when last linked
    std::vector<std::uint8_t> m_dirtyFlag;
    std::vector<ItemId> m_dirty;
    bool m_all = false;
    std::vector<float> m_query, m_vec;
    std::vector<ItemId> m_candidates;
    std::size_t m_relinked = 0, m_fallbacks = 0, m_rebuilds = 0;
};

} // namespace recoscope::core::kit
