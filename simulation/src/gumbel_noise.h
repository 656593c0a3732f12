#pragma once

// The Gumbel noise of the organic candidates, four lanes at a time. Not installed.
//
// Contract: gumbelNoise(u, n, out) gives out[c] == gumbelOne(u[c]) bit for bit for every
// c < n and every double u[c], where gumbelOne() is the scalar formula the shopper used
// before, -logf(-logf(float(u) + 1e-12f) + 1e-12f) with both logs core::exactLogf (that
// is, glibc's logf). NaN payloads included, as GCC compiles that formula (its -a + b is
// b - a). logfLanes<2>(x) (logf4) gives lane i == exactLogf(x[i]) for every lane;
// logfLanes<1> does so for lanes 0 and 1.
//
// How: logfLanes repeats exact_mathf_detail::logfCore's operations in its order: the
// integer part (table offset, exponent, reduced mantissa) in the four 32-bit lanes of an
// SSE2 register, the double part in __m128d pairs (cvtps2pd and cvtdq2pd are exact, as
// the scalar conversions are; cvtpd2ps rounds to nearest as cvtsd2ss does;
// -ffp-contract=off and intrinsics fuse nothing). A group with a lane outside logf's fast
// path (zero, subnormal, negative, infinite, NaN) is computed lane by lane with
// exactLogf, which asks glibc for those.
//
// Why: organicItem takes twelve logs per call (two per candidate, six candidates, 0.4
// calls a step on `default`): about 170 instructions a step one at a time, ~100 in lanes
// (docs/performance.md, branch shop6).

#include "recoscope/core/exact_mathf.h"

#include <cstdint>

#if defined(__x86_64__) || defined(_M_X64)
#include <emmintrin.h>
#endif

