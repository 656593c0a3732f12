// The workbench end to end on the offscreen platform: the window opens with every panel,
// runs scenarios on the worker thread, fills the charts, stores runs that the history
// reopens with the same numbers, exports them, and steps the teaching scenario.

#include "recoscope/core/registry.h"
#include "recoscope/sim/ab_statistics.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/ui/ab_comparison_table.h"
#include "recoscope/ui/item_inspector_panel.h"
#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/main_window.h"
#include "recoscope/ui/metric_chart_view.h"
#include "recoscope/ui/run_controller.h"
#include "recoscope/ui/run_history_model.h"
#include "recoscope/ui/run_history_panel.h"
#include "recoscope/ui/scenario_panel.h"
#include "recoscope/ui/shopper_inspector_panel.h"
#include "recoscope/ui/strategy_panel.h"
#include "recoscope/ui/teaching_panel.h"

#include <QDockWidget>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace recoscope;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void opensWithEveryPanel();
    void runsDefaultAndChartHasPoints();
    void twoCoreArenaFillsBothSeries();
    void historyReopensWithStoredNumbers();
    void exportsCsvPngSvg();
    void teachingModeSteps();
    void inspectorsAnswer();
    void scenarioEditorValidates();
    void switchesToChinese();
    void historyAndLayoutSurviveRestart();

private:
    bool waitFinished(ui::MainWindow& w, int timeoutMs = 120000);
    QTemporaryDir m_dir;
    core::RecommenderRegistry m_registry;
    std::unique_ptr<ui::MainWindow> m_window;
    QList<qint64> m_arenaRuns;
};

void TestMainWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RecoscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
    QSettings().clear(); // nothing carried over from an earlier run of this test
    QVERIFY(m_dir.isValid());
    core::registerBuiltinRecommenders(m_registry);
    m_window =
        std::make_unique<ui::MainWindow>(m_registry, m_dir.filePath(QStringLiteral("runs.db")));
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

bool TestMainWindow::waitFinished(ui::MainWindow& w, int timeoutMs) {
    return QTest::qWaitFor(
        [&] { return w.controller().state() == ui::RunController::State::Finished; }, timeoutMs);
}

void TestMainWindow::opensWithEveryPanel() {
    ui::MainWindow& w = *m_window;
    QVERIFY(w.scenarioPanel());
    QVERIFY(w.strategyPanel());
    QVERIFY(w.liveCharts());
    QVERIFY(w.historyPanel());
    QVERIFY(w.shopperInspector());
    QVERIFY(w.itemInspector());
    QVERIFY(w.teachingPanel());
    const auto docks = w.findChildren<QDockWidget*>();
    QCOMPARE(docks.size(), 7);
    for (QDockWidget* d : docks) {
        d->show();
        d->raise();
        QVERIFY(!d->windowTitle().isEmpty());
        QVERIFY(d->widget()->isVisible());
    }
    QCOMPARE(w.scenarioPanel()->presetName(), QStringLiteral("default"));
    QVERIFY(w.strategyPanel()->slotCount() >= 1);
    QCOMPARE(w.controller().state(), ui::RunController::State::Idle);
}

void TestMainWindow::runsDefaultAndChartHasPoints() {
    ui::MainWindow& w = *m_window;
    QVERIFY(w.scenarioPanel()->selectPreset(QStringLiteral("default")));
    w.strategyPanel()->setCores({QStringLiteral("popularity")});
    w.scenarioPanel()->setEventLimit(400);
    QVERIFY(w.startRun());
    QVERIFY(waitFinished(w));
    QTRY_VERIFY(w.liveCharts()->chart(ui::MetricId::Ctr)->sampleCount(QStringLiteral("0")) > 0);
    QVERIFY(w.liveCharts()->chart(ui::MetricId::Ctr)->renderedPointCount(QStringLiteral("0")) > 0);
    QVERIFY(w.controller().series().core(0).total.counters.events >= 400);
    QTableWidget* counters = w.liveCharts()->countersTable();
    QCOMPARE(counters->rowCount(), 1);
    QVERIFY(!counters->item(0, 0)->text().isEmpty());
}

