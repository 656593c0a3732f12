#include "recoscope/sim/vector_state.h"

#if defined(__x86_64__)
#include <cpuid.h>
#endif

namespace recoscope::sim {

namespace {

#if defined(__x86_64__)
bool osSavesAvx() {
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d))
        return false;
    const bool avx = (c & (1u << 28)) != 0, osxsave = (c & (1u << 27)) != 0;
    if (!avx || !osxsave)
        return false;
    unsigned lo = 0, hi = 0;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return (lo & 0x6u) == 0x6u; // the OS saves XMM and YMM state
}
#endif

} // namespace

namespace detail {
#if defined(__x86_64__)
const bool kCpuHasAvx = osSavesAvx();
#else
const bool kCpuHasAvx = false;
#endif
} // namespace detail

std::optional<bool> upperVectorStateInUse() {
#if defined(__x86_64__)
    if (!detail::kCpuHasAvx)
        return std::nullopt;
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid_count(0xD, 1, &a, &b, &c, &d) || (a & (1u << 2)) == 0)
        return std::nullopt; // no XGETBV with ECX = 1
    unsigned lo = 0, hi = 0;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(1));
    return (lo & (1u << 2)) != 0; // XINUSE bit 2: the upper halves of YMM0-15
#else
    return std::nullopt;
#endif
}

} // namespace recoscope::sim