namespace recoscope::sim::detail {

/// The Gumbel noise of one uniform draw, one log at a time (the reference).
inline float gumbelOne(double u) {
    return -core::exactLogf(-core::exactLogf(static_cast<float>(u) + 1e-12f) + 1e-12f);
}

#if defined(__x86_64__) || defined(_M_X64)

/// Two copies of each double constant of logfCore, 16-byte aligned: a load each (or a
/// memory operand), not a movsd and an unpcklpd per use.
struct alignas(16) LogfPairs {
    double one[2], ln2[2], poly0[2], poly1[2], poly2[2];
};
inline constexpr LogfPairs kLogfPairs = {
    {1.0, 1.0},
    {core::exact_mathf_detail::kLn2, core::exact_mathf_detail::kLn2},
    {core::exact_mathf_detail::kLogPoly[0], core::exact_mathf_detail::kLogPoly[0]},
    {core::exact_mathf_detail::kLogPoly[1], core::exact_mathf_detail::kLogPoly[1]},
    {core::exact_mathf_detail::kLogPoly[2], core::exact_mathf_detail::kLogPoly[2]}};

/// exactLogf of the first 2 x Halves lanes of `x` (Halves 1 or 2); with Halves 1 the upper
/// two lanes of the result are unspecified and those of `x` are ignored.
template <int Halves> inline __m128 logfLanes(__m128 x) {
    namespace m = core::exact_mathf_detail;
    const __m128i ix = _mm_castps_si128(x);
    // Normal positive finite x only: as signed 32-bit words, [0x00800000, 0x7f7fffff].
    const __m128i outside = _mm_or_si128(_mm_cmplt_epi32(ix, _mm_set1_epi32(0x00800000)),
                                         _mm_cmpgt_epi32(ix, _mm_set1_epi32(0x7f7fffff)));
    constexpr int kLaneBytes = Halves == 2 ? 0xffff : 0x00ff;
    if ((_mm_movemask_epi8(outside) & kLaneBytes) != 0) [[unlikely]] {
        alignas(16) float lanes[4];
        _mm_store_ps(lanes, x);
        for (int i = 0; i < 2 * Halves; ++i)
            lanes[i] = core::exactLogf(lanes[i]);
        return _mm_load_ps(lanes);
    }
    const __m128i tmp = _mm_sub_epi32(ix, _mm_set1_epi32(static_cast<int>(m::kLogOff)));
    // The table index times sizeof(LogfEntry) (16): a byte offset, no shift per lane.
    static_assert(sizeof(m::LogfEntry) == 16);
    alignas(16) std::uint32_t offset[4];
    _mm_store_si128(reinterpret_cast<__m128i*>(offset),
                    _mm_and_si128(_mm_srli_epi32(tmp, 23 - 4 - 4), _mm_set1_epi32(15 << 4)));
    const __m128i k = _mm_srai_epi32(tmp, 23);
    const __m128i iz =
        _mm_sub_epi32(ix, _mm_and_si128(tmp, _mm_set1_epi32(static_cast<int>(0x1ffu << 23))));
    const __m128 zf = _mm_castsi128_ps(iz);
    const char* table = reinterpret_cast<const char*>(m::kLogTable);
    const LogfPairs& c = kLogfPairs;
    __m128 half[2];
    for (int h = 0; h < Halves; ++h) {
        const __m128d z = _mm_cvtps_pd(h == 0 ? zf : _mm_movehl_ps(zf, zf));
        const __m128d kd = _mm_cvtepi32_pd(h == 0 ? k : _mm_shuffle_epi32(k, 0xee));
        const auto* a = reinterpret_cast<const m::LogfEntry*>(table + offset[2 * h]);
        const auto* b = reinterpret_cast<const m::LogfEntry*>(table + offset[2 * h + 1]);
        const __m128d invc = _mm_loadh_pd(_mm_load_sd(&a->invc), &b->invc);
        const __m128d logc = _mm_loadh_pd(_mm_load_sd(&a->logc), &b->logc);
        // logfCore, line for line.
        const __m128d r = _mm_sub_pd(_mm_mul_pd(z, invc), _mm_load_pd(c.one));
        const __m128d y0 = _mm_add_pd(logc, _mm_mul_pd(kd, _mm_load_pd(c.ln2)));
        const __m128d r2 = _mm_mul_pd(r, r);
        __m128d y = _mm_add_pd(_mm_mul_pd(_mm_load_pd(c.poly1), r), _mm_load_pd(c.poly2));
        y = _mm_add_pd(_mm_mul_pd(_mm_load_pd(c.poly0), r2), y);
        half[h] = _mm_cvtpd_ps(_mm_add_pd(_mm_mul_pd(y, r2), _mm_add_pd(y0, r)));
    }
    return Halves == 2 ? _mm_movelh_ps(half[0], half[1]) : half[0];
}

/// exactLogf of each lane of `x`.
inline __m128 logf4(__m128 x) {
    return logfLanes<2>(x);
}

/// gumbelOne() of the first 2 x Halves of the uniforms (two pairs of doubles).
template <int Halves> inline __m128 gumbelLanes(__m128d u01, __m128d u23) {
    const __m128 sign = _mm_set1_ps(-0.0f), tiny = _mm_set1_ps(1e-12f);
    const __m128 f =
        Halves == 2 ? _mm_movelh_ps(_mm_cvtpd_ps(u01), _mm_cvtpd_ps(u23)) : _mm_cvtpd_ps(u01);
    const __m128 inner = logfLanes<Halves>(_mm_add_ps(f, tiny));
    // -inner + tiny as tiny - inner: what GCC makes of the scalar formula (equal for every
    // non-NaN inner; for a NaN it keeps inner's sign, as subss does).
    return _mm_xor_ps(logfLanes<Halves>(_mm_sub_ps(tiny, inner)), sign);
}

#endif

/// out[c] = gumbelOne(u[c]) for c < n.
inline void gumbelNoise(const double* u, int n, float* out) {
    int c = 0;
#if defined(__x86_64__) || defined(_M_X64)
    for (; c + 4 <= n; c += 4)
        _mm_storeu_ps(out + c, gumbelLanes<2>(_mm_loadu_pd(u + c), _mm_loadu_pd(u + c + 2)));
    if (c + 2 <= n) { // a pair left: half the work of a group of four
        const __m128 pair = gumbelLanes<1>(_mm_loadu_pd(u + c), _mm_setzero_pd());
        _mm_storel_pi(reinterpret_cast<__m64*>(out + c), pair);
        c += 2;
    }
#endif
    for (; c < n; ++c)
        out[c] = gumbelOne(u[c]);
}

} // namespace recoscope::sim::detail
