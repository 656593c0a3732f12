#include "sim_time_text.h"

#include <QCoreApplication>

#include <cmath>

namespace recoscope::ui {

QString simTimeText(core::SimTime t) {
    // Whole minutes first, so that 23:59:59.9 never prints as "24:00".
    const auto minutes = static_cast<long long>(std::floor(std::max(0.0, t) / 60.0));
    const long long day = minutes / (24 * 60);
    const long long inDay = minutes % (24 * 60);
    return QCoreApplication::translate("SimTime", "day %1, %2:%3")
        .arg(day)
        .arg(inDay / 60, 2, 10, QLatin1Char('0'))
        .arg(inDay % 60, 2, 10, QLatin1Char('0'));
}

double simDays(core::SimTime t) {
    return t / core::kSecondsPerDay;
}

QString simDaysAxisTitle() {
    return QCoreApplication::translate("SimTime", "day (0 = first)");
}

} // namespace recoscope::ui
