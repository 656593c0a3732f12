// core/exact_mathf.h against glibc, bit for bit (decisions/0056): exactExpf == std::exp,
// exactLogf == std::log, exactExp2f == std::exp2 on float.
//
// - a fixed stride of every float in the ranges the simulator uses (utilities: exp on
//   [-110, 90]; the Gumbel logs: log on (0, 1] and [1e-12, 30]; the fatigue decay: exp2 on
//   [-130, 10]), plus every float near the places where the algorithms change branch:
//   the fast-path bounds, the table sub-interval edges of log, the points where exp's
//   reduction x N / ln2 is close to a tie k + 1/2 (where glibc's FMA variant, which never
//   rounds x N / ln2, could pick another k), the integers/32 of exp2;
// - the special values (NaN, infinities, zeros, subnormals, extremes, exact cases);
// - how often the fast path hands the input to glibc (none inside its domain);
// - exactExpf two at a time (ExactExpf2) against exactExpf and glibc, lane by lane.
// Every float, exhaustively, is recoscope-bench-mathf --all (run once per glibc variant;
// figures in docs/performance.md). ctest runs this suite twice: as is (the FMA variant on
// FMA + AVX2 CPUs) and with GLIBC_TUNABLES hiding FMA and AVX2 (glibc's SSE2 variant).
//
// Mutations tried (decisions/0056): caught were 1/ln2 one ulp off (hardestInputs), ln2
// one ulp off in log (hardestInputs), the first table entry of 2^(i/32) one ulp off
// (hardestInputs), rounding k by truncation (cvttsd2si; five slots fail), log's offset
// 0x3f330000 -> 0x3f340000 (three slots), exp's domain widened to 64 (hardestInputs and
// specialValues: the two floats where glibc's variants disagree), exp2's to 140 and exp's
// range test dropped (specialValues, fallbackOnlyOutsideTheDomain). Survivors: the last
// digit of any of the three exp/exp2 coefficients or of log's, or of one table entry
// (2^(3/32), log's 1/c or log(c) of one sub-interval). Each moves the double by less than
// the hardest list's reach (37, 9, 28 ulps), and the list passes: they change no float
// at all (equivalent mutants), which is what bit-identity needs.
// ExactExpf2 (pairsLaneByLane), each caught: rounding k by truncation (cvttpd2dq), the two
// lanes' table entries swapped, and the domain test passing a pair with one lane inside
// (mixed pairs and the sweep fail); in tryScaledFour, the two halves' exps swapped (scaled
// fours fail).

#include "recoscope/core/exact_mathf.h"

#include "hard_log_inputs.h"

#include <QTest>

#include <bit>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

using namespace recoscope;

