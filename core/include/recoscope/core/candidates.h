#pragma once
// Shared helpers every core uses to honour the slate contract.

#include "recoscope/core/request.h"
#include "recoscope/core/shop.h"
#include "recoscope/core/slate.h"
#include "recoscope/core/topk.h"

#include <cstdint>
#include <span>

namespace recoscope::core {

/// True when the item may be shown for this request: it exists, is available and is not
/// excluded. Cheap checks first; callers scanning the catalogue test scores first.
inline bool isEligible(const ItemTable& items, const Request& request, ItemId item) {
    return items.isAvailable(item) && !request.excludes(item);
}

/// Number of items eligible for this request: available and not excluded (duplicates in
/// request.exclude and the context item counted once). O(|exclude|^2), exclusions are few.
/// Inline for the common request without an exclusion list (what the out-of-line count
/// gives for an empty list; `random` asks on every request).
std::size_t eligibleCountWithExclusions(const ItemTable& items, const Request& request);
inline std::size_t eligibleCount(const ItemTable& items, const Request& request) {
    if (!request.exclude.empty())
        return eligibleCountWithExclusions(items, request);
    const std::size_t excluded = items.isAvailable(request.contextItem) ? 1 : 0;
    return items.availableCount > excluded ? items.availableCount - excluded : 0;
}

/// Scores every eligible item with `score(item)` and keeps the best `k` (ties: lower id).
template <class ScoreFn>
void selectTopK(const ItemTable& items, const Request& request, std::size_t k, TopK& topk,
                ScoreFn&& score) {
    topk.reset(k);
    const std::size_t n = items.size();
    for (ItemId item = 0; item < n; ++item) {
        if (!items.available[item])
            continue;
        const float s = score(item);
        if (topk.admits(s, item) && !request.excludes(item))
            topk.offer(item, s);
    }
}

/// Appends eligible items not yet in `slate` until it holds request.k items or no
/// eligible item is left. Items are taken from a deterministic pseudo-random permutation
/// of the catalogue seeded by `salt`, so fill-ins are spread over the catalogue rather than
/// always the lowest ids. Filled entries get score `fillScore` (below the core's own).
void fillSlate(const ItemTable& items, const Request& request, Slate& slate, std::uint64_t salt,
               float fillScore);

/// True when the slate holds distinct items.
bool hasDistinctItems(std::span<const SlateEntry> slate);

} // namespace recoscope::core
