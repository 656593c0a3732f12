#include "recoscope/core/slate_check.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

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

// Four lanes of ids and of compare results (GCC / Clang vector extensions: SSE2 on x86-64,
// plain code elsewhere).
using IdLanes = std::uint32_t __attribute__((vector_size(16)));
using MatchLanes = std::int32_t __attribute__((vector_size(16)));
static_assert(sizeof(ItemId) == sizeof(std::uint32_t));

// Lanes where a equals b turned by 0..3 places: with the turns by 0, 1, 2 and 3, every
// lane of a meets every lane of b (16 pairs in four compares).
MatchLanes crossMatches(IdLanes a, IdLanes b) {
    return (a == b) | (a == __builtin_shufflevector(b, b, 1, 2, 3, 0)) |
           (a == __builtin_shufflevector(b, b, 2, 3, 0, 1)) |
           (a == __builtin_shufflevector(b, b, 3, 0, 1, 2));
}

// Lanes of a equal to another lane of a: the turns by 1 and 2 meet all six pairs (the
// turn by 2 each twice).
MatchLanes selfMatches(IdLanes a) {
    return (a == __builtin_shufflevector(a, a, 1, 2, 3, 0)) |
           (a == __builtin_shufflevector(a, a, 2, 3, 0, 1));
}

// True when two of the 4 * groups id slots are equal: each group of four against itself
// and against the groups before it. For a slate of ten (three groups) that is 18 lane
// compares of four, where a broadcast of each id against all 16 slots took 40; the
// unused slots hold distinct pads (kPads), so they match nothing but an equal real id.
bool anyRepeat(const ItemId* ids, std::size_t groups) {
    IdLanes lanes[4];
    std::memcpy(lanes, ids, sizeof lanes);
    MatchLanes hits = selfMatches(lanes[0]);
    for (std::size_t g = 1; g < groups; ++g) {
        hits |= selfMatches(lanes[g]);
        for (std::size_t h = 0; h < g; ++h)
            hits |= crossMatches(lanes[g], lanes[h]);
    }
    return (hits[0] | hits[1] | hits[2] | hits[3]) != 0;
}

// Distinct ids above any catalogue this workbench builds: a real id equal to one of them
// (a catalogue of more than 2^32 - 16 items) only sends the slate to the full check.
constexpr std::array<ItemId, 16> kPads = [] {
    std::array<ItemId, 16> pads{};
    for (std::size_t i = 0; i < pads.size(); ++i)
        pads[i] = std::numeric_limits<ItemId>::max() - static_cast<ItemId>(i);
    return pads;
}();

// The entry checks of slateFault on the bits, without float compares (no branch, no
// NaN-aware compare sequence): a float is NaN or infinite exactly when its exponent bits
// are all ones, NaN when its magnitude bits exceed those of infinity, and in (0, 1] exactly
// when its bits as an unsigned integer are in [1, bits of 1.0f] (positive floats order as
// their bits; -0.0f and every negative value have the sign bit, far above). Denormals
// count as above 0, as `p > 0.0f` does without flush-to-zero (the build never sets it).
// tst_slate_check compares both with std::isfinite / propensityKnown on every special
// value and millions of random bit patterns.
bool scoreOk(float score) {
    return (std::bit_cast<std::uint32_t>(score) & 0x7f800000u) != 0x7f800000u;
}
bool propensityOk(float propensity) {
    const auto q = std::bit_cast<std::uint32_t>(propensity);
    const bool inUnitInterval = q - 1u < 0x3f800000u;
    const bool nan = (q & 0x7fffffffu) > 0x7f800000u;
    return inUnitInterval | nan;
}

