#pragma once
// ColdStartAccumulator: the cold-start figures (ColdStartStats) of one run, whole-run and
// per metric bucket. Its buckets have the boundaries of the run's MetricsAccumulator (same
// width, closed by the same arithmetic), but they are filled by *slate* time after the
// action is over (a click counts with its slate), so they are kept apart from the
// accumulator's own buckets and handed over with takeBucket() when the engine closes one.
// Single-threaded; `items` must outlive the accumulator; times in simulated seconds.

#include "recoscope/core/cold_start_stats.h"
#include "recoscope/core/shop.h"
#include "recoscope/core/slate.h"

#include <deque>
#include <utility>
#include <vector>

namespace recoscope::core {

class ColdStartAccumulator {
public:
    ColdStartAccumulator(const ItemTable& items, SimTime bucketWidth);

    /// A slate served at `time` to a new (first two sessions) or established user;
    /// `clicked` is the clicked position or -1. Slates come in time order.
    void onSlate(SimTime time, const Slate& slate, int clicked, bool newUser);
    /// A purchase of `item` at `time` (first purchases of launched items).
    void onPurchase(ItemId item, SimTime time);

    /// Whole run so far: every count, launch figures of everything tracked up to `now`.
    ColdStartStats total(SimTime now) const;
    /// The figures of the metric bucket ending at `end`, which the engine has just closed
    /// (buckets are taken in order). A whole bucket gets launch figures strictly before
    /// `end`; the run's last, partial bucket (no mirror bucket ends there) gets everything
    /// tracked up to `now`, as the live view shows it.
    ColdStartStats takeBucket(SimTime end, SimTime now);

private:
    void advanceTo(SimTime time);
    void addLaunchFigures(ColdStartStats& s, SimTime asOf, bool strict) const;

    const ItemTable& m_items;
    SimTime m_width;
    SimTime m_bucketStart = 0.0;
    ColdStartStats m_total;
    ColdStartStats m_open;                                   // the open bucket
    std::deque<std::pair<SimTime, ColdStartStats>> m_closed; // (end, counts)
    std::vector<SimTime> m_firstImpression, m_firstPurchase; // -1 = not yet
    std::vector<ItemId> m_lateItems; // launched after time 0, by launch time
};

} // namespace recoscope::core
