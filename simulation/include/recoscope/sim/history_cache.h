#pragma once
// A shopper's recent history prepared once for scoring many items at one time:
// ShopperModel::prepare() fills it for (user, time, context item); the utilities of the
// slate, of the organic candidates and of the decisions after a view read it. Plain data
// (about 2 KB, no allocation), owned by whoever prepares it, one thread at a time.
//
// Fatigue sums are kept per id: every remembered item and leaf category has one slot
// (id mod 64) holding the sum of its impressions' decays, so scoring an item costs two
// mask tests and at most two loads instead of a scan of the impressions. The sums are
// the scan's own additions: for one id, the decays of its impressions in impression
// order, starting from +0. A slot that two different remembered ids share keeps no
// usable sum: an item whose slot is shared is scored by scanning the impressions
// (scanFatigue), as before the sums existed.

#include "recoscope/core/types.h"
#include "recoscope/sim/shop_state.h"

#include <cstdint>

namespace recoscope::sim {

struct HistoryCache {
    static constexpr int kMax = 64;   ///< impressions kept (the rest of a longer ring is ignored)
    static constexpr int kSlots = 64; ///< one per bit of the masks: slot = id mod 64

    // --- Impressions (fatigue) ---
    int shown = 0;
    /// Bit (id mod 64) set for every remembered item and category: most items of a
    /// slate match neither, and skip every fatigue lookup.
    std::uint64_t itemMask = 0, categoryMask = 0;
    /// Bits of the slots that two or more different remembered ids share.
    std::uint64_t itemShared = 0, categoryShared = 0;
    /// For a slot whose bit is in the mask: the first id seen in it and the sum of that
    /// id's decays (meaningful only while the slot is not shared).
    std::uint32_t itemKey[kSlots];
    float itemDecaySum[kSlots];
    std::uint32_t categoryKey[kSlots];
    float categoryDecaySum[kSlots];
    /// The impressions themselves, in ring order, for the scan of a shared slot.
    core::ItemId shownItem[kMax];
    std::uint32_t shownCategory[kMax];
    float shownDecay[kMax];

    // --- Purchases (repurchase penalty, brand loyalty) ---
    int bought = 0;
    /// Bit (id mod 64) of every bought item and of its brand: an item matching neither
    /// was not bought and earns no loyalty, without the scan of the purchases.
    std::uint64_t boughtItemMask = 0, boughtBrandMask = 0;
    core::ItemId boughtItem[ShopState::kBought];
    std::uint32_t boughtBrand[ShopState::kBought];
    float boughtPenalty[ShopState::kBought]; ///< before the consumable flag is applied
    float consumableFactor[ShopState::kBought];

    // --- Successors of the context item (sequence bonus) ---
    int successors = 0;
    core::ItemId successor[32];
    /// Bit (id mod 64) set for every successor: most scored items are none, and skip the
    /// scan.
    std::uint64_t successorMask = 0;

    /// itemMask | boughtItemMask | successorMask (combineMasks() keeps it): with the
    /// category and brand masks, one test tells that an item has no history term at all.
    std::uint64_t anyItemMask = 0;
    void combineMasks() { anyItemMask = itemMask | boughtItemMask | successorMask; }
    /// False when no impression, purchase or successor can match `item` (of leaf
    /// `category` and `brand`): every history term of its utility is +0.
    bool mayMatch(core::ItemId item, std::uint32_t category, std::uint32_t brand) const {
        return hasBit(anyItemMask, item) || hasBit(categoryMask, category) ||
               hasBit(boughtBrandMask, brand);
    }

    /// Adds `decay` to the slot of `id` in (keys, sums), under the mask `mask` and the
    /// shared bits `shared` (passed separately so that a caller keeps them in registers
    /// across a loop). The first impression of an id stores `decay`, which is a scan's
    /// +0 + decay bit for bit since a decay (exp2's result) is never -0.
    static void addToSlot(std::uint32_t* keys, float* sums, std::uint64_t& mask,
                          std::uint64_t& shared, std::uint32_t id, float decay) {
        const unsigned slot = id & 63u;
        if (!hasBit(mask, id)) {
            mask |= std::uint64_t(1) << slot;
            keys[slot] = id;
            sums[slot] = decay;
        } else if (keys[slot] == id) {
            sums[slot] += decay;
        } else {
            shared |= std::uint64_t(1) << slot;
        }
    }
    /// Bit (id mod 64) of `mask`. Written as a shift and a test so that a branch on it
    /// compiles to one `bt` (which takes the index mod 64 itself); several tests chained
    /// with || stay separate `bt`s, not shifts through %cl.
    static bool hasBit(std::uint64_t mask, std::uint32_t id) { return (mask >> (id & 63u)) & 1u; }

    /// The decayed impressions of `item` (sameItem) and of items of its leaf `category`
    /// (sameCategory): false, with both untouched, when neither mask bit is set (no
    /// impression can match); else true with both sums, +0 for none. Bit for bit the
    /// sums of scanFatigue().
    bool fatigueSums(core::ItemId item, std::uint32_t category, float& sameItem,
                     float& sameCategory) const {
        const bool itemBit = hasBit(itemMask, item), categoryBit = hasBit(categoryMask, category);
        if (!itemBit && !categoryBit)
            return false;
        const unsigned is = item & 63u, cs = category & 63u;
        // A slot's sum is exact for its key even when the slot is shared (addToSlot adds
        // only the key's decays): only an id that is not the key of a shared slot may have
        // impressions whose sum was not kept, and needs the scan.
        const bool itemHit = itemBit && itemKey[is] == item;
        const bool categoryHit = categoryBit && categoryKey[cs] == category;
        if ((itemBit && !itemHit && hasBit(itemShared, item)) ||
            (categoryBit && !categoryHit && hasBit(categoryShared, category))) {
            scanFatigue(item, category, sameItem, sameCategory);
            return true;
        }
        sameItem = itemHit ? itemDecaySum[is] : 0.0f;
        sameCategory = categoryHit ? categoryDecaySum[cs] : 0.0f;
        return true;
    }
    /// fatigueSums() of an item whose bit is in no item mask (so +0 for sameItem): the
    /// decayed impressions of its leaf `category`, given that the category's bit is set.
    float categoryFatigue(std::uint32_t category) const {
        const unsigned cs = category & 63u;
        if (categoryKey[cs] == category)
            return categoryDecaySum[cs];
        if (!hasBit(categoryShared, category))
            return 0.0f; // another category holds the slot alone: none of this one's
        float sameItem, sameCategory;
        scanFatigue(core::kNoItem, category, sameItem, sameCategory); // no impression is kNoItem
        return sameCategory;
    }
    /// The same sums by a scan of every impression (the reference, and the path of the
    /// shared slots).
    void scanFatigue(core::ItemId item, std::uint32_t category, float& sameItem,
                     float& sameCategory) const;

    /// False when `item` was certainly not bought and no item of `brand` was: the scan of
    /// the purchases would find nothing.
    bool mayHaveBought(core::ItemId item, std::uint32_t brand) const {
        return hasBit(boughtItemMask, item) || hasBit(boughtBrandMask, brand);
    }
};

} // namespace recoscope::sim
