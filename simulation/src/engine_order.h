#pragma once

// The engine's order of pending steps, shared by its source files (not installed).

#include "recoscope/core/types.h"

#include <cstdint>

namespace recoscope::sim::detail {

/// True when the step (at, aid) comes after (bt, bid): earlier time first, then the
/// lower session id, so equal times pop in a fixed order.
inline bool laterDue(core::SimTime at, std::uint64_t aid, core::SimTime bt, std::uint64_t bid) {
    return at > bt || (at == bt && aid > bid);
}

} // namespace recoscope::sim::detail