namespace {

namespace d = core::exact_mathf_detail;

std::uint32_t bitsOf(float x) {
    return std::bit_cast<std::uint32_t>(x);
}
float floatOf(std::uint32_t b) {
    return std::bit_cast<float>(b);
}

// The inputs whose double result lies closest to a float rounding boundary over each
// fast path's whole domain (recoscope-bench-mathf --hard 64): the first to change if
// any constant or operation of the fast path changes. They hold every input within 37
// (exp), 9 (log) and 28 (exp2) double ulps of a boundary, so a change that moves the
// double by fewer ulps than that and passes them changes no float at all.
// expf: the 64 inputs closest to a rounding boundary (closest: 0 double ulps, farthest listed: 37)
const std::uint32_t kHardExp[] = {
    0x3e73ade2u, 0xbfde3004u, 0xb3000000u, 0xbbe861b2u, 0x3d8932e8u, 0x400d98c7u, 0x3b37991au,
    0xba253b54u, 0x337fffffu, 0x33800000u, 0x343fffffu, 0x34dffffdu, 0x37ff7f01u, 0x4197276cu,
    0xc0d7626bu, 0x356ffff9u, 0x3b0b4517u, 0x40143eb5u, 0x35f7fff1u, 0x3fbe11a6u, 0x367bffe1u,
    0xba921bd7u, 0xbeae4609u, 0x36fdffc1u, 0x40c12c37u, 0xbb378639u, 0x387ebe05u, 0xc1d2107au,
    0xb9fbab76u, 0xbe14c82cu, 0x377eff81u, 0x38fddc11u, 0xb2ffffffu, 0xb9a56aaeu, 0xbf0fa174u,
    0x3b50125au, 0x40a63bf9u, 0xc068da36u, 0x337ffffeu, 0x3d103181u, 0xbc70a558u, 0x3b8f4138u,
    0xb3000001u, 0xb3c00001u, 0xb4200001u, 0xbac75bcbu, 0xbc3f2901u, 0xb4b00002u, 0xbd3e69a5u,
    0x3a29cdebu, 0xb8df930du, 0xb5d4000bu, 0xb616000bu, 0xbb57a63bu, 0xbeb7bdadu, 0x3998e24bu,
    0x3df0cb95u, 0xb6b50020u, 0xbab8080fu, 0xb2fffffeu, 0xb3c00000u, 0xb7f4c0eau, 0xba493dc5u,
    0xc0809842u};

// logf: see tests/support/hard_log_inputs.h (test::kHardLog).
using test::kHardLog;

// exp2f: the 64 inputs closest to a rounding boundary (closest: 1 double ulps, farthest listed: 28)
const std::uint32_t kHardExp2[] = {
    0xb52d1f9au, 0x39c33c0cu, 0x38b3ca60u, 0x38baa496u, 0x33b8aa3bu, 0x38759d25u, 0x36879cf7u,
    0x3f06f656u, 0x3fc37b2bu, 0xbaab9e20u, 0xbef21354u, 0xbfbc84d5u, 0xbddee1c5u, 0xb466d4cbu,
    0xbcd71cb4u, 0xb338aa3bu, 0xb8acad70u, 0x3c7e78a0u, 0x3f6201ebu, 0xb5160a52u, 0xb92eb621u,
    0xbdeff0a8u, 0x37e338ebu, 0xbd00b8e2u, 0x3b1f0d8au, 0xb4fdea14u, 0xba25d282u, 0x3e86b8c9u,
    0xb338aa3cu, 0xb63b8cf0u, 0x354fbf7fu, 0xb59bcfa6u, 0x33b8aa3au, 0x365584c5u, 0x3f156f78u,
    0x3fcab7bcu, 0x40255bdeu, 0x40655bdeu, 0x4092adefu, 0x40b2adefu, 0x40d2adefu, 0x40f2adefu,
    0xb7dba6feu, 0xbed52110u, 0xbfb54844u, 0xc01aa422u, 0xc05aa422u, 0xc08d5211u, 0xc0ad5211u,
    0xc0cd5211u, 0xc0ed5211u, 0x357dea0cu, 0xb40a7fadu, 0x37c65e73u, 0xb9364957u, 0xb4a194f5u,
    0x3858c2d4u, 0xb7605712u, 0xb8bbd3a2u, 0x33b8aa3cu, 0x34e6d4c8u, 0x3b81f71au, 0xbca73a5fu,
    0x39f48ad8u};

enum class Fn { Exp, Log, Exp2 };

float exact(Fn f, float x) {
    switch (f) {
    case Fn::Exp:
        return core::exactExpf(x);
    case Fn::Log:
        return core::exactLogf(x);
    case Fn::Exp2:
        return core::exactExp2f(x);
    }
    return 0.0f;
}
float reference(Fn f, float x) {
    switch (f) {
    case Fn::Exp:
        return std::exp(x);
    case Fn::Log:
        return std::log(x);
    case Fn::Exp2:
        return std::exp2(x);
    }
    return 0.0f;
}
bool fast(Fn f, float x) {
    float y = 0.0f;
    switch (f) {
    case Fn::Exp:
        return d::tryExpf(x, y);
    case Fn::Log:
        return d::tryLogf(x, y);
    case Fn::Exp2:
        return d::tryExp2f(x, y);
    }
    return false;
}
const char* name(Fn f) {
    return f == Fn::Exp ? "exp" : f == Fn::Log ? "log" : "exp2";
}

struct Tally {
    long long checked = 0, mismatches = 0, fallbacks = 0;
    float firstBad = 0.0f;
};

void check(Fn f, float x, Tally& t) {
    ++t.checked;
    if (!fast(f, x))
        ++t.fallbacks;
    if (bitsOf(exact(f, x)) != bitsOf(reference(f, x)) && t.mismatches++ == 0)
        t.firstBad = x;
}

// Every stride-th float of [lo, hi] (lo < hi, same sign or lo = 0).
Tally sweep(Fn f, float lo, float hi, std::uint32_t stride) {
    Tally t;
    const auto walk = [&](std::uint32_t from, std::uint32_t to) {
        for (std::uint64_t b = from; b <= to; b += stride)
            check(f, floatOf(static_cast<std::uint32_t>(b)), t);
    };
    if (lo < 0.0f)
        walk(bitsOf(hi < 0.0f ? hi : -0.0f), bitsOf(lo));
    if (hi > 0.0f)
        walk(bitsOf(lo > 0.0f ? lo : 0.0f), bitsOf(hi));
    return t;
}

// Every float within `radius` bit patterns of x (same sign).
void around(Fn f, float x, std::uint32_t radius, Tally& t) {
    const std::uint32_t b = bitsOf(x);
    const std::uint32_t sign = b & 0x80000000u, mag = b & 0x7fffffffu;
    for (std::uint32_t m = mag > radius ? mag - radius : 0; m <= mag + radius; ++m)
        if (m <= 0x7f800000u)
            check(f, floatOf(sign | m), t);
}

void verify(Fn f, const Tally& t, const char* what) {
    qInfo("%s %s: %lld floats, %lld mismatches, %lld fall-backs to glibc", name(f), what, t.checked,
          t.mismatches, t.fallbacks);
    if (t.mismatches != 0)
        QFAIL(qPrintable(QStringLiteral("%1 %2: first mismatch at x = %3 (%4 vs glibc %5)")
                             .arg(QLatin1String(name(f)), QLatin1String(what))
                             .arg(double(t.firstBad), 0, 'a')
                             .arg(double(exact(f, t.firstBad)), 0, 'a')
                             .arg(double(reference(f, t.firstBad)), 0, 'a')));
}

// ExactExpf2 against exactExpf and glibc, lane by lane: every float of `xs` in lane 0 with
// its successor in lane 1, and with its mirror (xs[n - 1 - i]) in lane 1 and then in lane
// 0, so that each input meets far-away partners in both lanes. tryBoth must take exactly
// the pairs whose lanes are both inside exp's domain, and agree with what it hands back.
struct PairTally {
    long long pairs = 0, mismatches = 0, fastPairs = 0, wrongFastPath = 0;
    float firstBad[2] = {0.0f, 0.0f};
};

void checkPair(const core::ExactExpf2& exp2, float a, float b, PairTally& t) {
    ++t.pairs;
    const float x[2] = {a, b};
    float y[2] = {0.0f, 0.0f};
    exp2(x, y);
    float fastY[2] = {-1.0f, -1.0f};
    const bool fast = exp2.tryBoth(x, fastY);
    const bool inDomain = std::fabs(a) < d::kExpDomain && std::fabs(b) < d::kExpDomain;
    t.fastPairs += fast;
    bool bad = fast != inDomain;
    t.wrongFastPath += bad;
    for (int i = 0; i < 2; ++i) {
        bad = bad || bitsOf(y[i]) != bitsOf(core::exactExpf(x[i])) ||
              bitsOf(y[i]) != bitsOf(std::exp(x[i]));
        // Untouched when declined, the lane's own value when taken.
        bad = bad || bitsOf(fastY[i]) != (fast ? bitsOf(y[i]) : bitsOf(-1.0f));
    }
    if (bad && t.mismatches++ == 0) {
        t.firstBad[0] = a;
        t.firstBad[1] = b;
    }
}

void checkPairings(const std::vector<float>& xs, PairTally& t) {
    const core::ExactExpf2 exp2;
    const std::size_t n = xs.size();
    for (std::size_t i = 0; i < n; ++i) {
        checkPair(exp2, xs[i], xs[(i + 1) % n], t);
        checkPair(exp2, xs[i], xs[n - 1 - i], t);
        checkPair(exp2, xs[n - 1 - i], xs[i], t);
    }
}

void verifyPairs(const PairTally& t, const char* what) {
    qInfo("exp pairs %s: %lld pairs, %lld on the fast path, %lld mismatches", what, t.pairs,
          t.fastPairs, t.mismatches);
    if (t.mismatches != 0)
        QFAIL(qPrintable(QStringLiteral("exp pairs %1: first mismatch at (%2, %3)")
                             .arg(QLatin1String(what))
                             .arg(double(t.firstBad[0]), 0, 'a')
                             .arg(double(t.firstBad[1]), 0, 'a')));
}

// ExactExpf2::tryScaledFour against the scalar scale * exactExpf (and glibc) lane by lane;
// `xs` four at a time, as is and mirrored (xs[n - 1 - i]), with scales from a xorshift.
void checkScaledFours(const std::vector<float>& xs, PairTally& t) {
    const core::ExactExpf2 exp2;
    std::uint64_t state = 0x2545f4914f6cdd1dull;
    const auto nextScale = [&] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return static_cast<float>(state >> 40) * 0x1p-23f; // [0, 2), 24 random bits
    };
    const std::size_t n = xs.size();
    for (std::size_t i = 0; i + 4 <= n; ++i) {
        for (bool mirrored : {false, true}) {
            float x[4], scale[4], y[4] = {-1.0f, -1.0f, -1.0f, -1.0f};
            bool inDomain = true;
            for (std::size_t j = 0; j < 4; ++j) {
                x[j] = mirrored ? xs[n - 1 - i - j] : xs[i + j];
                scale[j] = nextScale();
                inDomain = inDomain && std::fabs(x[j]) < d::kExpDomain;
            }
            ++t.pairs;
            const bool fast = exp2.tryScaledFour(x, scale, y);
            t.fastPairs += fast;
            bool bad = fast != inDomain;
            for (std::size_t j = 0; j < 4; ++j)
                bad = bad ||
                      bitsOf(y[j]) !=
                          (fast ? bitsOf(scale[j] * core::exactExpf(x[j])) : bitsOf(-1.0f)) ||
                      (fast && bitsOf(y[j]) != bitsOf(scale[j] * std::exp(x[j])));
            if (bad && t.mismatches++ == 0) {
                t.firstBad[0] = x[0];
                t.firstBad[1] = x[1];
            }
        }
        if (n > 1'000'000)
            i += 3; // the long sweep: disjoint fours
    }
}

} // namespace

