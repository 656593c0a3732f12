#pragma once
// The one way the workbench writes simulated time (docs/user-guide.md, "Simulated time"):
// "day D, HH:MM" with day 0 the first simulated day — the numbering of the scenario
// files (a promotion with start_day 1 starts at day 1, 00:00) and of the charts' x axis
// (x = 2.5 is day 2, 12:00). Status bar, teaching header, inspectors and chart axes all
// go through these functions.

#include "recoscope/core/types.h"

#include <QString>

namespace recoscope::ui {

/// "day 2, 07:05" (minutes rounded down, like a clock).
QString simTimeText(core::SimTime t);
/// Simulated days since the start, the charts' x value: 2.5 = day 2, 12:00.
double simDays(core::SimTime t);
/// The x-axis title of every chart over simulated time.
QString simDaysAxisTitle();

} // namespace recoscope::ui
