#pragma once
// Inline float exp, log and exp2 that return exactly what glibc's expf, logf and exp2f
// return, for every float input, on any x86-64 CPU (decisions/0056).
//
// Contract: exactExpf(x) == std::exp(x), exactLogf(x) == std::log(x) and
// exactExp2f(x) == std::exp2(x), bit for bit (NaN payloads included), for every float x,
// whichever variant glibc's ifunc picks (the FMA one or the plain SSE2 one), as verified
// for glibc 2.36 (Debian 12) over all 2^32 inputs; tst_exact_mathf re-checks the hardest
// inputs wherever the suite runs. Pure functions: no state, no errno of their own (glibc
// sets ERANGE only outside the fast paths, where it is still called), any thread.
//
// How: glibc 2.27+ computes these three with ARM's optimized-routines algorithms
// (math/expf.c, math/logf.c, math/exp2f.c, MIT/Apache-2.0): a table lookup and a short
// polynomial in double, then one rounding to float. The fast paths below repeat those
// double operations in the same order with the same constants (the build has
// -ffp-contract=off, so nothing is fused): that is glibc's plain (SSE2) variant exactly.
// Its FMA variant (picked on CPUs with FMA and AVX2) fuses some of the operations and may
// differ in the last double bits, which changes the float only when the double lies within
// a few ulps of a rounding boundary. Over all 2^32 inputs (recoscope-bench-mathf --all,
// once under each variant) the two variants and these fast paths agree everywhere except
// for expf at two floats, x = -0x1.f8cbb2p+5 and 0x1.04845ep+5 (|x| > 32.5), where the
// variants disagree with each other. So the fast paths cover exp on |x| < 32, log on
// normal positive x and exp2 on |x| < 125, and everything else (NaN, infinities, zero,
// negatives for log, subnormals, large |x|) calls glibc. A margin test on the double
// (defer to glibc within 2^-40 of a boundary) would prove the same without the exhaustive
// sweep but costs 5 instructions a call, +81 per simulator step (decisions/0056);
// tests/core/tst_exact_mathf.cpp re-checks the hardest inputs on every build machine.
//
// Why: the simulator calls these about twenty times a step; the libm calls cost a PLT
// jump, the call and the caller's spills of every live SSE register (docs/performance.md,
// "Fourth round, branch mathf4").

#include <bit>
#include <cmath>
#include <cstdint>

#if defined(__x86_64__) || defined(_M_X64)
#include <emmintrin.h>
#endif