class TestExactMathf : public QObject {
    Q_OBJECT

private slots:
    // A stride co-prime with the 2^23 floats of a binade visits every mantissa pattern
    // class across binades; 61 keeps the suite near 10 s on a loaded machine.
    void strideSweepOfSimulatorRanges() {
        const std::uint32_t stride = 61;
        verify(Fn::Exp, sweep(Fn::Exp, -110.0f, 90.0f, stride), "[-110, 90]");
        verify(Fn::Log, sweep(Fn::Log, 0.0f, 1.0f, stride), "[0, 1]");
        verify(Fn::Log, sweep(Fn::Log, 1e-12f, 30.0f, stride), "[1e-12, 30]");
        verify(Fn::Exp2, sweep(Fn::Exp2, -130.0f, 10.0f, stride), "[-130, 10]");
    }

    // exp: x N / ln2 near k + 1/2 for every k of the fast path, 256 floats either side.
    void nearTies() {
        Tally t;
        const double ln2OverN = 0x1.62e42fefa39efp-1 / 32.0;
        for (int k = -87 * 47; k <= 87 * 47; ++k)
            around(Fn::Exp, static_cast<float>((k + 0.5) * ln2OverN), 256, t);
        verify(Fn::Exp, t, "near ties");
        // exp2: the same for x = (k + 1/2) / 32 (exact floats: the reduction is exact).
        Tally t2;
        for (int k = -125 * 32; k <= 125 * 32; ++k)
            around(Fn::Exp2, static_cast<float>((k + 0.5) / 32.0), 256, t2);
        verify(Fn::Exp2, t2, "near ties");
    }

