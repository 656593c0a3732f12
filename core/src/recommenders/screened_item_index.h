#pragma once
// Private: the exact ItemIndex of the factor cores (decision 0041): int8 screening, then
// exact re-scoring of the few items that can still be in the top k. Same slates and same
// score bits as the plain scan of every item (ExactItemIndex), which it replaced as the
// default `retrieval=exact` (tests/core/tst_screened_item_index.cpp, tst_pruned_topk.cpp).
//
// Per request, with the query u quantised to int16 (u16_j = rint(u_j / t), t = max|u_j| /
// 32767): every item gets an approximate score a_i = s_i t (q8_i . u16) + b_i from the
// int8 copy (QuantisedFactors, exact integer dot products) and a bound e_i with
// lo_i = a_i - e_i <= exactScore(q_i, u, dim, b_i) <= hi_i = a_i + e_i, float rounding of
// both computations included (the .cpp derives it). T = the k-th largest lo_i of the
// eligible items (available, not excluded) is at most the k-th best exact score, so an
// item with hi_i < T cannot enter the top k; every other eligible item is scored with
// kit::exactScore and offered to the TopK, which keeps the best k whatever the order
// (ties to the lower id), exactly as the full scan does.
//
// Falls back to the plain scan of every item (exactScore, in id order) when the bound
// cannot be trusted: a NaN or infinity in a row, the query or a bias, scores beyond
// 2^100, a query so small (max|u_j| < 32767 FLT_MIN) that its scale underflows, or more
// than 256 factors.
//
// Costs (10k x 32): 320 KB of int8 streamed per request instead of 1.28 MB of floats;
// O(dim) per dirty row at the next request. Single-threaded, no I/O, no global state.

#include "item_index.h"
#include "quantised_factors.h"

#include <cstdint>
#include <vector>

namespace recoscope::core::kit {

class ScreenedItemIndex final : public ItemIndex {
public:
    ScreenedItemIndex(std::size_t items, int dim);
    void markDirty(ItemId item) override { m_store.markDirty(item); }
    void markAll() override { m_store.markAll(); }
    void topK(const ItemTable& items, const Request& request, TopK& topk, const float* q,
              const float* bias, const float* u) override;
    /// Quantises the factors now (the cores do it at construction, not in the first request).
    void syncNow(const float* q) { m_store.sync(q); }

    /// Tests: lo[i] and hi[i] for the first `n` items (synced from `q` first), bias may be
    /// null. False when topK() would fall back to the plain scan (lo, hi then unset).
    bool bounds(const float* q, const float* bias, const float* u, std::size_t n,
                std::vector<float>& lo, std::vector<float>& hi);
    /// Counters for tests and benchmarks: requests answered by the plain scan, and items
    /// re-scored exactly (survivors of the screening that were eligible).
    std::size_t fallbacks() const { return m_fallbacks; }
    std::size_t rescored() const { return m_rescored; }
    /// Tests run the integer dot products on every instruction set the CPU has.
    QuantisedFactors& store() { return m_store; }

private:
    bool prepareQuery(const float* u);
    void plainScan(const ItemTable& items, const Request& request, TopK& topk, const float* q,
                   std::size_t n, const float* bias, const float* u) const;

    QuantisedFactors m_store;
    std::vector<int> m_u16;              // the query's int16 factors
    std::vector<std::uint32_t> m_uPairs; // the same, packed in pairs for pmaddwd
    std::vector<std::int32_t> m_acc;     // one chunk of integer dot products
    std::vector<float> m_lo, m_hi;       // one chunk of lower and upper bounds
    struct Candidate {
        ItemId id;
        float hi;
    };
    std::vector<Candidate> m_candidates; // items whose hi reached the floor at their turn
    std::vector<float> m_lowest;         // min-heap: the k largest lower bounds of eligible items
    float m_t = 0.0f;                    // the query's scale
    float m_k = 0.0f, m_r = 0.0f;        // e_i = s_i m_k + |b_i| m_r + kEta (see the .cpp)
    std::size_t m_fallbacks = 0, m_rescored = 0;
};

} // namespace recoscope::core::kit
