#include "recoscope/core/slate_check.h"

#include "slate_check_wide.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace recoscope::core {

namespace {

std::string at(std::size_t position) {
    return "position " + std::to_string(position);
}

// Finds a repeated item; pairwise for the usual slate sizes (no allocation per request).
std::string repeatedItem(const Slate& slate) {
    if (slate.size() <= 64) {
        for (std::size_t i = 1; i < slate.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                if (slate[i].item == slate[j].item)
                    return "item " + std::to_string(slate[i].item) + " appears twice (" + at(j) +
                           " and " + std::to_string(i) + ")";
        return {};
    }
    std::vector<ItemId> ids;
    ids.reserve(slate.size());
    for (const SlateEntry& e : slate)
        ids.push_back(e.item);
    std::sort(ids.begin(), ids.end());
    const auto twice = std::adjacent_find(ids.begin(), ids.end());
    return twice == ids.end() ? std::string{} : "item " + std::to_string(*twice) + " appears twice";
}

// Distinct ids above any catalogue this workbench builds: a real id equal to one of them
// (a catalogue of more than 2^32 - 16 items) only sends the slate to the full check.
constexpr std::array<ItemId, 16> kPads = [] {
    std::array<ItemId, 16> pads{};
    for (std::size_t i = 0; i < pads.size(); ++i)
        pads[i] = std::numeric_limits<ItemId>::max() - static_cast<ItemId>(i);
    return pads;
}();

// The verdict for a slate the fast paths do not take (more than 16 entries, a catalogue of
// 2^32 items or more, a build without SSE2): the per-entry tests one by one, the repeat
// scan pairwise. No string, no early exit.
bool plainlyWellFormed(const Slate& slate, std::size_t catalogueSize) {
    const std::size_t n = slate.size();
    bool bad = false;
    for (std::size_t p = 0; p < n; ++p) {
        const SlateEntry& e = slate[p];
        bad |= static_cast<std::size_t>(e.item) >= catalogueSize;
        bad |= !std::isfinite(e.score);
        bad |= !std::isnan(e.propensity) && !propensityKnown(e.propensity);
    }
    if (bad)
        return false;
    unsigned twice = 0;
    for (std::size_t i = 1; i < n; ++i)
        for (std::size_t j = 0; j < i; ++j)
            twice |= slate[i].item == slate[j].item ? 1u : 0u;
    return twice == 0;
}

#if defined(__SSE2__)

// Four entries are 48 bytes, three 4-lane words of mixed fields:
//   [item0 score0 prop0 item1] [score1 prop1 item2 score2] [prop2 item3 score3 prop3]
// (SlateEntry is three 4-byte fields, static_asserts below). Every lane gets the same two
// signed compares with constants chosen by its field, so no lane needs a float compare:
//   ok = T > ((x & A) + C)  or  (x & 0x7fffffff) > U     (32-bit lanes, signed)
// computed as its negation, fail = ((x & A) + C > T - 1) and not (|x| > U), so that each
// compare overwrites a value used once (SSE2's compares are destructive: no copies).
// - item:  A = ~0, C = 2^31, T = catalogueSize - 2^31, U = 2^31 - 1 (never): x + 2^31 is
//   x ^ sign, which turns the unsigned x < catalogueSize into a signed compare (SSE2 has
//   no unsigned one);
// - score: A = 0x7fffffff, C = 2^31, T = 0x7f800000 - 2^31, U = never: |x| below the
//   infinity's bits, std::isfinite;
// - propensity: A = ~0, C = 2^31 - 1, T = 0x3f800000 - 2^31: x - 1 below 0x3f800000
//   unsigned, so x in [1, 0x3f800000], the floats in (0, 1] (denormals included, both
//   zeros and every negative out); or U = 0x7f800000: |x| above the infinity's bits, a NaN
//   of either sign and any payload (kUnknownPropensity).
// tst_slate_check compares the verdict with the plain float tests on special values at
// every position and on millions of random bit patterns.
static_assert(sizeof(SlateEntry) == 12 && offsetof(SlateEntry, score) == 4 &&
              offsetof(SlateEntry, propensity) == 8);
static_assert(sizeof(ItemId) == 4 && sizeof(float) == 4);

constexpr std::uint32_t kAll = 0xffffffffu, kAbs = 0x7fffffffu, kSign = 0x80000000u;
constexpr std::uint32_t kItemC = kSign, kScoreC = kSign, kPropC = kSign - 1;
// T - 1 (see above); the item lanes' T - 1 is catalogueSize - 1 - 2^31, or-ed in per call.
constexpr std::uint32_t kScoreT = 0x7f800000u - kSign - 1, kPropT = 0x3f800000u - kSign - 1;
constexpr std::uint32_t kNever = 0x7fffffffu, kNaNAbove = 0x7f800000u;

// Per word of a group (lanes I S P I, S P I S, P I S P): A, C, U, and T - 1 with 0 in the
// item lanes (the catalogue's bound is or-ed in per call) and the item lanes' mask.
struct alignas(16) WordConstants {
    std::uint32_t a[4], c[4], u[4], t[4], items[4];
};
constexpr WordConstants kWords[3] = {
    {{kAll, kAbs, kAll, kAll},
     {kItemC, kScoreC, kPropC, kItemC},
     {kNever, kNever, kNaNAbove, kNever},
     {0, kScoreT, kPropT, 0},
     {kAll, 0, 0, kAll}},
    {{kAbs, kAll, kAll, kAbs},
     {kScoreC, kPropC, kItemC, kScoreC},
     {kNever, kNaNAbove, kNever, kNever},
     {kScoreT, kPropT, 0, kScoreT},
     {0, 0, kAll, 0}},
    {{kAll, kAll, kAbs, kAll},
     {kPropC, kItemC, kScoreC, kPropC},
     {kNaNAbove, kNever, kNever, kNaNAbove},
     {kPropT, 0, kScoreT, kPropT},
     {0, kAll, 0, 0}},
};

// Lanes 4 - r .. 3 kept (the r entries of a last, overlapping group that no group before
// saw), the others replaced by pads: keep[r], pads & ~keep[r]; r = 0 keeps all.
struct alignas(16) TailMasks {
    std::uint32_t keep[4][4], pads[4][4];
};
constexpr TailMasks kTail = [] {
    TailMasks t{};
    for (int r = 0; r < 4; ++r)
        for (int lane = 0; lane < 4; ++lane) {
            const bool keep = r == 0 || lane >= 4 - r;
            t.keep[r][lane] = keep ? kAll : 0;
            t.pads[r][lane] = keep ? 0 : kPads[static_cast<std::size_t>(lane)];
        }
    return t;
}();

__m128i loadConstant(const std::uint32_t* p) {
    return _mm_load_si128(reinterpret_cast<const __m128i*>(p));
}

// All-ones lanes where the word's fields fail their tests (t holds T - 1).
__m128i fieldsFail(__m128i x, const WordConstants& w, __m128i t) {
    const __m128i f = _mm_add_epi32(_mm_and_si128(x, loadConstant(w.a)), loadConstant(w.c));
    const __m128i nan = _mm_cmpgt_epi32(_mm_and_si128(x, _mm_set1_epi32(static_cast<int>(kAbs))),
                                        loadConstant(w.u));
    return _mm_andnot_si128(nan, _mm_cmpgt_epi32(f, t));
}

// Checks the fields of the four entries at `e` (or-ed into `fail`) and returns their ids.
__m128i group(const SlateEntry* e, const __m128i t[3], __m128i& fail) {
    const auto* words = reinterpret_cast<const __m128i*>(e);
    const __m128i w0 = _mm_loadu_si128(words), w1 = _mm_loadu_si128(words + 1),
                  w2 = _mm_loadu_si128(words + 2);
    fail = _mm_or_si128(fail, fieldsFail(w0, kWords[0], t[0]));
    fail = _mm_or_si128(fail, fieldsFail(w1, kWords[1], t[1]));
    fail = _mm_or_si128(fail, fieldsFail(w2, kWords[2], t[2]));
    // [i2 i2 i3 i3] from w1 lane 2 and w2 lane 1, then [i0 i1 i2 i3].
    const __m128 later =
        _mm_shuffle_ps(_mm_castsi128_ps(w1), _mm_castsi128_ps(w2), _MM_SHUFFLE(1, 1, 2, 2));
    return _mm_castps_si128(_mm_shuffle_ps(_mm_castsi128_ps(w0), later, _MM_SHUFFLE(3, 1, 3, 0)));
}

template <int Turn> __m128i turned(__m128i v) {
    return _mm_shuffle_epi32(v, _MM_SHUFFLE((Turn + 3) % 4, (Turn + 2) % 4, (Turn + 1) % 4, Turn));
}

// Lanes of a equal to another lane of a: the turns by 1 and 2 meet all six pairs.
__m128i selfMatches(__m128i a) {
    return _mm_or_si128(_mm_cmpeq_epi32(a, turned<1>(a)), _mm_cmpeq_epi32(a, turned<2>(a)));
}

// Lanes where a equals b turned by 0..3 places: every lane of a meets every lane of b.
__m128i crossMatches(__m128i a, __m128i b) {
    return _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi32(a, b), _mm_cmpeq_epi32(a, turned<1>(b))),
        _mm_or_si128(_mm_cmpeq_epi32(a, turned<2>(b)), _mm_cmpeq_epi32(a, turned<3>(b))));
}

