#pragma once
// Basic identifiers and the simulated clock shared by every layer.

#include <cstdint>
#include <limits>

namespace recoscope::core {

/// Dense user index: 0 .. userCount-1 for the population of a run.
using UserId = std::uint32_t;
/// Dense item index: 0 .. itemCount-1 for the catalogue of a run (launched or not).
using ItemId = std::uint32_t;
/// Simulated time in seconds since the start of the scenario. Never wall-clock time.
using SimTime = double;

inline constexpr ItemId kNoItem = std::numeric_limits<ItemId>::max();
inline constexpr UserId kNoUser = std::numeric_limits<UserId>::max();

inline constexpr SimTime kSecondsPerHour = 3600.0;
inline constexpr SimTime kSecondsPerDay = 86400.0;

} // namespace recoscope::core
