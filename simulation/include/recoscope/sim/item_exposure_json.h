#pragma once
// Fairness to items and sellers for stored runs (issue 16; docs/metrics.md, "Fairness to
// items and sellers"): per-item impressions read back from a run's slate log, grouped by
// core::itemExposure with the simulator's intrinsic item appeal as the popularity
// reference (the same deciles for every core on a scenario), and written as the
// `item_exposure` block of `report --json`.

#include "recoscope/core/item_exposure.h"
#include "recoscope/core/result.h"

#include <QJsonObject>

#include <optional>
#include <vector>

namespace recoscope::sim {

class RunStore;
struct World;

/// Brands with fewer items are listed but left out of the brand ratio range.
inline constexpr std::uint32_t kExposureMinBrandItems = 10;

/// Impressions per item of a stored run, from its slate log; `items` entries (ids beyond
/// are ignored). A run without a slate log gives all zeros.
core::Result<std::vector<std::uint64_t>> storedItemImpressions(const RunStore& store, qint64 runId,
                                                               std::size_t items);

/// {"reference": "intrinsic appeal", "impressions", "top_decile_share",
/// "bottom_half_share", "deciles": [{"decile", "items", "impressions", "exposure_share",
/// "catalogue_share", "ratio"}], "brands": {"min_items", "counted", "min_ratio",
/// "max_ratio", "under_half", "groups": [{"brand", "items", "impressions",
/// "exposure_share", "catalogue_share", "ratio"}]}}; undefined figures are null.
QJsonObject itemExposureJson(const core::ItemExposure& exposure);

/// The block for a stored run of `world`, or nothing when the run has no slate log.
core::Result<std::optional<QJsonObject>> storedItemExposureJson(const RunStore& store, qint64 runId,
                                                                const World& world);

} // namespace recoscope::sim
