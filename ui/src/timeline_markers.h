#pragma once
// The scenario timeline's dated events as chart markers: promotions as bands over their
// window, launches and stock shocks as lines at their day (x in simulated days, the
// charts' axis; cohorts and seasons are not drawn).

#include "recoscope/sim/scenario.h"
#include "recoscope/ui/metric_chart_view.h"

#include <vector>

namespace recoscope::ui {

QList<ChartMarker> timelineMarkers(const std::vector<sim::TimelineEvent>& timeline);

/// The workbench's words for sim::limitedRunWarning(), in the current language: "the run
/// stopped at day 0.78 (the "Stop after" limit of 20000 events), before 2 timeline entries
/// it would otherwise reach: promotion at day 2.40, launch at day 3.00"; empty when the
/// run was not limited by `maxEvents` (0 = none) or missed nothing. Same entries, same
/// digits as the CLI's English (sim::unreachedTimeline decides).
QString limitedRunText(const sim::Scenario& scenario, std::uint64_t maxEvents, double endDay);

} // namespace recoscope::ui
