#pragma once
// Online shop metrics for one run, by simulated-time bucket and for the whole run.
// Definitions (see docs/metrics.md):
//   CTR        = clicks on recommended items / recommended impressions
//   CVR (impr) = purchases attributed to a recommendation / recommended impressions
//   CVR (click)= purchases attributed to a recommendation / clicks on recommended items
//   revenue    = sum of prices paid over all purchases (rec_revenue: attributed ones)
//   coverage   = share of the launched catalogue recommended at least once so far
//   gini       = Gini coefficient of cumulative exposure over launched items
//   latency    = wall-clock duration of recommend(), p50/p95/p99 (not part of determinism)
// and, in the same buckets, the beyond-accuracy figures (BeyondAccuracy).

#include "recoscope/core/beyond_accuracy.h"
#include "recoscope/core/event.h"
#include "recoscope/core/gini_histogram.h"
#include "recoscope/core/latency_histogram.h"
#include "recoscope/core/shop.h"
#include "recoscope/core/slate.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace recoscope::core {

struct Counters {
    std::uint64_t events = 0; ///< behavioural events (every Event, impressions excluded)
    std::uint64_t sessions = 0;
    std::uint64_t requests = 0;    ///< slates served
    std::uint64_t impressions = 0; ///< items shown in slates
    std::uint64_t clicks = 0;      ///< clicks on slate items
    std::uint64_t views = 0;
    std::uint64_t searches = 0;
    std::uint64_t favourites = 0;
    std::uint64_t carts = 0; ///< cart additions
    std::uint64_t cartRemoves = 0;
    std::uint64_t purchases = 0;
    std::uint64_t recPurchases = 0; ///< purchases attributed to a recommendation click
    double revenue = 0.0;
    double recRevenue = 0.0;
    std::array<std::uint64_t, kEventKindCount> byKind{};

    void add(const Counters& other);
};

/// Values of one bucket (or of the whole run) ready to store or chart.
struct MetricPoint {
    SimTime bucketStart = 0.0; ///< simulated seconds; whole-run summaries use 0
    SimTime bucketEnd = 0.0;
    Counters counters;
    double ctr = 0.0;
    double cvrImpressions = 0.0;
    double cvrClicks = 0.0;
    double coverage = 0.0; ///< cumulative up to bucketEnd
    double gini = 0.0;     ///< cumulative exposure up to bucketEnd
    double latencyP50us = 0.0, latencyP95us = 0.0, latencyP99us = 0.0;
    BeyondAccuracyPoint beyond; ///< the same bucket's beyond-accuracy figures
    bool hasBeyond = false;     ///< false for points read from runs stored without them

    /// The shop metrics above, named, in a fixed order (what golden files record).
    std::vector<std::pair<std::string, double>> named() const;
    /// Every row the `metrics` table stores for the point: named(), then beyond.named().
    std::vector<std::pair<std::string, double>> stored() const;
};

class MetricsAccumulator {
public:
    /// `bucketWidth` in simulated seconds (> 0). `items` must outlive the accumulator.
    /// `vectors`/`dim`: the items' latent vectors for BeyondAccuracy's ild_latent (none:
    /// that figure is left out); read in place, so they must outlive the accumulator too.
    MetricsAccumulator(const ItemTable& items, SimTime bucketWidth,
                       std::span<const float> vectors = {}, int dim = 0);

