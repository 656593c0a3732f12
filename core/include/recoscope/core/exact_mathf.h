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
