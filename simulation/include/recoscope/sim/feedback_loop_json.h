#pragma once
// The feedback loop of a stored run (issue 16; docs/metrics.md, "The feedback loop"): its
// views (events) and impressions (slate log) fed to core::FeedbackLoop with the
// regenerated shop's item vectors, written as the `feedback_loop` block of `report --json`
// and drawn by the "Feedback loop" tab of a run reopened from the history.

#include "recoscope/core/feedback_loop.h"
#include "recoscope/core/result.h"

#include <QJsonObject>

#include <atomic>
#include <optional>
#include <vector>

namespace recoscope::sim {

class RunStore;
struct World;

/// The run's days as the live arena computed them (core::FeedbackLoop over the same slates
/// and views, so the same figures bit for bit). Nothing (nullopt) for a run without a slate
/// log; an error when the store cannot be read; nullopt too when `cancel` is raised.
core::Result<std::optional<std::vector<core::FeedbackDay>>>
storedFeedbackDays(const RunStore& store, qint64 runId, const World& world,
                   const std::atomic<bool>* cancel = nullptr);

/// The same for a run whose shop is regenerated from its stored scenario and seed (seconds
/// for a large shop: call it off the GUI thread). An error when the regenerated shop's
/// hashes differ from the stored ones (a run made by another version).
core::Result<std::optional<std::vector<core::FeedbackDay>>>
storedFeedbackDays(const RunStore& store, qint64 runId, const std::atomic<bool>* cancel = nullptr);

/// {"days": [{"day", "views", "impressions", "interest_drift", "view_concentration",
/// "exposure_gini"}]}; undefined figures are null. Nothing for a run without a slate log.
core::Result<std::optional<QJsonObject>> storedFeedbackLoopJson(const RunStore& store, qint64 runId,
                                                                const World& world);

} // namespace recoscope::sim
