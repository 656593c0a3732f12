#pragma once
// Private (Eigen-using) helper of the factorisation and neural cores: top-k of
// Q·u + bias over the whole catalogue. Q is row-major items x dim, scanned in blocks of
// 4,096 rows so each block's scores stay in L1/L2 while Eigen's vectorised product
// streams the factors once (../shared/limits.md: about 1.3x of the memory floor at 1M x 32).
// The k-slot heap threshold is tested before the eligibility checks.

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

} // namespace recoscope::core::kit
