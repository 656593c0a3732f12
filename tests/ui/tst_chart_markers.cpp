// Chart markers for the scenario timeline (issue 14): through the chart adapter, at the
// scenario's days, drawn where the x axis puts those days; on the workbench's live charts.

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/main_window.h"
#include "recoscope/ui/metric_chart_view.h"
#include "recoscope/ui/run_controller.h"
#include "recoscope/ui/strategy_panel.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace recoscope;

namespace {

// Every drawn marker span is one of `want` (to a pixel's worth of days) and vice versa.
bool sameSpans(const QList<QPair<double, double>>& got, const QList<QPair<double, double>>& want,
               double tolerance) {
    if (got.size() != want.size())
        return false;
    for (int i = 0; i < got.size(); ++i)
        if (std::abs(got[i].first - want[i].first) > tolerance ||
            std::abs(got[i].second - want[i].second) > tolerance)
            return false;
    return true;
}

QString spansText(const QList<QPair<double, double>>& spans) {
    QString s;
    for (const auto& [a, b] : spans)
        s += QStringLiteral("[%1, %2] ").arg(a).arg(b);
    return s;
}

} // namespace

class TestChartMarkers : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void adapterDrawsMarkersAtTheirDays();
    void liveChartsMarkTheTimeline();
    void workbenchRunShowsTheScenariosMarkers();

private:
    QTemporaryDir m_dir;
    core::RecommenderRegistry m_registry;
};

void TestChartMarkers::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RecoscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_chart_markers"));
    core::registerBuiltinRecommenders(m_registry);
}

void TestChartMarkers::adapterDrawsMarkersAtTheirDays() {
    std::unique_ptr<ui::MetricChartView> v(ui::MetricChartView::create());
    v->resize(800, 400);
    v->setSeries({{QStringLiteral("a"), QStringLiteral("a"), Qt::blue, Qt::SolidLine, false}});
    std::vector<ui::ChartSample> samples;
    for (int i = 0; i <= 70; ++i)
        samples.push_back({i / 10.0, 0.5, 0.5, 0.5});
    v->setSamples(QStringLiteral("a"), samples);
    v->setMarkers({{2.375, 2.875, QStringLiteral("promotion"), Qt::darkYellow},
                   {3.0, 3.0, QStringLiteral("stock shock"), Qt::red},
                   {9.0, 9.0, QStringLiteral("launch"), Qt::darkGreen}});
    v->show();
    QVERIFY(QTest::qWaitForWindowExposed(v.get()));
    v->refresh();
    QCoreApplication::processEvents();
    // One pixel of an ~700 px plot over 7 days is 0.01 day.
    QTRY_VERIFY2(sameSpans(v->renderedMarkerSpans(), {{2.375, 2.875}, {3.0, 3.0}}, 0.02),
                 qPrintable(spansText(v->renderedMarkerSpans())));
    // The day-9 launch appears once the data (and so the axis) gets there.
    samples.push_back({10.0, 0.5, 0.5, 0.5});
    v->setSamples(QStringLiteral("a"), samples);
    v->refresh();
    QTRY_VERIFY2(
        sameSpans(v->renderedMarkerSpans(), {{2.375, 2.875}, {3.0, 3.0}, {9.0, 9.0}}, 0.03),
        qPrintable(spansText(v->renderedMarkerSpans())));
    v->setMarkers({});
    QVERIFY(v->renderedMarkerSpans().isEmpty());
}

// The flash-sale preset: two promotions, a season (not drawn) and a stock shock, plus a
// launch and a cohort (not drawn) added here.
void TestChartMarkers::liveChartsMarkTheTimeline() {
    auto s = sim::loadScenario(QStringLiteral("flash-sale"));
    QVERIFY(s);
    std::vector<sim::TimelineEvent> timeline = s.value().timeline;
    sim::TimelineEvent launch;
    launch.kind = sim::TimelineEvent::Kind::Launch;
    launch.startDay = launch.endDay = 1.5;
    launch.items = 40;
    sim::TimelineEvent cohort;
    cohort.kind = sim::TimelineEvent::Kind::Cohort;
    cohort.startDay = cohort.endDay = 2.0;
    timeline.push_back(launch);
    timeline.push_back(cohort);
    QList<QPair<double, double>> want;
    QStringList kinds;
    for (const sim::TimelineEvent& e : timeline)
        if (e.kind == sim::TimelineEvent::Kind::Promotion)
            want.append({e.startDay, e.endDay}), kinds << QStringLiteral("promotion");
        else if (e.kind == sim::TimelineEvent::Kind::StockShock)
            want.append({e.startDay, e.startDay}), kinds << QStringLiteral("stock shock");
        else if (e.kind == sim::TimelineEvent::Kind::Launch)
            want.append({e.startDay, e.startDay}), kinds << QStringLiteral("launch: 40 item");
    QCOMPARE(want.size(), 4);
    ui::LiveChartsPanel panel;
    panel.setTimeline(timeline);
    QVERIFY(!panel.charts().isEmpty());
    for (ui::MetricChartView* v : panel.charts()) {
        QCOMPARE(v->markers().size(), want.size());
        for (int i = 0; i < want.size(); ++i) {
            QCOMPARE(v->markers()[i].start, want[i].first);
            QCOMPARE(v->markers()[i].end, want[i].second);
            QVERIFY2(v->markers()[i].label.startsWith(kinds[i]), qPrintable(v->markers()[i].label));
        }
        // The day convention's axis title (day 0 = the first simulated day).
        QCOMPARE(v->xTitle(), QStringLiteral("day (0 = first)"));
    }
    panel.setTimeline({});
    for (ui::MetricChartView* v : panel.charts())
        QVERIFY(v->markers().isEmpty());
}

// A run of teaching-small (a 30 % promotion over day 1) in the workbench: every chart on
// screen draws the band from day 1 to day 2.
void TestChartMarkers::workbenchRunShowsTheScenariosMarkers() {
    ui::MainWindow w(m_registry, m_dir.filePath(QStringLiteral("runs.db")));
    w.resize(1400, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.strategyPanel()->setCores({QStringLiteral("popularity")});
    w.enterTeachingMode(); // selects teaching-small, paused
    w.controller().resume();
    QTRY_VERIFY_WITH_TIMEOUT(w.controller().state() == ui::RunController::State::Finished, 60000);
    w.liveCharts()->showAll(w.controller().series());
    int drawn = 0;
    for (ui::MetricChartView* v : w.liveCharts()->charts()) {
        QCOMPARE(v->markers().size(), 1);
        QCOMPARE(v->markers().front().start, 1.0);
        QCOMPARE(v->markers().front().end, 2.0);
        QVERIFY(v->markers().front().label.contains(QStringLiteral("30")));
        if (!v->isVisible())
            continue;
        QTRY_VERIFY2(sameSpans(v->renderedMarkerSpans(), {{1.0, 2.0}}, 0.02),
                     qPrintable(spansText(v->renderedMarkerSpans())));
        ++drawn;
    }
    QVERIFY(drawn >= 2);
}

QTEST_MAIN(TestChartMarkers)
#include "tst_chart_markers.moc"
