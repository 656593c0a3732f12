#pragma once
// The parts of the HTML report (html_report.h) that read events and metric rows.

#include "recoscope/core/result.h"

#include <QJsonObject>
#include <QString>

#include <atomic>
#include <vector>

namespace recoscope::sim {

class RunStore;

/// Paired per-shopper differences of runs 2.. against run 1 (those with its scenario and
/// seed), Holm-adjusted; empty for one run.
core::Result<QString> htmlReportDifferences(const RunStore& store, const std::vector<qint64>& ids,
                                            const std::atomic<bool>* cancel);
/// Inline SVG charts of the stored metric buckets, one line per run in its colour.
QString htmlReportCharts(const RunStore& store, const std::vector<qint64>& ids);
/// The analyses of each run (sim::analyseStoredRun), read once for the sections below.
core::Result<std::vector<QJsonObject>> htmlReportAnalyses(const RunStore& store,
                                                          const std::vector<qint64>& ids);
/// The recommendation funnel of each run side by side.
QString htmlReportFunnels(const std::vector<QJsonObject>& analyses, const std::vector<qint64>& ids);
/// Fairness across shoppers (docs/metrics.md): each run's CTR per group of every attribute
/// and the gap and ratio between groups; empty when no run has a slate log.
QString htmlReportShopperGroups(const std::vector<QJsonObject>& analyses,
                                const std::vector<qint64>& ids);
/// Fairness to items (docs/metrics.md): each run's share of impressions per popularity
/// decile (x its fair tenth), the bottom half and the brands under half their share;
/// empty when no run has a slate log.
/// The feedback loop (docs/metrics.md): each run's exposure Gini and revealed-interest drift
/// by simulated day, as two charts; empty when no run has a slate log.
QString htmlReportFeedbackLoop(const std::vector<QJsonObject>& analyses,
                               const std::vector<qint64>& ids);
QString htmlReportItemExposure(const std::vector<QJsonObject>& analyses,
                               const std::vector<qint64>& ids);

} // namespace recoscope::sim
