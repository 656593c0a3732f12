#pragma once
// The CPU's vector-register state, kept clean for the simulator's SSE code.
//
// Qt 6.4's QHash (its AES hash, 256-bit VAES on CPUs that have it) returns with the upper
// halves of the YMM registers in use: it does not end with VZEROUPPER. Until the thread's
// next VZEROUPPER every legacy-SSE instruction then runs with a false dependency on those
// upper halves, and every call into glibc's AVX code (expf, logf) pays a state transition.
// A portable build of Recoscope is SSE2, so after any QHash<QString> in the engine's thread
// (parsing a scenario checks duplicate keys with one) the whole simulator ran about three
// times slower (docs/performance.md, "The dirty upper state"). The engine clears the state
// before each step; it costs one instruction.

#include <optional>

namespace recoscope::sim {

namespace detail {
/// True when the CPU has AVX (VZEROUPPER exists), measured once at start-up.
extern const bool kCpuHasAvx;
} // namespace detail

/// VZEROUPPER on CPUs with AVX; nothing on others (and off x86-64).
inline void clearUpperVectorState() {
#if defined(__x86_64__)
    if (detail::kCpuHasAvx)
        __asm__ volatile("vzeroupper" ::: "memory");
#endif
}

/// Whether the calling thread's upper YMM halves are in use (XGETBV(1), the XINUSE bit of
/// the AVX state), or nothing when the CPU cannot tell. For tests and diagnostics.
std::optional<bool> upperVectorStateInUse();

} // namespace recoscope::sim
