// recoscope-screenshots: renders the workbench for docs/images (scripts/screenshots.sh):
// the main window during a two-core run, the comparison view from history, presentation
// mode at 1280x720, the shopper inspector and teaching mode, a sweep's trade-offs, an off-policy
// check. Runs on the offscreen platform; widgets are drawn with QWidget::grab(), so no display or
// window manager is involved.
//
//   recoscope-screenshots OUTPUT_DIR [--lang zh_CN] [--only
//   scenario-editor|tradeoffs|ope|inventory|surfaces|feedback|privacy|onboarding]

#include "screenshot_kit.h"

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/sweep_plan.h"
#include "recoscope/ui/beyond_accuracy_panel.h"
#include "recoscope/ui/coupon_panel.h"
#include "recoscope/ui/feedback_loop_panel.h"
#include "recoscope/ui/help_window.h"
#include "recoscope/ui/item_inspector_panel.h"
#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/log_source_panel.h"
#include "recoscope/ui/main_window.h"
#include "recoscope/ui/metric_chart_view.h"
#include "recoscope/ui/ope_window.h"
#include "recoscope/ui/run_comparison_window.h"
#include "recoscope/ui/run_controller.h"
#include "recoscope/ui/run_history_model.h"
#include "recoscope/ui/run_history_panel.h"
#include "recoscope/ui/scenario_panel.h"
#include "recoscope/ui/shopper_inspector_panel.h"
#include "recoscope/ui/strategy_panel.h"
#include "recoscope/ui/teaching_panel.h"
#include "recoscope/ui/tradeoff_window.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMouseEvent>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdio>
#include <functional>

using namespace recoscope;
using test::g_saved;
using test::raiseDock;
using test::save;
using test::settle;
using test::storeRun;
using test::waitState;

