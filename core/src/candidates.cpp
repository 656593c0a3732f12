#include "recoscope/core/candidates.h"

#include <algorithm>
#include <numeric>

namespace recoscope::core {

namespace {
std::uint64_t splitmix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}
} // namespace

void fillSlate(const ItemTable& items, const Request& request, Slate& slate, std::uint64_t salt,
               float fillScore) {
    const std::size_t n = items.size();
    const std::size_t k = static_cast<std::size_t>(std::max(request.k, 0));
    if (slate.size() >= k || n == 0)
        return;
    // Affine permutation i -> (a*i + b) mod n with gcd(a, n) = 1 visits every item once.
    const std::uint64_t h = splitmix(salt);
    std::uint64_t a = (h % n) | 1u;
    while (std::gcd(a, static_cast<std::uint64_t>(n)) != 1)
        a = (a + 2) % n == 0 ? 1 : (a + 2) % n;
    const std::uint64_t b = splitmix(h) % n;
    auto inSlate = [&](ItemId item) {
        return std::any_of(slate.begin(), slate.end(),
                           [item](const SlateEntry& e) { return e.item == item; });
    };
    for (std::uint64_t i = 0; i < n && slate.size() < k; ++i) {
        const auto item = static_cast<ItemId>((a * i + b) % n);
        if (isEligible(items, request, item) && !inSlate(item))
            slate.push_back({item, fillScore, 1.0f});
    }
}

std::size_t eligibleCountWithExclusions(const ItemTable& items, const Request& request) {
    std::size_t excluded = items.isAvailable(request.contextItem) ? 1 : 0;
    const auto begin = request.exclude.begin();
    for (auto it = begin; it != request.exclude.end(); ++it)
        if (items.isAvailable(*it) && *it != request.contextItem && std::find(begin, it, *it) == it)
            ++excluded;
    return items.availableCount > excluded ? items.availableCount - excluded : 0;
}

bool hasDistinctItems(std::span<const SlateEntry> slate) {
    std::vector<ItemId> ids;
    ids.reserve(slate.size());
    for (const SlateEntry& e : slate)
        ids.push_back(e.item);
    std::sort(ids.begin(), ids.end());
    return std::adjacent_find(ids.begin(), ids.end()) == ids.end();
}

} // namespace recoscope::core
