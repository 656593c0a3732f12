#include "recoscope/sim/arrival_rate.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace recoscope::sim {

double habitAcceptance(double strength, int peak, int hour) {
    int d = std::abs(hour - peak);
    d = std::min(d, 24 - d);
    return (1.0 - strength) + strength * std::exp(-static_cast<double>(d * d) / 18.0);
}

HabitTable::HabitTable(double strength) : m_strength(strength) {
    // habitAcceptance() depends on (peak, hour) only through the circular distance d, so
    // the table holds its very results: habitAcceptance(strength, d, 0) has distance d.
    for (int d = 0; d <= 12; ++d)
        m_byDistance[static_cast<std::size_t>(d)] = habitAcceptance(strength, d, 0);
}

ArrivalRate::ArrivalRate(Spec spec) : m_spec(std::move(spec)) {
    m_base = m_spec.groupActivity.empty() || m_spec.groupActivity[0] <= 0.0
                 ? 1.0
                 : m_spec.groupActivity[0];
    // The factor's terms compare t with the rate changes (season bounds included) and
    // the groups' join times, nothing else: on one side of all of them, the factor moves
    // only with the hour and the day.
    m_bounds = m_spec.rateChanges;
    for (const Season& s : m_spec.seasons) {
        m_bounds.push_back(s.start);
        m_bounds.push_back(s.stop);
    }
    m_bounds.insert(m_bounds.end(), m_spec.groupJoinTime.begin(), m_spec.groupJoinTime.end());
    std::sort(m_bounds.begin(), m_bounds.end());
}

double ArrivalRate::joinedActivity(core::SimTime t) const {
    double joined = 0.0;
    for (std::size_t g = 0; g < m_spec.groupActivity.size(); ++g)
        if (m_spec.groupJoinTime[g] <= t)
            joined += m_spec.groupActivity[g];
    return joined;
}

double ArrivalRate::factorUncached(core::SimTime t, core::SimTime* until) const {
    const double hourIndex = wholeUnits(t / core::kSecondsPerHour);
    const auto hour = static_cast<std::size_t>(hourOfDay(t));
    const auto day = static_cast<std::size_t>(dayOfWeek(t));
    core::SimTime boundary = (hourIndex + 1.0) * core::kSecondsPerHour;
    const auto next = std::upper_bound(m_spec.rateChanges.begin(), m_spec.rateChanges.end(), t);
    if (next != m_spec.rateChanges.end())
        boundary = std::min(boundary, *next);
    *until = boundary;
    const double joined = joinedActivity(t);
    double season = 1.0;
    for (const Season& s : m_spec.seasons)
        if (s.start <= t && t < s.stop)
            season *= s.factor;
    return m_spec.hourly[hour] * m_spec.weekly[day] * season * (joined / m_base) /
           (0.5 * m_spec.habitMean[hour]);
}

double ArrivalRate::refill(core::SimTime t, double hours, double days, core::SimTime* until) {
    // A new piece: computed afresh, with the interval between the two bounds around t.
    Cache& c = m_cache;
    c.factor = factorUncached(t, &c.until);
    c.hours = hours;
    c.days = days;
    const auto k = std::upper_bound(m_bounds.begin(), m_bounds.end(), t);
    c.lo = k == m_bounds.begin() ? -std::numeric_limits<double>::infinity() : *(k - 1);
    c.hi = k == m_bounds.end() ? std::numeric_limits<double>::infinity() : *k;
    c.joined = joinedActivity(t);
    c.valid = true;
    *until = c.until;
    return c.factor;
}

} // namespace recoscope::sim
