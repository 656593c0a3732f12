#pragma once
// One self-contained HTML page about one stored run or several side by side, for a
// product manager to mail or print (`recoscope-cli report --html`, the history's
// Report… button). No external file, script or font: styles inline, charts as inline SVG
// (SvgLineChart), so the page opens the same anywhere and prints to PDF from a browser.
//
// Sections: the runs (core, colour, status, scenario, seed), each scenario (hash and its
// JSON), each core's parameters, the summary (CTR and CVR with 95 % Wilson intervals,
// revenue, coverage, Gini, latency, regret and any other figure of the run summary), the
// paired differences against the first run with 95 % intervals and Holm-adjusted p (when
// runs share scenario and seed, i.e. faced the same shoppers; the method of `compare`),
// the metric charts over simulated days, and the recommendation funnel of each run.
// Each run keeps its colour (core_palette.h) in every chart and table.

#include "recoscope/core/result.h"

#include <QList>
#include <QString>

#include <atomic>

namespace recoscope::sim {

class RunStore;

/// The page for `runIds` (1 to 8, in the order given) of `store`. Errors: unknown run,
/// database errors, cancelled. Reads every event of the runs once (funnel, per-user
/// outcomes): O(events) time, O(users) memory.
core::Result<QString> htmlReport(const RunStore& store, const QList<qint64>& runIds,
                                 const std::atomic<bool>* cancel = nullptr);

} // namespace recoscope::sim
