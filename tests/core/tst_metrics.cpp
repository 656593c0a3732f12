// Metric definitions: latency quantiles, Gini, coverage, CTR/CVR, time buckets, the open
// bucket of a live view and the cold-start figures.

#include "recoscope/core/cold_start_accumulator.h"
#include "recoscope/core/latency_histogram.h"
#include "recoscope/core/metrics.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace recoscope::core;

namespace {
ItemTable makeItems(std::size_t n) {
    ItemTable t;
    t.category.assign(n, 0);
    t.topCategory.assign(n, 0);
    t.brand.assign(n, 0);
    t.price.assign(n, 10.0f);
    t.discount.assign(n, 0.0f);
    t.launchTime.assign(n, 0.0);
    t.available.assign(n, 1);
    t.availableCount = n;
    t.tagOffsets.assign(n + 1, 0);
    return t;
}
} // namespace

class TestMetrics : public QObject {
    Q_OBJECT

private slots:
    void latencyQuantilesWithinBucketResolution() {
        // Exact quantiles of a known sample versus the histogram: never below the true
        // value, and above by at most one bucket (1/32 relative).
        std::mt19937_64 rng(5); // test data only; not part of any simulated stream
        std::lognormal_distribution<double> dist(9.0, 1.0);
        std::vector<std::uint64_t> values;
        LatencyHistogram h;
        for (int i = 0; i < 100000; ++i) {
            const auto v = static_cast<std::uint64_t>(dist(rng));
            values.push_back(v);
            h.record(v);
        }
        std::sort(values.begin(), values.end());
        for (double q : {0.5, 0.95, 0.99}) {
            const auto rank = static_cast<std::size_t>(std::ceil(q * values.size())) - 1;
            const double exact = static_cast<double>(values[rank]);
            const double approx = h.quantile(q);
            QVERIFY2(approx >= exact,
                     qPrintable(QStringLiteral("q%1: %2 < %3").arg(q).arg(approx).arg(exact)));
            QVERIFY2(approx <= exact * (1.0 + 1.0 / 32.0) + 1.0,
                     qPrintable(QStringLiteral("q%1: %2 vs %3").arg(q).arg(approx).arg(exact)));
        }
        QCOMPARE(h.count(), std::uint64_t(100000));
    }

    void latencySmallValuesAreExact() {
        LatencyHistogram h;
        for (std::uint64_t v : {1, 2, 3, 4, 5})
            h.record(v);
        QCOMPARE(h.quantile(0.5), 3.0);
        QCOMPARE(h.quantile(1.0), 5.0);
        QCOMPARE(LatencyHistogram().quantile(0.5), 0.0);
    }

    void gini_data() {
        QTest::addColumn<QList<int>>("counts");
        QTest::addColumn<double>("expected");
        QTest::newRow("equal") << QList<int>{5, 5, 5, 5} << 0.0;
        QTest::newRow("one takes all of 4") << QList<int>{0, 0, 0, 8} << 0.75;
        QTest::newRow("all zero") << QList<int>{0, 0, 0} << 0.0;
        // Sorted 1,2,3,4: sum (2i-n-1)x = -3-2+3+12... = (-3*1)+(-1*2)+(1*3)+(3*4) = 10; 10/(4*10)
        // = 0.25
        QTest::newRow("1..4") << QList<int>{4, 1, 3, 2} << 0.25;
    }
    void gini() {
        QFETCH(QList<int>, counts);
        QFETCH(double, expected);
        std::vector<std::uint64_t> c(counts.begin(), counts.end());
        QVERIFY(std::abs(giniCoefficient(c) - expected) < 1e-12);
    }

