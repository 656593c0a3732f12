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

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

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

    // merge() and clear() walk the buckets only up to the one of the largest value held
    // (issue 17, branch engine6). Checked against an independent reference: the values
    // themselves, kept in plain vectors, from which count, max and every quantile follow
    // by sorting (the upper edge of the value's bucket, capped at the max). Random streams
    // of records (every magnitude, so the largest value moves up and down), merges both
    // ways and clears; after a clear the histogram records values far above and below the
    // old largest one, so a bucket left behind by a short clear shows in the quantiles, and
    // a bucket left out of a merge is missing from them.
    //
    // Mutations tried (each failed here; restored): merge() walking to bucketIndex(max)
    // without its + 1 (the largest value's bucket not added); clear() filling to
    // bucketIndex(max) without its + 1 (that bucket left behind).
    void mergeAndClearMatchTheValues() {
        recoscope::test::Mix rng{23};
        LatencyHistogram h[2];
        std::vector<std::uint64_t> values[2];
        auto check = [&](int k, int op) {
            std::vector<std::uint64_t> v = values[k];
            std::sort(v.begin(), v.end());
            const LatencyHistogram& x = h[k];
            if (x.count() != v.size())
                return QStringLiteral("op %1: count %2, want %3")
                    .arg(op)
                    .arg(x.count())
                    .arg(v.size());
            const std::uint64_t max = v.empty() ? 0 : v.back();
            if (x.maxNanoseconds() != max)
                return QStringLiteral("op %1: max differs").arg(op);
            for (int i = 0; i <= 200; ++i) {
                const double q = i / 200.0;
                double want = 0.0;
                if (!v.empty()) {
                    const auto rank = std::max<std::uint64_t>(
                        1,
                        static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(v.size()))));
                    const std::uint64_t ns = v[rank - 1];
                    want = std::min(
                        LatencyHistogram::bucketUpperEdge(LatencyHistogram::bucketIndex(ns)),
                        static_cast<double>(max));
                }
                if (x.quantile(q) != want)
                    return QStringLiteral("op %1: histogram %2, quantile %3 is %4, want %5")
                        .arg(op)
                        .arg(k)
                        .arg(q)
                        .arg(x.quantile(q))
                        .arg(want);
            }
            return QString();
        };
        int merges = 0, clears = 0;
        for (int op = 0; op < 6000; ++op) {
            const int k = static_cast<int>(rng.below(2));
            // Merges both ways would double the histograms: a large one is cleared.
            const std::uint32_t what = values[k].size() > 1500 ? 99 : rng.below(100);
            if (what < 85) {
                // Mostly small values, now and then a large one (up to every magnitude).
                const int shift = rng.below(10) == 0 ? static_cast<int>(rng.below(64))
                                                     : 40 + static_cast<int>(rng.below(24));
                const std::uint64_t ns = rng.next() >> shift;
                h[k].record(ns);
                values[k].push_back(ns);
            } else if (what < 95) {
                h[k].merge(h[1 - k]);
                values[k].insert(values[k].end(), values[1 - k].begin(), values[1 - k].end());
                ++merges;
            } else {
                h[k].clear();
                values[k].clear();
                ++clears;
            }
            for (int j = 0; j < 2; ++j) {
                const QString d = check(j, op);
                if (!d.isEmpty())
                    QFAIL(qPrintable(d));
            }
        }
        QVERIFY(merges > 300);
        QVERIFY(clears > 150);
    }
};

QTEST_GUILESS_MAIN(TestLatencyHistogram)
#include "tst_latency_histogram.moc"
