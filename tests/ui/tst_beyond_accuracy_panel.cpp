// The dashboard's "Beyond accuracy" tab shows the numbers the accumulator computed. A
// two-core arena is driven here the way the GUI's worker drives it (snapshots appended to
// a MetricSeriesStore as RunController does), and its stored runs are reopened from the
// database as the run history does; for both, every figure the selector offers is charted
// per bucket and compared with an independent core::BeyondAccuracy per core
// (tests/support/beyond_reference.h), then the whole-run table and the retention table
// are compared cell by cell.

#include "beyond_reference.h"

#include "recoscope/core/registry.h"
#include "recoscope/sim/arena.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/engine_worker.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/ui/beyond_accuracy_panel.h"
#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/metric_chart_view.h"

#include <QComboBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace recoscope;
using Point = core::BeyondAccuracyPoint;

namespace {

const char* const kCores[] = {"random", "popularity"};
constexpr double kDays = 1.0;

} // namespace

class TestBeyondAccuracyPanel : public QObject {
    Q_OBJECT
    core::RecommenderRegistry m_registry;
    QTemporaryDir m_dir;
    sim::Scenario m_scenario;
    std::vector<test::BeyondReference> m_refs;

    // Every figure of the selector, every core: the chart's points are the reference's
    // buckets where the figure is defined, value for value.
    void checkPanel(ui::LiveChartsPanel& panel, const ui::MetricSeriesStore& store) {
        ui::BeyondAccuracyPanel* beyond = panel.beyondPanel();
        QVERIFY(beyond);
        QCOMPARE(beyond->figureBox()->count(), int(Point::FigureCount));
        panel.showBeyondAccuracy();
        panel.showAll(store);
        for (int f = 0; f < Point::FigureCount; ++f) {
            beyond->figureBox()->setCurrentIndex(f);
            QCOMPARE(beyond->figure(), f);
            QCOMPARE(beyond->chart()->title(), ui::BeyondAccuracyPanel::figureTitle(f));
            for (int c = 0; c < 2; ++c) {
                const test::BeyondReference& ref = m_refs[static_cast<std::size_t>(c)];
                const auto& shown = beyond->chart()->samples(QString::number(c));
                std::vector<std::pair<std::size_t, double>> expected;
                for (std::size_t i = 0; i < ref.buckets.size(); ++i)
                    if (ref.buckets[i].defined(f))
                        expected.push_back({i, ref.buckets[i].figure(f)});
                QVERIFY2(expected.size() > 10, Point::figureName(f));
                QCOMPARE(shown.size(), expected.size());
                for (std::size_t k = 0; k < shown.size(); ++k) {
                    QVERIFY2(shown[k].y == expected[k].second,
                             qPrintable(QStringLiteral("%1, core %2, bucket %3: %4 vs %5")
                                            .arg(QLatin1String(Point::figureName(f)))
                                            .arg(c)
                                            .arg(expected[k].first)
                                            .arg(shown[k].y, 0, 'g', 17)
                                            .arg(expected[k].second, 0, 'g', 17)));
                    if (expected[k].first + 1 < ref.buckets.size()) // the last ends at the stop
                        QCOMPARE(shown[k].x, double(expected[k].first + 1) * ref.bucketSeconds /
                                                 core::kSecondsPerDay);
                }
                QVERIFY(beyond->chart()->renderedPointCount(QString::number(c)) > 0);
            }
        }
        // The whole-run table: a row per figure, then orders and active users.
        QTableWidget* totals = beyond->totalsTable();
        QCOMPARE(totals->columnCount(), 2);
        QCOMPARE(totals->rowCount(), int(Point::FigureCount + 2));
        for (int c = 0; c < 2; ++c) {
            const Point& t = m_refs[static_cast<std::size_t>(c)].total;
            for (int f = 0; f < Point::FigureCount; ++f)
                QCOMPARE(totals->item(f, c)->text(), ui::BeyondAccuracyPanel::figureText(t, f));
            QCOMPARE(totals->item(Point::FigureCount, c)->text(),
                     QLocale().toString(qulonglong(t.orders)));
            QVERIFY(t.orders > 0);
        }
        // Retention by cohort of the core chosen in the box: cohort x days later.
        for (int c = 0; c < 2; ++c) {
            beyond->coreBox()->setCurrentIndex(c);
            const core::RetentionTable& r = m_refs[static_cast<std::size_t>(c)].retention;
            QTableWidget* t = beyond->retentionTable();
            QCOMPARE(t->rowCount(), int(r.rows.size()));
            QCOMPARE(t->columnCount(), 8);
            QVERIFY(r.rows.size() >= 1);
            for (std::size_t row = 0; row < r.rows.size(); ++row)
                for (int d = 0; d < 8; ++d)
                    QCOMPARE(t->item(int(row), d)->text(),
                             ui::BeyondAccuracyPanel::retentionText(
                                 r.rows[row][static_cast<std::size_t>(d)]));
            QCOMPARE(t->item(0, 0)->text(), ui::BeyondAccuracyPanel::retentionText(1.0));
        }
    }

private slots:
    void initTestCase() {
        core::registerBuiltinRecommenders(m_registry);
        QVERIFY(m_dir.isValid());
        auto s = sim::loadBuiltinScenario(QStringLiteral("default"));
        QVERIFY(s.ok());
        m_scenario = s.value();
        for (const char* id : kCores)
            m_refs.push_back(test::beyondReference(m_scenario, 5, m_registry, id, kDays));
    }

