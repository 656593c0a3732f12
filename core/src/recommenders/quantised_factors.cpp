#include "quantised_factors.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#define RECOSCOPE_X86 1
#endif

namespace recoscope::core::kit {

namespace {

// Round to the nearest integer (ties to even) for |x| <= 2^22 without a libm call:
// adding 1.5 * 2^23 leaves no fraction bits, so the addition itself rounds. Exact IEEE
// arithmetic (no -ffast-math in this project), so the subtraction gives rint(x) back.
inline float roundNearest(float x) {
    constexpr float kMagic = 12582912.0f; // 1.5 * 2^23
    return (x + kMagic) - kMagic;
}

// Why int32 never overflows: |q8| <= 127, |u16| <= 32767, so a product is below 2^22 and
// a sum over at most 256 factors (the cores' largest `factors`) below 2^30. pmaddwd would
// only wrap for -32768 * -32768 twice, which the clamps exclude.
void dotsPortable(const std::int8_t* data, std::size_t blocks, std::size_t pairs,
                  const std::uint32_t* uPairs, std::int32_t* out) {
    constexpr std::size_t lanes = QuantisedFactors::kLanes;
    for (std::size_t b = 0; b < blocks; ++b) {
        std::int32_t acc[lanes] = {};
        const std::int8_t* block = data + b * pairs * 2 * lanes;
        for (std::size_t p = 0; p < pairs; ++p) {
            const auto lo = static_cast<std::int16_t>(uPairs[p] & 0xffffu);
            const auto hi = static_cast<std::int16_t>(uPairs[p] >> 16);
            const std::int8_t* x = block + p * 2 * lanes;
            for (std::size_t l = 0; l < lanes; ++l)
                acc[l] += x[2 * l] * lo + x[2 * l + 1] * hi;
        }
        std::memcpy(out + b * lanes, acc, sizeof acc);
    }
}

#ifdef RECOSCOPE_X86
// SSE2 (every x86-64): 4 items per register. Sign extension of 8 bytes to 8 int16 by
// duplicating each byte and shifting right arithmetically (pmovsxbw is SSE4.1).
void dotsSse2(const std::int8_t* data, std::size_t blocks, std::size_t pairs,
              const std::uint32_t* uPairs, std::int32_t* out) {
    constexpr std::size_t lanes = QuantisedFactors::kLanes;
    const std::size_t stride = pairs * 2 * lanes;
    for (std::size_t b = 0; b < blocks; ++b) {
        __m128i a0 = _mm_setzero_si128(), a1 = a0, a2 = a0, a3 = a0;
        const std::int8_t* block = data + b * stride;
        for (std::size_t p = 0; p < pairs; ++p) {
            const __m128i w = _mm_set1_epi32(static_cast<int>(uPairs[p]));
            const std::int8_t* x = block + p * 2 * lanes;
            auto part = [&](int o) {
                long long bytes; // 8 int8, loaded whole: no uninitialised upper half
                std::memcpy(&bytes, x + o, sizeof bytes);
                __m128i v = _mm_cvtsi64_si128(bytes);
                v = _mm_srai_epi16(_mm_unpacklo_epi8(v, v), 8);
                return _mm_madd_epi16(v, w);
            };
            a0 = _mm_add_epi32(a0, part(0));
            a1 = _mm_add_epi32(a1, part(8));
            a2 = _mm_add_epi32(a2, part(16));
            a3 = _mm_add_epi32(a3, part(24));
        }
        std::memcpy(out + b * lanes, &a0, 16);
        std::memcpy(out + b * lanes + 4, &a1, 16);
        std::memcpy(out + b * lanes + 8, &a2, 16);
        std::memcpy(out + b * lanes + 12, &a3, 16);
    }
}

// 8 items' pair sums: 16 int8 sign-extended to int16, times the query pair (pmaddwd).
__attribute__((target("avx2"))) inline __m256i partAvx2(const std::int8_t* x, __m256i w) {
    __m128i v;
    std::memcpy(&v, x, 16);
    return _mm256_madd_epi16(_mm256_cvtepi8_epi16(v), w);
}

// AVX2: 8 items per register, four blocks (eight accumulators) at a time so the adds of
// one pair overlap; one broadcast of the query pair serves all eight.
__attribute__((target("avx2"))) void dotsAvx2(const std::int8_t* data, std::size_t blocks,
                                              std::size_t pairs, const std::uint32_t* uPairs,
                                              std::int32_t* out) {
    constexpr std::size_t lanes = QuantisedFactors::kLanes;
    const std::size_t stride = pairs * 2 * lanes;
    std::size_t b = 0;
    // Named accumulators (an array of them made GCC 12 copy registers every iteration).
    for (; b + 4 <= blocks; b += 4) {
        __m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0,
                a7 = a0;
        const std::int8_t* x = data + b * stride;
        for (std::size_t p = 0; p < pairs; ++p, x += 2 * lanes) {
            const __m256i w = _mm256_set1_epi32(static_cast<int>(uPairs[p]));
            a0 = _mm256_add_epi32(a0, partAvx2(x, w));
            a1 = _mm256_add_epi32(a1, partAvx2(x + 16, w));
            a2 = _mm256_add_epi32(a2, partAvx2(x + stride, w));
            a3 = _mm256_add_epi32(a3, partAvx2(x + stride + 16, w));
            a4 = _mm256_add_epi32(a4, partAvx2(x + 2 * stride, w));
            a5 = _mm256_add_epi32(a5, partAvx2(x + 2 * stride + 16, w));
            a6 = _mm256_add_epi32(a6, partAvx2(x + 3 * stride, w));
            a7 = _mm256_add_epi32(a7, partAvx2(x + 3 * stride + 16, w));
        }
        std::int32_t* o = out + b * lanes;
        std::memcpy(o, &a0, 32);
        std::memcpy(o + 8, &a1, 32);
        std::memcpy(o + 16, &a2, 32);
        std::memcpy(o + 24, &a3, 32);
        std::memcpy(o + 32, &a4, 32);
        std::memcpy(o + 40, &a5, 32);
        std::memcpy(o + 48, &a6, 32);
        std::memcpy(o + 56, &a7, 32);
    }
    for (; b < blocks; ++b) {
        __m256i a0 = _mm256_setzero_si256(), a1 = a0;
        const std::int8_t* x0 = data + b * stride;
        for (std::size_t p = 0; p < pairs; ++p) {
            const __m256i w = _mm256_set1_epi32(static_cast<int>(uPairs[p]));
            a0 = _mm256_add_epi32(a0, partAvx2(x0 + p * 2 * lanes, w));
            a1 = _mm256_add_epi32(a1, partAvx2(x0 + p * 2 * lanes + 16, w));
        }
        std::memcpy(out + b * lanes, &a0, 32);
        std::memcpy(out + b * lanes + 8, &a1, 32);
    }
    _mm256_zeroupper(); // GCC's own only from -O2 (see block_mt19937.cpp's wideTwist)
}

// A block's 16 pair sums: 32 int8 sign-extended to int16, times the query pair.
__attribute__((target("avx512bw"))) inline __m512i partAvx512(const std::int8_t* x, __m512i w) {
    __m256i v;
    std::memcpy(&v, x, 32);
    return _mm512_madd_epi16(_mm512_cvtepi8_epi16(v), w);
}

// AVX-512BW: a whole block (16 items) per register, four blocks at a time.
__attribute__((target("avx512bw"))) void dotsAvx512(const std::int8_t* data, std::size_t blocks,
                                                    std::size_t pairs, const std::uint32_t* uPairs,
                                                    std::int32_t* out) {
    constexpr std::size_t lanes = QuantisedFactors::kLanes;
    const std::size_t stride = pairs * 2 * lanes;
    std::size_t b = 0;
    for (; b + 4 <= blocks; b += 4) {
        __m512i a0 = _mm512_setzero_si512(), a1 = a0, a2 = a0, a3 = a0;
        const std::int8_t* p0 = data + b * stride;
        for (std::size_t p = 0; p < pairs; ++p) {
            const __m512i w = _mm512_set1_epi32(static_cast<int>(uPairs[p]));
            const std::int8_t* x = p0 + p * 2 * lanes;
            a0 = _mm512_add_epi32(a0, partAvx512(x, w));
            a1 = _mm512_add_epi32(a1, partAvx512(x + stride, w));
            a2 = _mm512_add_epi32(a2, partAvx512(x + 2 * stride, w));
            a3 = _mm512_add_epi32(a3, partAvx512(x + 3 * stride, w));
        }
        std::memcpy(out + b * lanes, &a0, 64);
        std::memcpy(out + (b + 1) * lanes, &a1, 64);
        std::memcpy(out + (b + 2) * lanes, &a2, 64);
        std::memcpy(out + (b + 3) * lanes, &a3, 64);
    }
    for (; b < blocks; ++b) {
        __m512i a0 = _mm512_setzero_si512();
        const std::int8_t* x0 = data + b * stride;
        for (std::size_t p = 0; p < pairs; ++p)
            a0 = _mm512_add_epi32(
                a0, partAvx512(x0 + p * 2 * lanes, _mm512_set1_epi32(static_cast<int>(uPairs[p]))));
        std::memcpy(out + b * lanes, &a0, 64);
    }
    _mm256_zeroupper(); // GCC's own only from -O2 (see block_mt19937.cpp's wideTwist)
}
#endif

} // namespace

DotIsa bestDotIsa() {
#ifdef RECOSCOPE_X86
    if (__builtin_cpu_supports("avx512bw"))
        return DotIsa::Avx512;
    if (__builtin_cpu_supports("avx2"))
        return DotIsa::Avx2;
    return DotIsa::Sse2;
#else
    return DotIsa::Portable;
#endif
}

void QuantisedFactors::reset(std::size_t items, int dim) {
    m_dim = dim;
    m_items = items;
    m_pairs = (static_cast<std::size_t>(dim) + 1) / 2;
    m_isa = bestDotIsa();
    m_data.assign(blocks() * kLanes * 2 * m_pairs, 0);
    m_scale.assign(blocks() * kLanes, 0.0f);
    m_bad.assign(items, 0);
    m_row.assign(2 * m_pairs, 0);
    m_nonFinite = 0;
    m_dirtyFlag.assign(items, 0);
    m_dirty.clear();
    m_all = true;
}

void QuantisedFactors::sync(const float* q) {
    if (m_all) {
        for (ItemId i = 0; i < m_items; ++i)
            quantiseRow(q, i);
        m_all = false;
    } else {
        for (ItemId i : m_dirty)
            quantiseRow(q, i);
    }
    for (ItemId i : m_dirty)
        m_dirtyFlag[i] = 0;
    m_dirty.clear();
}

// The scale is the row's largest magnitude over 127, floored at FLT_MIN so that 1/s is
// finite and q / s never exceeds 127 (a row of zeros or of subnormals still quantises).
// The residual bound of the header: q8 = rint(fl(q * fl(1/s))), and the two roundings of
// that product put it within 2 eps (1 + eps) |q / s| <= 254.1 eps of q / s (|q / s| <=
// 127 / (1 - eps), as fl(m / 127) >= (m / 127)(1 - eps)), so |q / s - q8| <= 0.5 + 254.1
// eps: |q - s q8| <= s (0.5 + 255 eps). The clamp to +-127 never moves a value by more
// (|fl(q / s)| <= 127.0001 rounds to 127).
// One row into int8 `v` (dim entries); returns s, or -1 for a row with a NaN or an
// infinity. The largest magnitude comes from the bit patterns: for non-negative floats
// the integer order is the numeric order, and NaN and infinity are the patterns from
// 0x7f800000 up. Built for AVX2 too (integer max and rounding vectorise there): this
// runs for every dirty row, ~200 per event for mf-sgd (100 negatives, replayed once).
__attribute__((target_clones("avx2", "default"))) float quantiseInto(const float* row, int dim,
                                                                     std::int8_t* v) {
    std::uint32_t top = 0;
    for (int j = 0; j < dim; ++j) {
        std::uint32_t bits;
        std::memcpy(&bits, row + j, sizeof bits);
        top = std::max(top, bits & 0x7fffffffu);
    }
    if (top >= 0x7f800000u)
        return -1.0f;
    float m;
    std::memcpy(&m, &top, sizeof m);
    const float s = std::max(m / static_cast<float>(QuantisedFactors::kMaxQ), FLT_MIN);
    const float inv = 1.0f / s;
    constexpr auto limit = static_cast<float>(QuantisedFactors::kMaxQ);
    for (int j = 0; j < dim; ++j)
        v[j] = static_cast<std::int8_t>(std::clamp(roundNearest(row[j] * inv), -limit, limit));
    return s;
}

void QuantisedFactors::quantiseRow(const float* q, ItemId i) {
    const float* row = q + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_dim);
    std::int8_t* v = m_row.data(); // 2 * pairs; when dim is odd the last stays 0 (reset)
    float s = quantiseInto(row, m_dim, v);
    const bool finite = s >= 0.0f;
    if (finite && m_bad[i]) {
        m_bad[i] = 0;
        --m_nonFinite;
    } else if (!finite && !m_bad[i]) {
        m_bad[i] = 1;
        ++m_nonFinite;
    }
    if (!finite) { // stored as zeros, never used while nonFinite() > 0
        std::memset(v, 0, m_row.size());
        s = 0.0f;
    }
    std::int8_t* base = m_data.data() + (i / kLanes) * kLanes * 2 * m_pairs + 2 * (i % kLanes);
    for (std::size_t p = 0; p < m_pairs; ++p)
        std::memcpy(base + p * 2 * kLanes, v + 2 * p, 2);
    m_scale[i] = s;
}

int QuantisedFactors::value(ItemId i, int j) const {
    return m_data[(i / kLanes) * kLanes * 2 * m_pairs +
                  static_cast<std::size_t>(j / 2) * 2 * kLanes + 2 * (i % kLanes) +
                  static_cast<std::size_t>(j % 2)];
}

void QuantisedFactors::dots(std::size_t first, std::size_t count, const std::uint32_t* uPairs,
                            std::int32_t* out) const {
    const std::int8_t* data = m_data.data() + first * kLanes * 2 * m_pairs;
    switch (m_isa) {
#ifdef RECOSCOPE_X86
    case DotIsa::Avx512:
        dotsAvx512(data, count, m_pairs, uPairs, out);
        return;
    case DotIsa::Avx2:
        dotsAvx2(data, count, m_pairs, uPairs, out);
        return;
    case DotIsa::Sse2:
        dotsSse2(data, count, m_pairs, uPairs, out);
        return;
#endif
    default:
        dotsPortable(data, count, m_pairs, uPairs, out);
    }
}

} // namespace recoscope::core::kit