void TestMainWindow::twoCoreArenaFillsBothSeries() {
    ui::MainWindow& w = *m_window;
    w.strategyPanel()->setCores({QStringLiteral("popularity"), QStringLiteral("itemknn")});
    QCOMPARE(w.strategyPanel()->slotCount(), 2);
    w.scenarioPanel()->setEventLimit(4000);
    QVERIFY(w.startRun());
    // Pause and resume mid-run: the window keeps answering meanwhile.
    QTRY_VERIFY(w.controller().events() > 0 ||
                w.controller().state() == ui::RunController::State::Finished);
    if (w.controller().state() == ui::RunController::State::Running) {
        w.controller().pause();
        QCOMPARE(w.controller().state(), ui::RunController::State::Paused);
        QTest::qWait(50);
        w.controller().resume();
    }
    QVERIFY(waitFinished(w));
    QTest::qWait(100);
    QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("finished")),
             qPrintable(w.statusBar()->currentMessage()));
    // Charts of hidden tabs catch up when their tab is shown.
    w.liveCharts()->tabs()->setCurrentIndex(1);
    QCoreApplication::processEvents();
    for (ui::MetricId id : {ui::MetricId::Ctr, ui::MetricId::Revenue, ui::MetricId::Coverage,
                            ui::MetricId::Gini, ui::MetricId::LatencyP95}) {
        ui::MetricChartView* chart = w.liveCharts()->chart(id);
        QCOMPARE(chart->seriesSpecs().size(), id == ui::MetricId::LatencyP95 ? 6 : 2);
        const QString suffix = id == ui::MetricId::LatencyP95 ? QStringLiteral("/p95") : QString();
        QVERIFY2(chart->sampleCount(QStringLiteral("0") + suffix) > 0, qPrintable(chart->title()));
        QVERIFY2(chart->sampleCount(QStringLiteral("1") + suffix) > 0, qPrintable(chart->title()));
    }
    QVERIFY(w.liveCharts()->chart(ui::MetricId::Ctr)->seriesSpecs().at(0).band);
    w.liveCharts()->tabs()->setCurrentIndex(0);
    m_arenaRuns = w.controller().runIds();
    QCOMPARE(m_arenaRuns.size(), 2);
    QVERIFY(m_arenaRuns[0] > 0 && m_arenaRuns[1] > 0);
    // Same shoppers: both cores saw the same first sessions (common random numbers).
    QVERIFY(w.controller().series().core(0).total.counters.sessions > 0);
}