namespace {

// Every image the tool writes, without the language suffix ("-zh_CN"): what `--list`
// prints, what tests/scripts/check_screenshots_list.sh holds against the docs, and what a
// full run must have written (main() fails naming any image missing or not listed).
const QStringList kImages = {QStringLiteral("scenario-editor"),
                             QStringLiteral("scenario-errors"),
                             QStringLiteral("main-window"),
                             QStringLiteral("shopper-inspector"),
                             QStringLiteral("item-inspector"),
                             QStringLiteral("dashboard-exposure"),
                             QStringLiteral("dashboard-funnel"),
                             QStringLiteral("dashboard-beyond"),
                             QStringLiteral("dashboard-coupons"),
                             QStringLiteral("comparison"),
                             QStringLiteral("chart-zoom-hover"),
                             QStringLiteral("run-history"),
                             QStringLiteral("teaching-mode"),
                             QStringLiteral("presentation-mode"),
                             QStringLiteral("log-replay"),
                             QStringLiteral("help"),
                             QStringLiteral("tradeoffs"),
                             QStringLiteral("tradeoffs-tail-floor"),
                             QStringLiteral("ope-check"),
                             QStringLiteral("inventory"),
                             QStringLiteral("surface-dialog"),
                             QStringLiteral("surface-ctr"),
                             QStringLiteral("dashboard-feedback"),
                             QStringLiteral("group-fair-strategy"),
                             QStringLiteral("tradeoffs-group-fair"),
                             QStringLiteral("privacy-curve"),
                             QStringLiteral("onboarding")};

bool renderSweep(const QDir& out, const QString& name, const core::RecommenderRegistry& registry,
                 const QTemporaryDir& tmp, const char* core, const char* gridJson, int vertical);

// The group-fair re-ranker in the strategy panel (its parameters), a sweep of its strength
// and design in the Trade-offs window against the group CTR gap, then the "Feedback loop"
// tab after 250,000 events of popularity, itemknn and group-fair on `default`.
bool renderFeedback(ui::MainWindow& w, const QDir& out, const QString& suffix,
                    const core::RecommenderRegistry& registry, const QTemporaryDir& tmp) {
    bool ok =
        renderSweep(out, QStringLiteral("tradeoffs-group-fair") + suffix, registry, tmp,
                    "group-fair", R"({"design": ["lift", "level"], "strength": [0, 1, 4, 10]})", 2);
    raiseDock(w, w.scenarioPanel());
    w.scenarioPanel()->selectPreset(QStringLiteral("default"));
    raiseDock(w, w.strategyPanel());
    w.strategyPanel()->setCores({QStringLiteral("group-fair")});
    settle();
    ok &= save(w.strategyPanel()->parentWidget(),
               out.filePath(QStringLiteral("group-fair-strategy%1.png").arg(suffix)));
    w.strategyPanel()->setCores(
        {QStringLiteral("popularity"), QStringLiteral("itemknn"), QStringLiteral("group-fair")});
    w.scenarioPanel()->setEventLimit(250000);
    w.startRun();
    waitState(w, ui::RunController::State::Finished, 600000);
    // The tab's panel on its own, wide enough for its two charts side by side.
    ui::FeedbackLoopPanel panel;
    panel.resize(1200, 460);
    panel.show();
    panel.showStore(w.controller().series());
    settle(500);
    ok &= save(&panel, out.filePath(QStringLiteral("dashboard-feedback%1.png").arg(suffix)));
    w.liveCharts()->tabs()->setCurrentIndex(0);
    return ok;
}

// A MovieLens-format file with structure a core can learn: 600 users each with a taste
// for one of 12 genres of 50 items, skewed popularity within a genre, 60 days.
bool writeLog(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QRandomGenerator rng(11);
    for (int i = 0; i < 40000; ++i) {
        const int user = static_cast<int>(rng.bounded(600));
        const int genre = rng.bounded(10) < 7 ? user % 12 : static_cast<int>(rng.bounded(12));
        const int item = genre * 50 + static_cast<int>(std::pow(rng.generateDouble(), 3.0) * 50);
        f.write(QStringLiteral("%1\t%2\t4\t%3\n")
                    .arg(user + 1)
                    .arg(item + 1)
                    .arg(880000000 + i * 130)
                    .toUtf8());
    }
    return true;
}

// A real sweep (itemknn on the default shop, 3 x 2 parameter sets x 2 seeds, 20,000
// events a run) run in-process, then its Trade-offs window.
// A chart zoomed to days 3 to 5 with the hover callout on the second core's sample
// nearest day 4.2, as the mouse would leave it (docs/user-guide.md, "Charts: hover, zoom").
bool hoverAndZoom(ui::MetricChartView* chart, const QString& path) {
    if (!chart || chart->samples(QStringLiteral("1")).empty())
        return false;
    const auto y = chart->yRange();
    chart->zoomTo(3.0, 5.0, y.first, y.second);
    settle();
    const auto& samples = chart->samples(QStringLiteral("1"));
    const ui::ChartSample* s = &samples.front();
    for (const ui::ChartSample& c : samples)
        if (std::abs(c.x - 4.2) < std::abs(s->x - 4.2))
            s = &c;
    const QRectF plot = chart->plotArea();
    const auto xr = chart->xRange(), yr = chart->yRange();
    const QPointF at(plot.left() + (s->x - xr.first) / (xr.second - xr.first) * plot.width(),
                     plot.bottom() -
                         (s->y * 100.0 - yr.first) / (yr.second - yr.first) * plot.height());
    auto* area = chart->findChild<QAbstractScrollArea*>();
    if (!area)
        return false;
    const QPointF local(area->viewport()->mapFrom(chart, at.toPoint()));
    QMouseEvent move(QEvent::MouseMove, local, area->viewport()->mapToGlobal(local), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(area->viewport(), &move);
    settle();
    const bool ok = !chart->hoverText().isEmpty() && save(chart, path);
    chart->resetZoom();
    return ok;
}

// A real sweep run in-process (`core` over `gridJson`, 2 seeds, 20,000 events a run), then
// its Trade-offs window with the vertical axis `vertical` (0 coverage, 1 long-tail share,
// 2 group CTR gap).
bool renderSweep(const QDir& out, const QString& name, const core::RecommenderRegistry& registry,
                 const QTemporaryDir& tmp, const char* core, const char* gridJson, int vertical) {
    const QString grid = tmp.filePath(name + QStringLiteral("-grid.json"));
    QFile g(grid);
    if (!g.open(QIODevice::WriteOnly))
        return false;
    g.write(gridJson);
    g.close();
    auto scenario = sim::loadBuiltinScenario(QStringLiteral("default"));
    auto plan = sim::SweepPlan::fromGrid(grid, *registry.find(core), scenario.value(), 2, 1,
                                         sim::RunLimits{20000, 0.0});
    const QString db = tmp.filePath(name + QStringLiteral("-sweep.db"));
    {
        auto store = sim::RunStore::open(db);
        if (!plan || !store)
            return false;
        for (const sim::SweepJob& job : plan.value().jobs())
            if (storeRun(*store.value(), plan.value().runSpec(job.index), registry) == 0)
                return false;
    }
    ui::RunHistoryPanel history(db);
    ui::TradeoffWindow* w = history.openTradeoffs(plan.value().sweepId());
    if (!w)
        return false;
    QSignalSpy gaps(w, &ui::TradeoffWindow::groupGapsMeasured); // measured in the background
    if (w->measuringGaps() && !gaps.wait(120000))
        return false;
    w->verticalChoice()->setCurrentIndex(vertical);
    w->resize(1000, 760);
    settle(500);
    const bool ok = save(w, out.filePath(name + QStringLiteral(".png")));
    w->close();
    return ok;
}

// The itemknn sweep of docs/user-guide.md (3 x 2 parameter sets), and the exposure floor's
// price in CTR of docs/use-cases.md (tail-floor over popularity, five floors).
bool renderTradeoffs(const QDir& out, const QString& suffix,
                     const core::RecommenderRegistry& registry, const QTemporaryDir& tmp) {
    return renderSweep(out, QStringLiteral("tradeoffs") + suffix, registry, tmp, "itemknn",
                       R"({"history": [5, 20, 50], "neighbours": [20, 200]})", 0) &&
           renderSweep(out, QStringLiteral("tradeoffs-tail-floor") + suffix, registry, tmp,
                       "tail-floor", R"({"floor": [0, 0.1, 0.2, 0.3, 0.5]})", 1);
}

// A random core's run of the teaching shop, checked off-policy for popularity.
bool renderOpe(const QDir& out, const QString& suffix, const core::RecommenderRegistry& registry,
               const QTemporaryDir& tmp) {
    const QString db = tmp.filePath(QStringLiteral("ope.db"));
    qint64 runId = 0;
    {
        auto store = sim::RunStore::open(db);
        sim::RunSpec spec;
        spec.scenario = sim::loadBuiltinScenario(QStringLiteral("teaching-small")).value();
        spec.recommender = "random";
        if (!store || (runId = storeRun(*store.value(), spec, registry)) == 0)
            return false;
    }
    ui::RunHistoryPanel history(db, nullptr, &registry);
    ui::OpeWindow* w = history.openOpeCheck(runId);
    if (!w)
        return false;
    w->targetBox()->setCurrentText(QStringLiteral("popularity"));
    QSignalSpy done(w, &ui::OpeWindow::checkFinished);
    if (!w->startCheck() || !done.wait(120000))
        return false;
    settle(500);
    const bool ok = save(w, out.filePath(QStringLiteral("ope-check%1.png").arg(suffix)));
    w->close();
    return ok;
}

} // namespace

namespace recoscope { // screenshot_inventory.cpp
bool renderInventory(const QDir& out, const QString& suffix,
                     const core::RecommenderRegistry& registry, const QTemporaryDir& tmp,
                     const std::function<bool(QWidget*, const QString&)>& save);
// screenshot_privacy.cpp
bool renderPrivacy(ui::MainWindow& main, const QDir& out, const QString& suffix,
                   const std::function<bool(QWidget*, const QString&)>& save);
} // namespace recoscope

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("RecoscopeScreenshots"));
    QApplication::setApplicationName(QStringLiteral("recoscope"));
    const QStringList args = QApplication::arguments();
    const char* usage = "usage: recoscope-screenshots OUTPUT_DIR [--lang zh_CN] [--only "
                        "tradeoffs|ope|inventory] | --list [--lang zh_CN]\n";
    if (args.size() < 2 || args.contains(QStringLiteral("--help"))) {
        std::fprintf(args.size() < 2 ? stderr : stdout, "%s", usage);
        return args.size() < 2 ? 2 : 0;
    }
    // An option where the directory belongs (`--help` once made a directory of that name).
    if (args[1].startsWith(QLatin1Char('-')) && args[1] != QLatin1String("--list")) {
        std::fprintf(stderr, "recoscope-screenshots: unknown option '%s'\n%s", qPrintable(args[1]),
                     usage);
        return 2;
    }
    const QDir out(args[1]);
    const QString lang = args.indexOf(QStringLiteral("--lang")) > 0
                             ? args.value(args.indexOf(QStringLiteral("--lang")) + 1)
                             : QStringLiteral("en");
    const QString suffix = lang == QLatin1String("en") ? QString() : QStringLiteral("-") + lang;
    if (args.contains(QStringLiteral("--list"))) {
        for (const QString& name : kImages)
            std::printf("%s%s.png\n", qPrintable(name), qPrintable(suffix));
        return 0;
    }
    QDir().mkpath(out.path());
    QTemporaryDir tmp;
    core::RecommenderRegistry registry;
    core::registerBuiltinRecommenders(registry);
    ui::MainWindow w(registry, tmp.filePath(QStringLiteral("screens.db")));
    w.setLanguage(lang);
    if (args.contains(QStringLiteral("--only")) &&
        args.value(args.indexOf(QStringLiteral("--only")) + 1) == QLatin1String("tradeoffs"))
        return renderTradeoffs(out, suffix, registry, tmp) ? 0 : 1;
    if (args.contains(QStringLiteral("--only")) &&
        args.value(args.indexOf(QStringLiteral("--only")) + 1) == QLatin1String("ope"))
        return renderOpe(out, suffix, registry, tmp) ? 0 : 1;
    if (args.contains(QStringLiteral("--only")) &&
        args.value(args.indexOf(QStringLiteral("--only")) + 1) == QLatin1String("inventory"))
        return renderInventory(out, suffix, registry, tmp, save) ? 0 : 1;
    w.resize(1600, 1000);
    w.show();
    settle();
    if (args.contains(QStringLiteral("--only")) &&
        args.value(args.indexOf(QStringLiteral("--only")) + 1) == QLatin1String("surfaces"))
        return test::renderSurfaces(w, out, suffix, registry) ? 0 : 1;
    if (args.contains(QStringLiteral("--only")) &&
        args.value(args.indexOf(QStringLiteral("--only")) + 1) == QLatin1String("feedback"))
        return renderFeedback(w, out, suffix, registry, tmp) ? 0 : 1;
    if (args.contains(QStringLiteral("--only")) &&
        args.value(args.indexOf(QStringLiteral("--only")) + 1) == QLatin1String("privacy"))
        return renderPrivacy(w, out, suffix, save) ? 0 : 1;
    if (args.contains(QStringLiteral("--only")) &&
        args.value(args.indexOf(QStringLiteral("--only")) + 1) == QLatin1String("onboarding"))
        return test::renderOnboarding(w, out, suffix) ? 0 : 1;
    const bool onlyEditor =
        args.contains(QStringLiteral("--only")) &&
        args.value(args.indexOf(QStringLiteral("--only")) + 1) == QLatin1String("scenario-editor");
    bool ok = true;

    // 0. The scenario editor: the form, then the JSON tab with a validation error.
    raiseDock(w, w.scenarioPanel());
    w.scenarioPanel()->selectPreset(QStringLiteral("default"));
    settle();
    ok &= save(w.scenarioPanel()->parentWidget(),
               out.filePath(QStringLiteral("scenario-editor%1.png").arg(suffix)));
    {
        QString json = w.scenarioPanel()->jsonText();
        json.replace(QStringLiteral("\"users\": 5000"), QStringLiteral("\"users\": 0"));
        w.scenarioPanel()->setJsonText(json);
        w.scenarioPanel()->tabs()->setCurrentIndex(1);
        settle();
        ok &= save(w.scenarioPanel()->parentWidget(),
                   out.filePath(QStringLiteral("scenario-errors%1.png").arg(suffix)));
        w.scenarioPanel()->tabs()->setCurrentIndex(0);
    }
    if (onlyEditor)
        return ok ? 0 : 1;
    raiseDock(w, w.strategyPanel());

    // 1. The main window during a two-core run of `default`, paused mid-way.
    w.scenarioPanel()->selectPreset(QStringLiteral("default"));
    w.strategyPanel()->setCores({QStringLiteral("popularity"), QStringLiteral("itemknn")});
    w.scenarioPanel()->setEventLimit(0);
    w.startRun();
    // Past the day-4 promotion, so that its band shows on the charts.
    (void)QTest::qWaitFor([&] { return w.controller().fraction() > 0.72; }, 120000);
    w.controller().pause();
    settle(500);
    raiseDock(w, w.shopperInspector());
    if (!w.controller().activeUsers().empty()) {
        // Inspecting a shopper keeps the explanations of the slates served to them from
        // then on: run on until their next slate is served, then pause again.
        w.shopperInspector()->inspect(w.controller().activeUsers().front(), 1);
        settle(300);
        w.controller().resume();
        (void)QTest::qWaitFor(
            [&] {
                const auto& slate = w.shopperInspector()->last().slate;
                return !slate.empty() && !slate.front().explanation.isEmpty();
            },
            60000);
        w.controller().pause();
    }
    settle(500);
    ok &= save(&w, out.filePath(QStringLiteral("main-window%1.png").arg(suffix)));
    ok &= save(w.shopperInspector()->parentWidget(),
               out.filePath(QStringLiteral("shopper-inspector%1.png").arg(suffix)));
    raiseDock(w, w.itemInspector());
    w.itemInspector()->inspect(w.shopperInspector()->last().slate.empty()
                                   ? 0
                                   : w.shopperInspector()->last().slate.front().item,
                               1);
    settle(500);
    ok &= save(w.itemInspector()->parentWidget(),
               out.filePath(QStringLiteral("item-inspector%1.png").arg(suffix)));
    w.liveCharts()->tabs()->setCurrentIndex(1);
    settle();
    ok &=
        save(w.liveCharts(), out.filePath(QStringLiteral("dashboard-exposure%1.png").arg(suffix)));
    w.liveCharts()->tabs()->setCurrentIndex(2);
    settle();
    ok &= save(w.liveCharts(), out.filePath(QStringLiteral("dashboard-funnel%1.png").arg(suffix)));
    w.liveCharts()->tabs()->setCurrentIndex(0);
    w.controller().resume();
    waitState(w, ui::RunController::State::Finished, 300000);
    settle();
    // The beyond-accuracy tab at the end of the run: the long-tail share of both cores and
    // the first core's retention by cohort over the whole week.
    w.liveCharts()->showBeyondAccuracy();
    w.liveCharts()->beyondPanel()->setFigure(core::BeyondAccuracyPoint::TailShare);
    settle();
    ok &= save(w.liveCharts(), out.filePath(QStringLiteral("dashboard-beyond%1.png").arg(suffix)));
    w.liveCharts()->tabs()->setCurrentIndex(0);

    // 2. The comparison view: the arena reopened from the run history.
    w.historyPanel()->reload();
    raiseDock(w, w.historyPanel());
    const QList<qint64> ids = w.controller().runIds();
    if (ui::RunComparisonWindow* cmp = w.historyPanel()->openRuns(ids)) {
        cmp->resize(1400, 900);
        settle(500);
        ok &= save(cmp, out.filePath(QStringLiteral("comparison%1.png").arg(suffix)));
        ok &= hoverAndZoom(cmp->charts()->chart(ui::MetricId::Ctr),
                           out.filePath(QStringLiteral("chart-zoom-hover%1.png").arg(suffix)));
        cmp->close();
    }
    // A label and a note, as a user would leave them (the Label and Note columns).
    if (ids.size() >= 2) {
        ui::RunHistoryModel* m = w.historyPanel()->model();
        m->setData(m->index(m->rowOfRun(ids[0]), ui::RunHistoryModel::Label),
                   QStringLiteral("baseline"));
        m->setNote(ids[1], QStringLiteral("Try more neighbours next"));
    }
    w.historyPanel()->view()->selectRow(0);
    settle();
    ok &= save(w.historyPanel()->parentWidget(),
               out.filePath(QStringLiteral("run-history%1.png").arg(suffix)));

    // 2b. Presentation mode on a 1280x720 projector: the panels in one tabbed column, the
    // dashboard re-flowed beside it (tst_presentation_mode checks that nothing is cut).
    w.resize(1280, 720);
    w.setPresentationMode(true);
    raiseDock(w, w.strategyPanel());
    w.liveCharts()->tabs()->setCurrentIndex(0);
    settle(600);
    ok &= save(&w, out.filePath(QStringLiteral("presentation-mode%1.png").arg(suffix)));
    w.setPresentationMode(false);
    w.resize(1600, 1000);
    settle();

    // 3. Teaching mode after a few steps in presentation mode, as on a classroom's big
    // screen: only the dashboard and the teaching panel.
    w.resize(1920, 1200);
    QList<QDockWidget*> hidden;
    for (QDockWidget* d : w.findChildren<QDockWidget*>())
        if (d->isVisible() && w.dockWidgetArea(d) != Qt::RightDockWidgetArea) {
            d->hide();
            hidden << d;
        }
    w.enterTeachingMode();
    w.setPresentationMode(true);
    QSignalSpy steps(&w.controller(), &ui::RunController::stepped);
    for (int i = 0; i < 42; ++i) {
        // The last two steps follow the shopper on screen: every core at their next action.
        if (i == 40)
            w.teachingPanel()->followBox()->setChecked(true);
        w.controller().step();
        (void)QTest::qWaitFor([&] { return steps.count() > i; }, 5000);
    }
    settle(400);
    ok &= save(&w, out.filePath(QStringLiteral("teaching-mode%1.png").arg(suffix)));
    w.teachingPanel()->followBox()->setChecked(false);
    w.setPresentationMode(false);
    for (QDockWidget* d : std::as_const(hidden))
        d->show();
    w.resize(1600, 1000);
    w.controller().stop();
    waitState(w, ui::RunController::State::Finished, 10000);

    // 4. A real-format log replayed live with three cores: the ranking dashboard.
    raiseDock(w, w.logPanel());
    if (writeLog(tmp.filePath(QStringLiteral("ratings.data")))) {
        QSignalSpy imported(&w.controller(), &ui::RunController::importFinished);
        w.logPanel()->importFile(tmp.filePath(QStringLiteral("ratings.data")),
                                 QStringLiteral("movielens"));
        imported.wait(120000);
        w.strategyPanel()->setCores(
            {QStringLiteral("popularity"), QStringLiteral("itemknn"), QStringLiteral("mf-sgd")});
        w.startReplay();
        waitState(w, ui::RunController::State::Finished, 300000);
        settle(500);
        ok &= save(&w, out.filePath(QStringLiteral("log-replay%1.png").arg(suffix)));
    }

    // 4b. Coupons (issue 16): the default shop with the uplift policy, two cores, about
    // four simulated days; the dashboard's Coupons tab at the end.
    raiseDock(w, w.scenarioPanel());
    w.scenarioPanel()->selectPreset(QStringLiteral("default"));
    {
        QJsonObject doc = QJsonDocument::fromJson(w.scenarioPanel()->jsonText().toUtf8()).object();
        QJsonObject coupons = doc.value(QStringLiteral("coupons")).toObject();
        coupons.insert(QStringLiteral("policy"), QStringLiteral("uplift"));
        doc.insert(QStringLiteral("coupons"), coupons);
        w.scenarioPanel()->setJsonText(QString::fromUtf8(QJsonDocument(doc).toJson()));
    }
    w.strategyPanel()->setCores({QStringLiteral("popularity"), QStringLiteral("itemknn")});
    w.scenarioPanel()->setEventLimit(150000);
    w.startRun();
    waitState(w, ui::RunController::State::Finished, 300000);
    w.liveCharts()->tabs()->setCurrentWidget(w.liveCharts()->couponPanel());
    settle(500);
    ok &= save(w.liveCharts(), out.filePath(QStringLiteral("dashboard-coupons%1.png").arg(suffix)));
    w.liveCharts()->tabs()->setCurrentIndex(0);

    // 5. The bundled user guide (Help > User guide), at the run controls.
    if (ui::HelpWindow* help = w.showHelp()) {
        help->resize(1100, 720);
        settle(300);
        help->showSection(QStringLiteral("Run controls"));
        settle(100);
        ok &= save(help, out.filePath(QStringLiteral("help%1.png").arg(suffix)));
        help->close();
    }

    // 6. A strategy per surface: the dialog, then CTR per surface after a short arena.
    ok &= test::renderSurfaces(w, out, suffix, registry);
    // 7. A sweep's trade-offs, from the run history.
    ok &= renderTradeoffs(out, suffix, registry, tmp);
    // 6. An off-policy check of a stored run.
    ok &= renderOpe(out, suffix, registry, tmp);
    // 7. The inventory warnings of a stored run.
    ok &= renderInventory(out, suffix, registry, tmp, save);
    // 8. The group-fair re-ranker and the feedback loop by day.
    ok &= renderFeedback(w, out, suffix, registry, tmp);
    // 9. CTR against the privacy budget, on the editor's scenario.
    ok &= renderPrivacy(w, out, suffix, save);
    // 10. New-user onboarding: the cold-start table with and without the questionnaire.
    ok &= test::renderOnboarding(w, out, suffix);
    for (const QString& name : kImages)
        if (!g_saved.contains(name + suffix + QStringLiteral(".png"))) {
            std::fprintf(stderr, "screenshots: %s%s.png was not written\n", qPrintable(name),
                         qPrintable(suffix));
            ok = false;
        }
    for (const QString& file : std::as_const(g_saved))
        if (!kImages.contains(file.chopped(4 + suffix.size()))) {
            std::fprintf(stderr, "screenshots: %s is missing from kImages (--list)\n",
                         qPrintable(file));
            ok = false;
        }
    return ok ? 0 : 1;
}
