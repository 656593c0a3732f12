#pragma once
// Private: the centres of IvfItemIndex's lists (ivf_item_index.h), k-means over the item
// vectors. Holds each centre twice: row-major (read one at a time) and in the blocked
// layout of kit::BlockedFactors, so "the dot product of v with every centre" is one call of
// kit::blockedScores (SIMD, 16 centres per block, the same bits on every instruction set).
//
// Deterministic: train() draws its sample and its starting centres from `seed` with
// splitmix64 (no std:: distribution), sums in a fixed order on one thread, and breaks
// distance ties by the lower centre index; the same vectors and seed give the same centres
// on every machine whose float arithmetic is IEEE (the project compiles with
// -ffp-contract=off). Not thread-safe; no I/O.

#include "factor_scan.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace recoscope::core::kit {

class IvfCentroids {
public:
    /// Rows sampled per centre for training (FAISS warns below 39) and Lloyd iterations:
    /// at 1M x 32 with 1,000 centres, 64k rows x 10 passes is about a second of one core.
    static constexpr std::size_t kSamplePerCentre = 64;
    static constexpr int kIterations = 10;

    /// Lloyd's k-means on a seeded sample of the n rows of `q` (row-major n x dim):
    /// `count` centres (at most n, at least 1), started at distinct sampled rows; a centre
    /// left empty by an iteration restarts at a sampled row drawn from the seed.
    static IvfCentroids train(const float* q, std::size_t n, int dim, std::size_t count,
                              std::uint64_t seed);

    std::size_t size() const { return m_count; }
    int dim() const { return m_dim; }
    const float* centre(std::size_t c) const {
        return m_rows.data() + c * static_cast<std::size_t>(m_dim);
    }
    /// Euclidean norm of centre c (double, from its float coordinates).
    double norm(std::size_t c) const { return m_norm[c]; }
    /// Moves centre c to `v` (dim floats); O(dim).
    void setCentre(std::size_t c, const float* v);

    /// out[c] = centre c · v for every centre (float, factor order 0..dim-1). `out` is
    /// resized to size() rounded up to 16; entries past size() are meaningless.
    void dots(const float* v, std::vector<float>& out) const;
    /// The centre nearest to v (squared L2; ties: lower index). O(size() x dim).
    std::uint32_t nearest(const float* v, std::vector<float>& scratch) const;
    /// nearest() for each of the n rows of q, in row order.
    std::vector<std::uint32_t> assign(const float* q, std::size_t n) const;

private:
    void rebuildBlocked();

    int m_dim = 0;
    std::size_t m_count = 0;
    std::vector<float> m_rows;   // count x dim, row-major
    std::vector<double> m_norm;  // |c|
    std::vector<float> m_halfSq; // |c|^2 / 2, for argmin of |c|^2/2 - c·v
    BlockedFactors m_blocked;    // the same centres, blocked for blockedScores
};

} // namespace recoscope::core::kit
