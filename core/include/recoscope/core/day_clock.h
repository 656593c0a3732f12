#pragma once
// The one convention for reading simulated time (docs/user-guide.md, "Simulated time"):
// day 0 is the first simulated day, and the clock shows whole minutes rounded down, so
// 23:59:59.9 reads 23:59 and never "24:00". The workbench's "day D, HH:MM" (ui
// simTimeText) and the engine's messages (sim::CoreGuard) both format this reading.

#include "recoscope/core/types.h"

#include <algorithm>
#include <cmath>

namespace recoscope::core {

struct DayClock {
    long long day = 0; ///< 0 = the first simulated day
    int hour = 0;      ///< 0..23
    int minute = 0;    ///< 0..59
};

/// The reading of simulated time t (seconds since the start; negative reads as 0).
inline DayClock dayClock(SimTime t) {
    const auto minutes = static_cast<long long>(std::floor(std::max(0.0, t) / 60.0));
    const long long inDay = minutes % (24 * 60);
    return {minutes / (24 * 60), static_cast<int>(inDay / 60), static_cast<int>(inDay % 60)};
}

} // namespace recoscope::core
