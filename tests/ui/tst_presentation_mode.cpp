// Presentation mode (issue 14, "A projector mode"): at a 1280x720 main window every text
// of every panel, tab, table and chart is drawn in full, and leaving the mode restores the
// normal sizes exactly. The walk is LayoutAudit (layout_audit.cpp): font metrics against
// the rect each widget got, header sections, cells, rows and columns reachable, and the
// chart texts Qt Charts drew (truncated ones end in "...").
//
// Mutations seen to fail here:
// - QtChartsMetricChartView::changeEvent without applyFonts() (the charts kept their 9 pt
//   fonts): smallestChartText is 9, not 12.
// - ChartGrid::reflow forced to two columns (no re-flow): legend entries drawn outside
//   the CTR chart's view, tick labels and the x title truncated ("day (0 = f...") in the
//   teaching walk.

#include "layout_audit.h"

#include "recoscope/core/registry.h"
#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/main_window.h"
#include "recoscope/ui/metric_chart_view.h"
#include "recoscope/ui/presentation_mode.h"
#include "recoscope/ui/run_comparison_window.h"
#include "recoscope/ui/run_controller.h"
#include "recoscope/ui/run_controls.h"
#include "recoscope/ui/run_history_panel.h"
#include "recoscope/ui/scenario_panel.h"
#include "recoscope/ui/strategy_panel.h"
#include "recoscope/ui/teaching_panel.h"

#include <QApplication>
#include <QDockWidget>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace recoscope;

namespace {

void settle(int ms = 120) {
    QTest::qWait(ms);
    QCoreApplication::processEvents();
}

// The smallest text Qt Charts draws under `root` (tick labels, legend entries): the chart
// adapters must have copied the widget font into the chart, which keeps its own fonts.
qreal smallestChartText(const QWidget* root) {
    qreal smallest = 1e9;
    for (const QGraphicsView* v : root->findChildren<QGraphicsView*>())
        for (const QGraphicsItem* item : v->scene()->items())
            if (const auto* t = dynamic_cast<const QGraphicsTextItem*>(item);
                t && t->isVisible() && !t->toPlainText().isEmpty())
                smallest = std::min(smallest, t->font().pointSizeF());
    return smallest;
}

// The widgets' fonts and sizes that presentation mode changes, to compare before/after.
struct Snapshot {
    QFont appFont;
    QSize iconSize;
    QMap<QString, qreal> fonts; // object path -> point size
    QMap<QString, Qt::DockWidgetArea> areas;

    static Snapshot of(ui::MainWindow& w) {
        Snapshot s;
        s.appFont = QApplication::font();
        s.iconSize = w.runControls()->iconSize();
        for (QWidget* c : w.findChildren<QWidget*>())
            s.fonts[test::objectPath(c)] = c->font().pointSizeF();
        for (QDockWidget* d : w.findChildren<QDockWidget*>())
            s.areas[d->objectName()] = w.dockWidgetArea(d);
        return s;
    }
};

} // namespace

class TestPresentationMode : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void scalesFontsChartsAndIconsWhileRunning();
    void nothingClippedInTheMainWindow();
    void nothingClippedInTeaching();
    void nothingClippedInTheComparisonWindow();
    void leavingRestoresTheNormalSizes();
    void cleanupTestCase();

private:
    // Audits `root` with every tab of every tab widget shown in turn; problems once each.
    QStringList auditEveryTab(QWidget* root);
    QTemporaryDir m_dir;
    core::RecommenderRegistry m_registry;
    std::unique_ptr<ui::MainWindow> m_window;
    Snapshot m_normal;
    QList<qint64> m_runs;
};

void TestPresentationMode::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RecoscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_presentation_mode"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    core::registerBuiltinRecommenders(m_registry);
    m_window =
        std::make_unique<ui::MainWindow>(m_registry, m_dir.filePath(QStringLiteral("runs.db")));
    m_window->resize(1280, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    settle();
    m_normal = Snapshot::of(*m_window);
}

void TestPresentationMode::scalesFontsChartsAndIconsWhileRunning() {
    ui::MainWindow& w = *m_window;
    QVERIFY(w.scenarioPanel()->selectPreset(QStringLiteral("default")));
    w.strategyPanel()->setCores(
        {QStringLiteral("popularity"), QStringLiteral("itemknn"), QStringLiteral("random")});
    w.scenarioPanel()->setEventLimit(6000);
    w.controller().setSpeed(0.0);
    QVERIFY(w.startRun());
    // Entered while the run is live: the worker does not care, the charts keep filling.
    QTRY_VERIFY(w.controller().events() > 0);
    w.setPresentationMode(true);
    QVERIFY(w.presentationMode());
    QTRY_VERIFY_WITH_TIMEOUT(w.controller().state() == ui::RunController::State::Finished, 120000);
    m_runs = w.controller().runIds();
    QCOMPARE(m_runs.size(), 3);
    settle(300);

    const double f = ui::PresentationMode::kScale;
    QCOMPARE(QApplication::font().pointSizeF(), m_normal.appFont.pointSizeF() * f);
    QCOMPARE(w.runControls()->iconSize(), m_normal.iconSize * f);
    // Qt Charts keeps its own fonts: they must have followed.
    for (ui::MetricChartView* c : w.liveCharts()->charts())
        QVERIFY2(c->font().pointSizeF() >= m_normal.appFont.pointSizeF() * f - 0.01,
                 qPrintable(test::objectPath(c)));
    QCOMPARE(smallestChartText(w.liveCharts()), QApplication::font().pointSizeF());
    // The counters show every core and every column.
    QTableWidget* counters = w.liveCharts()->countersTable();
    QCOMPARE(counters->rowCount(), 3);
    for (int c = 0; c < counters->columnCount(); ++c)
        QVERIFY(!counters->isColumnHidden(c));
}

