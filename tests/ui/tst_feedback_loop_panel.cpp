// The dashboard's "Feedback loop" tab (issue 16, the feedback loop made visible) draws, live,
// the figures `report --json` gives afterwards. A two-core arena (random, popularity;
// default, seed 5, 1.5 simulated days) is driven the way the GUI's worker drives it
// (slices of actions, a snapshot appended to a MetricSeriesStore after each, as
// RunController does) and stored; then `recoscope-cli report --run N --json` recomputes
// feedback_loop from the store (slate log and events). For every core and every day, the
// panel's points must equal the report's exposure_gini and interest_drift exactly, the
// last point included; and before the end the charts already had points (live).
//
// Mutation tried: feeding the live accumulator clicks as well as views (`EventKind::View`
// -> `|| EventKind::Click` in Arena::act): the drift differs from the report (day 1 of
// random: 0.00208 live against 0.00262) and liveEqualsReport fails.
//
// reopenedEqualsLive opens the same two runs from the history (RunComparisonWindow, as the
// history's Open button does; popularity serves the cart page with itemknn) and wants the
// live figures back exactly: the feedback-loop points of both charts (recomputed on the
// window's BackgroundTask) and every cell and tooltip of the per-surface table (read from
// the stored summary). Mutations seen failing: MetricSeriesStore::addStoredRun without
// readSurfaceTotalsJson (every cell "–", as before the fix); RunComparisonWindow::load
// without startFeedbackLoop (no points); readSurfaceTotalsJson ignoring `own_core` (the
// cart cell loses "(itemknn)").

#include "cli_process.h"
#include "recoscope/core/registry.h"
#include "recoscope/sim/arena.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/engine_worker.h"
#include "recoscope/ui/feedback_loop_panel.h"
#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/metric_chart_view.h"
#include "recoscope/ui/run_comparison_window.h"
#include "recoscope/ui/run_history_model.h"
#include "recoscope/ui/surface_ctr_table.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace recoscope;
using Panel = ui::FeedbackLoopPanel;

class TestFeedbackLoopPanel : public QObject {
    Q_OBJECT
    core::RecommenderRegistry m_registry;
    QTemporaryDir m_dir;
    // What liveEqualsReport's dashboard showed at the end, for reopenedEqualsLive.
    QList<qint64> m_runIds;
    std::vector<ui::ChartSample> m_liveLoop[2][2]; // [figure][core]
    QStringList m_liveSurfaceCells;

