// The dashboard's staggered refresh (docs/decisions/0035-staggered-dashboard-refresh.md):
// a running arena's refreshes are drawn a unit at a time (the tables, then each visible
// chart), one unit per pass of the event loop, so that no single block of GUI work grows
// with the number of cores. A four-core arena is driven here as the GUI's worker drives it
// (snapshots appended to a MetricSeriesStore, paired statistics every few snapshots), and
// after every snapshot:
//   - scheduleStore draws nothing inside the call, and each pass of the event loop draws at
//     most one unit;
//   - once the cycle ends, the staggered panel shows exactly what a panel redrawn at once
//     with showStore shows: every chart's samples, rendered points and legend texts, every
//     table cell; and the charts' samples are the store's series (the snapshot data);
//   - the tables' headers were measured for the cells they show (cells::updateCells
//     signals one change per table instead of one per cell).
// Mutations seen failing: StaggeredRefresh::drawNext drawing the whole queue in one pass
// ("6 -> 0"); scheduleStore without renameLegends (the CTR legend kept a stale A/B note);
// cells::updateCells without its final dataChanged (a column stayed as wide as the first,
// shorter numbers).

#include "recoscope/core/registry.h"
#include "recoscope/sim/arena.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/engine_worker.h"
#include "recoscope/ui/ab_comparison_table.h"
#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/metric_chart_view.h"

#include <QHeaderView>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace recoscope;

namespace {

const char* const kCores[] = {"popularity", "random", "itemknn", "markov"};

QStringList seriesIds(const ui::MetricChartView* v) {
    QStringList ids;
    for (const ui::SeriesSpec& s : v->seriesSpecs())
        ids << s.id;
    return ids;
}

// Every cell's text, row by row ("" for a missing item), and the header sizes.
QStringList cellTexts(const QTableWidget* t) {
    QStringList out;
    for (int r = 0; r < t->rowCount(); ++r)
        for (int c = 0; c < t->columnCount(); ++c)
            out << (t->item(r, c) ? t->item(r, c)->text() : QString());
    return out;
}

} // namespace

class TestStaggeredDashboard : public QObject {
    Q_OBJECT
    core::RecommenderRegistry m_registry;
    QTemporaryDir m_dir;

    // The staggered panel equals the immediate one on the visible charts and every table.
    void compareVisible(const ui::LiveChartsPanel& staggered, const ui::LiveChartsPanel& direct,
                        const ui::MetricSeriesStore& store) {
        int checked = 0;
        for (ui::MetricChartView* a : staggered.charts()) {
            if (!a->isVisibleTo(staggered.tabs()))
                continue;
            const ui::MetricChartView* b = direct.findChild<ui::MetricChartView*>(a->objectName());
            QVERIFY(b);
            QCOMPARE(seriesIds(a), seriesIds(b));
            for (const QString& id : seriesIds(a)) {
                const auto& sa = a->samples(id);
                const auto& sb = b->samples(id);
                QCOMPARE(sa.size(), sb.size());
                for (std::size_t i = 0; i < sa.size(); ++i)
                    QVERIFY(sa[i].x == sb[i].x && sa[i].y == sb[i].y && sa[i].lo == sb[i].lo &&
                            sa[i].hi == sb[i].hi);
                QCOMPARE(a->renderedPoints(id), b->renderedPoints(id));
                QCOMPARE(a->renderedName(id), b->renderedName(id));
            }
            ++checked;
        }
        QCOMPARE(checked, 4); // the first tab's charts
        // The CTR chart is the store's series (the snapshot data), legend notes included.
        const ui::MetricChartView* ctr = staggered.chart(ui::MetricId::Ctr);
        for (int c = 0; c < store.coreCount(); ++c) {
            const auto expected = store.series(c, ui::MetricId::Ctr, staggered.windowBuckets());
            const auto& shown = ctr->samples(QString::number(c));
            QCOMPARE(shown.size(), expected.size());
            for (std::size_t i = 0; i < shown.size(); ++i)
                QVERIFY(shown[i].y == expected[i].y && shown[i].x == expected[i].x);
            QCOMPARE(ctr->renderedName(QString::number(c)),
                     store.core(c).label + ui::AbComparisonTable::legendNote(store, c, "ctr"));
        }
        const QList<QPair<QTableWidget*, QTableWidget*>> tables = {
            {staggered.countersTable(), direct.countersTable()},
            {staggered.comparisonTable(), direct.comparisonTable()},
            {staggered.funnelTable(), direct.funnelTable()},
            {staggered.coldStartTable(), direct.coldStartTable()}};
        for (const auto& [a, b] : tables) {
            QCOMPARE(cellTexts(a), cellTexts(b));
            // Measured for what they show: a fresh measurement changes no column.
            QList<int> widths;
            for (int c = 0; c < a->columnCount(); ++c)
                widths << a->horizontalHeader()->sectionSize(c);
            a->resizeColumnsToContents();
            for (int c = 0; c < a->columnCount(); ++c)
                QCOMPARE(a->horizontalHeader()->sectionSize(c), widths[c]);
        }
    }

private slots:
    void initTestCase() {
        core::registerBuiltinRecommenders(m_registry);
        QVERIFY(m_dir.isValid());
    }