// The same entry checks on four entries at once. Four entries are twelve words, item,
// score, propensity, item, ...: three lanes of four. Each lane gets all three tests and
// keeps the one of its kind (the kind masks below), so no shuffle is needed. Unsigned
// compares are signed compares of the words with the top bit flipped (SSE2 has only
// signed ones). `lastItem` is catalogueSize - 1, clamped to the largest id.
static_assert(sizeof(SlateEntry) == 3 * sizeof(std::uint32_t));
using WordLanes = std::int32_t __attribute__((vector_size(16)));
constexpr WordLanes kItemLanes[3] = {{-1, 0, 0, -1}, {0, 0, -1, 0}, {0, -1, 0, 0}};
constexpr WordLanes kScoreLanes[3] = {{0, -1, 0, 0}, {-1, 0, 0, -1}, {0, 0, -1, 0}};
constexpr WordLanes kPropensityLanes[3] = {{0, 0, -1, 0}, {0, -1, 0, 0}, {-1, 0, 0, -1}};

WordLanes badFourEntries(const SlateEntry* four, std::uint32_t lastItem) {
    using Unsigned = std::uint32_t __attribute__((vector_size(16)));
    constexpr std::uint32_t kFlip = 0x80000000u;
    Unsigned words[3];
    std::memcpy(words, four, sizeof words);
    WordLanes bad = {0, 0, 0, 0};
    for (int j = 0; j < 3; ++j) {
        const Unsigned w = words[j];
        const WordLanes itemBad =
            reinterpret_cast<WordLanes>(w ^ kFlip) > static_cast<std::int32_t>(lastItem ^ kFlip);
        const WordLanes scoreBad = (w & 0x7f800000u) == 0x7f800000u;
        // q - 1 >= bits of 1.0f (unsigned) and not NaN: a known propensity outside (0, 1].
        const WordLanes propensityBad = (reinterpret_cast<WordLanes>((w - 1u) ^ kFlip) >
                                         static_cast<std::int32_t>(0x3f7fffffu ^ kFlip)) &
                                        ((w & 0x7fffffffu) <= 0x7f800000u);
        bad |= (itemBad & kItemLanes[j]) | (scoreBad & kScoreLanes[j]) |
               (propensityBad & kPropensityLanes[j]);
    }
    return bad;
}

// The verdict alone, for the slate the engine checks on every request (about a million a
// second): no string is built and the loops have no early exit, so they stay branch-free.
// Slates it cannot clear (a fault, or more than 64 entries) go through the full check
// below, which says what is wrong.
bool clearlyWellFormed(const Request& request, const Slate& slate, std::size_t catalogueSize) {
    const std::size_t n = slate.size();
    if (n > 64 || (request.k >= 0 && n > static_cast<std::size_t>(request.k)))
        return false;
    if (n == 0)
        return true;
    if (catalogueSize == 0)
        return false;
    alignas(16) ItemId ids[64];
    std::memcpy(ids, kPads.data(), sizeof kPads);
    for (std::size_t p = 0; p < n; ++p)
        ids[p] = slate[p].item;
    bool bad = false;
    if (n < 4) {
        for (std::size_t p = 0; p < n; ++p) {
            const SlateEntry& e = slate[p];
            bad |= static_cast<std::size_t>(e.item) >= catalogueSize;
            bad |= !scoreOk(e.score);
            bad |= !propensityOk(e.propensity);
        }
    } else {
        // Groups of four from the front; a last group that would run past the end starts
        // at n - 4 instead (entries checked twice are checked the same way twice).
        const auto lastItem = static_cast<std::uint32_t>(
            std::min<std::size_t>(catalogueSize - 1, std::numeric_limits<ItemId>::max()));
        WordLanes badLanes = {0, 0, 0, 0};
        for (std::size_t p = 0; p < n; p += 4)
            badLanes |= badFourEntries(slate.data() + std::min(p, n - 4), lastItem);
        bad = (badLanes[0] | badLanes[1] | badLanes[2] | badLanes[3]) != 0;
    }
    if (bad)
        return false;
    if (n <= 16)
        return !anyRepeat(ids, (n + 3) / 4);
    unsigned twice = 0;
    for (std::size_t i = 1; i < n; ++i)
        for (std::size_t j = 0; j < i; ++j)
            twice |= ids[i] == ids[j] ? 1u : 0u;
    return twice == 0;
}

} // namespace

bool slateWellFormed(const Request& request, const Slate& slate, std::size_t catalogueSize) {
    return clearlyWellFormed(request, slate, catalogueSize) ||
           slateFault(request, slate, catalogueSize).empty();
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
