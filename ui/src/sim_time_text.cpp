#include "sim_time_text.h"

#include "recoscope/core/day_clock.h"

#include <QCoreApplication>

namespace recoscope::ui {

QString simTimeText(core::SimTime t) {
    const core::DayClock c = core::dayClock(t);
    return QCoreApplication::translate("SimTime", "day %1, %2:%3")
        .arg(c.day)
        .arg(c.hour, 2, 10, QLatin1Char('0'))
        .arg(c.minute, 2, 10, QLatin1Char('0'));
}

double simDays(core::SimTime t) {
    return t / core::kSecondsPerDay;
}

QString simDaysAxisTitle() {
    return QCoreApplication::translate("SimTime", "day (0 = first)");
}

} // namespace recoscope::ui
