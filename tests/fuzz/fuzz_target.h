#pragma once
// The one entry point every fuzz target defines (libFuzzer's), so that the same file builds
// both a fuzzer (`make fuzz`, clang, -fsanitize=fuzzer) and the replay test of the normal
// suite (tst_fuzz_*: every seed and every crash found so far, as regression cases).

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
