#pragma once
// The hidden affinity of a user and an item (ShopperModel's utilities): a dot product
// of two rows of `dim` floats with a fixed order of operations.

#if defined(__SSE2__)
#include <xmmintrin.h>
#endif

namespace recoscope::sim {

// The hidden affinity is the hottest loop of the simulator (every slate entry, every
// organic candidate, every item of a regret sample). Four partial sums let the compiler
// keep it in SIMD registers without -ffast-math; the order of the additions is fixed, so
// results are the same on every run of a build.
template <int D> inline float fixedDot(const float* u, const float* v) {
#if defined(__SSE2__)
    // The four partial sums are the four lanes of one register: lane j adds
    // u[d + j] * v[d + j] for d = 0, 4, 8, ... exactly as the scalar code below (separate
    // multiply and add, IEEE per lane), so the result is bit-identical.
    __m128 acc = _mm_setzero_ps();
    for (int d = 0; d < D; d += 4)
        acc = _mm_add_ps(acc, _mm_mul_ps(_mm_loadu_ps(u + d), _mm_loadu_ps(v + d)));
    // [s0 + s1, s1 + s0, s2 + s3, s3 + s2] (addition is commutative), then the two halves.
    const __m128 pairs = _mm_add_ps(acc, _mm_shuffle_ps(acc, acc, _MM_SHUFFLE(2, 3, 0, 1)));
    return _mm_cvtss_f32(pairs) + _mm_cvtss_f32(_mm_movehl_ps(pairs, pairs));
#else
    float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f;
    for (int d = 0; d < D; d += 4) {
        s0 += u[d] * v[d];
        s1 += u[d + 1] * v[d + 1];
        s2 += u[d + 2] * v[d + 2];
        s3 += u[d + 3] * v[d + 3];
    }
    return (s0 + s1) + (s2 + s3);
#endif
}

#if defined(__SSE2__)
/// fixedDot<16>(u, v) for one `u` and many `v`: u's four registers are loaded once, not
/// per row (a loop over a slate's items). The same lanes, products and additions in the
/// same order as fixedDot<16> (the products are u x v there, v x u here: IEEE
/// multiplication is commutative), so every result is the same bit for bit.
class Dot16 {
public:
    explicit Dot16(const float* u)
        : m_u0(_mm_loadu_ps(u)), m_u1(_mm_loadu_ps(u + 4)), m_u2(_mm_loadu_ps(u + 8)),
          m_u3(_mm_loadu_ps(u + 12)) {}
    float operator()(const float* v) const {
        __m128 acc = _mm_setzero_ps();
        acc = _mm_add_ps(acc, _mm_mul_ps(m_u0, _mm_loadu_ps(v)));
        acc = _mm_add_ps(acc, _mm_mul_ps(m_u1, _mm_loadu_ps(v + 4)));
        acc = _mm_add_ps(acc, _mm_mul_ps(m_u2, _mm_loadu_ps(v + 8)));
        acc = _mm_add_ps(acc, _mm_mul_ps(m_u3, _mm_loadu_ps(v + 12)));
        const __m128 pairs = _mm_add_ps(acc, _mm_shuffle_ps(acc, acc, _MM_SHUFFLE(2, 3, 0, 1)));
        return _mm_cvtss_f32(pairs) + _mm_cvtss_f32(_mm_movehl_ps(pairs, pairs));
    }

private:
    __m128 m_u0, m_u1, m_u2, m_u3;
};
#else
class Dot16 {
public:
    explicit Dot16(const float* u) : m_u(u) {}
    float operator()(const float* v) const { return fixedDot<16>(m_u, v); }

private:
    const float* m_u;
};
#endif

inline float affinityDot(const float* u, const float* v, int dim) {
    // The common dimensions get a fully unrolled copy (same additions, same order).
    if (dim == 16)
        return fixedDot<16>(u, v);
    if (dim == 32)
        return fixedDot<32>(u, v);
    float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f;
    int d = 0;
    for (; d + 4 <= dim; d += 4) {
        s0 += u[d] * v[d];
        s1 += u[d + 1] * v[d + 1];
        s2 += u[d + 2] * v[d + 2];
        s3 += u[d + 3] * v[d + 3];
    }
    for (; d < dim; ++d)
        s0 += u[d] * v[d];
    return (s0 + s1) + (s2 + s3);
}
} // namespace recoscope::sim
