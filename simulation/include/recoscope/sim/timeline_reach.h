#pragma once
// Which timeline entries a run never reached: a run cut short by an event limit (20,000
// events end at day 0.78) silently misses the promotion that starts at day 2.4, and the
// comparison it was made for is then not the one the user meant. The CLI's `run` and
// `compare` and the workbench warn with the same sentence.

#include "recoscope/sim/engine.h"
#include "recoscope/sim/scenario.h"

#include <QString>

#include <vector>

namespace recoscope::sim {

/// The entries of `scenario`'s timeline that start after `endDay` (simulated days from
/// the start) but within the scenario's duration, in timeline order: the ones a run that
/// ended at `endDay` would otherwise have reached.
std::vector<TimelineEvent> unreachedTimeline(const Scenario& scenario, double endDay);

/// "the run stopped at day 0.78 (REASON), before 2 timeline entries it would otherwise
/// reach: promotion at day 2.40, launch at day 3.00" (at most five listed, then "…");
/// empty when nothing was missed. `reason` says what stopped it ("the 20000-event limit").
QString unreachedTimelineWarning(const Scenario& scenario, double endDay, const QString& reason);

/// The warning for a run or arena stopped by `limits` at `endDay` (for an arena: its
/// earliest core); empty without limits or when nothing was missed. `eventsFlag` and
/// `daysFlag` name the limits as the user set them ("--events", "Stop after").
QString limitedRunWarning(const Scenario& scenario, const RunLimits& limits, double endDay,
                          const QString& eventsFlag = QStringLiteral("--events"),
                          const QString& daysFlag = QStringLiteral("--days"));

} // namespace recoscope::sim