    /// A slate served at `time` to `user`; latency in wall-clock nanoseconds. Without a
    /// user the slate counts in the shop metrics only, not in the beyond-accuracy figures.
    void onSlate(SimTime time, const Slate& slate, std::uint64_t latencyNs, UserId user = kNoUser);
    /// A hint that onSlate() will soon be called with `slate`: its per-item state starts
    /// loading, so that the misses overlap with the caller's own work. No value changes;
    /// nothing on a catalogue that stays in cache (prefetchPays). The test inline: there
    /// a call that returned at once was ~8 instructions a step.
    void prefetch(const Slate& slate) const {
        if (m_prefetch)
            prefetchSlate(slate);
    }
    /// A hint that a slate for `user` comes soon (a step ahead, from the engine's software
    /// pipeline): the user's beyond-accuracy state starts loading. `deep` also follows the
    /// state's pointer to the user's latest slate (call it once the state is in cache,
    /// e.g. a step after a shallow hint). No value changes; nothing below prefetchPays users.
    void prefetchUser(UserId user, bool deep) const { m_beyond.prefetchUser(user, deep); }
    /// The per-user state for ids below `users` sized now, at start-up, rather than grown
    /// during the run (BeyondAccuracy::reserveUsers). Changes no figure.
    void reserveUsers(std::size_t users) { m_beyond.reserveUsers(users); }
    void onEvent(const Event& event);
    void onSessionStart(SimTime time);

    /// Closes every bucket that ends at or before `now` and appends them to `out`.
    /// Buckets with no activity are reported too (rates 0), so charts keep a time axis.
    void takeFinishedBuckets(SimTime now, std::vector<MetricPoint>& out);
    /// Closes the current partial bucket (end of run) into `out`.
    void flush(SimTime now, std::vector<MetricPoint>& out);

    /// Whole-run figures so far.
    MetricPoint total(SimTime now) const;
    /// The open bucket so far, for live views: counters since the last closed bucket with
    /// their rates; coverage, Gini and latency are those of `total` (the whole run so far,
    /// from total(now)), so a snapshot sorts the exposure once. Call after
    /// takeFinishedBuckets(now) so no closed bucket is pending.
    MetricPoint openBucket(const MetricPoint& total) const;
    const Counters& totals() const { return m_total; }
    const BeyondAccuracy& beyondAccuracy() const { return m_beyond; }
    /// recommend() durations of the whole run so far (the closed buckets' and the open one's).
    LatencyHistogram latency() const;
    SimTime bucketWidth() const { return m_bucketWidth; }

    /// Exposure (impressions) per item so far.
    const std::vector<std::uint64_t>& exposure() const { return m_exposure; }
    double coverage(SimTime now) const;
    double gini(SimTime now) const;

private:
    /// Closes the buckets that end at or before `time` (inline: almost every call has none).
    void advanceTo(SimTime time) {
        if (time >= m_bucketStart + m_bucketWidth) [[unlikely]]
            closeBucketsBefore(time);
    }
    [[gnu::noinline]] void closeBucketsBefore(SimTime time);
    void prefetchSlate(const Slate& slate) const;
    MetricPoint closeBucket(SimTime end);
    /// Rates, cumulative coverage and Gini at `end`, and latency quantiles for a span.
    MetricPoint point(SimTime start, SimTime end, const Counters& counters,
                      const LatencyHistogram& latency) const;
    static void deriveRates(MetricPoint& point);

    const ItemTable& m_items;
    SimTime m_bucketWidth;
    SimTime m_bucketStart = 0.0;
    Counters m_bucket;
    Counters m_total;
    LatencyHistogram m_bucketLatency; ///< the open bucket's slates
    LatencyHistogram m_totalLatency;  ///< the closed buckets' (merged as each closes)
    std::vector<std::uint64_t> m_exposure;
    bool m_prefetch; // prefetchPays(items.size()): hints only where they pay
    std::vector<MetricPoint> m_pending;
    mutable GiniHistogram m_gini; ///< point()'s scratch: empty between calls
    BeyondAccuracy m_beyond;      // closed with each bucket (closeBucket), so the buckets agree
};

/// num / den, 0 when den is 0: every rate of the metrics (CTR, CVR, cold-start CTRs).
double rate(std::uint64_t num, std::uint64_t den);

/// Gini coefficient of non-negative counts (0 = equal exposure, ->1 = one item takes all).
double giniCoefficient(const std::vector<std::uint64_t>& counts);

} // namespace recoscope::core