// Lanes set where two of the 4 * Groups id slots are equal: each group against itself and
// the groups before it (18 four-lane compares for three groups). Pad slots hold distinct
// pads.
template <int Groups> __m128i repeats(const __m128i* ids) {
    __m128i hits = Groups > 0 ? selfMatches(ids[0]) : _mm_setzero_si128();
    for (int g = 1; g < Groups; ++g) {
        hits = _mm_or_si128(hits, selfMatches(ids[g]));
        for (int h = 0; h < g; ++h)
            hits = _mm_or_si128(hits, crossMatches(ids[g], ids[h]));
    }
    return hits;
}

__m128i repeatsInWholeGroups(const __m128i* ids, std::size_t whole) {
    switch (whole) {
    case 0:
        return _mm_setzero_si128();
    case 1:
        return repeats<1>(ids);
    case 2:
        return repeats<2>(ids);
    case 3:
        return repeats<3>(ids);
    default:
        return repeats<4>(ids);
    }
}

// The last group's one or two new ids (lanes 3, or 2 and 3, of `last`) against the whole
// groups and each other, without pads: [c3 c3 c3 c3] meets a group's four ids in one
// compare; [c2 c3 c2 c3] meets them in two (the group and the group turned by one: all
// eight pairs), and c2 meets c3 in [c3 c2 c3 c2]. For a slate of ten that is 5 compares
// where the padded group took 10.
__m128i lastFewRepeats(const __m128i* ids, std::size_t whole, __m128i last, std::size_t r) {
    __m128i hits;
    __m128i c;
    if (r == 1) {
        c = _mm_shuffle_epi32(last, _MM_SHUFFLE(3, 3, 3, 3));
        hits = _mm_setzero_si128();
        for (std::size_t g = 0; g < whole; ++g)
            hits = _mm_or_si128(hits, _mm_cmpeq_epi32(c, ids[g]));
    } else {
        c = _mm_shuffle_epi32(last, _MM_SHUFFLE(3, 2, 3, 2));
        hits = _mm_cmpeq_epi32(c, _mm_shuffle_epi32(last, _MM_SHUFFLE(2, 3, 2, 3)));
        for (std::size_t g = 0; g < whole; ++g)
            hits = _mm_or_si128(hits, _mm_or_si128(_mm_cmpeq_epi32(c, ids[g]),
                                                   _mm_cmpeq_epi32(c, turned<1>(ids[g]))));
    }
    return hits;
}

