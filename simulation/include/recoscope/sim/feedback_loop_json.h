#pragma once
// The feedback loop of a stored run (issue 16; docs/metrics.md, "The feedback loop"): its
// views (events) and impressions (slate log) fed to core::FeedbackLoop with the
// regenerated shop's item vectors, written as the `feedback_loop` block of `report --json`.

#include "recoscope/core/result.h"

#include <QJsonObject>

#include <optional>

namespace recoscope::sim {

class RunStore;
struct World;

/// {"days": [{"day", "views", "impressions", "interest_drift", "view_concentration",
/// "exposure_gini"}]}; undefined figures are null. Nothing for a run without a slate log.
core::Result<std::optional<QJsonObject>> storedFeedbackLoopJson(const RunStore& store, qint64 runId,
                                                                const World& world);

} // namespace recoscope::sim