    void liveAndReopened() {
        sim::ArenaSpec spec;
        spec.scenario = m_scenario;
        spec.seed = 5;
        for (const char* id : kCores)
            spec.cores.push_back({id, {}});
        spec.limits.maxDays = kDays;
        spec.dbPath = m_dir.filePath(QStringLiteral("runs.db"));
        spec.inspectors = false;
        auto created = sim::Arena::create(spec, m_registry, 1);
        QVERIFY2(created, created ? "" : created.error().c_str());
        sim::Arena& arena = *created.value();
        // Live: the worker's rhythm, slices of actions, each followed by a snapshot.
        ui::MetricSeriesStore live;
        live.reset({QString::fromLatin1(kCores[0]), QString::fromLatin1(kCores[1])});
        auto append = [&](bool finished) {
            sim::SnapshotBatch batch;
            static_cast<sim::ArenaSnapshot&>(batch) = arena.takeSnapshot(finished);
            live.append(batch);
        };
        for (int n = 1;; ++n) {
            const int i = arena.slowest();
            if (i < 0)
                break;
            arena.advance(static_cast<std::size_t>(i));
            if (n % 4000 == 0) {
                QVERIFY(arena.collect());
                append(false);
            }
        }
        QVERIFY(arena.collect());
        const sim::Arena::Finish fin = arena.finish(false);
        QVERIFY(fin.errors.empty());
        append(true);
        for (int c = 0; c < 2; ++c)
            QCOMPARE(live.core(c).buckets.size(),
                     m_refs[static_cast<std::size_t>(c)].buckets.size());

        ui::LiveChartsPanel livePanel;
        livePanel.resize(1100, 800);
        checkPanel(livePanel, live);
        if (QTest::currentTestFailed())
            return;

        // Reopened from the store, as the run history does.
        auto store = sim::RunStore::open(spec.dbPath, sim::RunStore::Mode::ReadOnly);
        QVERIFY(store);
        ui::MetricSeriesStore reopened;
        for (qint64 id : fin.runIds)
            QVERIFY(reopened.addStoredRun(*store.value(), id));
        ui::LiveChartsPanel storedPanel;
        storedPanel.resize(1100, 800);
        checkPanel(storedPanel, reopened);
    }
};

QTEST_MAIN(TestBeyondAccuracyPanel)
#include "tst_beyond_accuracy_panel.moc"
