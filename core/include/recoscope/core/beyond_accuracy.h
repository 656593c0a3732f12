#pragma once
// Beyond-accuracy figures of one run (docs/metrics.md, "Beyond accuracy"): what the
// slates a core served look like, and how shoppers keep coming and buying. Fed the same
// way as MetricsAccumulator (which owns one and closes its buckets with its own): every
// slate served and every behavioural event, in time order; take() closes a bucket,
// total() gives the whole run.
//
// Per slate (averaged over slates or impressions):
//   ild_category  = share of the slate's item pairs in different leaf categories
//   ild_latent    = mean over pairs of 1 - cos(v_i, v_j), with item vectors when given
//   novelty       = mean over impressions of -log2 p_i, p_i = (c_i + 1) / (C + n)
//   avg_popularity= mean over slates of the mean c_i of its items (RecBole averagepopularity)
//   tail_share    = share of impressions on items outside the short head: the most
//                   interacted-with items that together hold 80 % of interactions,
//                   fixed at the start of each bucket (RecBole tailpercentage, with
//                   the head defined by share rather than a count cut)
//   serendipity   = clicks on slate items that were not in the popularity top k when the
//                   slate was served / impressions (Ge et al. 2010: unexpected and useful)
//   homogenisation= mean Jaccard index of the latest slates of pairs of users, over the
//                   first 64 users served in the bucket (or in the run, for the total)
// From the events:
//   aov           = revenue / orders; an order is a user's purchases less than 30 minutes
//                   apart
//   return_rate   = share of the bucket's active users who had been active before it
//                   (whole run: users active on two or more days / active users)
//   retention     = by cohort (users by day of first activity): share active d days later
// where c_i counts interactions with item i so far (views, clicks, favourites, cart
// additions, purchases: one each), C their sum and n the catalogue size. Plain
// arithmetic: memory grows with users and items, never with events. Cost per slate of k
// items: O(k) lookups and O(k x dim) additions (no pairwise comparison or dot product);
// per bucket: O(items) for the short head and O(64^2 k) for homogenisation.
// Not thread-safe: one thread feeds and reads it.

#include "recoscope/core/beyond_accuracy_point.h"
#include "recoscope/core/event.h"
#include "recoscope/core/huge_pages.h"
#include "recoscope/core/shop.h"
#include "recoscope/core/slate.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <vector>

namespace recoscope::core {

class BeyondAccuracy {
public:
    /// `items` must outlive the accumulator, and so must `vectors` (optional, row-major,
    /// `dim` floats per item), which give the latent distance (read in place; the
    /// accumulator keeps each item's inverse norm).
    /// Slate and event items must be ids of `items` (events without an item are fine).
    explicit BeyondAccuracy(const ItemTable& items, std::span<const float> vectors = {},
                            int dim = 0, int popularK = 10);

    void onSlate(SimTime time, UserId user, std::span<const SlateEntry> slate);
    /// The same, and counts the slate's impressions in `exposure` (one counter per item, as
    /// MetricsAccumulator keeps them) in the same pass.
    void onSlate(SimTime time, UserId user, std::span<const SlateEntry> slate,
                 std::uint64_t* exposure);
    void onEvent(const Event& event);
    /// Starts loading the per-item state onSlate() will read for `slate` (a hint only:
    /// no value changes). On a million-item catalogue each item is a cache miss.
    void prefetch(std::span<const SlateEntry> slate) const;
    /// Sizes the per-user state for the ids below `users` now, where it would otherwise grow
    /// to the largest id seen during the run: on a million users each growth zeroed fresh
    /// huge pages and moved every state inside the run's time. Changes no figure.
    void reserveUsers(std::size_t users) {
        if (users > m_users.size())
            m_users.resize(users);
    }
    /// Starts loading the state onSlate() and onEvent() keep for `user` (and, when `deep`,
    /// the user's latest slate it points to). A hint only; ids never seen are skipped.
    void prefetchUser(UserId user, bool deep) const;

    /// The bucket since the last take(); the next bucket starts (short head refixed).
    BeyondAccuracyPoint take();
    /// The open bucket so far (what take() would return now), without closing it.
    BeyondAccuracyPoint current() const;
    /// The whole run so far.
    BeyondAccuracyPoint total() const;
    /// retention[c][d]: share of the users first active on day first + c who were active
    /// again on day first + c + d, for d < days (at most 8; 1 at d = 0), one row per day
    /// up to the last event's; NaN for days after the last event (not observed yet) and
    /// for days on which no user was new.
    std::vector<std::vector<double>> retention(int days = 7) const;
    /// The same with its first day (`first` above; 0 before any event).
    RetentionTable retentionTable(int days = 7) const;

