#pragma once
// The slate check's verdict for 1 to 16 entries in AVX2 registers (slate_check_wide.cpp):
// eight 4-byte fields per instruction where the SSE2 verdict in slate_check.cpp takes four.
// Not installed; slate_check.cpp calls it when wideSlateVerdictAvailable().

#include "recoscope/core/slate.h"

#include <cstddef>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define RECOSCOPE_WIDE_SLATE_CHECK 1
#endif

namespace recoscope::core::detail {

/// True when this build has the AVX2 verdict and the CPU can run it (one load and test).
inline bool wideSlateVerdictAvailable() {
#if defined(RECOSCOPE_WIDE_SLATE_CHECK)
    return __builtin_cpu_supports("avx2");
#else
    return false;
#endif
}

/// For 1 <= n <= 16 entries at `entries` and catalogueSize < 2^32 (callers check):
/// true exactly when every id is below catalogueSize, every score finite, every
/// propensity in (0, 1] or a NaN, and no id appears twice, except that an id among the
/// 16 largest 32-bit values may also give false (a catalogue that large only takes the
/// full check). Only call when wideSlateVerdictAvailable().
bool wideSlateVerdict(const SlateEntry* entries, std::size_t n, std::size_t catalogueSize);

} // namespace recoscope::core::detail