namespace recoscope::core {

namespace exact_mathf_detail {

// optimized-routines math/exp2f_data.c (EXP2F_TABLE_BITS = 5): the bits of 2^(i/32),
// minus i << 47, so that adding k << 47 scales by 2^(k/32).
inline constexpr int kExpBits = 5;
inline constexpr std::uint64_t kExp2Table[1 << kExpBits] = {
    0x3ff0000000000000, 0x3fefd9b0d3158574, 0x3fefb5586cf9890f, 0x3fef9301d0125b51,
    0x3fef72b83c7d517b, 0x3fef54873168b9aa, 0x3fef387a6e756238, 0x3fef1e9df51fdee1,
    0x3fef06fe0a31b715, 0x3feef1a7373aa9cb, 0x3feedea64c123422, 0x3feece086061892d,
    0x3feebfdad5362a27, 0x3feeb42b569d4f82, 0x3feeab07dd485429, 0x3feea47eb03a5585,
    0x3feea09e667f3bcd, 0x3fee9f75e8ec5f74, 0x3feea11473eb0187, 0x3feea589994cce13,
    0x3feeace5422aa0db, 0x3feeb737b0cdc5e5, 0x3feec49182a3f090, 0x3feed503b23e255d,
    0x3feee89f995ad3ad, 0x3feeff76f2fb5e47, 0x3fef199bdd85529c, 0x3fef3720dcef9069,
    0x3fef5818dcfba487, 0x3fef7c97337b9b5f, 0x3fefa4afa2a490da, 0x3fefd0765b6e4540,
};
inline constexpr double kExpN = 1 << kExpBits;
inline constexpr double kShift = 0x1.8p+52;
inline constexpr double kShiftScaled = 0x1.8p+52 / kExpN;
inline constexpr double kInvLn2N = 0x1.71547652b82fep+0 * kExpN;
// exp2(r) ~ C0 r^3 + C1 r^2 + C2 r + 1; expf uses them scaled by 1/N, 1/N^2, 1/N^3
// (exact: powers of two).
inline constexpr double kExp2Poly[3] = {0x1.c6af84b912394p-5, 0x1.ebfce50fac4f3p-3,
                                        0x1.62e42ff0c52d6p-1};
inline constexpr double kExpPoly[3] = {kExp2Poly[0] / kExpN / kExpN / kExpN,
                                       kExp2Poly[1] / kExpN / kExpN, kExp2Poly[2] / kExpN};

// optimized-routines math/logf_data.c (LOGF_TABLE_BITS = 4): 1/c and log(c) for c near
// the centre of each of the 16 sub-intervals of [0x3f330000, 2 x 0x3f330000).
struct LogfEntry {
    double invc;
    double logc;
};
inline constexpr LogfEntry kLogTable[16] = {
    {0x1.661ec79f8f3bep+0, -0x1.57bf7808caadep-2}, {0x1.571ed4aaf883dp+0, -0x1.2bef0a7c06ddbp-2},
    {0x1.49539f0f010bp+0, -0x1.01eae7f513a67p-2},  {0x1.3c995b0b80385p+0, -0x1.b31d8a68224e9p-3},
    {0x1.30d190c8864a5p+0, -0x1.6574f0ac07758p-3}, {0x1.25e227b0b8eap+0, -0x1.1aa2bc79c81p-3},
    {0x1.1bb4a4a1a343fp+0, -0x1.a4e76ce8c0e5ep-4}, {0x1.12358f08ae5bap+0, -0x1.1973c5a611cccp-4},
    {0x1.0953f419900a7p+0, -0x1.252f438e10c1ep-5}, {0x1p+0, 0x0p+0},
    {0x1.e608cfd9a47acp-1, 0x1.aa5aa5df25984p-5},  {0x1.ca4b31f026aap-1, 0x1.c5e53aa362eb4p-4},
    {0x1.b2036576afce6p-1, 0x1.526e57720db08p-3},  {0x1.9c2d163a1aa2dp-1, 0x1.bc2860d22477p-3},
    {0x1.886e6037841edp-1, 0x1.1058bc8a07ee1p-2},  {0x1.767dcf5534862p-1, 0x1.4043057b6ee09p-2},
};
inline constexpr double kLn2 = 0x1.62e42fefa39efp-1;
inline constexpr double kLogPoly[3] = {-0x1.00ea348b88334p-2, 0x1.5575b0be00b6ap-2,
                                       -0x1.ffffef20a4123p-2};
inline constexpr std::uint32_t kLogOff = 0x3f330000;

/// round(z) to the nearest integer, ties to even (|z| < 2^31): what adding and
/// subtracting 1.5 x 2^52 does in optimized-routines, in one instruction on x86-64.
inline std::int64_t roundToInt(double z) {
#if defined(__x86_64__) || defined(_M_X64)
    return _mm_cvtsd_si64(_mm_set_sd(z));
#else
    return std::bit_cast<std::int64_t>(z + kShift) - std::bit_cast<std::int64_t>(kShift);
#endif
}

/// 2^(k/N) from the table: the bits of 2^((k mod N)/N) plus k << 47 (two's complement
/// k: the exponent field takes floor(k/N)).
inline double exp2Scale(std::int64_t k) {
    return std::bit_cast<double>(kExp2Table[k & ((1 << kExpBits) - 1)] +
                                 (static_cast<std::uint64_t>(k) << (52 - kExpBits)));
}

/// The fast paths' domains (beyond them, glibc is called): see the header comment.
inline constexpr float kExpDomain = 32.0f;
inline constexpr float kExp2Domain = 125.0f;

/// The double that glibc's expf rounds to float, for |x| < 88 (not NaN).
inline double expfCore(float x) {
    // x N / ln2 = k + r, |r| <= 1/2; exp(x) = 2^(k/N) 2^(r/N).
    const double z = kInvLn2N * static_cast<double>(x);
    const std::int64_t k = roundToInt(z);
    const double r = z - static_cast<double>(k);
    const double s = exp2Scale(k);
    const double p = kExpPoly[0] * r + kExpPoly[1];
    const double r2 = r * r;
    double y = kExpPoly[2] * r + 1;
    y = p * r2 + y;
    return y * s;
}

/// expf's fast path: false (out untouched) when the caller must ask glibc.
inline bool tryExpf(float x, float& out) {
    // |x| < 32: every such float is proved equal to both glibc variants (the only two
    // floats where they differ from each other have |x| > 32.5); NaN fails.
    if (!(std::fabs(x) < kExpDomain))
        return false;
    out = static_cast<float>(expfCore(x));
    return true;
}

/// The double that glibc's exp2f rounds to float, for |x| < 128 (not NaN).
inline double exp2fCore(float x) {
    // x = k/N + r, |r| <= 1/(2N); x N and k/N are exact (powers of two).
    const double xd = x;
    const std::int64_t k = roundToInt(xd * kExpN);
    const double r = xd - static_cast<double>(k) * (1.0 / kExpN);
    const double s = exp2Scale(k);
    const double p = kExp2Poly[0] * r + kExp2Poly[1];
    const double r2 = r * r;
    double y = kExp2Poly[2] * r + 1;
    y = p * r2 + y;
    return y * s;
}

#if defined(__x86_64__) || defined(_M_X64)
/// expfCore's constants in both lanes of an SSE2 register, and the domain test's masks.
struct ExpPairConstants {
    __m128d invLn2N, poly0, poly1, poly2, one;
    __m128i indexMask;
    __m128 absMask, domain;
};

inline ExpPairConstants expPairConstants() {
    ExpPairConstants c{_mm_set1_pd(kInvLn2N),
                       _mm_set1_pd(kExpPoly[0]),
                       _mm_set1_pd(kExpPoly[1]),
                       _mm_set1_pd(kExpPoly[2]),
                       _mm_set1_pd(1.0),
                       _mm_set1_epi32((1 << kExpBits) - 1),
                       _mm_castsi128_ps(_mm_set1_epi32(0x7fffffff)),
                       _mm_set1_ps(kExpDomain)};
#if defined(__GNUC__)
    // Values the optimiser cannot see through, so that a loop holds them in registers:
    // GCC builds each known two-lane constant from 8 bytes (movsd, unpcklpd) and, in a
    // function as large as the slate choice, did that again on every pair (10
    // instructions a pair) instead of once before the loop.
    asm("" : "+x"(c.invLn2N), "+x"(c.poly0), "+x"(c.poly1), "+x"(c.poly2), "+x"(c.one));
    asm("" : "+x"(c.indexMask), "+x"(c.absMask), "+x"(c.domain));
#endif
    return c;
}

/// expfCore of lanes 0 and 1 of x, rounded to float, in lanes 0 and 1 of the result, for
/// |x| < 88 (not NaN) in those lanes; other lanes' inputs are ignored. Each lane is
/// expfCore's double operations in expfCore's order: SSE2's packed mul/add/sub/convert
/// round each lane as their scalar forms do, cvtpd2dq rounds by MXCSR like cvtsd2si
/// (ties to even by default; k fits in 32 bits for |x| < 88), and the table is read per
/// lane. Inputs out of that range give some value, never a trap (exceptions are masked).
inline __m128 expfCore2(__m128 x, const ExpPairConstants& c) {
    const __m128d z = _mm_mul_pd(c.invLn2N, _mm_cvtps_pd(x));
    const __m128i k = _mm_cvtpd_epi32(z);
    const __m128d r = _mm_sub_pd(z, _mm_cvtepi32_pd(k));
    // exp2Scale per lane: the table entries of k & 31, plus k << 47 (only k's low 17 bits
    // reach the result, so the high half of each 64-bit lane may hold anything).
    const auto i = static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_and_si128(k, c.indexMask)));
    const __m128i bits = _mm_set_epi64x(static_cast<std::int64_t>(kExp2Table[i >> 32]),
                                        static_cast<std::int64_t>(kExp2Table[i & 0xffffffffu]));
    const __m128d s = _mm_castsi128_pd(
        _mm_add_epi64(bits, _mm_slli_epi64(_mm_unpacklo_epi32(k, k), 52 - kExpBits)));
    const __m128d p = _mm_add_pd(_mm_mul_pd(c.poly0, r), c.poly1);
    const __m128d r2 = _mm_mul_pd(r, r);
    __m128d y = _mm_add_pd(_mm_mul_pd(c.poly2, r), c.one);
    y = _mm_add_pd(_mm_mul_pd(p, r2), y);
    return _mm_cvtpd_ps(_mm_mul_pd(y, s));
}

