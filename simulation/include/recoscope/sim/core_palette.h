#pragma once
// The colour of the i-th core (or run) everywhere Recoscope draws it: the live charts,
// the comparison window, exported charts and HTML reports. The Okabe-Ito palette, which
// stays distinguishable under the common colour-vision deficiencies.

#include <array>
#include <cstddef>

namespace recoscope::sim {

inline constexpr std::array<const char*, 6> kCorePalette = {"#0072B2", "#D55E00", "#009E73",
                                                            "#CC79A7", "#E69F00", "#56B4E9"};

/// "#RRGGBB" of core `index` (the palette repeats after six).
inline const char* coreColour(std::size_t index) {
    return kCorePalette[index % kCorePalette.size()];
}

} // namespace recoscope::sim