    static QStringList cells(const QTableWidget* t) {
        QStringList out;
        for (int r = 0; r < t->rowCount(); ++r)
            for (int c = 0; c < t->columnCount(); ++c)
                out << (t->item(r, c)
                            ? t->item(r, c)->text() + QLatin1Char('|') + t->item(r, c)->toolTip()
                            : QStringLiteral("(none)"));
        return out;
    }

private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }

    void liveEqualsReport() {
        auto scenario = sim::loadBuiltinScenario(QStringLiteral("default"));
        QVERIFY(scenario.ok());
        sim::ArenaSpec spec;
        spec.scenario = scenario.value();
        spec.seed = 5;
        sim::SurfaceAssignments cartByItemknn;
        cartByItemknn.at(core::Surface::Cart) = QStringLiteral("itemknn");
        spec.cores = {{"random", {}}, {"popularity", {}, cartByItemknn}};
        spec.limits.maxDays = 1.5;
        spec.dbPath = m_dir.filePath(QStringLiteral("loop.db"));
        spec.inspectors = false;
        auto created = sim::Arena::create(spec, m_registry, 1);
        QVERIFY2(created, created ? "" : created.error().c_str());
        sim::Arena& arena = *created.value();

        ui::MetricSeriesStore live;
        live.reset({QStringLiteral("random"), QStringLiteral("popularity")});
        ui::LiveChartsPanel panel;
        panel.resize(1100, 800);
        panel.showFeedbackLoop();
        Panel* loop = panel.feedbackLoopPanel();
        QVERIFY(loop && loop->isVisibleTo(&panel));
        auto append = [&](bool finished) {
            sim::SnapshotBatch batch;
            static_cast<sim::ArenaSnapshot&>(batch) = arena.takeSnapshot(finished);
            live.append(batch);
            panel.showStore(live);
        };
        int livePoints = 0;
        for (int n = 1;; ++n) {
            const int i = arena.slowest();
            if (i < 0)
                break;
            arena.advance(static_cast<std::size_t>(i));
            if (n % 20000 == 0) {
                QVERIFY(arena.collect());
                append(false);
                livePoints = std::max<int>(
                    livePoints, int(loop->chart(Panel::ExposureGini)->samples("1").size()));
            }
        }
        QVERIFY(arena.collect());
        const sim::Arena::Finish fin = arena.finish(false);
        QVERIFY(fin.errors.empty());
        append(true);
        QVERIFY2(livePoints >= 1, "nothing was charted while the run went");

        for (int c = 0; c < 2; ++c) {
            const test::CliResult r = test::cli(
                {"report", "--run", QString::number(fin.runIds[c]), "--json", "--db", spec.dbPath});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            const QJsonArray days = QJsonDocument::fromJson(r.out.toUtf8())
                                        .object()
                                        .value("feedback_loop")
                                        .toObject()
                                        .value("days")
                                        .toArray();
            QCOMPARE(days.size(), 2); // day 0 and half of day 1
            for (auto [figure, key] : {std::pair{Panel::ExposureGini, "exposure_gini"},
                                       std::pair{Panel::InterestDrift, "interest_drift"}}) {
                const auto& shown = loop->chart(figure)->samples(QString::number(c));
                QCOMPARE(shown.size(), std::size_t(days.size()));
                for (qsizetype d = 0; d < days.size(); ++d) {
                    const QJsonObject day = days[d].toObject();
                    QCOMPARE(shown[std::size_t(d)].x, day.value("day").toDouble());
                    QVERIFY2(
                        shown[std::size_t(d)].y == day.value(QLatin1String(key)).toDouble(),
                        qPrintable(QStringLiteral("core %1 day %2 %3: chart %4, report %5")
                                       .arg(c)
                                       .arg(d)
                                       .arg(QLatin1String(key))
                                       .arg(shown[std::size_t(d)].y, 0, 'g', 17)
                                       .arg(day.value(QLatin1String(key)).toDouble(), 0, 'g', 17)));
                }
                QVERIFY(loop->chart(figure)->renderedPointCount(QString::number(c)) > 0);
            }
        }
        // The figures tell the cores apart: popularity concentrates exposure far beyond random.
        const auto& gini = loop->chart(Panel::ExposureGini);
        QVERIFY(gini->samples("1").back().y > gini->samples("0").back().y + 0.5);

        m_runIds = {fin.runIds[0], fin.runIds[1]};
        for (int f = 0; f < 2; ++f)
            for (int c = 0; c < 2; ++c)
                m_liveLoop[f][c] = loop->chart(Panel::Figure(f))->samples(QString::number(c));
        m_liveSurfaceCells = cells(panel.surfaceTable()->table());
    }

    void reopenedEqualsLive() {
        QVERIFY2(m_runIds.size() == 2, "liveEqualsReport must run first");
        ui::RunHistoryModel model(m_dir.filePath(QStringLiteral("loop.db")));
        QVERIFY2(model.reload(), qPrintable(model.lastError()));
        ui::RunComparisonWindow w;
        w.charts()->showFeedbackLoop();
        w.resize(1100, 800);
        w.show();
        QCOMPARE(w.load(model, m_runIds), QString());
        QTRY_VERIFY_WITH_TIMEOUT(w.feedbackLoopSettled(), 120000);
        QTRY_VERIFY(w.comparisonsSettled());
        QTest::qWait(100); // the dashboard's refresh
        Panel* loop = w.charts()->feedbackLoopPanel();
        QVERIFY2(loop->note().isEmpty(), qPrintable(loop->note()));
        for (int f = 0; f < 2; ++f)
            for (int c = 0; c < 2; ++c) {
                const auto& shown = loop->chart(Panel::Figure(f))->samples(QString::number(c));
                QCOMPARE(shown.size(), m_liveLoop[f][c].size());
                QVERIFY(!shown.empty());
                for (std::size_t d = 0; d < shown.size(); ++d) {
                    QCOMPARE(shown[d].x, m_liveLoop[f][c][d].x);
                    QVERIFY2(shown[d].y == m_liveLoop[f][c][d].y,
                             qPrintable(QStringLiteral("figure %1 core %2 day %3: %4 reopened, "
                                                       "%5 live")
                                            .arg(f)
                                            .arg(c)
                                            .arg(d)
                                            .arg(shown[d].y, 0, 'g', 17)
                                            .arg(m_liveLoop[f][c][d].y, 0, 'g', 17)));
                }
            }
        const QStringList reopened = cells(w.charts()->surfaceTable()->table());
        QCOMPARE(reopened, m_liveSurfaceCells);
        // Not the old "–" everywhere: every surface with slates (all but search, where the
        // shop model shows none) has its CTR, and the cart's own core is named.
        const int columns = w.charts()->surfaceTable()->table()->columnCount();
        QCOMPARE(columns, 2);
        for (core::Surface s : {core::Surface::Home, core::Surface::Product, core::Surface::Cart})
            for (int c = 0; c < columns; ++c)
                QVERIFY2(!reopened[int(s) * columns + c].startsWith(QStringLiteral("–|")),
                         qPrintable(reopened[int(s) * columns + c]));
        QVERIFY(
            reopened[int(core::Surface::Cart) * columns + 1].contains(QStringLiteral("(itemknn)")));
    }
};

QTEST_MAIN(TestFeedbackLoopPanel)
#include "tst_feedback_loop_panel.moc"
