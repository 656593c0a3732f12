// How long the long tests run. Under ASan + UBSan (the `asan` preset) the suites that run
// every core for tens of thousands of events cost 9 to 75 times their release time (the
// neural cores' Eigen loops most), which would put CI over its 90 minutes. There they take
// short streams: the sanitizers look for memory errors and undefined behaviour on every
// code path, which a short stream reaches as well; how much a core learns over a long
// stream is checked by the release run (decision 0039).
//
// RECOSCOPE_SHORT_TESTS=1 selects the short streams in any build, so a release run can
// prove that the short variants still pass before CI's sanitizer run depends on them.
#pragma once

#include <QtGlobal>

#if defined(__SANITIZE_ADDRESS__)
#define RECOSCOPE_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RECOSCOPE_TEST_SANITIZED 1
#endif
#endif

namespace recoscope::test {

#ifdef RECOSCOPE_TEST_SANITIZED
inline constexpr bool kSanitizedBuild = true;
#else
inline constexpr bool kSanitizedBuild = false;
#endif

/// True when the long tests take their short streams: an ASan build, or
/// RECOSCOPE_SHORT_TESTS set in the environment.
inline bool shortStreams() {
    return kSanitizedBuild || qEnvironmentVariableIsSet("RECOSCOPE_SHORT_TESTS");
}

} // namespace recoscope::test