    void ratesCoverageAndBuckets() {
        ItemTable items = makeItems(10);
        items.launchTime[9] = 7200.0; // launches in the third hour
        MetricsAccumulator m(items, 3600.0);
        m.onSessionStart(10.0);
        Slate slate{{0, 1.0f, 1.0f}, {1, 0.5f, 1.0f}, {2, 0.2f, 1.0f}, {3, 0.1f, 1.0f}};
        m.onSlate(10.0, slate, 1500);
        m.onEvent({20.0, 0, 1, EventKind::Click, Surface::Home, 1, true, 0.0f});
        m.onEvent({30.0, 0, 1, EventKind::CartAdd, Surface::Product, 1, true, 10.0f});
        m.onEvent({40.0, 0, 1, EventKind::Purchase, Surface::Cart, 1, true, 9.5f});
        m.onEvent({41.0, 0, 5, EventKind::Purchase, Surface::Cart, -1, false, 20.0f});
        m.onSlate(4000.0, Slate{{0, 1.0f, 1.0f}, {4, 0.5f, 1.0f}}, 2500);

        std::vector<MetricPoint> buckets;
        m.takeFinishedBuckets(4000.0, buckets);
        QCOMPARE(buckets.size(), std::size_t(1));
        const MetricPoint& b = buckets[0];
        QCOMPARE(b.bucketStart, 0.0);
        QCOMPARE(b.bucketEnd, 3600.0);
        QCOMPARE(b.counters.impressions, std::uint64_t(4));
        QCOMPARE(b.counters.clicks, std::uint64_t(1));
        QCOMPARE(b.ctr, 0.25);
        QCOMPARE(b.cvrClicks, 1.0); // one attributed purchase per click
        QCOMPARE(b.cvrImpressions, 0.25);
        QCOMPARE(b.counters.revenue, 29.5);
        QCOMPARE(b.counters.recRevenue, 9.5);
        QCOMPARE(b.coverage, 4.0 / 9.0); // item 9 not launched yet
        QVERIFY(std::abs(b.latencyP50us - 1.5) <= 1.5 / 32.0);

        const MetricPoint total = m.total(8000.0);
        QCOMPARE(total.counters.impressions, std::uint64_t(6));
        QCOMPARE(total.coverage, 5.0 / 10.0); // item 9 launched by now, never shown
        QVERIFY(total.gini > 0.0 && total.gini < 1.0);

        // An empty hour still yields a bucket, so charts keep their time axis.
        std::vector<MetricPoint> more;
        m.flush(8000.0, more);
        QCOMPARE(more.size(), std::size_t(2));
        QCOMPARE(more[0].bucketEnd, 7200.0);
        QCOMPARE(more[1].bucketEnd, 8000.0);
        QCOMPARE(more[1].counters.impressions, std::uint64_t(0));
    }

    // The open bucket is what the live view shows between closed buckets: the counters
    // since the last one, rates from them, coverage and Gini of the whole run.
    void openBucketHoldsWhatFollowsTheLastClosedBucket() {
        ItemTable items = makeItems(10);
        MetricsAccumulator m(items, 3600.0);
        m.onSlate(10.0, Slate{{0, 1.0f, 1.0f}, {1, 0.5f, 1.0f}}, 1000);
        m.onEvent({20.0, 0, 1, EventKind::Click, Surface::Home, 1, true, 0.0f});
        m.onSlate(3700.0, Slate{{2, 1.0f, 1.0f}, {3, 1.0f, 1.0f}, {4, 1.0f, 1.0f}, {5, 1.0f, 1.0f}},
                  1000);
        m.onEvent({3710.0, 0, 2, EventKind::Click, Surface::Home, 0, true, 0.0f});
        m.onEvent({3720.0, 0, 2, EventKind::Purchase, Surface::Cart, 0, true, 12.5f});
        std::vector<MetricPoint> closed;
        m.takeFinishedBuckets(3800.0, closed);
        QCOMPARE(closed.size(), std::size_t(1));
        const MetricPoint total = m.total(3800.0);
        const MetricPoint open = m.openBucket(total);
        QCOMPARE(open.bucketStart, 3600.0);
        QCOMPARE(open.bucketEnd, 3800.0);
        QCOMPARE(open.counters.impressions, std::uint64_t(4));
        QCOMPARE(open.counters.clicks, std::uint64_t(1));
        QCOMPARE(open.counters.revenue, 12.5);
        QCOMPARE(open.ctr, 0.25);
        QCOMPARE(open.cvrClicks, 1.0);
        QCOMPARE(open.coverage, 0.6); // items 0..5 of 10, whole run
        QCOMPARE(open.gini, total.gini);
        QCOMPARE(rate(3, 0), 0.0);
    }