/// Whether all four lanes of v lie in exp's fast-path domain (NaN does not).
inline bool inExpDomain(__m128 v, const ExpPairConstants& c) {
    return _mm_movemask_ps(_mm_cmplt_ps(_mm_and_ps(v, c.absMask), c.domain)) == 0xf;
}

/// tryExpf for x[0] and x[1] together: false (out untouched) unless both lie in the
/// domain; then out[i] is what tryExpf(x[i], out[i]) gives.
inline bool tryExpf2(const float* x, float* out, const ExpPairConstants& c) {
    // movq: lanes 2 and 3 are zero, inside the domain.
    const __m128 v = _mm_castsi128_ps(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(x)));
    if (!inExpDomain(v, c))
        return false;
    _mm_storel_epi64(reinterpret_cast<__m128i*>(out), _mm_castps_si128(expfCore2(v, c)));
    return true;
}

/// tryExpf2 for x[0..3] (two pairs under one domain test), then out[i] = scale[i] times
/// the exp of x[i]: one float product per lane, the scalar `scale * exactExpf(x)`.
inline bool tryScaledExpf4(const float* x, const float* scale, float* out,
                           const ExpPairConstants& c) {
    const __m128 v = _mm_loadu_ps(x);
    if (!inExpDomain(v, c))
        return false;
    const __m128 e = _mm_movelh_ps(expfCore2(v, c), expfCore2(_mm_movehl_ps(v, v), c));
    _mm_storeu_ps(out, _mm_mul_ps(_mm_loadu_ps(scale), e));
    return true;
}
#else
struct ExpPairConstants {};
inline ExpPairConstants expPairConstants() {
    return {};
}
inline bool tryExpf2(const float* x, float* out, const ExpPairConstants&) {
    if (!(std::fabs(x[0]) < kExpDomain) || !(std::fabs(x[1]) < kExpDomain))
        return false;
    out[0] = static_cast<float>(expfCore(x[0]));
    out[1] = static_cast<float>(expfCore(x[1]));
    return true;
}
inline bool tryScaledExpf4(const float* x, const float* scale, float* out,
                           const ExpPairConstants& c) {
    float e[4];
    if (!(std::fabs(x[2]) < kExpDomain) || !(std::fabs(x[3]) < kExpDomain) || !tryExpf2(x, e, c) ||
        !tryExpf2(x + 2, e + 2, c))
        return false;
    for (int i = 0; i < 4; ++i)
        out[i] = scale[i] * e[i];
    return true;
}
#endif

