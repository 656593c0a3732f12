#pragma once
// Translated names and "how it is computed" tooltips of every metric the workbench shows.
// One table so that charts, counters, history columns and exports say the same thing.

#include "recoscope/ui/metric_series_store.h"

#include <QString>

namespace recoscope::ui {

QString metricTitle(MetricId id);
QString metricAxis(MetricId id);
QString metricHelp(MetricId id);
/// A value of the metric as its chart's hover callout writes it (the stored unit: rates
/// and shares as fractions): "12.34%", "1,235" (money), "0.412", "850 µs".
QString metricValueText(MetricId id, double value);

/// Counters and summary figures (keys as in the run summary JSON).
QString counterTitle(const QString& key);
QString counterHelp(const QString& key);

/// Translated segment name for the RFM segment keys of sim::UserInspection.
QString segmentTitle(const QString& key);
QString eventKindTitle(int kind);
QString surfaceTitle(int surface);

/// "item 42 (Kitchen > Kettles)" and the core's sentence as two lines, without repeating
/// the item when the sentence already names it first.
QString itemAndWhy(const QString& item, const QString& why);

} // namespace recoscope::ui
