// The Privacy curve window (issue 16; docs/use-cases.md, "Privacy") against sim::
// PrivacyCurve run directly: the same points in the table and on the chart, the noise-off
// level across the epsilons, bad fields refused with a message, and the Run menu's entry.
// Mutation check (made once, then restored): showCurve() putting the reference runs on the
// solid line (dropping the `p.epsilon > 0.0` test) fails curveMatchesTheRuns.

#include "layout_audit.h"

#include "recoscope/core/registry.h"
#include "recoscope/sim/privacy_curve.h"
#include "recoscope/ui/language_manager.h"
#include "recoscope/ui/main_window.h"
#include "recoscope/ui/metric_chart_view.h"
#include "recoscope/ui/privacy_curve_window.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace recoscope;

namespace {

sim::Scenario smallShop() {
    sim::Scenario s;
    s.durationDays = 2.0;
    s.catalogue.items = 800;
    s.population.users = 1500;
    s.behaviour.sessionsPerDay = 3000.0;
    s.behaviour.regretSample = 0.0;
    s.seed = 3;
    return s;
}

} // namespace

class TestPrivacyCurveWindow : public QObject {
    Q_OBJECT

private slots:
    void curveMatchesTheRuns() {
        core::RecommenderRegistry registry;
        core::registerBuiltinRecommenders(registry);
        ui::PrivacyCurveWindow w(registry, smallShop());
        w.coresEdit()->setText(QStringLiteral("popularity"));
        w.epsilonsEdit()->setText(QStringLiteral("0.1, 50"));
        w.daysBox()->setValue(2.0);
        QSignalSpy done(&w, &ui::PrivacyCurveWindow::curveFinished);
        QVERIFY(w.start());
        QVERIFY(done.wait(120000));
        QVERIFY(done.front().front().toBool());

        sim::PrivacyCurveSpec spec;
        spec.scenario = smallShop();
        spec.seed = 3;
        spec.cores = {"popularity"};
        spec.epsilons = {0.1, 50};
        spec.limits.maxDays = 2.0;
        auto direct = sim::PrivacyCurve::run(spec, registry);
        QVERIFY(direct);
        const auto& pts = direct.value().points;
        QCOMPARE(pts.size(), std::size_t(3));
        QCOMPARE(w.table()->rowCount(), 3);
        QCOMPARE(w.table()->item(0, 1)->text(), QStringLiteral("off"));
        QCOMPARE(w.table()->item(2, 1)->text(), QStringLiteral("50"));
        const auto& line = w.chart()->samples(QStringLiteral("popularity"));
        const auto& level = w.chart()->samples(QStringLiteral("popularity:off"));
        QCOMPARE(line.size(), std::size_t(2));
        QCOMPARE(line[0].x, 0.1);
        QCOMPARE(line[0].y, pts[1].ctr);
        QCOMPARE(line[1].y, pts[2].ctr);
        QCOMPARE(level.size(), std::size_t(2));
        QCOMPARE(level[0].x, 0.1);
        QCOMPARE(level[1].x, 50.0);
        QCOMPARE(level[0].y, pts[0].ctr);
        QCOMPARE(level[1].y, pts[0].ctr);
        QVERIFY(pts[1].ctr < pts[0].ctr); // the noisiest budget costs clicks
    }

    // In zh_CN the y axis title (点击率) was drawn as a lone "⋮": Qt Charts sized the axis
    // to its one-digit tick labels but reserved the width of "..." for them, leaving the
    // title (a 17 px CJK line) too little room. LayoutAudit reads what Qt Charts drew.
    // Mutation seen failing: setVerticalLabelFormat() keeping "%.3g" for one-digit labels
    // (qtcharts_metric_chart_view.cpp) lists "chart text truncated (\"...\")".
    void zhCnChartTextsDrawnInFull() {
        core::RecommenderRegistry registry;
        core::registerBuiltinRecommenders(registry);
        ui::LanguageManager language;
        QVERIFY(language.setLanguage(QStringLiteral("zh_CN")));
        ui::PrivacyCurveWindow w(registry, smallShop());
        w.coresEdit()->setText(QStringLiteral("popularity"));
        w.epsilonsEdit()->setText(QStringLiteral("1"));
        w.daysBox()->setValue(0.5);
        w.show();
        QSignalSpy done(&w, &ui::PrivacyCurveWindow::curveFinished);
        QVERIFY(w.start());
        QVERIFY(done.wait(120000));
        QTest::qWait(200);
        QCOMPARE(w.chart()->yTitle(), QStringLiteral("点击率"));
        const QStringList problems = test::auditLayout(&w);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        language.setLanguage(QStringLiteral("en"));
    }

    void badFieldsAreRefused() {
        core::RecommenderRegistry registry;
        core::registerBuiltinRecommenders(registry);
        ui::PrivacyCurveWindow w(registry, smallShop());
        w.epsilonsEdit()->setText(QStringLiteral("0.5, lots"));
        QVERIFY(!w.start());
        QVERIFY2(w.statusText().contains(QLatin1String("lots")), qPrintable(w.statusText()));
        w.epsilonsEdit()->setText(QStringLiteral("1"));
        w.coresEdit()->setText(QStringLiteral("popularity, nosuchcore"));
        QVERIFY(!w.start());
        QVERIFY2(w.statusText().contains(QLatin1String("nosuchcore")), qPrintable(w.statusText()));
        QVERIFY(!w.running());
    }

    void runMenuOpensIt() {
        core::RecommenderRegistry registry;
        core::registerBuiltinRecommenders(registry);
        QTemporaryDir tmp;
        ui::MainWindow main(registry, tmp.filePath(QStringLiteral("t.db")));
        auto* action = main.findChild<QAction*>(QStringLiteral("actionPrivacyCurve"));
        QVERIFY(action);
        QVERIFY(!action->text().isEmpty());
        action->trigger();
        auto* w = main.findChild<ui::PrivacyCurveWindow*>();
        QVERIFY(w);
        w->close();
    }
};

QTEST_MAIN(TestPrivacyCurveWindow)
#include "tst_privacy_curve_window.moc"