    /// Exposed for tests: the items of the short head as of the current bucket.
    bool inHead(ItemId item) const { return item < m_item.size() && !m_item[item].tail; }

    static constexpr double kOrderGapSeconds = 1800.0;
    static constexpr double kHeadShare = 0.8;
    static constexpr std::size_t kHomogenisationUsers = 64;
    static constexpr std::size_t kLog2Table = 4096;

private:
    struct Sums {
        double ildCategory = 0, ildLatent = 0, novelty = 0, popularity = 0, revenue = 0;
        std::uint64_t slates = 0, impressions = 0, tail = 0, serendipitous = 0, orders = 0;
        std::vector<UserId> servedUsers; ///< first kHomogenisationUsers served, in order
    };
    struct Shown {
        ItemId item;
        std::uint8_t unexpected; ///< not in the popularity top k when served
    };
    struct UserState {
        std::vector<Shown> shown; ///< the latest slate
        double lastPurchase = -1.0;
        std::int32_t firstDay = -1, lastDay = -1, lastBucket = -1;
        std::uint8_t retentionBits = 0; ///< days firstDay + d (d < 8) seen active
        bool multiDay = false;
    };
    /// Adds `user` to s.servedUsers unless there already (call while it has room; out of
    /// line: most slates come after both lists are full).
    [[gnu::noinline]] static void noteServed(Sums& s, UserId user);
    /// The same for the bucket's list, which is refilled every bucket: membership from a
    /// bit per user id (m_servedBits, cleared for the listed users when the bucket closes)
    /// instead of a search through the list.
    [[gnu::noinline]] void noteServedInBucket(UserId user);
    /// floor(t / kSecondsPerDay) for onEvent(): the cached day when t lies between two times
    /// known to give it (the division and floor are monotonic), else computed (dayOf).
    std::int32_t day(double t) { return t >= m_dayLow && t <= m_dayHigh ? m_day : dayOf(t); }
    [[gnu::noinline]] std::int32_t dayOf(double t);
    BeyondAccuracyPoint point(const Sums& s) const;
    double homogenisation(const std::vector<UserId>& users) const;
    void fixHead();
    void countInteraction(ItemId item); ///< always inline in onEvent (beyond_accuracy.cpp)
    /// countInteraction()'s update of the popularity top k (m_top), when `item` is in it or
    /// enters it.
    [[gnu::noinline]] void updateTop(ItemId item);
    /// The popularity order of m_top: more interactions first, ties to the lower id.
    bool better(ItemId a, ItemId b) const {
        const std::uint64_t ca = m_item[a].count, cb = m_item[b].count;
        return ca > cb || (ca == cb && a < b);
    }
    double log2Total();           ///< log2(C + n), cached while C stays the same (inline in serve)
    double log2TotalAt(double t); ///< log2(t) around the anchor (moves the anchor)
    /// log2TotalAt()'s rare case: a new anchor at `t` (out of line: a logarithm).
    [[gnu::noinline]] double reanchor(double t);
    UserState& user(UserId id) {
        if (id >= m_users.size())
            m_users.resize(static_cast<std::size_t>(id) + 1);
        return m_users[id];
    }

