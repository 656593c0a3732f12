// A strategy per surface in the workbench (issue 16): the "Per surface…" dialog checks what
// it is given, the strategy slot's assignment reaches the arena's run, and the dashboard's
// CTR-per-surface table shows each configuration's core and CTR from the live figures.
// Mutation tried: StrategyPanel::cores() not passing the slot's surfaces (the second run
// then serves the cart page with popularity and the table shows no "markov").

#include "recoscope/sim/run_store.h"
#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/main_window.h"
#include "recoscope/ui/run_controller.h"
#include "recoscope/ui/scenario_panel.h"
#include "recoscope/ui/strategy_panel.h"
#include "recoscope/ui/surface_assignment_dialog.h"
#include "recoscope/ui/surface_ctr_table.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace recoscope;

class TestSurfaceStrategy : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    core::RecommenderRegistry m_registry;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RecoscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_surface_strategy"));
        QSettings().clear();
        core::registerBuiltinRecommenders(m_registry);
    }

    void dialogChecksItsRows() {
        ui::SurfaceAssignmentDialog d(m_registry, {});
        QVERIFY(d.assignments().empty());
        d.setRow(core::Surface::Cart, QStringLiteral("mmr"),
                 QStringLiteral("inner=markov  lambda=0.5"));
        QCOMPARE(d.assignments().at(core::Surface::Cart),
                 QStringLiteral("mmr inner=markov lambda=0.5"));
        QVERIFY2(d.problem().isEmpty(), qPrintable(d.problem()));
        d.setRow(core::Surface::Product, QStringLiteral("itemknn"), QStringLiteral("neighbours=0"));
        QVERIFY(d.problem().startsWith(QStringLiteral("product: ")));
        QVERIFY(d.problem().contains(QStringLiteral("neighbours")));
        d.accept();
        QVERIFY(d.result() != QDialog::Accepted); // stays open on a bad row
        d.setRow(core::Surface::Product, QString(), QString());
        QVERIFY(d.problem().isEmpty());
        // Reopened on what was accepted, it shows the same rows.
        ui::SurfaceAssignmentDialog again(m_registry, d.assignments());
        QCOMPARE(again.assignments(), d.assignments());
    }

    void slotAssignmentReachesTheRunAndTheDashboard() {
        const QString db = m_dir.filePath(QStringLiteral("runs.db"));
        ui::MainWindow w(m_registry, db);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.scenarioPanel()->selectPreset(QStringLiteral("default"));
        w.strategyPanel()->setCores({QStringLiteral("popularity"), QStringLiteral("popularity")});
        sim::SurfaceAssignments cart;
        cart.at(core::Surface::Cart) = QStringLiteral("markov");
        QVERIFY(w.strategyPanel()->setSurfaces(1, cart));
        QVERIFY(!w.strategyPanel()->cores()[0].surfaces.has_value());
        QCOMPARE(*w.strategyPanel()->cores()[1].surfaces, cart);
        w.scenarioPanel()->setEventLimit(60000);
        QVERIFY(w.startRun());
        QVERIFY(QTest::qWaitFor(
            [&] { return w.controller().state() == ui::RunController::State::Finished; }, 180000));
        QTest::qWait(200);
        // The stored runs: the second one's scenario carries the cart core and its summary
        // the cart page served by markov.
        const QList<qint64> ids = w.controller().runIds();
        QCOMPARE(ids.size(), 2);
        auto store = sim::RunStore::open(db, sim::RunStore::Mode::ReadOnly);
        QVERIFY(store.ok());
        const QJsonObject summary =
            QJsonDocument::fromJson(store.value()->run(ids[1]).value().summaryJson).object();
        const QJsonObject cartFigures = summary.value(QStringLiteral("surfaces"))
                                            .toObject()
                                            .value(QStringLiteral("cart"))
                                            .toObject();
        QCOMPARE(cartFigures.value(QStringLiteral("core")).toString(), QStringLiteral("markov"));
        // The dashboard: the cart row names markov for the second core only, with the
        // CTR the run stored.
        w.liveCharts()->showAll(w.controller().series());
        QTableWidget* t = w.liveCharts()->surfaceTable()->table();
        const int cartRow = static_cast<int>(core::Surface::Cart);
        QVERIFY(!t->item(cartRow, 0)->text().contains(QStringLiteral("markov")));
        QVERIFY2(t->item(cartRow, 1)->text().contains(QStringLiteral("markov")),
                 qPrintable(t->item(cartRow, 1)->text()));
        const auto& live = w.controller().series().core(1).surfaces[3].counters;
        QCOMPARE(double(live.clicks), cartFigures.value(QStringLiteral("clicks")).toDouble());
        QVERIFY(live.impressions > 0);
    }
};

QTEST_MAIN(TestSurfaceStrategy)
#include "tst_surface_strategy.moc"