    // log: both sides of every sub-interval edge of every binade (the table index i and
    // the exponent k change there), 64 floats either side.
    void logTableEdges() {
        Tally t;
        for (std::uint32_t e = 1; e < 255; ++e)
            for (std::uint32_t i = 0; i < 16; ++i)
                around(Fn::Log, floatOf((e << 23) | (i << 19) | (d::kLogOff & 0x7ffffu)), 64, t);
        verify(Fn::Log, t, "sub-interval edges");
    }

    // The hardest inputs of each domain (above), where the double result is within a few
    // double ulps of (or exactly on) the midpoint between two floats.
    void hardestInputs() {
        Tally e, l, e2;
        for (std::uint32_t b : kHardExp)
            check(Fn::Exp, floatOf(b), e);
        for (std::uint32_t b : kHardLog)
            check(Fn::Log, floatOf(b), l);
        for (std::uint32_t b : kHardExp2)
            check(Fn::Exp2, floatOf(b), e2);
        verify(Fn::Exp, e, "hardest");
        verify(Fn::Log, l, "hardest");
        verify(Fn::Exp2, e2, "hardest");
        QCOMPARE(e.fallbacks + l.fallbacks + e2.fallbacks, 0LL);
    }

    // The fast paths' bounds and glibc's own branch points, 4096 floats either side.
    void rangeBounds() {
        Tally e, l, e2;
        for (float x : {32.0f, -32.0f, 87.0f, -87.0f, 88.0f, -88.0f, 0x1.62e42ep6f, -0x1.9fe368p6f,
                        -0x1.9d1d9ep6f, 0.0f, -0.0f})
            around(Fn::Exp, x, 4096, e);
        for (float x : {FLT_MIN, 1.0f, FLT_MAX, 2.0f, 0.5f})
            around(Fn::Log, x, 4096, l);
        for (float x : {125.0f, -125.0f, 128.0f, -126.0f, -149.0f, -150.0f, 0.0f, -0.0f})
            around(Fn::Exp2, x, 4096, e2);
        verify(Fn::Exp, e, "bounds");
        verify(Fn::Log, l, "bounds");
        verify(Fn::Exp2, e2, "bounds");
    }

