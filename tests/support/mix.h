#pragma once
// splitmix64: a tiny deterministic generator for tests and benchmarks. It draws the same
// numbers on every standard library (std:: engines and distributions do not), so test data
// and measurements are reproducible anywhere.

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace recoscope::test {

struct Mix {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t x = (state += 0x9E3779B97F4A7C15ull);
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
        return x ^ (x >> 31);
    }
    /// Uniform in [0, n).
    std::uint32_t below(std::uint64_t n) { return static_cast<std::uint32_t>(next() % n); }
    /// Uniform double in [0, 1) from the top 53 bits.
    double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
    /// Uniform float in [0, 1) from the top 24 bits.
    float uniform() { return static_cast<float>(next() >> 40) / static_cast<float>(1 << 24); }
    /// Standard normal by Box-Muller (one of the pair).
    float normal() {
        const float a = std::max(uniform(), 1e-7f), b = uniform();
        return std::sqrt(-2.0f * std::log(a)) * std::cos(6.2831853f * b);
    }
};

} // namespace recoscope::test