    // New users (first two sessions) and new items (launched < 24 h before the slate),
    // counted by slate time into buckets with the accumulator's boundaries; the stored
    // names fold back into the whole-run figures.
    void coldStartBucketsAndStoredNames() {
        ItemTable items = makeItems(4);
        items.launchTime[2] = 1800.0;  // launched in the first hour
        items.launchTime[3] = 90000.0; // not launched within the run
        ColdStartAccumulator cold(items, 3600.0);
        // Hour 0: a new user sees items 0 and 2 (2 is new) and clicks item 2.
        cold.onSlate(2000.0, Slate{{0, 1.0f, 1.0f}, {2, 1.0f, 1.0f}}, 1, true);
        // Hour 1: an established user sees item 2 again (still new) and 1; no click.
        cold.onSlate(5000.0, Slate{{2, 1.0f, 1.0f}, {1, 1.0f, 1.0f}}, -1, false);
        cold.onPurchase(2, 5100.0);
        const ColdStartStats first = cold.takeBucket(3600.0, 5100.0);
        QCOMPARE(first.newUserImpressions, std::uint64_t(2));
        QCOMPARE(first.newUserClicks, std::uint64_t(1));
        QCOMPARE(first.newItemImpressions, std::uint64_t(1));
        QCOMPARE(first.newItemClicks, std::uint64_t(1));
        QCOMPARE(first.oldItemImpressions, std::uint64_t(1));
        QCOMPARE(first.launchedItems, std::uint64_t(1));
        QCOMPARE(first.launchedWithImpression, std::uint64_t(1));
        QCOMPARE(first.launchedWithPurchase, std::uint64_t(0)); // bought after the bucket
        QCOMPARE(first.meanHoursToFirstImpression, 200.0 / 3600.0);
        QCOMPARE(first.ctrNewUsers(), 0.5);
        // The run ends at 5100 s: the last, partial bucket holds everything up to then.
        const ColdStartStats last = cold.takeBucket(5100.0, 5100.0);
        QCOMPARE(last.oldUserImpressions, std::uint64_t(2));
        QCOMPARE(last.newItemImpressions, std::uint64_t(1));
        QCOMPARE(last.launchedWithPurchase, std::uint64_t(1));
        QCOMPARE(last.meanHoursToFirstPurchase, 3300.0 / 3600.0);
        ColdStartStats folded;
        for (const ColdStartStats* b : {&first, &last}) {
            ColdStartStats reread;
            for (const auto& [name, value] : b->named()) {
                QVERIFY(ColdStartStats::isStoredName(name));
                const bool settable = reread.setNamed(name, value);
                QCOMPARE(settable, name.rfind("cold_ctr_", 0) != 0); // rates are derived
            }
            folded.addBucket(reread);
        }
        const ColdStartStats total = cold.total(5100.0);
        QCOMPARE(folded.newUserImpressions + folded.oldUserImpressions, std::uint64_t(4));
        QCOMPARE(folded.newItemClicks, total.newItemClicks);
        QCOMPARE(folded.launchedWithPurchase, total.launchedWithPurchase);
        QCOMPARE(folded.meanHoursToFirstPurchase, total.meanHoursToFirstPurchase);
        QVERIFY(!ColdStartStats::isStoredName("ctr"));
    }
};

QTEST_APPLESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