/// exp2f's fast path: false (out untouched) when the caller must ask glibc.
inline bool tryExp2f(float x, float& out) {
    // |x| < 125: glibc's main path (|x| < 128), a normal float result; NaN fails.
    if (!(std::fabs(x) < kExp2Domain))
        return false;
    out = static_cast<float>(exp2fCore(x));
    return true;
}

/// The double that glibc's logf rounds to float, for a normal positive finite x.
inline double logfCore(float x) {
    const std::uint32_t ix = std::bit_cast<std::uint32_t>(x);
    // x = 2^k z, z in [OFF, 2 OFF); log(x) = log1p(z/c - 1) + log(c) + k ln2.
    const std::uint32_t tmp = ix - kLogOff;
    const std::uint32_t i = (tmp >> (23 - 4)) % 16;
    const int k = static_cast<std::int32_t>(tmp) >> 23;
    const std::uint32_t iz = ix - (tmp & (0x1ffu << 23));
    const double invc = kLogTable[i].invc;
    const double logc = kLogTable[i].logc;
    const double z = std::bit_cast<float>(iz);
    const double r = z * invc - 1;
    const double y0 = logc + static_cast<double>(k) * kLn2;
    const double r2 = r * r;
    double y = kLogPoly[1] * r + kLogPoly[2];
    y = kLogPoly[0] * r2 + y;
    return y * r2 + (y0 + r);
}

