#pragma once
// The teaching panel's step header: which shopper and which simulated moment each core
// shows, with the cores that face the same shopper action marked as one action.

#include "recoscope/sim/inspection.h"

#include <QString>
#include <QStringList>

namespace recoscope::ui {

/// The arena's clock after a step: the earliest of the cores' actions (after a step every
/// engine's clock stands at its action, so this is the status bar's clock too); -1 when
/// no core acted.
core::SimTime stepClock(const sim::StepReport& report);
/// Cores `a` and `b` show the same shopper action: the same shopper at the same
/// simulated instant (the same visit's dice, common random numbers).
bool sameAction(const sim::StepRecord& a, const sim::StepRecord& b);
/// Rich text: "Step N · day D, HH:MM", then one row per core (label, shopper, time, which
/// action — A, B… — and which other cores share it), then what that means.
QString stepHeaderHtml(const sim::StepReport& report, const QStringList& coreLabels);

} // namespace recoscope::ui
