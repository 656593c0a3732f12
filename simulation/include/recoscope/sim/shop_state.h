#pragma once
// The shop's changing state during a run: stock, promotions, and what each shopper saw
// and bought recently (fatigue, repurchase, brand loyalty, RFM, satisfaction). Owned by
// the Engine, read by the ShopperModel; the World stays the immutable generated truth.
// Structure of arrays, so that a million users cost tens of bytes each, except what a step
// reads and writes of its user's history: one record per user, whole cache lines.

#include "recoscope/core/huge_pages.h"
#include "recoscope/core/slate.h"
#include "recoscope/core/types.h"
#include "recoscope/sim/cache_line_allocator.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
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
    static constexpr int kBought = 4;
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
        resizeUserRecords(users);
        assignOnHugePages(returnWeight, users, 0.5f);
        assignOnHugePages(churned, users, 0);
        assignOnHugePages(lastPurchase, users, -1.0);
        assignOnHugePages(purchases, users, 0);
        assignOnHugePages(monetary, users, 0.0f);
        assignOnHugePages(sessions, users, 0);
    }

    /// A user's remembered impressions (`memory` slots, kNoItem when empty) and their
    /// simulated hours, in ring order: the next impression goes to slot shownNext(u).
    std::span<const core::ItemId> shown(core::UserId u) const {
        return {items(u, 0), static_cast<std::size_t>(memory)};
    }
    std::span<const float> shownHours(core::UserId u) const {
        return {hours(u, memory), static_cast<std::size_t>(memory)};
    }
    std::uint32_t shownNext(core::UserId u) const { return *words(u, cursorsAt()); }
    /// A user's last kBought purchases and their hours, in ring order (slot boughtNext(u)
    /// is the next one written, so the latest is the slot before it).
    std::span<const core::ItemId> bought(core::UserId u) const {
        return {items(u, 2 * memory), kBought};
    }
    std::span<const float> boughtHours(core::UserId u) const {
        return {hours(u, 2 * memory + kBought), kBought};
    }
    std::uint32_t boughtNext(core::UserId u) const { return *words(u, cursorsAt() + 1); }
    /// Context item of the user's active session (kNoItem when none is active).
    core::ItemId activeContext(core::UserId u) const { return *words(u, cursorsAt() + 2); }
    void setActiveContext(core::UserId u, core::ItemId item) { *words(u, cursorsAt() + 2) = item; }
    /// The user's record (all of the above, userRecordBytes() bytes from a cache-line
    /// boundary): what a prefetch of the user's history loads.
    const void* userRecord(core::UserId u) const {
        return m_records.get() + static_cast<std::size_t>(u) * m_recordBytes;
    }
    std::size_t userRecordBytes() const { return m_recordBytes; }

    /// Bumped whenever a user's history changes (caches of prepared histories key on it).
    std::uint64_t historyVersion = 0;

    void remember(core::UserId u, core::ItemId item, float hour) {
        const core::SlateEntry shown[1] = {{item}};
        rememberSlate(u, shown, hour);
    }
    /// remember() for each entry of `slate` in order (the engine's end of a step): the
    /// record's address, the ring's size and its cursor in registers for the whole slate.
    /// A slate no longer than the ring is written in two runs, up to the ring's end and on
    /// from its start, without the per-entry wrap test of the general loop: on `default`
    /// (ring 12, slate 10) ~30 instructions a step less.
    void rememberSlate(core::UserId u, std::span<const core::SlateEntry> slate, float hour) {
        historyVersion += slate.size();
        const auto ring = static_cast<std::uint32_t>(memory);
        if (ring == 0)
            return;
        core::ItemId* item = items(u, 0);
        float* at = hours(u, ring);
        std::uint32_t* cursor = words(u, 2 * ring + 2 * kBought);
        std::uint32_t next = *cursor; // < ring
        const core::SlateEntry* e = slate.data();
        const std::size_t n = slate.size();
        if (n > ring) [[unlikely]] { // the ring wraps more than once
            for (const core::SlateEntry& entry : slate) {
                item[next] = entry.item;
                at[next] = hour;
                next = next + 1 == ring ? 0 : next + 1; // (next + 1) % ring, next < ring
            }
            *cursor = next;
            return;
        }
        const std::size_t first = std::min<std::size_t>(n, ring - next);
        putRun(item + next, at + next, e, e + first, hour);
        putRun(item, at, e + first, e + n, hour);
        next += static_cast<std::uint32_t>(n);
        if (next >= ring)
            next -= ring;
        *cursor = next;
    }
    void rememberPurchase(core::UserId u, core::ItemId item, float hour) {
        ++historyVersion;
        const auto ring = static_cast<std::uint32_t>(memory);
        std::uint32_t* cursor = words(u, 2 * ring + 2 * kBought + 1);
        const std::uint32_t next = *cursor;
        items(u, 2 * ring)[next] = item;
        hours(u, 2 * ring + kBought)[next] = hour;
        *cursor = (next + 1) % static_cast<std::uint32_t>(kBought);
    }

