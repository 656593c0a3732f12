#pragma once
// Private: ItemIndex over an inverted file of k-means lists of the item vectors
// (docs/decisions/0042-ivf-index.md). Each list holds its items' vectors and biases as a
// contiguous blocked copy (kit::BlockedFactors' layout: 16 items per block, factor-major),
// a centre c (ivf_centroids.h), a radius r >= |q_i - c| for every member and the largest
// member bias B. For a query u no member of a list scores above
//     u·c + |u| r + B   (+ a rounding slack),
// so topK() visits the lists in decreasing order of that bound, scores every member of a
// visited list exactly (kit::blockedScores: the bits of kit::exactScore and of the exact
// scan), and stops
//   - when the slate is full and the next bound is below its k-th score: then no item left
//     can enter and the answer is THE EXACT ONE, item by item and bit by bit (lastExact());
//   - or, when `probe` > 0, once `probe` lists have been visited and the slate is full: an
//     approximate answer whose scores are still exact. probe = 0 never stops early.
// A slate is never short: past the budget, lists are still visited until k eligible items
// are found (or every list has been).
//
// Kept current (same contract as every ItemIndex, item_index.h): topK() first takes every
// item marked dirty. One still inside its list's ball is overwritten in place (O(dim)); one
// just outside (up to kKeepGrowth x r) stays and grows r; one further out moves to its
// nearest centre (O(dim x lists)), growing that list's r as needed. Radii and B only grow
// there, so every bound stays a bound. One list changed since it was last re-centred is
// re-centred per request (centre = its members' mean, r and B recomputed exactly:
// O(dim x list size)), so lists follow their items and radii shrink back. markAll() (a
// retrain) trains the lists again at the next topK(); nothing else ever does.
//
// Built at the first topK() on the vectors of that moment: about sqrt(n) lists (k-means on
// a seeded sample, one thread: same vectors and seed, same index, same answers).
// Costs at 1M x 32 (docs/performance.md): build a few seconds of one core, memory about
// the vectors once more (~140 MB). Single-threaded; no I/O, no global state.

#include "item_index.h"
#include "ivf_centroids.h"

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace recoscope::core::kit {

class IvfItemIndex final : public ItemIndex {
public:
    static constexpr float kKeepGrowth = 1.1f;

    /// `probe`: lists visited at most once the slate is full (0: no limit, always exact).
    /// `lists`: number of lists, 0 for about sqrt(items).
    IvfItemIndex(std::size_t items, int dim, int probe, std::uint64_t seed, std::size_t lists = 0);
    void markDirty(ItemId item) override;
    void markAll() override;
    void topK(const ItemTable& items, const Request& request, TopK& topk, const float* q,
              const float* bias, const float* u) override;

    /// Budget of later requests (the benchmark sweeps it on one index).
    void setProbe(int probe) { m_probe = probe; }
    bool built() const { return m_built; }
    std::size_t lists() const { return m_lists.size(); }
    /// The last topK() stopped on the bound (or visited every list): its answer is exact.
    bool lastExact() const { return m_lastExact; }
    /// Lists visited and items scored by the last topK().
    std::size_t lastVisited() const { return m_lastVisited; }
    std::size_t lastScored() const { return m_lastScored; }
    /// Since construction: updates that moved an item to another list, that grew a radius,
    /// lists re-centred, and builds after the first (markAll()).
    std::size_t moved() const { return m_moved; }
    std::size_t grown() const { return m_grown; }
    std::size_t recentred() const { return m_recentred; }
    std::size_t rebuilds() const { return m_rebuilds; }
    /// For tests: "" when every item is in exactly one list, its copy equals row i of `q`
    /// and bias[i] bit for bit, it lies within its list's radius and its bias <= B; else
    /// what is wrong. Call after a topK() (pending updates are not taken).
    std::string checkInvariants(const float* q, const float* bias) const;

private:
    struct List {
        std::vector<float> data; // blocked: slot s, factor j at (s/16)*16*dim + j*16 + s%16
        std::vector<float> bias; // per slot (0 when the core has no bias)
        std::vector<ItemId> ids; // per slot
        float radius = 0.0f;     // >= |q_i - c| for every member
        float maxBias = 0.0f;    // >= b_i for every member
        bool queued = false;     // waiting in m_recentre
    };
    void build(const float* q, const float* bias);
    void sync(const float* q, const float* bias);
    void refresh(const float* q, const float* bias, ItemId i);
    void recentre(std::uint32_t l);
    void touch(std::uint32_t l);
    void write(std::uint32_t l, std::uint32_t slot, const float* row, float b);
    void append(std::uint32_t l, ItemId i, const float* row, float b);
    void remove(ItemId i);
    double distance(std::uint32_t l, const float* row) const;
    void scanList(const List& list, const ItemTable& items, const Request& request, TopK& topk,
                  const float* u, std::size_t n);

    std::size_t m_items;
    int m_dim;
    int m_probe;
    std::uint64_t m_seed;
    std::size_t m_listCount;
    bool m_built = false;
    IvfCentroids m_centres;
    std::vector<List> m_lists;
    std::vector<std::uint32_t> m_listOf, m_slotOf; // per item
    std::vector<std::uint8_t> m_dirtyFlag;
    std::vector<ItemId> m_dirty;
    std::deque<std::uint32_t> m_recentre; // lists changed since they were last re-centred
    bool m_all = false;
    std::vector<float> m_dots, m_scores, m_mean;
    std::vector<std::pair<double, std::uint32_t>> m_heap;
    bool m_lastExact = false;
    std::size_t m_lastVisited = 0, m_lastScored = 0;
    std::size_t m_moved = 0, m_grown = 0, m_recentred = 0, m_rebuilds = 0;
};

} // namespace recoscope::core::kit
