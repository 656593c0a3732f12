#pragma once
// Bit-for-bit equality of floating-point values: what the "same operations in the same
// order" tests compare. == is not the same test: it calls -0 and +0 equal, and a NaN
// unequal to itself.

#include <bit>
#include <cstdint>

namespace recoscope::test {

inline bool sameBits(float a, float b) {
    return std::bit_cast<std::uint32_t>(a) == std::bit_cast<std::uint32_t>(b);
}

inline bool sameBits(double a, double b) {
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

} // namespace recoscope::test
