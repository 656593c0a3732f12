#include "slate_check_wide.h"

#include <cstdint>
#include <limits>

#if defined(RECOSCOPE_WIDE_SLATE_CHECK)
#include <immintrin.h>
#endif

namespace recoscope::core::detail {

#if defined(RECOSCOPE_WIDE_SLATE_CHECK)

namespace {

// The field tests of slate_check.cpp's SSE2 verdict (see the comment on its WordConstants:
// fail = ((x & A) + C > T - 1) and not ((x & 0x7fffffff) > U), signed 32-bit lanes), eight
// lanes at a time. A slate of n entries is 3n words, item, score, propensity; word w has
// field w mod 3, so eight-word registers follow three patterns (24 = lcm(8, 3)): register
// k has pattern k mod 3.
constexpr std::uint32_t kAll = 0xffffffffu, kAbs = 0x7fffffffu, kSign = 0x80000000u;
constexpr std::uint32_t kScoreT = 0x7f800000u - kSign - 1, kPropT = 0x3f800000u - kSign - 1;
constexpr std::uint32_t kNever = 0x7fffffffu, kNaNAbove = 0x7f800000u;

struct alignas(32) Pattern {
    std::uint32_t a[8], c[8], u[8], t[8], items[8];
};
constexpr Pattern makePattern(int first) {
    Pattern p{};
    for (int lane = 0; lane < 8; ++lane) {
        const int field = (first + lane) % 3; // 0 item, 1 score, 2 propensity
        p.a[lane] = field == 1 ? kAbs : kAll;
        p.c[lane] = field == 2 ? kSign - 1 : kSign;
        p.u[lane] = field == 2 ? kNaNAbove : kNever;
        p.t[lane] = field == 0 ? 0 : field == 1 ? kScoreT : kPropT;
        p.items[lane] = field == 0 ? kAll : 0;
    }
    return p;
}
// Register k starts at word 8k: its first field is 8k mod 3 = 0, 2, 1 for k mod 3 = 0, 1, 2.
constexpr Pattern kPatterns[3] = {makePattern(0), makePattern(2), makePattern(1)};

// The item gather: entry i of a group of eight is word 3i, lane (3i) mod 8 of the group's
// register (3i) / 8; one permutation of each of the three registers puts every lane's id
// at position i, and two blends take positions 3-5 from the second, 6-7 from the third.
alignas(32) constexpr std::int32_t kGatherLane[8] = {0, 3, 6, 1, 4, 7, 2, 5};
constexpr int kBlendFromSecond = 0b00111000, kBlendFromThird = 0b11000000;

// Words and lanes past the end: 8 ones then 8 zeros, read from 8 - m for the first m lanes.
alignas(32) constexpr std::int32_t kFirstLanes[16] = {-1, -1, -1, -1, -1, -1, -1, -1,
                                                      0,  0,  0,  0,  0,  0,  0,  0};
// Distinct pads for the id lanes past the end (the 16 largest ids), eight per group.
alignas(32) constexpr std::uint32_t kPads[2][8] = {
    {kAll, kAll - 1, kAll - 2, kAll - 3, kAll - 4, kAll - 5, kAll - 6, kAll - 7},
    {kAll - 8, kAll - 9, kAll - 10, kAll - 11, kAll - 12, kAll - 13, kAll - 14, kAll - 15}};
alignas(32) constexpr std::int32_t kTurns[4][8] = {{1, 2, 3, 4, 5, 6, 7, 0},
                                                   {2, 3, 4, 5, 6, 7, 0, 1},
                                                   {3, 4, 5, 6, 7, 0, 1, 2},
                                                   {4, 5, 6, 7, 0, 1, 2, 3}};

[[gnu::target("avx2")]] inline __m256i load(const void* p) {
    return _mm256_load_si256(static_cast<const __m256i*>(p));
}

// All-ones lanes where the fields of x fail their tests (t holds T - 1 with the bound).
[[gnu::target("avx2")]] inline __m256i fieldsFail(__m256i x, const Pattern& p, __m256i t) {
    const __m256i f = _mm256_add_epi32(_mm256_and_si256(x, load(p.a)), load(p.c));
    const __m256i nan = _mm256_cmpgt_epi32(
        _mm256_and_si256(x, _mm256_set1_epi32(static_cast<int>(kAbs))), load(p.u));
    return _mm256_andnot_si256(nan, _mm256_cmpgt_epi32(f, t));
}

// Register r of a group (words 8r .. 8r + 7 of its 24, `left` of them in the slate): loads
// it, without reading past the slate's last word (masked lanes load 0 and never fault),
// and or-s the lanes whose fields fail into `fail`.
[[gnu::target("avx2")]] inline __m256i checked(const std::int32_t* words, std::ptrdiff_t left,
                                               const Pattern& p, __m256i t, __m256i& fail) {
    if (left >= 8) {
        const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(words));
        fail = _mm256_or_si256(fail, fieldsFail(x, p, t));
        return x;
    }
    if (left <= 0)
        return _mm256_setzero_si256();
    const __m256i mask =
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(kFirstLanes + 8 - left));
    const __m256i x = _mm256_maskload_epi32(words, mask);
    fail = _mm256_or_si256(fail, _mm256_and_si256(mask, fieldsFail(x, p, t)));
    return x;
}

