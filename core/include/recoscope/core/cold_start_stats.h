#pragma once
// Cold-start figures of one run, one bucket or the whole run so far (docs/metrics.md,
// "Cold-start figures"). "New user": a shopper in their first two sessions. "New item":
// launched after time 0 and less than 24 simulated hours before the slate was served.
// Impressions and clicks are counted by slate time (a click with the slate it was made on).
//
// Stored form: one `metrics` row per field (names `cold_*`), counts per bucket and launch
// figures cumulative up to the bucket's end, plus the four CTRs of the bucket. Folding the
// buckets in time order with addBucket() gives back the whole-run figures.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace recoscope::core {

struct ColdStartStats {
    std::uint64_t newUserImpressions = 0, newUserClicks = 0;
    std::uint64_t oldUserImpressions = 0, oldUserClicks = 0;
    std::uint64_t newItemImpressions = 0, newItemClicks = 0;
    std::uint64_t oldItemImpressions = 0, oldItemClicks = 0;
    /// Items launched after time 0 and already in the shop.
    std::uint64_t launchedItems = 0;
    std::uint64_t launchedWithImpression = 0, launchedWithPurchase = 0;
    /// Mean simulated hours from launch to the first impression / purchase (of the items
    /// that reached it); 0 when none did.
    double meanHoursToFirstImpression = 0.0, meanHoursToFirstPurchase = 0.0;

    /// The CTRs of each group (rate(): 0 without impressions).
    double ctrNewUsers() const;
    double ctrEstablishedUsers() const;
    double ctrNewItems() const;
    double ctrEstablishedItems() const;

    /// The stored rows: every field, then the four CTRs, in a fixed order.
    std::vector<std::pair<std::string, double>> named() const;
    /// Sets the field stored under `name`; false for the derived CTRs and for names that
    /// are not cold-start metrics.
    bool setNamed(std::string_view name, double value);
    /// True for every name named() writes.
    static bool isStoredName(std::string_view name);
    /// Folds the next bucket into this total: counts add up, launch figures are replaced.
    void addBucket(const ColdStartStats& bucket);
};

} // namespace recoscope::core