    void specialValues() {
        const float inf = std::numeric_limits<float>::infinity();
        const float values[] = {0.0f,
                                -0.0f,
                                1.0f,
                                -1.0f,
                                inf,
                                -inf,
                                std::numeric_limits<float>::quiet_NaN(),
                                -std::numeric_limits<float>::quiet_NaN(),
                                std::numeric_limits<float>::signaling_NaN(),
                                floatOf(0x7fc12345u),
                                floatOf(0xffc00001u),
                                FLT_MIN,
                                -FLT_MIN,
                                std::numeric_limits<float>::denorm_min(),
                                -std::numeric_limits<float>::denorm_min(),
                                floatOf(0x007fffffu),
                                FLT_MAX,
                                -FLT_MAX,
                                FLT_EPSILON,
                                1e-12f,
                                1.0f + FLT_EPSILON,
                                1.0f - FLT_EPSILON / 2,
                                0x1.62e42ep6f,
                                0x1.62e430p6f,
                                -0x1.9fe368p6f,
                                -0x1.9fe36ap6f,
                                -103.0f,
                                -104.0f,
                                -150.0f,
                                -149.5f,
                                128.0f,
                                127.99999f,
                                1e30f,
                                -1e30f,
                                -1e29f,
                                floatOf(0xc27c65d9u),  // where glibc's FMA and SSE2 expf
                                floatOf(0x4202422fu)}; // disagree: glibc must answer
        for (Fn f : {Fn::Exp, Fn::Log, Fn::Exp2}) {
            Tally t;
            for (float x : values)
                check(f, x, t);
            verify(f, t, "special values");
        }
        // The exact cases.
        QCOMPARE(bitsOf(core::exactExpf(0.0f)), bitsOf(1.0f));
        QCOMPARE(bitsOf(core::exactExpf(-0.0f)), bitsOf(1.0f));
        QCOMPARE(bitsOf(core::exactLogf(1.0f)), bitsOf(0.0f));
        QCOMPARE(bitsOf(core::exactExp2f(3.0f)), bitsOf(8.0f));
        QCOMPARE(bitsOf(core::exactExp2f(-126.0f)), bitsOf(FLT_MIN));
    }

