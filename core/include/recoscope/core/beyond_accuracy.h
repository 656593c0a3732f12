#pragma once
// Beyond-accuracy figures of one run (docs/metrics.md, "Beyond accuracy"): what the
// slates a core served look like, and how shoppers keep coming and buying. Fed the same
// way as MetricsAccumulator: every slate served and every behavioural event, in time
// order; take() closes a bucket, total() gives the whole run.
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
// arithmetic: memory grows with users and items, never with events.

#include "recoscope/core/event.h"
#include "recoscope/core/shop.h"
#include "recoscope/core/slate.h"

#include <cstdint>
#include <map>
#include <span>
#include <vector>

namespace recoscope::core {

struct BeyondAccuracyPoint {
    double ildCategory = 0, ildLatent = 0, novelty = 0, averagePopularity = 0, tailShare = 0,
           serendipity = 0, homogenisation = 0, aov = 0, returnRate = 0;
    std::uint64_t slates = 0, impressions = 0, orders = 0, activeUsers = 0;
    bool hasLatent = false;
};

class BeyondAccuracy {
public:
    /// `items` must outlive the accumulator. `vectors` (optional, row-major, `dim` floats
    /// per item) gives the latent distance; the accumulator keeps normalised copies.
    explicit BeyondAccuracy(const ItemTable& items, std::span<const float> vectors = {},
                            int dim = 0, int popularK = 10);

    void onSlate(SimTime time, UserId user, std::span<const SlateEntry> slate);
    void onEvent(const Event& event);

    /// The bucket since the last take(); the next bucket starts (short head refixed).
    BeyondAccuracyPoint take();
    /// The whole run so far.
    BeyondAccuracyPoint total() const;
    /// retention[c][d]: share of the users first active on day first + c who were active
    /// again on day first + c + d, for d < days (at most 8; 1 at d = 0), one row per day
    /// up to the last event's; NaN for days after the last event (not observed yet) and
    /// for days on which no user was new.
    std::vector<std::vector<double>> retention(int days = 7) const;

    /// Exposed for tests: the items of the short head as of the current bucket.
    bool inHead(ItemId item) const { return item < m_head.size() && m_head[item]; }

    static constexpr double kOrderGapSeconds = 1800.0;
    static constexpr double kHeadShare = 0.8;
    static constexpr std::size_t kHomogenisationUsers = 64;

private:
    struct Sums {
        double ildCategory = 0, ildLatent = 0, novelty = 0, popularity = 0, revenue = 0;
        std::uint64_t slates = 0, impressions = 0, tail = 0, serendipitous = 0, orders = 0;
        std::vector<UserId> servedUsers; ///< first kHomogenisationUsers served, in order
    };
    struct UserState {
        std::vector<ItemId> lastSlate;
        std::vector<std::uint8_t> unexpected; ///< per position of lastSlate
        double lastPurchase = -1.0;
        std::int32_t firstDay = -1, lastDay = -1, lastBucket = -1;
        std::uint8_t retentionBits = 0; ///< days firstDay + d (d < 8) seen active
        bool multiDay = false;
        bool served = false, servedInBucket = false;
    };
    void addSlate(Sums& s, UserId user, std::span<const SlateEntry> slate, bool bucket);
    BeyondAccuracyPoint point(const Sums& s) const;
    double homogenisation(const std::vector<UserId>& users) const;
    void fixHead();
    void countInteraction(ItemId item);
    UserState& user(UserId id);

    const ItemTable& m_items;
    int m_dim;
    std::vector<float> m_unit; ///< normalised vectors
    std::size_t m_popularK;
    std::vector<std::uint64_t> m_count; ///< c_i
    std::uint64_t m_countSum = 0;
    std::vector<ItemId> m_top;        ///< popularity top k, best first
    std::vector<std::uint8_t> m_head; ///< short head of the current bucket
    std::vector<UserState> m_users;
    std::int32_t m_bucketIndex = 0;
    std::int32_t m_lastDaySeen = -1;
    std::uint64_t m_bucketActive = 0, m_bucketReturning = 0, m_everActive = 0, m_multiDay = 0;
    std::map<std::int32_t, std::vector<std::uint64_t>> m_cohort; ///< first day -> active at +d
    Sums m_bucket, m_total;
};

} // namespace recoscope::core