    // Everything a slate reads of each of its items, in one 32-byte record (half a cache
    // line, one miss per item on a large catalogue; the category used to be a second one).
    struct ItemState {
        std::uint64_t count = 0;    ///< c_i
        double log2Count = 0;       ///< log2(c_i + 1), kept with c_i
        float invNorm = 0;          ///< 1 / |v_i| (0 for a zero vector or without vectors)
        std::uint32_t category = 0; ///< the item's leaf category (items.category, copied)
        // tail and unit are 16 bits wide and adjacent: the 16-dimension pass adds both with
        // one 32-bit load per item (tallyPair), exact for slates below kPairedSlate items.
        std::uint16_t tail = 1;      ///< not in the short head of the current bucket
        std::uint16_t unit = 0;      ///< |v_i / |v_i||^2: 1 for a non-zero vector, else 0
        std::uint8_t unexpected = 1; ///< not in the popularity top k
        /// tail + (unit << 16), the two fields read as one word.
        std::uint32_t tailAndUnit() const;
    };
    /// Slates shorter than this add tail and unit as one word (tailAndUnit()): each sum is
    /// at most the slate's size, so the tails never carry into the units.
    static constexpr std::size_t kPairedSlate = 1u << 16;
    /// What onSlate() sums over a slate's items before it updates the bucket and the run.
    struct SlateTally {
        std::uint64_t counts = 0, tail = 0, same = 0, unit = 0;
        double logCounts = 0;
        double squared = 0; ///< |sum of the unit vectors|^2 (with latent figures only)
    };
    /// One pass over the slate: `Dim` 16 holds the vector sum in registers, -1 is any
    /// dimension (m_sum), 0 none (no vectors, or a single item); with `Expose` it also
    /// counts the impressions in `exposure`.
    template <int Dim, bool Expose>
    SlateTally tally(std::span<const SlateEntry> slate, Shown* shown, std::uint64_t* exposure);
    /// onSlate() for one kind of tally: the pass, then the per-slate figures added up.
    template <bool Expose>
    void serve(UserId user, std::span<const SlateEntry> slate, std::uint64_t* exposure);
    /// The next slate's stamp for m_catCount (upper 32 bits), restarting the counts when
    /// the stamps wrap around.
    std::uint64_t nextCategoryStamp() {
        m_catStamp += std::uint64_t(1) << 32;
        if (m_catStamp == 0) [[unlikely]]
            restartCategoryStamps();
        return m_catStamp;
    }
    [[gnu::noinline]] void restartCategoryStamps();

    const ItemTable& m_items;
    int m_dim;
    std::span<const float> m_vectors; ///< the caller's item vectors
    std::vector<float> m_sum;         ///< scratch: the sum of a slate's unit vectors
    /// Per category: a slate's stamp (upper 32 bits) and how many of its items so far had
    /// the category (lower 32); a count under an older stamp reads as 0, so nothing is
    /// reset between slates.
    std::vector<std::uint64_t> m_catCount;
    std::uint64_t m_catStamp = 0; ///< the latest slate's stamp (upper 32 bits)
    std::size_t m_popularK;
    std::vector<ItemState> m_item;
    std::vector<double> m_log2Small; ///< log2(k) for k < kLog2Table
    std::uint64_t m_countSum = 0;
    double m_itemCount = 0;                ///< n = m_item.size() as a double, for log2Total()
    double m_anchor = 0, m_anchorLog2 = 0; ///< log2Total(): T0 and log2(T0)
    std::uint64_t m_log2TotalAt = ~std::uint64_t(0); ///< m_countSum of m_log2Total
    double m_log2Total = 0;                          ///< log2Total() at m_log2TotalAt
    /// Items per count c_i up to m_countCap, kept as counts grow (fixHead walks it from the
    /// top instead of recounting the catalogue); its size is min(largest c_i, cap) + 1.
    std::vector<std::uint32_t> m_countItems;
    std::uint64_t m_countCap = 0;   ///< 4 n + 1024: larger counts are listed in m_aboveCap
    std::vector<ItemId> m_aboveCap; ///< the items counted above m_countCap (a few hot ones)
    std::vector<ItemId> m_top;      ///< popularity top k, best first
    // Scratch of homogenisation() (a const query): per item, the sampled users shown it;
    // all zero between calls.
    mutable std::vector<std::uint64_t> m_mask;
    std::vector<std::uint64_t> m_servedBits; ///< per user id: in m_bucket.servedUsers
    double m_dayLow = 1.0, m_dayHigh = 0.0;  ///< day(): the times known to give m_day
    std::int32_t m_day = 0;
    /// Sized by reserveUsers() (the engine: the population) and grown to any larger id seen;
    /// on huge pages (a million users: 48 MB, read at random).
    std::vector<UserState, HugePageAllocator<UserState>> m_users;
    std::int32_t m_bucketIndex = 0;
    std::int32_t m_lastDaySeen = -1;
    std::uint64_t m_bucketActive = 0, m_bucketReturning = 0, m_everActive = 0, m_multiDay = 0;
    std::map<std::int32_t, std::vector<std::uint64_t>> m_cohort; ///< first day -> active at +d
    Sums m_bucket, m_total;
    /// m_bucket.servedUsers or m_total.servedUsers has room (< kHomogenisationUsers): set
    /// by take(), cleared by serve() once both are full.
    bool m_sampleRoom = true;
};

} // namespace recoscope::core
