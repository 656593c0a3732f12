#pragma once
// Private: an exact top-k over scores of the form value[p] * factor[category], p a
// position in a layout that groups the catalogue by top category, cut into small blocks
// whose largest value bounds every score in the block (issue 17, decision 0043: `trending`).

#include "recoscope/core/request.h"
#include "recoscope/core/shop.h"
#include "recoscope/core/topk.h"
#include "recoscope/core/types.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <numeric>
#include <vector>

namespace recoscope::core::kit {

/// The items 0..n-1 laid out by top category (categories in increasing id, items of a
/// category in increasing id), each category padded to whole blocks of kBlock positions:
/// a block holds items of one top category only. A core keeps its per-item counts at
/// positionOf(item) (positions() slots, padding included, which the core never touches),
/// fills the values of a request with setValues(), and topK() then bounds a whole block
/// by its largest value times its category's factor.
///
/// topK() offers to `topk` exactly what a scan of every available, non-excluded item with
/// score value(positionOf(i)) * factor[topCategory[i]] would keep, ties by id included:
/// blocks are visited in decreasing bound, and a block is skipped (or the search stops)
/// only when TopK would refuse its bound paired with its smallest item id, which it then
/// refuses for every item of the block. Requirements, checked by nobody at run time:
/// every value is >= 0 (or NaN: a NaN with the sign bit clear makes its block's bound
/// NaN, and such a block is always scanned), padding values are >= 0 too, and every
/// factor is > 0 and finite. Float products are monotone in each non-negative factor, so
/// value <= max implies value * f <= max * f in float too: the bound needs no rounding
/// slack.
///
/// The layout reads ItemTable::topCategory once, at construction: top categories are
/// fixed for an item's life (the simulator sets them when it generates the world).
/// Cost per request: the values and the block maxima in one vectorised pass (integer
/// compares of the float bits), a heap of the blocks, and the scored blocks only.
/// Not thread-safe; owned by one core.
class CategoryBlocks {
public:
    static constexpr std::size_t kBlock = 64;

    CategoryBlocks() = default;
    explicit CategoryBlocks(const ItemTable& items) {
        const std::size_t n = items.size();
        std::vector<ItemId> byCategory(n);
        std::iota(byCategory.begin(), byCategory.end(), ItemId{0});
        std::stable_sort(byCategory.begin(), byCategory.end(), [&](ItemId a, ItemId b) {
            return items.topCategory[a] < items.topCategory[b];
        });
        m_pos.resize(n);
        for (std::size_t i = 0; i < n;) {
            const std::uint32_t cat = items.topCategory[byCategory[i]];
            const auto begin = static_cast<std::uint32_t>(m_itemAt.size());
            std::size_t count = 0;
            while (i < n && count < kBlock && items.topCategory[byCategory[i]] == cat) {
                m_pos[byCategory[i]] = static_cast<std::uint32_t>(m_itemAt.size());
                m_itemAt.push_back(byCategory[i]);
                ++i, ++count;
            }
            m_blocks.push_back(
                {begin, static_cast<std::uint32_t>(begin + count), cat, m_itemAt[begin]});
            m_itemAt.resize(begin + kBlock, kNoItem); // padding
        }
        m_value.assign(m_itemAt.size(), 0.0f);
        m_blockMax.assign(m_blocks.size(), 0);
    }

    /// Slots a core's per-position arrays need (items plus padding).
    std::size_t positions() const { return m_itemAt.size(); }
    std::uint32_t positionOf(ItemId item) const { return m_pos[item]; }

    /// Sets every position's value to `value(p)` (padding included) and each block's
    /// maximum, in one pass the compiler vectorises when `value` is branch-free.
    template <class Value> void setValues(Value&& value) {
        float* out = m_value.data();
        for (std::size_t b = 0; b < m_blocks.size(); ++b) {
            // The largest bit pattern: for floats >= 0 the integer order of the bits is
            // the float order, and the integer maximum vectorises (the float one does not
            // without -ffast-math).
            std::int32_t top = 0;
            for (std::size_t j = 0; j < kBlock; ++j) {
                const std::size_t p = b * kBlock + j;
                const float v = value(p);
                out[p] = v;
                std::int32_t bits;
                std::memcpy(&bits, &v, sizeof bits);
                top = bits > top ? bits : top;
            }
            m_blockMax[b] = top;
        }
    }
    /// The value setValues() gave position p.
    float value(std::size_t p) const { return m_value[p]; }

    /// See the class comment: the values of the last setValues(), `factor` indexed by the
    /// category ids of ItemTable::topCategory.
    void topK(const ItemTable& items, const Request& request, const float* factor, TopK& topk) {
        m_heap.clear();
        for (std::uint32_t b = 0; b < m_blocks.size(); ++b) {
            float vmax;
            std::memcpy(&vmax, &m_blockMax[b], sizeof vmax);
            float bound = vmax * factor[m_blocks[b].category];
            if (!(bound <= std::numeric_limits<float>::max()))
                bound = std::numeric_limits<float>::infinity(); // NaN: keep the heap ordered
            m_heap.push_back({bound, b});
        }
        const auto lower = [](const Bound& a, const Bound& b) { return a.bound < b.bound; };
        std::make_heap(m_heap.begin(), m_heap.end(), lower);
        while (!m_heap.empty()) {
            const Bound top = m_heap.front();
            if (top.bound < topk.threshold())
                break; // every block left is bounded by this one
            std::pop_heap(m_heap.begin(), m_heap.end(), lower);
            m_heap.pop_back();
            const Block& blk = m_blocks[top.block];
            if (!topk.admits(top.bound, blk.firstItem))
                continue; // a tie of the bound, but the block's ids all lose it
            const float f = factor[blk.category];
            for (std::uint32_t p = blk.begin; p < blk.end; ++p) {
                const ItemId item = m_itemAt[p];
                if (!items.available[item])
                    continue;
                const float s = m_value[p] * f;
                if (topk.admits(s, item) && !request.excludes(item))
                    topk.offer(item, s);
            }
        }
    }

private:
    struct Block {
        std::uint32_t begin, end; // positions of its items (the padding follows)
        std::uint32_t category;
        ItemId firstItem; // the smallest id of the block (items of a block are in id order)
    };
    struct Bound {
        float bound;
        std::uint32_t block;
    };
    std::vector<ItemId> m_itemAt; // kNoItem on padding
    std::vector<std::uint32_t> m_pos;
    std::vector<Block> m_blocks;          // block b holds positions [b * kBlock, (b + 1) * kBlock)
    std::vector<float> m_value;           // by position, set by setValues()
    std::vector<std::int32_t> m_blockMax; // bits of each block's largest value
    std::vector<Bound> m_heap;            // scratch of topK()
};

} // namespace recoscope::core::kit