// The verdict for 1 to 16 entries and a catalogue below 2^32 items: groups of four
// entries, the last one overlapping the one before when n is not a multiple of four (its
// ids already seen replaced by pads); fewer than four entries are copied to the end of a
// four-entry buffer behind well-formed fillers (item 0, score 0, propensity 1), whose ids
// become pads the same way.
bool wellFormedUpTo16(const Slate& slate, std::size_t catalogueSize) {
    const std::size_t n = slate.size();
    if (catalogueSize == 0)
        return false; // every id is outside (and T - 1 below would wrap)
    const __m128i bound =
        _mm_set1_epi32(static_cast<int>(static_cast<std::uint32_t>(catalogueSize) - kSign - 1));
    __m128i t[3];
    for (int w = 0; w < 3; ++w)
        t[w] = _mm_or_si128(loadConstant(kWords[w].t),
                            _mm_and_si128(bound, loadConstant(kWords[w].items)));
    __m128i fail = _mm_setzero_si128();
    alignas(16) __m128i ids[4];
    const std::size_t whole = n / 4, r = n % 4;
    for (std::size_t g = 0; g < whole; ++g)
        ids[g] = group(slate.data() + 4 * g, t, fail);
    if (r != 0) {
        SlateEntry buffer[4];
        const SlateEntry* last = slate.data() + n - 4;
        if (n < 4) {
            for (std::size_t i = 0; i < 4 - n; ++i)
                buffer[i] = {0, 0.0f, 1.0f};
            std::memcpy(buffer + (4 - n), slate.data(), n * sizeof(SlateEntry));
            last = buffer;
        }
        const __m128i tail = group(last, t, fail);
        if (r < 3) {
            if (_mm_movemask_epi8(fail) != 0)
                return false;
            return _mm_movemask_epi8(_mm_or_si128(repeatsInWholeGroups(ids, whole),
                                                  lastFewRepeats(ids, whole, tail, r))) == 0;
        }
        ids[whole] = _mm_or_si128(_mm_and_si128(tail, loadConstant(kTail.keep[r])),
                                  loadConstant(kTail.pads[r]));
    }
    if (_mm_movemask_epi8(fail) != 0)
        return false;
    return _mm_movemask_epi8(repeatsInWholeGroups(ids, (n + 3) / 4)) == 0;
}