QStringList TestPresentationMode::auditEveryTab(QWidget* root) {
    QStringList all;
    auto collect = [&] {
        settle();
        for (const QString& p : test::auditLayout(root))
            if (!all.contains(p))
                all << p;
    };
    collect();
    for (QTabWidget* tabs : root->findChildren<QTabWidget*>()) {
        if (!tabs->isVisible() || tabs->window() != root)
            continue;

        const int was = tabs->currentIndex();
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->isTabVisible(i) && i != was) {
                tabs->setCurrentIndex(i);
                collect();
            }
        tabs->setCurrentIndex(was);
    }
    return all;
}

void TestPresentationMode::nothingClippedInTheMainWindow() {
    ui::MainWindow& w = *m_window;
    w.resize(1280, 720);
    settle(300);
    // The layout's minimum must not have pushed the window beyond the projector's size.
    QCOMPARE(w.size(), QSize(1280, 720));
    QStringList problems;
    for (QDockWidget* d : w.findChildren<QDockWidget*>()) {
        d->show();
        d->raise();
        for (const QString& p : auditEveryTab(&w))
            if (!problems.contains(p))
                problems << p;
    }
    for (const QString& p : std::as_const(problems))
        qWarning("%s", qPrintable(p));
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 clipped or elided texts, first: %2")
                                                .arg(problems.size())
                                                .arg(problems.value(0))));
}

void TestPresentationMode::nothingClippedInTeaching() {
    ui::MainWindow& w = *m_window;
    w.enterTeachingMode();
    QSignalSpy steps(&w.controller(), &ui::RunController::stepped);
    for (int i = 0; i < 6; ++i) {
        w.controller().step();
        QVERIFY(QTest::qWaitFor([&] { return steps.count() > i; }, 10000));
    }
    settle(300);
    QCOMPARE(w.size(), QSize(1280, 720));
    const QStringList problems = auditEveryTab(&w);
    for (const QString& p : problems)
        qWarning("%s", qPrintable(p));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0)));
    w.controller().stop();
    QTRY_VERIFY_WITH_TIMEOUT(w.controller().state() == ui::RunController::State::Finished, 10000);
}

void TestPresentationMode::nothingClippedInTheComparisonWindow() {
    ui::MainWindow& w = *m_window;
    w.historyPanel()->reload();
    // Opened in the mode: a new window picks up the scaled fonts from its first show.
    ui::RunComparisonWindow* cmp = w.historyPanel()->openRuns(m_runs);
    QVERIFY(cmp);
    QWidget* widget = cmp;
    widget->resize(1280, 720);
    QVERIFY(QTest::qWaitForWindowExposed(widget));
    settle(600);
    QCOMPARE(widget->size(), QSize(1280, 720));
    const QStringList problems = auditEveryTab(widget);
    for (const QString& p : problems)
        qWarning("%s", qPrintable(p));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0)));
    widget->close();
}

void TestPresentationMode::leavingRestoresTheNormalSizes() {
    ui::MainWindow& w = *m_window;
    w.setPresentationMode(false);
    settle(300);
    const Snapshot now = Snapshot::of(w);
    QVERIFY2(now.appFont == m_normal.appFont, qPrintable(now.appFont.toString()));
    QCOMPARE(now.iconSize, m_normal.iconSize);
    QVERIFY(now.areas == m_normal.areas);
    // Every widget that existed before is back at its normal font size.
    int compared = 0;
    for (auto it = m_normal.fonts.cbegin(); it != m_normal.fonts.cend(); ++it)
        if (now.fonts.contains(it.key())) {
            QVERIFY2(qFuzzyCompare(now.fonts[it.key()], it.value()), qPrintable(it.key()));
            ++compared;
        }
    QVERIFY(compared > 100);
    QCOMPARE(smallestChartText(w.liveCharts()), m_normal.appFont.pointSizeF());
}

void TestPresentationMode::cleanupTestCase() {
    if (m_window)
        m_window->controller().stop();
    m_window.reset();
}

QTEST_MAIN(TestPresentationMode)
#include "tst_presentation_mode.moc"
