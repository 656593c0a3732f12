#pragma once
// The dot products of an item's hidden vector with every word of its top category, for
// the catalogue's tags (world.cpp): several words at a time instead of one after the
// other. Each word's sum is still its own chain, 0 + w[0] v[0] + w[1] v[1] + ... in
// dimension order, so every dot has the bits of the plain loop
//     float s = 0; for (d) s += w[d] * v[d];
// (tst_large_layout's golden catalogue digest holds it). On `large` (1 M items, 60 words,
// 16 dimensions) the plain loop was about half of the catalogue's per-item time: a chain
// of 16 dependent additions per word, one word at a time.
// Private to the simulation library.

#include <cstddef>
#include <vector>

namespace recoscope::sim::detail {

class WordScores {
public:
    /// `words`: `tops * perTop` rows of `dim` floats, row `top * perTop + k` the k-th word of
    /// top category `top`.
    WordScores(const std::vector<float>& words, int tops, int perTop, int dim)
        : m_perTop(static_cast<std::size_t>(perTop)), m_dim(static_cast<std::size_t>(dim)),
          m_transposed(words.size()), m_dots(m_perTop) {
        // Per top category, dimension-major: the words' d-th coordinates side by side.
        for (std::size_t top = 0; top < static_cast<std::size_t>(tops); ++top)
            for (std::size_t k = 0; k < m_perTop; ++k)
                for (std::size_t d = 0; d < m_dim; ++d)
                    m_transposed[(top * m_dim + d) * m_perTop + k] =
                        words[(top * m_perTop + k) * m_dim + d];
    }

    /// The dot of `v` (dim floats) with each word of `top`, in word order; valid until the
    /// next call.
    const float* dots(int top, const float* v) {
        float* out = m_dots.data();
        const std::size_t n = m_perTop;
        for (std::size_t k = 0; k < n; ++k)
            out[k] = 0.0f;
        const float* block = m_transposed.data() + static_cast<std::size_t>(top) * m_dim * n;
        for (std::size_t d = 0; d < m_dim; ++d) {
            const float x = v[d];
            const float* row = block + d * n;
            // Independent lanes: the compiler vectorises across words, never within a sum.
            for (std::size_t k = 0; k < n; ++k)
                out[k] += row[k] * x;
        }
        return out;
    }

private:
    std::size_t m_perTop, m_dim;
    std::vector<float> m_transposed;
    std::vector<float> m_dots;
};

} // namespace recoscope::sim::detail
