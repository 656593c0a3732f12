#include "recoscope/core/cold_start_stats.h"

#include "recoscope/core/metrics.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace recoscope::core {

namespace {

// The stored fields, one table for writing, reading and folding. Counts are per bucket;
// `cumulative` fields hold the value at the bucket's end.
struct Field {
    const char* name;
    std::uint64_t ColdStartStats::*count;
    double ColdStartStats::*real;
    bool cumulative;
};
constexpr Field kFields[] = {
    {"cold_new_user_impressions", &ColdStartStats::newUserImpressions, nullptr, false},
    {"cold_new_user_clicks", &ColdStartStats::newUserClicks, nullptr, false},
    {"cold_established_user_impressions", &ColdStartStats::oldUserImpressions, nullptr, false},
    {"cold_established_user_clicks", &ColdStartStats::oldUserClicks, nullptr, false},
    {"cold_new_item_impressions", &ColdStartStats::newItemImpressions, nullptr, false},
    {"cold_new_item_clicks", &ColdStartStats::newItemClicks, nullptr, false},
    {"cold_established_item_impressions", &ColdStartStats::oldItemImpressions, nullptr, false},
    {"cold_established_item_clicks", &ColdStartStats::oldItemClicks, nullptr, false},
    {"cold_launched_items", &ColdStartStats::launchedItems, nullptr, true},
    {"cold_launched_items_shown", &ColdStartStats::launchedWithImpression, nullptr, true},
    {"cold_launched_items_bought", &ColdStartStats::launchedWithPurchase, nullptr, true},
    {"cold_launch_to_first_impression_h", nullptr, &ColdStartStats::meanHoursToFirstImpression,
     true},
    {"cold_launch_to_first_purchase_h", nullptr, &ColdStartStats::meanHoursToFirstPurchase, true},
};
// Derived per-bucket rates: stored for SQL and CSV readers, recomputed from the counts when
// a run is reopened.
struct Rate {
    const char* name;
    double (ColdStartStats::*value)() const;
};
constexpr Rate kRates[] = {
    {"cold_ctr_new_users", &ColdStartStats::ctrNewUsers},
    {"cold_ctr_established_users", &ColdStartStats::ctrEstablishedUsers},
    {"cold_ctr_new_items", &ColdStartStats::ctrNewItems},
    {"cold_ctr_established_items", &ColdStartStats::ctrEstablishedItems},
};

} // namespace

double ColdStartStats::ctrNewUsers() const {
    return rate(newUserClicks, newUserImpressions);
}
double ColdStartStats::ctrEstablishedUsers() const {
    return rate(oldUserClicks, oldUserImpressions);
}
double ColdStartStats::ctrNewItems() const {
    return rate(newItemClicks, newItemImpressions);
}
double ColdStartStats::ctrEstablishedItems() const {
    return rate(oldItemClicks, oldItemImpressions);
}

std::vector<std::pair<std::string, double>> ColdStartStats::named() const {
    std::vector<std::pair<std::string, double>> out;
    out.reserve(std::size(kFields) + std::size(kRates));
    for (const Field& f : kFields)
        out.emplace_back(f.name, f.count ? static_cast<double>(this->*f.count) : this->*f.real);
    for (const Rate& r : kRates)
        out.emplace_back(r.name, (this->*r.value)());
    return out;
}

bool ColdStartStats::setNamed(std::string_view name, double value) {
    for (const Field& f : kFields) {
        if (name != f.name)
            continue;
        if (f.count)
            this->*f.count = static_cast<std::uint64_t>(std::llround(std::max(0.0, value)));
        else
            this->*f.real = value;
        return true;
    }
    return false;
}

bool ColdStartStats::isStoredName(std::string_view name) {
    return std::any_of(std::begin(kFields), std::end(kFields),
                       [&](const Field& f) { return name == f.name; }) ||
           std::any_of(std::begin(kRates), std::end(kRates),
                       [&](const Rate& r) { return name == r.name; });
}

void ColdStartStats::addBucket(const ColdStartStats& bucket) {
    for (const Field& f : kFields) {
        if (f.count)
            this->*f.count = f.cumulative ? bucket.*f.count : this->*f.count + bucket.*f.count;
        else
            this->*f.real = bucket.*f.real; // every real field is cumulative
    }
}

} // namespace recoscope::core
