// The workbench replays an imported real log live: the Real logs panel imports a
// MovieLens file in the background, the window replays it with the strategy panel's cores
// on the worker thread, the dashboard switches to the ranking charts, and the figures it
// shows are exactly those of an independent replay of the same log; the stored replay
// reopens from the history with the same numbers.

#include "recoscope/core/registry.h"
#include "recoscope/sim/log_replay.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/log_source_panel.h"
#include "recoscope/ui/main_window.h"
#include "recoscope/ui/metric_chart_view.h"
#include "recoscope/ui/run_controller.h"
#include "recoscope/ui/run_controls.h"
#include "recoscope/ui/run_history_panel.h"
#include "recoscope/ui/strategy_panel.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace recoscope;

class TestLogReplayGui : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void importsAFileInTheBackground();
    void replaysLiveWithTheChosenCores();
    void historyReopensTheReplay();
    void simulatedRunSwitchesBack();

private:
    QTemporaryDir m_dir;
    core::RecommenderRegistry m_registry;
    std::unique_ptr<ui::MainWindow> m_window;
    QList<qint64> m_runs;
};

void TestLogReplayGui::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RecoscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_log_replay_gui"));
    QVERIFY(m_dir.isValid());
    core::registerBuiltinRecommenders(m_registry);
    // A MovieLens u.data file: 40 users, 80 items with skewed popularity, one rating every
    // 10 minutes over about 14 days, and one malformed line the GUI import skips.
    QFile f(m_dir.filePath(QStringLiteral("u.data")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    QRandomGenerator rng(3);
    for (int i = 0; i < 2000; ++i) {
        const int user = 1 + static_cast<int>(rng.bounded(40));
        const int item = 1 + static_cast<int>(std::pow(rng.generateDouble(), 2.5) * 80);
        f.write(QStringLiteral("%1\t%2\t%3\t%4\n")
                    .arg(user)
                    .arg(item)
                    .arg(1 + rng.bounded(5))
                    .arg(880000000 + i * 600)
                    .toUtf8());
        if (i == 500)
            f.write("7\t12\t3\tnot-a-time\n");
    }
    f.close();
    m_window =
        std::make_unique<ui::MainWindow>(m_registry, m_dir.filePath(QStringLiteral("runs.db")));
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestLogReplayGui::importsAFileInTheBackground() {
    ui::LogSourcePanel* p = m_window->logPanel();
    QVERIFY(p);
    QCOMPARE(p->logsTable()->rowCount(), 0);
    QVERIFY(!p->replayButton()->isEnabled());
    QSignalSpy done(&m_window->controller(), &ui::RunController::importFinished);
    p->importFile(m_dir.filePath(QStringLiteral("u.data")), QStringLiteral("movielens"));
    QVERIFY(done.wait(60000));
    QCOMPARE(done.first().at(0).toString(), QStringLiteral("u"));
    QCOMPARE(done.first().at(1).toLongLong(), qint64(2000));
    QCOMPARE(done.first().at(4).toLongLong(), qint64(1)); // the malformed line
    QCOMPARE(p->logsTable()->rowCount(), 1);
    QCOMPARE(p->selectedLog(), QStringLiteral("u"));
    QVERIFY(p->replayButton()->isEnabled());
    // A second import of the same file gets a free name instead of failing.
    p->importFile(m_dir.filePath(QStringLiteral("u.data")), QStringLiteral("movielens"));
    QVERIFY(done.wait(60000));
    QCOMPARE(done.last().at(0).toString(), QStringLiteral("u-2"));
    QVERIFY(p->selectLog(QStringLiteral("u")));
}

void TestLogReplayGui::replaysLiveWithTheChosenCores() {
    ui::MainWindow& w = *m_window;
    w.strategyPanel()->setCores({QStringLiteral("popularity"), QStringLiteral("itemknn")});
    w.logPanel()->kBox()->setValue(5);
    QSignalSpy ended(&w.controller(), &ui::RunController::runEnded);
    w.logPanel()->replayButton()->click();
    QVERIFY(w.controller().isReplay());
    QVERIFY(ended.wait(120000));
    QCOMPARE(ended.first().at(1).toBool(), false);
    m_runs = ended.first().at(0).value<QList<qint64>>();
    QCOMPARE(m_runs.size(), 2);
    QTRY_VERIFY(w.liveCharts()->replayMode());
    QCOMPARE(w.liveCharts()->tabs()->currentIndex(), 3);

    // Independently: the same replay without the GUI, core by core.
    auto store = sim::RunStore::open(w.dbPath(), sim::RunStore::Mode::ReadWrite);
    QVERIFY(store);
    const ui::MetricSeriesStore& series = w.controller().series();
    QCOMPARE(series.coreCount(), 2);
    for (int c = 0; c < 2; ++c) {
        sim::ReplaySpec spec = w.logPanel()->replaySettings();
        spec.recommender = c == 0 ? "popularity" : "itemknn";
        spec.store = false;
        auto alone = sim::replayLog(*store.value(), m_registry, spec);
        QVERIFY2(alone.ok(), alone.ok() ? "" : alone.error().c_str());
        const ui::CoreSeries& s = series.core(c);
        QVERIFY(s.replay);
        QCOMPARE(s.rankingK, 5);
        QCOMPARE(s.rankingTotal.queries, static_cast<std::uint64_t>(alone.value().scored));
        QVERIFY(std::abs(s.rankingTotal.hit - alone.value().ranking.hit) < 1e-12);
        QVERIFY(std::abs(s.rankingTotal.ndcg - alone.value().ranking.ndcg) < 1e-12);
        QVERIFY(alone.value().ranking.hit > 0.0);
        // The charts hold a point per bucket that scored something, for both cores.
        ui::MetricChartView* hr = w.liveCharts()->chart(ui::MetricId::HitRate);
        QVERIFY(hr);
        QCOMPARE(hr->sampleCount(QString::number(c)), static_cast<int>(s.ranking.size()));
        QVERIFY(s.ranking.size() > 50);
        QVERIFY(w.liveCharts()->chart(ui::MetricId::Ndcg)->sampleCount(QString::number(c)) > 0);
        // The counters row shows the totals (HR as a percentage, NDCG to 4 places).
        QTableWidget* t = w.liveCharts()->countersTable();
        QCOMPARE(t->item(c, 1)->text(), QLocale().toString(alone.value().scored));
        QCOMPARE(t->item(c, 4)->text(), QLocale().toString(alone.value().ranking.ndcg, 'f', 4));
    }
}

void TestLogReplayGui::historyReopensTheReplay() {
    ui::RunHistoryPanel* h = m_window->historyPanel();
    h->reload();
    ui::RunComparisonWindow* win = h->openRuns(m_runs);
    QVERIFY(win);
    QCOMPARE(win->store().coreCount(), 2);
    QVERIFY(win->store().isReplay());
    for (int c = 0; c < 2; ++c) {
        const ui::CoreSeries& live = m_window->controller().series().core(c);
        const ui::CoreSeries& stored = win->store().core(c);
        QCOMPARE(stored.ranking.size(), live.ranking.size());
        for (std::size_t i = 0; i < live.ranking.size(); ++i) {
            QCOMPARE(stored.ranking[i].end, live.ranking[i].end);
            QCOMPARE(stored.ranking[i].ranking.queries, live.ranking[i].ranking.queries);
            QVERIFY(std::abs(stored.ranking[i].ranking.hit - live.ranking[i].ranking.hit) < 1e-12);
        }
        QVERIFY(std::abs(stored.rankingTotal.hit - live.rankingTotal.hit) < 1e-12);
    }
    QVERIFY(win->charts()->replayMode());
    win->close();
}

void TestLogReplayGui::simulatedRunSwitchesBack() {
    ui::MainWindow& w = *m_window;
    w.strategyPanel()->setCores({QStringLiteral("popularity")});
    QVERIFY(w.startRun());
    QVERIFY(!w.controller().isReplay());
    QTRY_VERIFY(!w.liveCharts()->replayMode());
    QTRY_VERIFY(w.controller().fraction() > 0.0);
    w.controller().stop();
    QTRY_VERIFY(w.controller().state() == ui::RunController::State::Finished);
    // Stopped part-way, the status bar says so with the share done (issue 14), not
    // "Finished 100 %".
    QVERIFY(w.controller().stopped());
    QVERIFY(w.controller().fraction() < 1.0);
    auto* state = qobject_cast<QLabel*>(w.runControls()->statusWidgets().value(0));
    QVERIFY(state);
    QVERIFY2(state->text().startsWith(QStringLiteral("Stopped at")), qPrintable(state->text()));
}

QTEST_MAIN(TestLogReplayGui)
#include "tst_log_replay_gui.moc"