void TestMainWindow::historyReopensWithStoredNumbers() {
    ui::MainWindow& w = *m_window;
    ui::RunHistoryPanel* h = w.historyPanel();
    h->reload();
    QVERIFY(h->model()->rowCount() >= 3);
    ui::RunComparisonWindow* win = h->openRuns({m_arenaRuns});
    QVERIFY(win);
    QCOMPARE(win->store().coreCount(), 2);
    // The reopened charts hold exactly the stored buckets.
    auto store = sim::RunStore::open(w.dbPath(), sim::RunStore::Mode::ReadOnly);
    QVERIFY(store);
    for (int c = 0; c < 2; ++c) {
        auto ctr = store.value()->metricSeries(m_arenaRuns[c], QStringLiteral("clicks"));
        QVERIFY(ctr);
        const ui::CoreSeries& s = win->store().core(c);
        QCOMPARE(s.buckets.size(), ctr.value().size());
        std::uint64_t clicks = 0;
        for (const auto& b : s.buckets)
            clicks += b.counters.clicks;
        double stored = 0;
        for (const auto& m : ctr.value())
            stored += m.value;
        QCOMPARE(double(clicks), stored);
        // ... and the same totals as the live run had at its end.
        QCOMPARE(s.total.counters.clicks, w.controller().series().core(c).total.counters.clicks);
        QCOMPARE(s.total.counters.impressions,
                 w.controller().series().core(c).total.counters.impressions);
        auto rec = store.value()->run(m_arenaRuns[c]);
        QVERIFY(rec);
        QCOMPARE(rec.value().status, QStringLiteral("finished"));
        QVERIFY(rec.value().experimentId != 0);
    }
    // The cold-start view is part of the stored run: rows in the database, one per bucket
    // and name, folding back into exactly the figures the live panel showed.
    for (int c = 0; c < 2; ++c) {
        const ui::CoreSeries& live = w.controller().series().core(c);
        const ui::CoreSeries& reopened = win->store().core(c);
        QVERIFY(live.hasColdStart);
        QVERIFY(reopened.hasColdStart);
        const auto clicks = store.value()->metricSeries(m_arenaRuns[c], QStringLiteral("clicks"));
        for (const char* name :
             {"cold_ctr_new_users", "cold_ctr_established_users", "cold_ctr_new_items",
              "cold_ctr_established_items", "cold_launch_to_first_impression_h",
              "cold_launch_to_first_purchase_h", "cold_new_user_impressions",
              "cold_established_item_clicks", "cold_launched_items"}) {
            auto rows = store.value()->metricSeries(m_arenaRuns[c], QString::fromLatin1(name));
            QVERIFY(rows);
            QCOMPARE(rows.value().size(), clicks.value().size());
            for (std::size_t i = 0; i < rows.value().size(); ++i)
                QCOMPARE(rows.value()[i].bucketEnd, clicks.value()[i].bucketEnd);
        }
        const sim::ColdStartStats& a = live.coldStart;
        const sim::ColdStartStats& b = reopened.coldStart;
        QVERIFY(a.newUserImpressions + a.oldUserImpressions > 0);
        QCOMPARE(a.newUserImpressions + a.oldUserImpressions, live.total.counters.impressions);
        QCOMPARE(b.newUserImpressions, a.newUserImpressions);
        QCOMPARE(b.newUserClicks, a.newUserClicks);
        QCOMPARE(b.oldUserImpressions, a.oldUserImpressions);
        QCOMPARE(b.oldUserClicks, a.oldUserClicks);
        QCOMPARE(b.newItemImpressions, a.newItemImpressions);
        QCOMPARE(b.newItemClicks, a.newItemClicks);
        QCOMPARE(b.oldItemImpressions, a.oldItemImpressions);
        QCOMPARE(b.oldItemClicks, a.oldItemClicks);
        QCOMPARE(b.launchedItems, a.launchedItems);
        QCOMPARE(b.launchedWithImpression, a.launchedWithImpression);
        QCOMPARE(b.launchedWithPurchase, a.launchedWithPurchase);
        QCOMPARE(b.meanHoursToFirstImpression, a.meanHoursToFirstImpression);
        QCOMPARE(b.meanHoursToFirstPurchase, a.meanHoursToFirstPurchase);
    }
    // ... and the panel shows the same text, cell for cell (live: brought up to date with
    // the final batch, a no-op when the dashboard already drew it).
    w.liveCharts()->showStore(w.controller().series());
    QTableWidget* liveCold = w.liveCharts()->coldStartTable();
    QTableWidget* storedCold = win->charts()->coldStartTable();
    QCOMPARE(storedCold->rowCount(), liveCold->rowCount());
    QCOMPARE(storedCold->columnCount(), 2);
    QCOMPARE(liveCold->columnCount(), 2);
    for (int r = 0; r < liveCold->rowCount(); ++r)
        for (int c = 0; c < 2; ++c) {
            QVERIFY(storedCold->item(r, c) && liveCold->item(r, c));
            QCOMPARE(storedCold->item(r, c)->text(), liveCold->item(r, c)->text());
            QVERIFY(storedCold->item(r, c)->text() != ui::LiveChartsPanel::tr("not stored"));
        }
    // The A/B statistics: live from the arena's per-user outcomes, reopened from the stored
    // events on the window's thread; every event-based metric must agree to the last bit.
    QVERIFY(QTest::qWaitFor([&] { return win->comparisonsSettled(); }, 60000));
    const auto& liveAb = w.controller().series().comparisons();
    const auto& storedAb = win->store().comparisons();
    QCOMPARE(liveAb.size(), sim::abMetrics(true).size());
    QCOMPARE(storedAb.size(), sim::abMetrics(false).size());
    for (const sim::PairComparison& s : storedAb) {
        QCOMPARE(s.a, std::size_t(1));
        QCOMPARE(s.b, std::size_t(0));
        auto match = std::find_if(liveAb.begin(), liveAb.end(), [&](const sim::PairComparison& l) {
            return l.metric == s.metric;
        });
        QVERIFY(match != liveAb.end());
        QCOMPARE(s.diff.n, match->diff.n);
        QVERIFY(s.diff.n > 0);
        QCOMPARE(s.diff.mean, match->diff.mean);
        QCOMPARE(s.pHolm, match->pHolm);
    }
    QCOMPARE(w.liveCharts()->comparisonTable()->rowCount(), int(liveAb.size()));
    QCOMPARE(win->charts()->comparisonTable()->rowCount(), int(storedAb.size()));
    ui::MetricChartView* ctr = win->charts()->chart(ui::MetricId::Ctr);
    ui::MetricChartView* live = w.liveCharts()->chart(ui::MetricId::Ctr);
    QCOMPARE(ctr->sampleCount(QStringLiteral("1")), live->sampleCount(QStringLiteral("1")));
    for (int i = 0; i < ctr->sampleCount(QStringLiteral("1")); ++i)
        QCOMPARE(ctr->samples(QStringLiteral("1"))[std::size_t(i)].y,
                 live->samples(QStringLiteral("1"))[std::size_t(i)].y);
    // Sorting by CTR keeps every row.
    h->view()->sortByColumn(ui::RunHistoryModel::Ctr, Qt::AscendingOrder);
    QVERIFY(h->view()->model()->rowCount() >= 3);
    win->close();
}

