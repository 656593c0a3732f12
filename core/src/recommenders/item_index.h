#pragma once
// Private: where the factorisation cores find their top-k. A core's score of item i for a
// query u is q_i·u + b_i over its own item vectors q (items x dim, row-major) and biases b.
// ItemIndex answers "the k best eligible items for u" over the core's current vectors;
// ScreenedItemIndex (the default, decision 0041) screens every item on an int8 copy with a
// rigorous error bound and re-scores the survivors exactly: the same slates and score bits
// as ExactItemIndex, the plain scan of every item the cores have always done (kept as the
// tests' reference); HnswItemIndex retrieves candidates from an HNSW graph and re-scores
// them exactly (docs/decisions/0025-ann-index.md); IvfItemIndex visits k-means lists of the
// items in order of an upper bound of their scores and stops when the bound proves the
// answer exact or a probe budget is spent (docs/decisions/0042-ivf-index.md).
//
// Contract for all: the core owns q and b and calls markDirty(i) for every item whose
// vector or bias it changed (markAll() after a retrain) before the next topK(); topK()
// brings the index up to date first, so no result is ever scored from a stale vector.
// Scores offered to `topk` are computed exactly as ExactItemIndex computes them (same
// summation order), so where two indexes find an item they give it the same bits.
// Single-threaded: one core, one thread; no I/O, no global state.

#include "recoscope/core/candidates.h"

#include <cstddef>
#include <memory>
#include <string>

namespace recoscope::core::kit {

class ItemIndex {
public:
    virtual ~ItemIndex() = default;
    virtual void markDirty(ItemId item) = 0;
    virtual void markAll() = 0;
    /// Offers the eligible items (available, not excluded by `request`) with the best
    /// q_i·u + b_i to `topk`. `q` is the core's row-major items x dim matrix, `bias` may be
    /// null (no bias), `u` has dim entries.
    virtual void topK(const ItemTable& items, const Request& request, TopK& topk, const float* q,
                      const float* bias, const float* u) = 0;
};

/// The `retrieval` parameter of the factorisation cores: "exact", "ann" (HNSW), "ivf", or
/// "auto" (exact below kAnnAutoItems catalogue items, ivf from there on; the
/// figures come from docs/decisions/0025-ann-index.md and 0042-ivf-index.md).
inline constexpr std::size_t kAnnAutoItems = 200000;
inline constexpr int kAnnDefaultEf = 400; // recall@10 0.97 at 200k items (0.93 at 200)
// At most 64 lists once k items are found: on the 1M x 32 benchmark the bound stopped every
// walk first (16 lists at p50, 39 at p99), and it caps a walk that the bound cannot stop
// (unstructured vectors) at about 64 sqrt(n) items.
inline constexpr int kIvfDefaultProbe = 64;

/// Builds the index a core asked for; `seed` fixes the HNSW graph (levels are drawn from
/// it, items inserted in id order on one thread) and the IVF lists (k-means sample and
/// starting centres), so the same seed gives the same index.
std::unique_ptr<ItemIndex> makeItemIndex(const std::string& retrieval, std::size_t items, int dim,
                                         int ef, int probe, std::uint64_t seed);

/// Exact q_i·u + b_i in the order every index uses: factors summed from 0 to dim-1, then
/// the bias (the project compiles with -ffp-contract=off, so this matches the SIMD scan).
inline float exactScore(const float* qi, const float* u, int dim, float bias) {
    float s = 0.0f;
    for (int j = 0; j < dim; ++j)
        s += qi[j] * u[j];
    return s + bias;
}

} // namespace recoscope::core::kit