    // How often the fast path asks glibc: never inside its domain (|x| < 32 for exp,
    // |x| < 125 for exp2, normal positive x for log), always outside it.
    void fallbackOnlyOutsideTheDomain() {
        long long inside = 0, outside = 0, outsideFallbacks = 0;
        for (std::uint64_t b = 0; b <= 0xffffffffu; b += 4099) {
            const float x = floatOf(static_cast<std::uint32_t>(b));
            const bool expIn = std::fabs(x) < d::kExpDomain;
            const bool exp2In = std::fabs(x) < d::kExp2Domain;
            const bool logIn = x >= FLT_MIN && x <= FLT_MAX;
            for (auto [f, in] : {std::pair{Fn::Exp, expIn}, std::pair{Fn::Exp2, exp2In},
                                 std::pair{Fn::Log, logIn}}) {
                if (in) {
                    ++inside;
                    QVERIFY2(fast(f, x), qPrintable(QStringLiteral("%1 declined x = %2")
                                                        .arg(QLatin1String(name(f)))
                                                        .arg(double(x), 0, 'a')));
                } else {
                    ++outside;
                    outsideFallbacks += !fast(f, x);
                }
            }
        }
        qInfo("fast path: %lld of %lld inputs inside the domains, %lld of %lld outside handed "
              "to glibc",
              inside, inside, outsideFallbacks, outside);
        QCOMPARE(outsideFallbacks, outside);
    }

