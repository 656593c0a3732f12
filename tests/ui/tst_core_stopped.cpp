// A core stopped by its guard in a live GUI run (issue 17): the strategy panel's latency
// budget reaches the engine, the window says which core stopped and why without a modal
// wait, the other core runs to its limit, and the history lists the stopped run as failed.
// Mutation tried: not passing the budget to spec.limits in MainWindow::startRun (the slow
// core then runs on and no box appears).

#include "faulty_core.h"
#include "recoscope/ui/main_window.h"
#include "recoscope/ui/run_controller.h"
#include "recoscope/ui/scenario_panel.h"
#include "recoscope/ui/strategy_panel.h"

#include <QApplication>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace recoscope;

class TestCoreStopped : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    core::RecommenderRegistry m_registry;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RecoscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_core_stopped"));
        QSettings().clear();
        core::registerBuiltinRecommenders(m_registry);
        test::addFaultyCore(m_registry, "slow", test::Fault::Slow, 200);
    }

    void overBudgetCoreIsStoppedAndReported() {
        ui::MainWindow w(m_registry, m_dir.filePath(QStringLiteral("runs.db")));
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.strategyPanel()->setCores({QStringLiteral("popularity"), QStringLiteral("faulty-slow")});
        w.strategyPanel()->setLatencyBudgetUs(100000); // the slow core's 200th call sleeps 400 ms
        QCOMPARE(w.strategyPanel()->latencyBudgetUs(), 100000.0);
        w.scenarioPanel()->setEventLimit(6000);
        QSignalSpy stopped(&w.controller(), &ui::RunController::coreStopped);
        QVERIFY(w.startRun());
        QVERIFY(QTest::qWaitFor(
            [&] { return w.controller().state() == ui::RunController::State::Finished; }, 120000));
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 30000);
        QCOMPARE(stopped.at(0).at(0).toInt(), 1);
        QCOMPARE(stopped.at(0).at(1).toString(), QStringLiteral("faulty-slow"));
        QVERIFY2(
            stopped.at(0).at(2).toString().contains(QStringLiteral("over its budget of 100000")),
            qPrintable(stopped.at(0).at(2).toString()));

        auto* box = w.findChild<QMessageBox*>(QStringLiteral("coreStoppedBox"));
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QVERIFY(!box->isModal() || box->windowModality() == Qt::WindowModal);
        QVERIFY(box->text().contains(QStringLiteral("Core 2 (faulty-slow) was stopped")));
        QVERIFY(box->informativeText().contains(QStringLiteral("recommend() for shopper")));
        box->accept();

        // The healthy core reached its limit; the stopped one ended early.
        const auto& series = w.controller().series();
        QVERIFY(series.core(0).total.counters.events >= 6000);
        QVERIFY(series.core(1).total.counters.events < 6000);
        QTRY_VERIFY_WITH_TIMEOUT(
            w.statusBar()->currentMessage().contains(QStringLiteral("finished")) ||
                w.statusBar()->currentMessage().contains(QStringLiteral("stopped")),
            30000);
    }
};

QTEST_MAIN(TestCoreStopped)
#include "tst_core_stopped.moc"