/// logf's fast path: false (out untouched) when the caller must ask glibc.
inline bool tryLogf(float x, float& out) {
    // Normal positive finite x only (zero, subnormals, negatives, inf and NaN to glibc).
    if (std::bit_cast<std::uint32_t>(x) - 0x00800000u >= 0x7f800000u - 0x00800000u)
        return false;
    out = static_cast<float>(logfCore(x));
    return true;
}

} // namespace exact_mathf_detail

/// std::exp(x) for a float x, bit for bit, inline.
inline float exactExpf(float x) {
    float y = 0.0f;
    return exact_mathf_detail::tryExpf(x, y) ? y : std::exp(x);
}

/// exactExpf of two floats at once: y[0] == exactExpf(x[0]) and y[1] == exactExpf(x[1]),
/// bit for bit, for every pair of floats. When both |x[i]| < 32 (exp's fast-path domain)
/// the two are computed together in SSE2's two double lanes, each lane doing exactly
/// exactExpf's double operations; otherwise each goes through exactExpf. Construct one
/// before a loop: it holds the constants (in registers, as long as the loop leaves room).
/// Why: two exps for about the instructions of one and a half (decisions/0056).
class ExactExpf2 {
public:
    ExactExpf2() : m_constants(exact_mathf_detail::expPairConstants()) {}

    /// The fast path alone, for callers that treat out-of-domain inputs otherwise: true
    /// with y[i] == exactExpf(x[i]) when both |x[i]| < 32, else false with y untouched.
    bool tryBoth(const float* x, float* y) const {
        return exact_mathf_detail::tryExpf2(x, y, m_constants);
    }

    /// The fast path for x[0..3] (two pairs, one domain test: all four or none), each
    /// result times scale[i]: y[i] == scale[i] * exactExpf(x[i]), bit for bit.
    bool tryScaledFour(const float* x, const float* scale, float* y) const {
        return exact_mathf_detail::tryScaledExpf4(x, scale, y, m_constants);
    }

    void operator()(const float* x, float* y) const {
        if (!tryBoth(x, y)) {
            y[0] = exactExpf(x[0]);
            y[1] = exactExpf(x[1]);
        }
    }

private:
    exact_mathf_detail::ExpPairConstants m_constants;
};

/// std::exp2(x) for a float x, bit for bit, inline.
inline float exactExp2f(float x) {
    float y = 0.0f;
    return exact_mathf_detail::tryExp2f(x, y) ? y : std::exp2(x);
}

/// std::log(x) for a float x, bit for bit, inline.
inline float exactLogf(float x) {
    float y = 0.0f;
    return exact_mathf_detail::tryLogf(x, y) ? y : std::log(x);
}

} // namespace recoscope::core
