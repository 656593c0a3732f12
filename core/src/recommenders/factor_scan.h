#pragma once
// Private (Eigen-using) helper of the factorisation and neural cores: top-k of
// Q·u + bias over the whole catalogue. Q is row-major items x dim, scanned in blocks of
// 4,096 rows so each block's scores stay in L1/L2 while Eigen's vectorised product
// streams the factors once (../shared/limits.md: about 1.3x of the memory floor at 1M x 32).
// The k-slot heap threshold is tested before the eligibility checks.

#include "huge_page_allocator.h"
#include "recoscope/core/candidates.h"

#include <Eigen/Core>

#include <algorithm>
#include <vector>

namespace recoscope::core::kit {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

inline void scanFactors(const ItemTable& items, const Request& request, TopK& topk, const float* q,
                        std::size_t n, int dim, const float* u, const float* bias,
                        Eigen::VectorXf& scratch) {
    constexpr std::size_t kBlock = 4096;
    if (scratch.size() < static_cast<Eigen::Index>(kBlock))
        scratch.resize(kBlock);
    const Eigen::Map<const Eigen::VectorXf> uv(u, dim);
    n = std::min(n, items.size());
    for (std::size_t s = 0; s < n; s += kBlock) {
        const std::size_t b = std::min(kBlock, n - s);
        const Eigen::Map<const RowMatrix> qb(q + s * static_cast<std::size_t>(dim),
                                             static_cast<Eigen::Index>(b), dim);
        auto out = scratch.head(static_cast<Eigen::Index>(b));
        out.noalias() = qb * uv;
        if (bias)
            out += Eigen::Map<const Eigen::VectorXf>(bias + s, static_cast<Eigen::Index>(b));
        float threshold = topk.threshold();
        for (std::size_t r = 0; r < b; ++r) {
            const float sc = out[static_cast<Eigen::Index>(r)];
            if (sc < threshold)
                continue;
            const auto item = static_cast<ItemId>(s + r);
            if (!items.available[item] || !topk.admits(sc, item) || request.excludes(item))
                continue;
            topk.offer(item, sc);
            threshold = topk.threshold();
        }
    }
}

/// The item factors again, laid out for scanning: blocks of 16 items, factor-major
/// inside a block (item i, factor j at block(i)*16*dim + j*16 + i%16). A block's 16
/// scores are then 16 independent lanes accumulated over the factors: plain SIMD
/// streaming, no horizontal sums, whatever dim is. Training keeps its row-major copy;
/// rows written since the last scan are copied in lazily (markDirty / sync), so the
/// extra cost is O(dim) per touched item, paid once per request.
class BlockedFactors {
public:
    static constexpr std::size_t kLanes = 16;

    void reset(std::size_t items, int dim) {
        m_dim = dim;
        m_items = items;
        m_data.assign((items + kLanes - 1) / kLanes * kLanes * static_cast<std::size_t>(dim), 0.0f);
        m_dirtyFlag.assign(items, 0);
        m_dirty.clear();
        m_all = true;
    }
    void markDirty(ItemId i) {
        if (i < m_items && !m_dirtyFlag[i]) {
            m_dirtyFlag[i] = 1;
            m_dirty.push_back(i);
        }
    }
    void markAll() { m_all = true; }
    /// Copies dirty rows from the row-major matrix `q` (items x dim).
    void sync(const float* q) {
        if (m_all) {
            for (ItemId i = 0; i < m_items; ++i)
                copyRow(q, i);
            m_all = false;
        } else {
            for (ItemId i : m_dirty)
                copyRow(q, i);
        }
        for (ItemId i : m_dirty)
            m_dirtyFlag[i] = 0;
        m_dirty.clear();
    }
    const float* data() const { return m_data.data(); }
    int dim() const { return m_dim; }
    std::size_t items() const { return m_items; }

private:
    void copyRow(const float* q, ItemId i) {
        float* block = m_data.data() + (i / kLanes) * kLanes * static_cast<std::size_t>(m_dim);
        const float* row = q + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_dim);
        for (int j = 0; j < m_dim; ++j)
            block[static_cast<std::size_t>(j) * kLanes + i % kLanes] = row[j];
    }

    int m_dim = 0;
    std::size_t m_items = 0;
    std::vector<float, HugePageAllocator<float>> m_data; // streamed whole by every request
    std::vector<std::uint8_t> m_dirtyFlag;
    std::vector<ItemId> m_dirty;
    bool m_all = true;
};

/// Scores `blocks` blocks of BlockedFactors into `out` (16 scores per block). Built for
/// several instruction sets (function multi-versioning) so that a portable binary still
/// runs the AVX2 / AVX-512 loop where the CPU has it.
void blockedScores(const float* data, std::size_t blocks, int dim, const float* u, float* out);

/// Top-k of factors·u + bias over the catalogue from the blocked copy (synced by the caller).
inline void scanBlocked(const ItemTable& items, const Request& request, TopK& topk,
                        const BlockedFactors& f, const float* u, const float* bias,
                        std::vector<float>& scratch) {
    constexpr std::size_t kChunkBlocks = 256; // 4,096 items: scores stay in L1
    constexpr std::size_t lanes = BlockedFactors::kLanes;
    const std::size_t n = std::min(f.items(), items.size());
    const std::size_t blocks = (n + lanes - 1) / lanes;
    scratch.resize(kChunkBlocks * lanes);
    for (std::size_t b0 = 0; b0 < blocks; b0 += kChunkBlocks) {
        const std::size_t nb = std::min(kChunkBlocks, blocks - b0);
        blockedScores(f.data() + b0 * lanes * static_cast<std::size_t>(f.dim()), nb, f.dim(), u,
                      scratch.data());
        const std::size_t first = b0 * lanes;
        const std::size_t last = std::min(n, first + nb * lanes);
        float threshold = topk.threshold();
        for (std::size_t item = first; item < last; ++item) {
            const float sc = scratch[item - first] + (bias ? bias[item] : 0.0f);
            if (sc < threshold)
                continue;
            const auto id = static_cast<ItemId>(item);
            if (!items.available[id] || !topk.admits(sc, id) || request.excludes(id))
                continue;
            topk.offer(id, sc);
            threshold = topk.threshold();
        }
    }
}

} // namespace recoscope::core::kit