// The ids of the group of up to eight entries at `words` (`left` words in the slate, m =
// min(8, left / 3) entries) with their fields checked into `fail`; pads in lanes >= m.
[[gnu::target("avx2")]] inline __m256i group(const std::int32_t* words, std::ptrdiff_t left,
                                             const __m256i t[3], __m256i& fail, int g) {
    const __m256i x0 = checked(words, left, kPatterns[0], t[0], fail);
    const __m256i x1 = checked(words + 8, left - 8, kPatterns[1], t[1], fail);
    const __m256i x2 = checked(words + 16, left - 16, kPatterns[2], t[2], fail);
    const __m256i gather = load(kGatherLane);
    __m256i v = _mm256_permutevar8x32_epi32(x0, gather);
    v = _mm256_blend_epi32(v, _mm256_permutevar8x32_epi32(x1, gather), kBlendFromSecond);
    v = _mm256_blend_epi32(v, _mm256_permutevar8x32_epi32(x2, gather), kBlendFromThird);
    if (left >= 24)
        return v;
    const __m256i firstM =
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(kFirstLanes + 8 - left / 3));
    return _mm256_blendv_epi8(load(kPads[g]), v, firstM);
}

// Lanes equal to another lane: turns by 1 to 4 meet all 28 pairs.
[[gnu::target("avx2")]] inline __m256i selfMatches(__m256i a) {
    __m256i hits = _mm256_cmpeq_epi32(a, _mm256_permutevar8x32_epi32(a, load(kTurns[0])));
    for (int t = 1; t < 4; ++t)
        hits = _mm256_or_si256(
            hits, _mm256_cmpeq_epi32(a, _mm256_permutevar8x32_epi32(a, load(kTurns[t]))));
    return hits;
}

// The verdict itself; wideSlateVerdict() below clears the upper halves after it.
[[gnu::target("avx2")]] inline bool verdictInRegisters(const SlateEntry* entries, std::size_t n,
                                                       std::size_t catalogueSize) {
    static_assert(sizeof(SlateEntry) == 12 && sizeof(ItemId) == 4);
    if (catalogueSize == 0)
        return false; // every id is outside (and T - 1 below would wrap)
    const __m256i bound =
        _mm256_set1_epi32(static_cast<int>(static_cast<std::uint32_t>(catalogueSize) - kSign - 1));
    __m256i t[3];
    for (int p = 0; p < 3; ++p)
        t[p] = _mm256_or_si256(load(kPatterns[p].t),
                               _mm256_and_si256(bound, load(kPatterns[p].items)));
    const auto* words = reinterpret_cast<const std::int32_t*>(entries);
    const auto count = static_cast<std::ptrdiff_t>(3 * n);
    __m256i fail = _mm256_setzero_si256();
    const __m256i first = group(words, count, t, fail, 0);
    if (n <= 8) {
        if (!_mm256_testz_si256(fail, fail))
            return false;
        const __m256i hits = selfMatches(first);
        return _mm256_testz_si256(hits, hits) != 0;
    }
    const __m256i second = group(words + 24, count - 24, t, fail, 1);
    if (!_mm256_testz_si256(fail, fail))
        return false;
    __m256i hits = _mm256_or_si256(selfMatches(first), selfMatches(second));
    for (std::size_t j = 0; j < n - 8; ++j)
        hits = _mm256_or_si256(
            hits, _mm256_cmpeq_epi32(first, _mm256_permutevar8x32_epi32(
                                                second, _mm256_set1_epi32(static_cast<int>(j)))));
    return _mm256_testz_si256(hits, hits) != 0;
}

} // namespace

[[gnu::target("avx2")]] bool wideSlateVerdict(const SlateEntry* entries, std::size_t n,
                                              std::size_t catalogueSize) {
    const bool wellFormed = verdictInRegisters(entries, n, catalogueSize);
    // GCC adds this VZEROUPPER itself from -O2 (its pass is one of the "expensive
    // optimisations"), not at -O1 (the asan preset) or -O0: the caller's SSE code would
    // then run with the upper halves in use (vector_state.h; tst_vector_state). At -O2 the
    // two stand side by side: one instruction a call.
    _mm256_zeroupper();
    return wellFormed;
}

#else

bool wideSlateVerdict(const SlateEntry*, std::size_t, std::size_t) {
    return false; // never called: wideSlateVerdictAvailable() is false
}

#endif

} // namespace recoscope::core::detail
