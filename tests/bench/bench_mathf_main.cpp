// recoscope-bench-mathf: the exhaustive proof behind core/exact_mathf.h (decisions/0056).
// Compares exactExpf / exactLogf / exactExp2f with glibc's expf / logf / exp2f for EVERY
// float of a range (all 2^32 bit patterns with --all), bit for bit, and counts how often
// the fast path handed the input to glibc. tst_exact_mathf sweeps a stride of the same
// ranges in ctest; this program is the full sweep, run once per glibc variant:
//
//   recoscope-bench-mathf [--all] [--stride N]
//   recoscope-bench-mathf --hard N    # the N inputs of each fast path whose double result
//                                     # lies closest to a float rounding boundary
//   GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2,-FMA recoscope-bench-mathf --all   # plain variant
//
// Prints one line per function and range: floats checked, mismatches, fall-backs, seconds.
// Exits 1 on any mismatch.

#include "recoscope/core/exact_mathf.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <queue>
#include <utility>
#include <vector>

using namespace recoscope;

namespace {

struct Sweep {
    unsigned long long checked = 0, mismatches = 0, fallbacks = 0;
};

bool sameBits(float a, float b) {
    return std::bit_cast<std::uint32_t>(a) == std::bit_cast<std::uint32_t>(b);
}

// Every float whose bit pattern is in [first, last], stepping by stride.
template <typename Try, typename Ref, typename Exact>
Sweep sweep(std::uint32_t first, std::uint32_t last, std::uint32_t stride, Try tryFast, Ref ref,
            Exact exact) {
    Sweep s;
    for (std::uint64_t b = first; b <= last; b += stride) {
        const float x = std::bit_cast<float>(static_cast<std::uint32_t>(b));
        float fast = 0.0f;
        if (!tryFast(x, fast))
            ++s.fallbacks;
        const float want = ref(x);
        if (!sameBits(exact(x), want)) {
            if (++s.mismatches <= 5)
                std::printf("  mismatch x=%a (0x%08x): got %a want %a\n", double(x),
                            static_cast<unsigned>(b), double(exact(x)), double(want));
        }
        ++s.checked;
    }
    return s;
}

// The float bit patterns of [lo, hi] for lo <= hi: two runs when the range spans zero.
template <typename Try, typename Ref, typename Exact>
bool run(const char* name, float lo, float hi, std::uint32_t stride, Try t, Ref r, Exact e) {
    const auto start = std::chrono::steady_clock::now();
    Sweep total;
    auto add = [&](const Sweep& s) {
        total.checked += s.checked;
        total.mismatches += s.mismatches;
        total.fallbacks += s.fallbacks;
    };
    const auto bits = [](float f) { return std::bit_cast<std::uint32_t>(f); };
    if (lo < 0.0f) // negatives: bit patterns grow with magnitude
        add(sweep(bits(hi < 0.0f ? hi : -0.0f), bits(lo), stride, t, r, e));
    if (hi >= 0.0f)
        add(sweep(bits(lo > 0.0f ? lo : 0.0f), bits(hi), stride, t, r, e));
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%-6s [%-12g, %-12g] stride %u: %llu floats, %llu mismatches, %llu fall-backs "
                "(1 in %.0f), %.1f s\n",
                name, double(lo), double(hi), stride, total.checked, total.mismatches,
                total.fallbacks,
                total.fallbacks ? double(total.checked) / double(total.fallbacks) : 0.0, secs);
    return total.mismatches == 0;
}

// Distance of y from the nearest midpoint between two floats, in units of y's last
// double bit (rounding to float looks at the 29 low mantissa bits; the midpoint is 2^28).
std::uint32_t midpointDistance(double y) {
    const auto low = static_cast<std::uint32_t>(std::bit_cast<std::uint64_t>(y)) & 0x1fffffffu;
    return low > 0x10000000u ? low - 0x10000000u : 0x10000000u - low;
}

// The n inputs of [first, last] (bit patterns) with the smallest midpointDistance.
template <typename Core>
void hardest(const char* name, std::uint32_t first, std::uint32_t last, std::size_t n, Core core,
             std::vector<std::pair<std::uint32_t, std::uint32_t>>& heap) {
    for (std::uint64_t b = first; b <= last; ++b) {
        const float x = std::bit_cast<float>(static_cast<std::uint32_t>(b));
        const std::uint32_t dist = midpointDistance(core(x));
        if (heap.size() < n || dist < heap.front().first) {
            heap.emplace_back(dist, static_cast<std::uint32_t>(b));
            std::push_heap(heap.begin(), heap.end());
            if (heap.size() > n) {
                std::pop_heap(heap.begin(), heap.end());
                heap.pop_back();
            }
        }
    }
    (void)name;
}