void TestMainWindow::exportsCsvPngSvg() {
    ui::RunHistoryPanel* h = m_window->historyPanel();
    QTemporaryDir out;
    QString error;
    const QStringList files = h->exportRun(m_arenaRuns[0], out.path(), &error);
    QVERIFY2(!files.isEmpty(), qPrintable(error));
    QFile metrics(out.filePath(QStringLiteral("run-%1-metrics.csv").arg(m_arenaRuns[0])));
    QVERIFY(metrics.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(metrics.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 2);
    QVERIFY(lines[0].startsWith(QStringLiteral("bucket_end_s,")));
    QVERIFY(lines[0].contains(QStringLiteral("ctr")));
    QFile events(out.filePath(QStringLiteral("run-%1-events.csv").arg(m_arenaRuns[0])));
    QVERIFY(events.open(QIODevice::ReadOnly));
    const QStringList eventLines =
        QString::fromUtf8(events.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    auto store = sim::RunStore::open(m_window->dbPath(), sim::RunStore::Mode::ReadOnly);
    QVERIFY(store);
    auto count = store.value()->eventCount(m_arenaRuns[0]);
    QVERIFY(count);
    QCOMPARE(eventLines.size() - 1, count.value()); // header + every stored event
    QVERIFY(count.value() >= 4000);                 // the limit, plus the last action's tail
    const QImage png(out.filePath(QStringLiteral("run-%1-ctr.png").arg(m_arenaRuns[0])));
    QVERIFY(!png.isNull());
    QVERIFY(png.width() >= 400);
    // Not a blank image: the line colour of core 0 appears somewhere.
    bool coloured = false;
    for (int y = 0; y < png.height() && !coloured; y += 2)
        for (int x = 0; x < png.width() && !coloured; x += 2) {
            const QColor c = png.pixelColor(x, y);
            coloured = c.blue() > 150 && c.red() < 80;
        }
    QVERIFY(coloured);
    QFile svg(out.filePath(QStringLiteral("run-%1-ctr.svg").arg(m_arenaRuns[0])));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QByteArray svgText = svg.readAll();
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("<polyline"));
    QFile pdf(out.filePath(QStringLiteral("run-%1-ctr.pdf").arg(m_arenaRuns[0])));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
}

void TestMainWindow::teachingModeSteps() {
    ui::MainWindow& w = *m_window;
    w.enterTeachingMode();
    QCOMPARE(w.scenarioPanel()->presetName(), QStringLiteral("teaching-small"));
    QCOMPARE(w.controller().state(), ui::RunController::State::Paused);
    ui::TeachingPanel* t = w.teachingPanel();
    QSignalSpy spy(&w.controller(), &ui::RunController::stepped);
    for (int i = 0; i < 3; ++i) {
        w.controller().step();
        QTRY_COMPARE(spy.count(), i + 1);
    }
    QCOMPARE(t->steps(), 3);
    QVERIFY(t->slateTable()->rowCount() > 0);
    QVERIFY(t->eventList()->count() > 0);
    QVERIFY(t->header()->text().contains(QStringLiteral("Step 3")));
    // Explanations come from the core.
    QVERIFY(t->slateTable()->item(0, 3)->text().contains(QLatin1Char('\n')));
    QVERIFY(!t->slateTable()->item(0, 3)->toolTip().isEmpty());
    // The counters moved with the steps.
    QTRY_VERIFY(w.controller().series().core(0).total.counters.requests >= 3);
    w.controller().stop();
    QVERIFY(waitFinished(w));
}

void TestMainWindow::inspectorsAnswer() {
    ui::MainWindow& w = *m_window;
    ui::ShopperInspectorPanel* s = w.shopperInspector();
    QSignalSpy spy(s, &ui::ShopperInspectorPanel::inspected);
    QVERIFY(!w.controller().activeUsers().empty());
    s->inspect(w.controller().activeUsers().front(), 0);
    QTRY_COMPARE(spy.count(), 1);
    QVERIFY(s->last().valid);
    QVERIFY(s->last().sessions >= 1);
    QVERIFY(!s->last().segment.isEmpty());
    QVERIFY(!s->last().slate.empty());
    QVERIFY(s->slateTable()->rowCount() > 0);
    s->inspect(999999, 0);
    QTRY_COMPARE(spy.count(), 2);
    QVERIFY(!s->last().valid);

    ui::ItemInspectorPanel* it = w.itemInspector();
    QSignalSpy itemSpy(it, &ui::ItemInspectorPanel::inspected);
    it->inspect(s->last().user == 0 ? 1 : 0, 0);
    it->inspect(3, 0);
    QTRY_COMPARE(itemSpy.count(), 2);
    QVERIFY(it->last().valid);
    QVERIFY(!it->last().impressionBins.empty());
}

void TestMainWindow::scenarioEditorValidates() {
    ui::ScenarioPanel* p = m_window->scenarioPanel();
    QVERIFY(p->selectPreset(QStringLiteral("default")));
    QVERIFY(p->scenario());
    QString json = p->jsonText();
    json.replace(QStringLiteral("\"items\": 3000"), QStringLiteral("\"items\": -5"));
    p->setJsonText(json);
    QVERIFY(!p->scenario());
    QVERIFY(p->validationText().contains(QStringLiteral("$.catalogue.items")));
    QVERIFY(!m_window->startRun());
    // Refused visibly: a box that names the error, beyond the status-bar line.
    auto* refused = m_window->findChild<QMessageBox*>(QStringLiteral("startRefused"));
    QVERIFY(refused);
    QTRY_VERIFY(refused->isVisible());
    QVERIFY(refused->informativeText().contains(QStringLiteral("$.catalogue.items")));
    refused->close();
    QVERIFY(p->selectPreset(QStringLiteral("teaching-small")));
    QVERIFY(p->selectPreset(QStringLiteral("default")));
    QVERIFY(p->validationText().isEmpty());
}

void TestMainWindow::switchesToChinese() {
    m_window->setLanguage(QStringLiteral("zh_CN"));
    QCoreApplication::processEvents();
    const auto docks = m_window->findChildren<QDockWidget*>();
    bool chinese = false;
    for (QDockWidget* d : docks)
        for (QChar ch : d->windowTitle())
            chinese = chinese || ch.unicode() >= 0x4E00;
    QVERIFY(chinese);
    m_window->setLanguage(QStringLiteral("en"));
    QCoreApplication::processEvents();
    for (QDockWidget* d : docks)
        for (QChar ch : d->windowTitle())
            QVERIFY(ch.unicode() < 0x2E80);
}

void TestMainWindow::historyAndLayoutSurviveRestart() {
    const QString db = m_window->dbPath();
    m_window->strategyPanel()->setCores({QStringLiteral("itemknn"), QStringLiteral("popularity")});
    const int rows = m_window->historyPanel()->model()->rowCount();
    m_window->close(); // saves layout and choices, stops any run
    m_window.reset();
    m_window = std::make_unique<ui::MainWindow>(m_registry, db);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    ui::RunHistoryModel* model = m_window->historyPanel()->model();
    QCOMPARE(model->rowCount(), rows);
    for (qint64 id : std::as_const(m_arenaRuns))
        QVERIFY(model->rowOfRun(id) >= 0);
    QCOMPARE(m_window->strategyPanel()->coreIds(),
             QStringList({QStringLiteral("itemknn"), QStringLiteral("popularity")}));
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
