#include "recoscope/core/slate_check.h"

#include <algorithm>
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

// How many (i, j) pairs, i < n, j < 16, have ids[i] == ids[j]: each id against all 16 slots
// at once. With distinct ids and slots n..15 holding an id none of them equals, that is n
// (every id matches itself); a repeated id adds at least two. For a slate of 10 this is 10
// broadcasts and 40 lane compares instead of 45 scalar compares and branches.
std::size_t matchCount16(const ItemId* ids, std::size_t n) {
    IdLanes lanes[4];
    std::memcpy(lanes, ids, sizeof lanes);
    MatchLanes matches = {0, 0, 0, 0};
    for (std::size_t i = 0; i < n; ++i) {
        const IdLanes one = IdLanes{} + ids[i];
        // A true lane compares as -1.
        matches -= (lanes[0] == one) + (lanes[1] == one) + (lanes[2] == one) + (lanes[3] == one);
    }
    return static_cast<std::size_t>(matches[0] + matches[1] + matches[2] + matches[3]);
}

// The verdict alone, for the slate the engine checks on every request (about a million a
// second): no string is built and the duplicate scan has no early exit, so the loops stay
// branch-free. Slates it cannot clear (a fault, or more than 64 entries) go through the
// full check below, which says what is wrong.
bool clearlyWellFormed(const Request& request, const Slate& slate, std::size_t catalogueSize) {
    const std::size_t n = slate.size();
    if (n > 64 || (request.k >= 0 && n > static_cast<std::size_t>(request.k)))
        return false;
    // Unused slots hold an id no catalogue reaches, so they match no well-formed item.
    constexpr ItemId kPad = std::numeric_limits<ItemId>::max();
    alignas(16) ItemId ids[64];
    std::fill_n(ids, 16, kPad);
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
        return matchCount16(ids, n) == n;
    unsigned twice = 0;
    for (std::size_t i = 1; i < n; ++i)
        for (std::size_t j = 0; j < i; ++j)
            twice |= ids[i] == ids[j] ? 1u : 0u;
    return twice == 0;
}

} // namespace

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
