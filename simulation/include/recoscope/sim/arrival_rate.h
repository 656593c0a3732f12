#pragma once
// The rhythm of candidate visits: the hour of the day and the day of the week of a
// simulated time, the arrival-rate factor of the engine's non-homogeneous Poisson process
// (hour, day of week, seasons, joined cohorts) and the habit acceptance of a visit.
//
// All of it used to be recomputed for every candidate visit (twice per step on `default`),
// with three libm fmod calls; here the same values come from integer arithmetic and from
// a cache of the rate's current piece. Every value is bit for bit the one of the direct
// formulas (arrival_rate.cpp says why; tst_engine_step compares them over long streams).
// Units: simulated seconds. Plain values, no I/O; not thread-safe (factor() caches).

#include "recoscope/core/types.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace recoscope::sim {

/// Whole units elapsed and the position in a cycle of `Period` units, for x = t / unit:
/// exactly std::floor(x) and static_cast<int>(std::fmod(std::floor(x), period)). For
/// 0 <= x < 2^63 truncation is the floor and the integer remainder of the (integral)
/// floor is fmod's exact one; anything else takes the libm path.
inline double wholeUnits(double x) {
    if (x >= 0.0 && x < 0x1p63)
        return static_cast<double>(static_cast<std::int64_t>(x));
    return std::floor(x);
}
template <unsigned Period> int cyclePosition(double x) {
    if (x >= 0.0 && x < 0x1p63)
        return static_cast<int>(static_cast<std::uint64_t>(static_cast<std::int64_t>(x)) % Period);
    return static_cast<int>(std::fmod(std::floor(x), static_cast<double>(Period)));
}
/// Hour of the day 0..23 and day of the week 0..6 of simulated time t >= 0.
inline int hourOfDay(core::SimTime t) {
    return cyclePosition<24>(t / core::kSecondsPerHour);
}
inline int dayOfWeek(core::SimTime t) {
    return cyclePosition<7>(t / core::kSecondsPerDay);
}

/// Acceptance of a candidate visit at `hour` for a user whose favourite hour is `peak`:
/// (1 - strength) + strength x a Gaussian bump of 3 hours around the peak (circular).
double habitAcceptance(double strength, int peak, int hour);

/// habitAcceptance() for one strength, tabulated by circular distance (0..12 hours):
/// the same doubles without an exp() per candidate visit.
class HabitTable {
public:
    explicit HabitTable(double strength = 0.0);
    /// habitAcceptance(strength, peak, hour), from the table for hours 0..23.
    double operator()(int peak, int hour) const {
        int d = peak > hour ? peak - hour : hour - peak;
        d = d < 24 - d ? d : 24 - d;
        if (static_cast<unsigned>(d) > 12u) // hours outside 0..23: the formula itself
            return habitAcceptance(m_strength, peak, hour);
        return m_byDistance[static_cast<std::size_t>(d)];
    }

private:
    double m_strength = 0.0;
    std::array<double, 13> m_byDistance{};
};

/// The arrival-rate factor: hourly x weekly x season x (joined activity / base activity)
/// / (0.5 x the mean habit acceptance of the hour), piecewise constant in time.
class ArrivalRate {
public:
    struct Season {
        core::SimTime start = 0.0, stop = 0.0; ///< [start, stop), in seconds
        double factor = 1.0;
    };
    struct Spec {
        std::array<double, 24> hourly{};        ///< normalised to mean 1
        std::array<double, 7> weekly{};         ///< normalised to mean 1
        std::array<double, 24> habitMean{};     ///< mean habit acceptance by hour
        std::vector<core::SimTime> rateChanges; ///< sorted; every season's start and stop
        std::vector<Season> seasons;            ///< in the timeline's order
        std::vector<core::SimTime> groupJoinTime;
        std::vector<double> groupActivity; ///< summed activity of each group's users
    };

    ArrivalRate() = default;
    explicit ArrivalRate(Spec spec);

    /// The factor at t and, in *until, where its piece ends: the next hour or the next
    /// rate change after t, whichever comes first. Remembers the piece of t, so the
    /// calls for one hour cost two divisions and a few comparisons.
    double factor(core::SimTime t, core::SimTime* until) {
        // Same whole hours and whole days (both: the two divisions round independently)
        // and the same side of every bound: each term and the piece's end are the ones
        // factorUncached() would compute.
        const double hours = wholeUnits(t / core::kSecondsPerHour);
        const double days = wholeUnits(t / core::kSecondsPerDay);
        const Cache& c = m_cache;
        if (c.valid && hours == c.hours && days == c.days && c.lo <= t && t < c.hi) {
            *until = c.until;
            return c.factor;
        }
        return refill(t, hours, days, until);
    }
    /// The same, computed afresh (the definition; tests compare the two).
    double factorUncached(core::SimTime t, core::SimTime* until) const;
    /// Summed activity of the groups joined by t, in group order.
    double joinedActivity(core::SimTime t) const;
    /// The same, from the cache when t is in the piece of the last factor() call (the
    /// engine's case: a candidate visit at t was drawn in that piece). Every join time is
    /// a bound of the pieces, so within one the same groups have joined: the same sum.
    double joinedActivityCached(core::SimTime t) const {
        const Cache& c = m_cache;
        if (c.valid && c.lo <= t && t < c.hi)
            return c.joined;
        return joinedActivity(t);
    }

private:
    double refill(core::SimTime t, double hours, double days, core::SimTime* until);

    Spec m_spec;
    double m_base = 1.0; // activity of the initial population (group 0)
    // Every time the factor's terms compare t with, sorted: between two of them only the
    // hour and the day can change the factor.
    std::vector<core::SimTime> m_bounds;
    struct Cache {
        bool valid = false;
        double hours = 0.0, days = 0.0;   // floor(t / hour), floor(t / day)
        core::SimTime lo = 0.0, hi = 0.0; // [lo, hi): the same side of every bound
        core::SimTime until = 0.0;
        double factor = 0.0;
        double joined = 0.0; // joinedActivity() in [lo, hi)
    };
    Cache m_cache;
};

} // namespace recoscope::sim
