#pragma once
// Private: an int8 copy of the factor cores' item vectors, the screening half of the exact
// retrieval (ScreenedItemIndex, decision 0041). Item i's row q_i (dim floats) is stored
// as q8_i = round(q_i / s_i), integers in [-127, 127], with its own scale
// s_i = max(max_j |q_ij| / 127, FLT_MIN), so |q_ij - s_i q8_ij| <= s_i (0.5 + 255 eps)
// (the .cpp says why). A row with a non-finite value is stored as zeros and counted in
// nonFinite(): the screening bound means nothing for it.
//
// Layout, for integer dot products with 16-bit query factors (pmaddwd): blocks of 16
// items; inside a block, factor pairs (2p, 2p + 1) one after the other, 32 bytes each,
// item l's two factors at bytes 2l and 2l + 1 of its pair (dim odd: the last pair's second
// factor is 0). A block's 16 integer dot products are then 16 independent int32 lanes.
//
// Kept current like BlockedFactors (factor_scan.h): the core marks the rows it wrote
// (markDirty; markAll after a retrain) and sync() re-quantises them from the row-major
// matrix before the next screening, O(dim) per dirty row. Single-threaded, no I/O.

#include "huge_page_allocator.h"
#include "recoscope/core/types.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace recoscope::core::kit {

/// Instruction set of the integer dot products; every one gives the same integers.
enum class DotIsa { Portable, Sse2, Avx2, Avx512 };

/// The best DotIsa this CPU runs (cpuid; under valgrind: what valgrind reports).
DotIsa bestDotIsa();

class QuantisedFactors {
public:
    static constexpr std::size_t kLanes = 16;
    static constexpr int kMaxQ = 127;   // |q8| bound
    static constexpr int kMaxU = 32767; // |u16| bound: products and sums fit int32 (see .cpp)

    void reset(std::size_t items, int dim);
    void markDirty(ItemId i) {
        if (i < m_items && !m_dirtyFlag[i]) {
            m_dirtyFlag[i] = 1;
            m_dirty.push_back(i);
        }
    }
    void markAll() { m_all = true; }
    /// Re-quantises the dirty rows (all of them after markAll) of the row-major `q`.
    void sync(const float* q);

    /// 16 int32 dot products per block, blocks [first, first + count), into `out`:
    /// out[16 b + l] = sum_j q8_(16 (first + b) + l, j) * u16_j, where `uPairs[p]` packs
    /// u16_(2p) (low half) and u16_(2p + 1) (high half). |u16| <= kMaxU.
    void dots(std::size_t first, std::size_t count, const std::uint32_t* uPairs,
              std::int32_t* out) const;

    /// s_i in item order, zero-padded to blocks() * kLanes entries.
    const float* scales() const { return m_scale.data(); }
    /// q8_ij, read back from the layout (tests).
    int value(ItemId i, int j) const;
    std::size_t items() const { return m_items; }
    std::size_t blocks() const { return (m_items + kLanes - 1) / kLanes; }
    int dim() const { return m_dim; }
    std::size_t pairs() const { return m_pairs; }
    /// Rows holding a NaN or an infinity, as of the last sync().
    std::size_t nonFinite() const { return m_nonFinite; }
    /// Tests run every instruction set the CPU has; the default is bestDotIsa().
    void setIsa(DotIsa isa) { m_isa = isa; }

private:
    void quantiseRow(const float* q, ItemId i);

    int m_dim = 0;
    std::size_t m_items = 0;
    std::size_t m_pairs = 0;
    DotIsa m_isa = DotIsa::Portable;
    std::vector<std::int8_t, HugePageAllocator<std::int8_t>> m_data; // streamed per request
    std::vector<float> m_scale;
    std::vector<std::int8_t> m_row;  // one row being quantised
    std::vector<std::uint8_t> m_bad; // row i is non-finite
    std::size_t m_nonFinite = 0;
    std::vector<std::uint8_t> m_dirtyFlag;
    std::vector<ItemId> m_dirty;
    bool m_all = true;
};

} // namespace recoscope::core::kit
