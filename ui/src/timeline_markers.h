#pragma once
// The scenario timeline's dated events as chart markers: promotions as bands over their
// window, launches and stock shocks as lines at their day (x in simulated days, the
// charts' axis; cohorts and seasons are not drawn).

#include "recoscope/sim/scenario.h"
#include "recoscope/ui/metric_chart_view.h"

#include <vector>

namespace recoscope::ui {

QList<ChartMarker> timelineMarkers(const std::vector<sim::TimelineEvent>& timeline);

} // namespace recoscope::ui