#endif

// The verdict alone, for the slate the engine checks on every request (about a million a
// second): no string is built. Slates it cannot clear (a fault, or more than 64 entries)
// go through the full check below, which says what is wrong.
[[gnu::always_inline]] inline bool
clearlyWellFormed(const Request& request, const Slate& slate, std::size_t catalogueSize,
                  SlateCheckCode code = SlateCheckCode::Fastest) {
    const std::size_t n = slate.size();
    if (n > 64 || (request.k >= 0 && n > static_cast<std::size_t>(request.k)))
        return false;
    if (n == 0)
        return true;
#if defined(__SSE2__)
    if (n <= 16 && catalogueSize <= std::numeric_limits<ItemId>::max()) {
        if (code == SlateCheckCode::Fastest && detail::wideSlateVerdictAvailable())
            return detail::wideSlateVerdict(slate.data(), n, catalogueSize);
        return wellFormedUpTo16(slate, catalogueSize);
    }
#endif
    return plainlyWellFormed(slate, catalogueSize);
}

} // namespace

// A slate the fast verdict does not clear: the full check decides (out of line, so that
// the fast path saves no registers for it).
[[gnu::noinline, gnu::cold]] static bool fullVerdict(const Request& request, const Slate& slate,
                                                     std::size_t catalogueSize) {
    return slateFault(request, slate, catalogueSize).empty();
}

bool slateWellFormed(const Request& request, const Slate& slate, std::size_t catalogueSize) {
    if (clearlyWellFormed(request, slate, catalogueSize)) [[likely]]
        return true;
    return fullVerdict(request, slate, catalogueSize);
}

bool slateWellFormed(const Request& request, const Slate& slate, std::size_t catalogueSize,
                     SlateCheckCode code) {
    if (clearlyWellFormed(request, slate, catalogueSize, code))
        return true;
    return fullVerdict(request, slate, catalogueSize);
}

std::string slateFault(const Request& request, const Slate& slate, std::size_t catalogueSize) {
    if (clearlyWellFormed(request, slate, catalogueSize))
        return {};
    if (request.k >= 0 && slate.size() > static_cast<std::size_t>(request.k))
        return "the slate has " + std::to_string(slate.size()) + " items, " +
               std::to_string(request.k) + " were asked for";
    for (std::size_t p = 0; p < slate.size(); ++p) {
        const SlateEntry& e = slate[p];
        if (static_cast<std::size_t>(e.item) >= catalogueSize)
            return at(p) + " holds item id " + std::to_string(e.item) +
                   ", outside the catalogue (" + std::to_string(catalogueSize) + " items)";
        if (!std::isfinite(e.score))
            return at(p) + " (item " + std::to_string(e.item) + ") has score " +
                   (std::isnan(e.score) ? "NaN" : (e.score > 0 ? "+inf" : "-inf"));
        if (!std::isnan(e.propensity) && !propensityKnown(e.propensity))
            return at(p) + " (item " + std::to_string(e.item) + ") has propensity " +
                   std::to_string(e.propensity) + ", outside (0, 1]";
    }
    return repeatedItem(slate);
}

} // namespace recoscope::core
