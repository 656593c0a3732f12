// LatencyHistogram::bucketIndex without a branch (issue 17, third round, branch `guard`)
// against the layout's plain case analysis it replaced, value by value.
//
// Mutations tried (each failed both tests here; restored):
// - the top bit taken of ns | 128 instead of ns | 64 (values below 128 one magnitude up);
// - the clamp one higher (kSubBuckets * kMagnitudes): values from 2^47 on;
// - shift 58 - clz instead of 57 - clz (every value one magnitude up).

#include "recoscope/core/latency_histogram.h"

#include "mix.h"

#include <QTest>

#include <bit>
#include <cstdint>
#include <limits>

using recoscope::core::LatencyHistogram;

namespace {

// The function as it was (core/src/latency_histogram.cpp at main e228e76).
std::size_t plainBucketIndex(std::uint64_t ns) {
    constexpr int kSub = LatencyHistogram::kSubBuckets, kMag = LatencyHistogram::kMagnitudes;
    if (ns < static_cast<std::uint64_t>(kSub))
        return static_cast<std::size_t>(ns);
    const int top = 63 - std::countl_zero(ns);
    const int magnitude = top - 5;
    if (magnitude >= kMag)
        return static_cast<std::size_t>(kSub * kMag - 1);
    const std::uint64_t sub = (ns >> (top - 6)) - kSub;
    return static_cast<std::size_t>(magnitude * kSub + static_cast<int>(sub));
}

} // namespace

class TestLatencyHistogram : public QObject {
    Q_OBJECT
private slots:
    void bucketIndexMatchesTheLayout() {
        std::uint64_t checked = 0;
        QString mismatch;
        auto same = [&checked, &mismatch](std::uint64_t ns) {
            ++checked;
            const std::size_t got = LatencyHistogram::bucketIndex(ns), want = plainBucketIndex(ns);
            if (got != want)
                mismatch = QStringLiteral("ns %1: bucket %2, the layout says %3")
                               .arg(ns)
                               .arg(got)
                               .arg(want);
            return got == want;
        };
        // Every value below 2^24 (16.8 ms: every latency a healthy core has).
        for (std::uint64_t ns = 0; ns < (std::uint64_t(1) << 24); ++ns)
            if (!same(ns))
                QFAIL(qPrintable(mismatch));
        // Every power of two up to 2^63 with 70 values either side (every magnitude's
        // edges, the last bucket's edge at 2^47 and the top of the range).
        for (int b = 0; b < 64; ++b)
            for (std::int64_t d = -70; d <= 70; ++d) {
                const std::uint64_t ns = (std::uint64_t(1) << b) + static_cast<std::uint64_t>(d);
                if (!same(ns))
                    QFAIL(qPrintable(mismatch));
            }
        if (!same(std::numeric_limits<std::uint64_t>::max()))
            QFAIL(qPrintable(mismatch));
        // Random values of every magnitude.
        recoscope::test::Mix rng{17};
        for (int i = 0; i < 2'000'000; ++i) {
            const std::uint64_t ns = rng.next() >> rng.below(64);
            if (!same(ns))
                QFAIL(qPrintable(mismatch));
        }
        QVERIFY(checked > 18'000'000);
    }

    void recordKeepsCountSumAndMax() {
        LatencyHistogram h;
        for (std::uint64_t ns : {0u, 63u, 64u, 127u, 128u, 5000u, 1000000u})
            h.record(ns);
        h.record(std::numeric_limits<std::uint64_t>::max());
        QCOMPARE(h.count(), std::uint64_t(8));
        QCOMPARE(h.maxNanoseconds(), std::numeric_limits<std::uint64_t>::max());
        QCOMPARE(h.quantile(0.0), 0.0);
        QCOMPARE(h.quantile(1.0 / 8.0), 0.0);
        QCOMPARE(h.quantile(2.0 / 8.0), 63.0);
    }
};

QTEST_GUILESS_MAIN(TestLatencyHistogram)
#include "tst_latency_histogram.moc"
