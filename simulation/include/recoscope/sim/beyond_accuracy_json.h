#pragma once
// The whole-run beyond-accuracy figures as JSON: the `beyond_accuracy` object of
// `recoscope-cli run --json` and of runs.summary_json (docs/cli.md, docs/metrics.md), and
// the way back for the GUI's history. Plain functions, any thread.
//
//   {"ild_category": 0.81, ..., "return_rate": 0.62,   figures by their stored names;
//                                                      null where not defined
//    "slates": 220000, "impressions": 2200000, "orders": 900, "active_users": 4800,
//    "retention": {"first_day": 0, "rows": [[1, 0.55, ...], ...]}}   NaN cells: null

#include "recoscope/core/beyond_accuracy_point.h"

#include <QJsonObject>

namespace recoscope::sim {

/// Days after the first activity the stored retention table covers (d = 0 .. 7).
inline constexpr int kRetentionDays = 8;

QJsonObject beyondAccuracyJson(const core::BeyondAccuracyPoint& total,
                               const core::RetentionTable& retention);

/// Reads what beyondAccuracyJson wrote; false (outputs untouched) when `o` has no figures
/// (a run stored before they existed).
bool readBeyondAccuracyJson(const QJsonObject& o, core::BeyondAccuracyPoint& total,
                            core::RetentionTable& retention);

} // namespace recoscope::sim
