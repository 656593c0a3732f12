#pragma once
// Fairness across shoppers for stored runs (issue 16; docs/metrics.md, "Fairness across
// shoppers"): per-user outcomes read back from a run's slate log and events, grouped by
// core::shopperGroups, and written as the `shopper_groups` block of `report --json`.

#include "recoscope/core/result.h"
#include "recoscope/core/shopper_groups.h"

#include <QJsonObject>

#include <vector>

namespace recoscope::sim {

class RunStore;

/// Groups smaller than this many impressions are listed but left out of the disparity.
inline constexpr std::uint64_t kFairnessMinImpressions = 100;

/// Per-user rows of a stored run: impressions and clicks from its slate log (table
/// `slates`), purchases of recommended items from its events. `users` rows (the
/// population's size); ids beyond it are ignored. A run without a slate log gives rows
/// with no impressions.
core::Result<std::vector<core::UserOutcomes::Row>>
storedSlateOutcomes(const RunStore& store, qint64 runId, std::size_t users);

/// {"min_impressions", "attributes": [{"attribute", "ctr"|"conversion"|"hit_rate":
/// {"gap", "ratio", "groups_counted"}, "groups": [{"code", "name", "shoppers", "shown",
/// "clicked", "impressions", "clicks", "rec_purchases", "ctr", "conversion",
/// "hit_rate"}]}]}; undefined rates are null.
QJsonObject shopperGroupsJson(const std::vector<core::AttributeGroups>& attributes,
                              std::uint64_t minImpressions);

} // namespace recoscope::sim