void printHardest(const char* name, std::vector<std::pair<std::uint32_t, std::uint32_t>> heap) {
    std::sort_heap(heap.begin(), heap.end());
    std::printf("// %s: the %zu inputs closest to a rounding boundary (closest: %u double ulps, "
                "farthest listed: %u)\n",
                name, heap.size(), heap.front().first, heap.back().first);
    for (std::size_t i = 0; i < heap.size(); ++i)
        std::printf("0x%08xu,%s", heap[i].second, i % 6 == 5 ? "\n" : " ");
    std::printf(heap.size() % 6 == 0 ? "\n" : "\n\n");
}

} // namespace

int main(int argc, char** argv) {
    bool all = false;
    std::size_t hard = 0;
    std::uint32_t stride = 1;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--all") == 0)
            all = true;
        else if (std::strcmp(argv[i], "--stride") == 0 && i + 1 < argc)
            stride = static_cast<std::uint32_t>(std::strtoul(argv[++i], nullptr, 10));
        else if (std::strcmp(argv[i], "--hard") == 0 && i + 1 < argc)
            hard = std::strtoul(argv[++i], nullptr, 10);
    }
    namespace dd = core::exact_mathf_detail;
    if (hard > 0) { // every input of each fast path's domain
        const auto bits = [](float f) { return std::bit_cast<std::uint32_t>(f); };
        std::vector<std::pair<std::uint32_t, std::uint32_t>> e, l, e2;
        const auto expCore = [](float x) { return dd::expfCore(x); };
        const auto exp2Core = [](float x) { return dd::exp2fCore(x); };
        const auto logCore = [](float x) { return dd::logfCore(x); };
        hardest("expf", 0, bits(std::nextafter(dd::kExpDomain, 0.0f)), hard, expCore, e);
        hardest("expf", 0x80000000u, bits(-std::nextafter(dd::kExpDomain, 0.0f)), hard, expCore, e);
        printHardest("expf", e);
        hardest("logf", 0x00800000u, 0x7f7fffffu, hard, logCore, l);
        printHardest("logf", l);
        hardest("exp2f", 0, bits(std::nextafter(dd::kExp2Domain, 0.0f)), hard, exp2Core, e2);
        hardest("exp2f", 0x80000000u, bits(-std::nextafter(dd::kExp2Domain, 0.0f)), hard, exp2Core,
                e2);
        printHardest("exp2f", e2);
        return 0;
    }
    namespace d = core::exact_mathf_detail;
    const auto expRef = [](float x) { return std::exp(x); };
    const auto logRef = [](float x) { return std::log(x); };
    const auto exp2Ref = [](float x) { return std::exp2(x); };
    const auto expFast = [](float x, float& y) { return d::tryExpf(x, y); };
    const auto logFast = [](float x, float& y) { return d::tryLogf(x, y); };
    const auto exp2Fast = [](float x, float& y) { return d::tryExp2f(x, y); };
    const auto expExact = [](float x) { return core::exactExpf(x); };
    const auto logExact = [](float x) { return core::exactLogf(x); };
    const auto exp2Exact = [](float x) { return core::exactExp2f(x); };
    const float inf = INFINITY;
    bool ok = true;
    if (all) { // every bit pattern, NaNs included: the negative and positive halves
        ok &= run("expf", -inf, inf, stride, expFast, expRef, expExact);
        ok &= run("logf", -inf, inf, stride, logFast, logRef, logExact);
        ok &= run("exp2f", -inf, inf, stride, exp2Fast, exp2Ref, exp2Exact);
        // the NaN patterns (outside [-inf, inf])
        for (std::uint32_t sign : {0u, 0x80000000u}) {
            Sweep s1 =
                sweep(sign | 0x7f800001u, sign | 0x7fffffffu, stride, expFast, expRef, expExact);
            Sweep s2 =
                sweep(sign | 0x7f800001u, sign | 0x7fffffffu, stride, logFast, logRef, logExact);
            Sweep s3 =
                sweep(sign | 0x7f800001u, sign | 0x7fffffffu, stride, exp2Fast, exp2Ref, exp2Exact);
            std::printf("NaNs (sign %u): %llu + %llu + %llu mismatches\n", sign >> 31,
                        s1.mismatches, s2.mismatches, s3.mismatches);
            ok &= s1.mismatches + s2.mismatches + s3.mismatches == 0;
        }
    } else { // the ranges the simulator uses
        ok &= run("expf", -110.0f, 90.0f, stride, expFast, expRef, expExact);
        ok &= run("logf", 0.0f, 1.0f, stride, logFast, logRef, logExact);
        ok &= run("logf", 1e-12f, 30.0f, stride, logFast, logRef, logExact);
        ok &= run("exp2f", -130.0f, 10.0f, stride, exp2Fast, exp2Ref, exp2Exact);
    }
    std::printf("%s\n", ok ? "all equal" : "MISMATCHES");
    return ok ? 0 : 1;
}
