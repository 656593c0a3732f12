#include "recoscope/core/cold_start_accumulator.h"

#include <algorithm>
#include <cassert>

namespace recoscope::core {

ColdStartAccumulator::ColdStartAccumulator(const ItemTable& items, SimTime bucketWidth)
    : m_items(items), m_width(bucketWidth), m_firstImpression(items.size(), -1.0),
      m_firstPurchase(items.size(), -1.0) {
    assert(bucketWidth > 0.0);
    for (ItemId i = 0; i < items.size(); ++i)
        if (items.launchTime[i] > 0.0)
            m_lateItems.push_back(i);
    std::stable_sort(m_lateItems.begin(), m_lateItems.end(),
                     [&](ItemId a, ItemId b) { return items.launchTime[a] < items.launchTime[b]; });
}

// Closes the buckets that end at or before `time` with MetricsAccumulator::advanceTo's
// arithmetic (start + width, added up bucket by bucket), so the ends compare equal.
void ColdStartAccumulator::advanceTo(SimTime time) {
    while (time >= m_bucketStart + m_width) {
        const SimTime end = m_bucketStart + m_width;
        m_closed.emplace_back(end, m_open);
        m_open = ColdStartStats{};
        m_bucketStart = end;
    }
}

void ColdStartAccumulator::onSlate(SimTime t, const Slate& slate, int clicked, bool newUser) {
    if (slate.empty())
        return;
    advanceTo(t);
    for (std::size_t p = 0; p < slate.size(); ++p) {
        const ItemId item = slate[p].item;
        if (item >= m_firstImpression.size())
            continue;
        if (m_firstImpression[item] < 0.0)
            m_firstImpression[item] = t;
        const SimTime launch = m_items.launchTime[item];
        const bool newItem = launch > 0.0 && t - launch < kSecondsPerDay;
        const bool click = static_cast<int>(p) == clicked;
        for (ColdStartStats* k : {&m_total, &m_open}) {
            (newUser ? k->newUserImpressions : k->oldUserImpressions) += 1;
            (newItem ? k->newItemImpressions : k->oldItemImpressions) += 1;
            if (click) {
                (newUser ? k->newUserClicks : k->oldUserClicks) += 1;
                (newItem ? k->newItemClicks : k->oldItemClicks) += 1;
            }
        }
    }
}

void ColdStartAccumulator::onPurchase(ItemId item, SimTime time) {
    if (item < m_firstPurchase.size() && m_firstPurchase[item] < 0.0)
        m_firstPurchase[item] = time;
}

// Items launched after time 0 up to `asOf`. With `strict`, only what happened before
// `asOf` counts (a closed bucket holds what came before its end); without, everything
// tracked so far (the live view, the last bucket).
void ColdStartAccumulator::addLaunchFigures(ColdStartStats& s, SimTime asOf, bool strict) const {
    const auto& launch = m_items.launchTime;
    auto reached = [&](SimTime at) { return at >= 0.0 && (!strict || at < asOf); };
    double toImpression = 0.0, toPurchase = 0.0;
    for (ItemId item : m_lateItems) {
        if (strict ? launch[item] >= asOf : launch[item] > asOf)
            break;
        ++s.launchedItems;
        if (reached(m_firstImpression[item])) {
            ++s.launchedWithImpression;
            toImpression += (m_firstImpression[item] - launch[item]) / kSecondsPerHour;
        }
        if (reached(m_firstPurchase[item])) {
            ++s.launchedWithPurchase;
            toPurchase += (m_firstPurchase[item] - launch[item]) / kSecondsPerHour;
        }
    }
    if (s.launchedWithImpression)
        s.meanHoursToFirstImpression = toImpression / static_cast<double>(s.launchedWithImpression);
    if (s.launchedWithPurchase)
        s.meanHoursToFirstPurchase = toPurchase / static_cast<double>(s.launchedWithPurchase);
}

ColdStartStats ColdStartAccumulator::total(SimTime now) const {
    ColdStartStats s = m_total;
    addLaunchFigures(s, now, false);
    return s;
}

ColdStartStats ColdStartAccumulator::takeBucket(SimTime end, SimTime now) {
    advanceTo(end);
    ColdStartStats counts;
    while (!m_closed.empty() && m_closed.front().first <= end) {
        counts.addBucket(m_closed.front().second);
        const bool match = m_closed.front().first == end;
        m_closed.pop_front();
        if (match) {
            addLaunchFigures(counts, end, true);
            return counts;
        }
    }
    // The run's last bucket, closed early by the end of the run.
    counts.addBucket(m_open);
    m_open = ColdStartStats{};
    m_bucketStart = std::max(m_bucketStart, end);
    addLaunchFigures(counts, now, false);
    return counts;
}

} // namespace recoscope::core