    // ExactExpf2 (exactExpf two at a time in SSE2 double lanes) against exactExpf and
    // glibc lane by lane: the stride sweep of exp's simulator range, the floats near the
    // reduction's ties, the hardest inputs, and mixed pairs with one lane outside the
    // domain (either lane): bounds, NaN, infinities, the unavailable entries' -1e30.
    void pairsLaneByLane() {
        std::vector<float> sweepXs;
        const auto walk = [&](std::uint32_t from, std::uint32_t to) {
            for (std::uint64_t b = from; b <= to; b += 61)
                sweepXs.push_back(floatOf(static_cast<std::uint32_t>(b)));
        };
        walk(bitsOf(-0.0f), bitsOf(-110.0f));
        walk(bitsOf(0.0f), bitsOf(90.0f));
        PairTally sweepTally;
        checkPairings(sweepXs, sweepTally);
        verifyPairs(sweepTally, "[-110, 90] every 61st float");
        QVERIFY(sweepTally.fastPairs > 0);
        PairTally sweepFours;
        checkScaledFours(sweepXs, sweepFours);
        verifyPairs(sweepFours, "scaled fours of [-110, 90]");
        QVERIFY(sweepFours.fastPairs > 0);

        std::vector<float> tieXs;
        const double ln2OverN = 0x1.62e42fefa39efp-1 / 32.0;
        for (int k = -32 * 47; k <= 32 * 47; ++k) {
            const std::uint32_t b = bitsOf(static_cast<float>((k + 0.5) * ln2OverN));
            for (std::uint32_t m = b - 16; m <= b + 16; ++m)
                tieXs.push_back(floatOf(m));
        }
        PairTally tieTally;
        checkPairings(tieXs, tieTally);
        verifyPairs(tieTally, "near ties");
        PairTally tieFours;
        checkScaledFours(tieXs, tieFours);
        verifyPairs(tieFours, "scaled fours near ties");

        std::vector<float> hardXs;
        for (std::uint32_t b : kHardExp)
            hardXs.push_back(floatOf(b));
        PairTally hardTally;
        checkPairings(hardXs, hardTally);
        verifyPairs(hardTally, "hardest");
        QCOMPARE(hardTally.fastPairs, hardTally.pairs);
        PairTally hardFours;
        checkScaledFours(hardXs, hardFours);
        verifyPairs(hardFours, "scaled fours of the hardest");
        QCOMPARE(hardFours.fastPairs, hardFours.pairs);

        const float inf = std::numeric_limits<float>::infinity();
        const float outside[] = {32.0f,
                                 -32.0f,
                                 40.0f,
                                 -40.0f,
                                 88.0f,
                                 -104.0f,
                                 -1e29f,
                                 -1e30f,
                                 inf,
                                 -inf,
                                 std::numeric_limits<float>::quiet_NaN(),
                                 floatOf(0xffc00001u),
                                 floatOf(0xc27c65d9u),
                                 floatOf(0x4202422fu)};
        const float inside[] = {0.0f,
                                -0.0f,
                                1.0f,
                                -2.5f,
                                std::nextafter(32.0f, 0.0f),
                                -std::nextafter(32.0f, 0.0f),
                                floatOf(kHardExp[0])};
        PairTally mixed;
        const core::ExactExpf2 exp2;
        for (float a : outside)
            for (float b : inside) {
                checkPair(exp2, a, b, mixed);
                checkPair(exp2, b, a, mixed);
            }
        for (float a : outside)
            for (float b : outside)
                checkPair(exp2, a, b, mixed);
        verifyPairs(mixed, "mixed");
        QCOMPARE(mixed.fastPairs, 0LL); // every pair has a lane outside
        // Fours with one lane outside, in each position: declined, y untouched.
        std::vector<float> mixedXs;
        for (float a : outside)
            for (std::size_t at = 0; at < 4; ++at)
                for (std::size_t j = 0; j < 4; ++j)
                    mixedXs.push_back(j == at ? a : inside[j]);
        PairTally mixedFours;
        checkScaledFours(mixedXs, mixedFours);
        verifyPairs(mixedFours, "mixed fours");
    }

    // Random bit patterns over all 2^32 (a fixed xorshift, NaNs included).
    void randomBitPatterns() {
        std::uint64_t s = 0x9e3779b97f4a7c15ull;
        Tally t[3];
        for (int n = 0; n < 1'000'000; ++n) {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            const float x = floatOf(static_cast<std::uint32_t>(s >> 16));
            check(Fn::Exp, x, t[0]);
            check(Fn::Log, x, t[1]);
            check(Fn::Exp2, x, t[2]);
        }
        verify(Fn::Exp, t[0], "random");
        verify(Fn::Log, t[1], "random");
        verify(Fn::Exp2, t[2], "random");
    }
};

QTEST_GUILESS_MAIN(TestExactMathf)
#include "tst_exact_mathf.moc"