    void staggeredEqualsImmediate() {
        auto scenario = sim::loadBuiltinScenario(QStringLiteral("default"));
        QVERIFY(scenario.ok());
        sim::ArenaSpec spec;
        spec.scenario = scenario.value();
        spec.seed = 11;
        for (const char* id : kCores)
            spec.cores.push_back({id, {}});
        spec.limits.maxDays = 0.5;
        spec.dbPath = m_dir.filePath(QStringLiteral("runs.db"));
        spec.inspectors = false;
        auto created = sim::Arena::create(spec, m_registry, 1);
        QVERIFY2(created, created ? "" : created.error().c_str());
        sim::Arena& arena = *created.value();

        ui::MetricSeriesStore store;
        QStringList labels;
        for (const char* id : kCores)
            labels << QString::fromLatin1(id);
        store.reset(labels);
        ui::LiveChartsPanel staggered, direct;
        for (ui::LiveChartsPanel* p : {&staggered, &direct}) {
            p->resize(1400, 900);
            p->show();
        }
        QVERIFY(QTest::qWaitForWindowExposed(&staggered));

        int snapshots = 0, cycles = 0;
        bool renamed = false; // an A/B note moved between two cycles
        QString lastCtrName;
        auto append = [&](bool finished) {
            sim::SnapshotBatch batch;
            static_cast<sim::ArenaSnapshot&>(batch) =
                arena.takeSnapshot(finished, finished || ++snapshots % 3 == 0);
            store.append(batch);
            if (snapshots == 1) {
                staggered.showStore(store); // a new run's series: drawn at once
                return;
            }
            const auto drawnBefore =
                staggered.chart(ui::MetricId::Ctr)->samples(QStringLiteral("0")).size();
            staggered.scheduleStore(store);
            // Nothing drawn inside the call: the tables and the four charts of the first
            // tab wait (hidden tabs are drawn when shown).
            QCOMPARE(staggered.scheduledUnits(), 6);
            QCOMPARE(staggered.chart(ui::MetricId::Ctr)->samples(QStringLiteral("0")).size(),
                     drawnBefore);
            // One unit per pass of the event loop at most.
            for (int left = staggered.scheduledUnits(), passes = 0; left > 0; ++passes) {
                QVERIFY(passes < 1000);
                QCoreApplication::processEvents();
                const int now = staggered.scheduledUnits();
                QVERIFY2(left - now <= 1,
                         qPrintable(QStringLiteral("%1 -> %2").arg(left).arg(now)));
                left = now;
            }
            ++cycles;
            direct.showStore(store);
            compareVisible(staggered, direct, store);
            const QString name = staggered.chart(ui::MetricId::Ctr)->renderedName("1");
            renamed = renamed || (!lastCtrName.isEmpty() && name != lastCtrName);
            lastCtrName = name;
        };
        for (int n = 1;; ++n) {
            const int i = arena.slowest();
            if (i < 0)
                break;
            arena.advance(static_cast<std::size_t>(i));
            if (n % 3000 == 0) {
                QVERIFY(arena.collect());
                append(false);
                if (QTest::currentTestFailed())
                    return;
            }
        }
        QVERIFY(arena.collect());
        QVERIFY(arena.finish(false).errors.empty());
        append(true);
        QVERIFY2(cycles >= 5, qPrintable(QString::number(cycles)));
        QVERIFY(renamed); // the in-place legend renames were exercised

        // A schedule left waiting, then the run ends: showStore draws everything at once.
        store.setComparisonNote(QStringLiteral("final")); // a new revision
        staggered.scheduleStore(store);
        QCOMPARE(staggered.scheduledUnits(), 6);
        staggered.showStore(store);
        QCOMPARE(staggered.scheduledUnits(), 0);
        direct.showStore(store);
        compareVisible(staggered, direct, store);

        // Hidden tabs catch up when shown, equal to the immediate panel's.
        staggered.tabs()->setCurrentIndex(1);
        direct.tabs()->setCurrentIndex(1);
        QCoreApplication::processEvents();
        for (ui::MetricId id : {ui::MetricId::Gini, ui::MetricId::LatencyP95}) {
            const ui::MetricChartView* a = staggered.chart(id);
            const ui::MetricChartView* b = direct.chart(id);
            for (const QString& s : seriesIds(a))
                QCOMPARE(a->renderedPoints(s), b->renderedPoints(s));
            QVERIFY(a->sampleCount(seriesIds(a).first()) > 0);
        }
    }
};

QTEST_MAIN(TestStaggeredDashboard)
#include "tst_staggered_dashboard.moc"
