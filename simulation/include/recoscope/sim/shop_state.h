#pragma once
// The shop's changing state during a run: stock, promotions, and what each shopper saw
// and bought recently (fatigue, repurchase, brand loyalty, RFM, satisfaction). Owned by
// the Engine, read by the ShopperModel; the World stays the immutable generated truth.
// Structure of arrays, so that a million users cost tens of bytes each.

#include "recoscope/core/huge_pages.h"
#include "recoscope/core/types.h"

#include <cstdint>
#include <span>
#include <vector>

namespace recoscope::sim {

struct ShopState {
    // --- items ---
    /// Units in stock; -1 = unlimited.
    std::vector<std::int32_t> stock;
    /// Units sold so far, and restocks so far.
    std::vector<std::uint32_t> sold;
    std::vector<std::uint32_t> restocked;
    /// Current promotion discount of each item (0 when no promotion covers it).
    std::vector<float> promotionDiscount;
    /// Items covered by a running promotion, in id order.
    std::vector<core::ItemId> promoted;
    /// Stock-outs so far (number of times an item's stock reached zero).
    std::uint64_t stockOuts = 0;
    /// Lost to stock-outs so far (Session::lostCarts, lostRequests summed at each
    /// session's end): cart lines that would have been bought, and first choices of
    /// browsing and search that were sold out.
    std::uint64_t lostCarts = 0;
    std::uint64_t lostRequests = 0;

    // --- users ---
    /// Impressions remembered per user (ring); fatigue reads them.
    int memory = 0;
    std::vector<core::ItemId> shownItem; ///< users x memory, kNoItem when empty
    std::vector<float> shownHour;        ///< simulated hours of those impressions
    std::vector<std::uint8_t> shownNext; ///< ring cursor per user
    static constexpr int kBought = 4;
    std::vector<core::ItemId> boughtItem; ///< users x kBought, kNoItem when empty
    std::vector<float> boughtHour;
    std::vector<std::uint8_t> boughtNext;
    /// Return weight in [0, 1]: the probability that a candidate visit of the user
    /// happens (0.5 at the start; satisfaction moves it; churned users are at 0).
    std::vector<float> returnWeight;
    std::vector<std::uint8_t> churned;
    /// RFM, kept current: last purchase time (simulated seconds, -1 = never), number of
    /// purchases, money spent.
    std::vector<double> lastPurchase;
    std::vector<std::uint32_t> purchases;
    std::vector<float> monetary;
    /// Sessions started (candidate visits that happened) per user.
    std::vector<std::uint32_t> sessions;
    /// Context item of the user's active session (kNoItem when none is active).
    std::vector<core::ItemId> activeContext;

    /// Sizes every table for a shop of `items` items and `users` users, all at their
    /// start values. The tables a step reads at random are placed on huge pages
    /// (core/huge_pages.h): on `large` they are tens of MB each.
    void resize(std::size_t items, std::size_t users, int impressionsRemembered) {
        using core::assignOnHugePages;
        assignOnHugePages(stock, items, -1);
        assignOnHugePages(sold, items, 0);
        restocked.assign(items, 0);
        promotionDiscount.assign(items, 0.0f);
        memory = impressionsRemembered;
        const std::size_t remembered = users * static_cast<std::size_t>(memory);
        assignOnHugePages(shownItem, remembered, core::kNoItem);
        assignOnHugePages(shownHour, remembered, 0.0f);
        assignOnHugePages(shownNext, users, 0);
        assignOnHugePages(boughtItem, users * kBought, core::kNoItem);
        assignOnHugePages(boughtHour, users * kBought, 0.0f);
        assignOnHugePages(boughtNext, users, 0);
        assignOnHugePages(returnWeight, users, 0.5f);
        assignOnHugePages(churned, users, 0);
        assignOnHugePages(lastPurchase, users, -1.0);
        assignOnHugePages(purchases, users, 0);
        assignOnHugePages(monetary, users, 0.0f);
        assignOnHugePages(sessions, users, 0);
        assignOnHugePages(activeContext, users, core::kNoItem);
    }

    std::span<const core::ItemId> shown(core::UserId u) const {
        return {shownItem.data() + static_cast<std::size_t>(u) * memory,
                static_cast<std::size_t>(memory)};
    }
    std::span<const float> shownHours(core::UserId u) const {
        return {shownHour.data() + static_cast<std::size_t>(u) * memory,
                static_cast<std::size_t>(memory)};
    }
    std::span<const core::ItemId> bought(core::UserId u) const {
        return {boughtItem.data() + static_cast<std::size_t>(u) * kBought, kBought};
    }
    std::span<const float> boughtHours(core::UserId u) const {
        return {boughtHour.data() + static_cast<std::size_t>(u) * kBought, kBought};
    }

    /// Bumped whenever a user's history changes (caches of prepared histories key on it).
    std::uint64_t historyVersion = 0;

    void remember(core::UserId u, core::ItemId item, float hour) {
        ++historyVersion;
        if (memory == 0)
            return;
        const std::size_t at = static_cast<std::size_t>(u) * memory + shownNext[u];
        shownItem[at] = item;
        shownHour[at] = hour;
        shownNext[u] = static_cast<std::uint8_t>((shownNext[u] + 1) % memory);
    }
    void rememberPurchase(core::UserId u, core::ItemId item, float hour) {
        ++historyVersion;
        const std::size_t at = static_cast<std::size_t>(u) * kBought + boughtNext[u];
        boughtItem[at] = item;
        boughtHour[at] = hour;
        boughtNext[u] = static_cast<std::uint8_t>((boughtNext[u] + 1) % kBought);
    }
};

} // namespace recoscope::sim