private:
    // One record per user in whole cache lines, four-byte slots: [0, memory) the shown
    // items, [memory, 2 memory) their hours, then kBought bought items, kBought hours, the
    // two ring cursors and the active context. On `large` (memory 8) 27 slots of 32, two
    // lines; before, the same fields were seven tables: seven lines and seven TLB entries
    // per user. The block comes from an allocator (objects of each slot's type are created
    // by the first write to it, C++20 implicit object creation), and every slot is only
    // ever read and written as its one type.
    struct RecordsDeleter {
        std::size_t bytes; // no initialiser: keeps the deleter default-constructible here
        void operator()(std::byte* p) const {
            CacheLineAllocator<std::byte>().deallocate(p, bytes);
        }
    };
    /// The entries [e, stop) to consecutive slots from itemAt and hourAt on.
    static void putRun(core::ItemId* itemAt, float* hourAt, const core::SlateEntry* e,
                       const core::SlateEntry* stop, float hour) {
        for (; e != stop; ++e) {
            // An empty asm (no instruction) keeps GCC from vectorising a loop of a few
            // entries: its alias checks and remainders cost more than they save (~35
            // instructions a step on `default`, measured).
            asm("" : "+r"(e));
            *itemAt++ = e->item;
            *hourAt++ = hour;
        }
    }
    std::size_t cursorsAt() const { return 2 * static_cast<std::size_t>(memory) + 2 * kBought; }
    std::byte* slot(core::UserId u, std::size_t k) const {
        return m_records.get() + static_cast<std::size_t>(u) * m_recordBytes + 4 * k;
    }
    core::ItemId* items(core::UserId u, std::size_t k) const {
        return reinterpret_cast<core::ItemId*>(slot(u, k));
    }
    float* hours(core::UserId u, std::size_t k) const {
        return reinterpret_cast<float*>(slot(u, k));
    }
    std::uint32_t* words(core::UserId u, std::size_t k) const {
        return reinterpret_cast<std::uint32_t*>(slot(u, k));
    }
    void resizeUserRecords(std::size_t users) {
        const std::size_t used = 4 * (cursorsAt() + 3);
        m_recordBytes = (used + kCacheLine - 1) / kCacheLine * kCacheLine;
        const std::size_t bytes = std::max<std::size_t>(users * m_recordBytes, 1);
        m_records = std::unique_ptr<std::byte[], RecordsDeleter>(
            CacheLineAllocator<std::byte>().allocate(bytes), RecordsDeleter{bytes});
        for (std::size_t u = 0; u < users; ++u) {
            const auto user = static_cast<core::UserId>(u);
            std::fill_n(items(user, 0), memory, core::kNoItem);
            std::fill_n(hours(user, memory), memory, 0.0f);
            std::fill_n(items(user, 2 * memory), kBought, core::kNoItem);
            std::fill_n(hours(user, 2 * memory + kBought), kBought, 0.0f);
            std::fill_n(words(user, cursorsAt()), 2, 0u);
            *words(user, cursorsAt() + 2) = core::kNoItem;
            std::fill_n(words(user, cursorsAt() + 3), m_recordBytes / 4 - cursorsAt() - 3, 0u);
        }
    }
    std::size_t m_recordBytes = 0;
    std::unique_ptr<std::byte[], RecordsDeleter> m_records;
};

} // namespace recoscope::sim
