#include "recoscope/core/slate_check.h"

#include <algorithm>
#include <array>
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

// The verdict alone, for the slate the engine checks on every request (about a million a
// second): no string is built and the loops have no early exit, so they stay branch-free.
// Slates it cannot clear (a fault, or more than 64 entries) go through the full check
// below, which says what is wrong.
bool clearlyWellFormed(const Request& request, const Slate& slate, std::size_t catalogueSize) {
    const std::size_t n = slate.size();
    if (n > 64 || (request.k >= 0 && n > static_cast<std::size_t>(request.k)))
        return false;
    alignas(16) ItemId ids[64];
    std::memcpy(ids, kPads.data(), sizeof kPads);
    bool bad = false;
    for (std::size_t p = 0; p < n; ++p) {
        const SlateEntry& e = slate[p];
        ids[p] = e.item;
        bad |= static_cast<std::size_t>(e.item) >= catalogueSize;
        bad |= !std::isfinite(e.score);
        bad |= !std::isnan(e.propensity) && !propensityKnown(e.propensity);
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
