// Teaching mode on the offscreen platform (issue 14, "Teaching must never contradict
// itself"): the scores beside the explanations are the explanations' own numbers; Step
// back is a fresh run one step shorter; follow mode shows one shopper in every core; the
// status bar and the step header show one clock.

#include "recoscope/core/registry.h"
#include "recoscope/ui/item_inspector_panel.h"
#include "recoscope/ui/main_window.h"
#include "recoscope/ui/metric_chart_view.h"
#include "recoscope/ui/run_controller.h"
#include "recoscope/ui/run_controls.h"
#include "recoscope/ui/shopper_inspector_panel.h"
#include "recoscope/ui/strategy_panel.h"
#include "recoscope/ui/teaching_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <cmath>

using namespace recoscope;

class TestTeaching : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void scoresAreTheExplanationsNumbers();
    void stepBackEqualsAFreshRunOfFourSteps();
    void followModeShowsOneShopper();
    void statusClockIsTheHeadersClock();

private:
    /// Starts teaching mode with `cores` and waits until it is paused before step 1.
    void startTeaching(const QStringList& cores);
    /// Presses Step and returns the report it produced.
    sim::StepReport step();
    /// Presses Step back and returns the report of the step it went back to.
    sim::StepReport stepBack();
    /// Stops the run and waits until it is over.
    void stopRun();

    QTemporaryDir m_dir;
    core::RecommenderRegistry m_registry;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestTeaching::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RecoscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_teaching"));
    QVERIFY(m_dir.isValid());
    core::registerBuiltinRecommenders(m_registry);
    m_window =
        std::make_unique<ui::MainWindow>(m_registry, m_dir.filePath(QStringLiteral("runs.db")));
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestTeaching::startTeaching(const QStringList& cores) {
    m_window->strategyPanel()->setCores(cores);
    m_window->enterTeachingMode();
    QCOMPARE(m_window->controller().state(), ui::RunController::State::Paused);
}

sim::StepReport TestTeaching::step() {
    QSignalSpy spy(&m_window->controller(), &ui::RunController::stepped);
    m_window->controller().step();
    if (!spy.wait(20000) && spy.isEmpty())
        return {};
    return qvariant_cast<sim::StepReport>(spy.takeFirst().at(0));
}

sim::StepReport TestTeaching::stepBack() {
    QSignalSpy spy(&m_window->controller(), &ui::RunController::stepped);
    m_window->teachingPanel()->stepBackButton()->click();
    // The replay runs on the engine's thread: the click returns before its result.
    if (!m_window->controller().stepping())
        return {};
    if (!spy.wait(20000) && spy.isEmpty())
        return {};
    return qvariant_cast<sim::StepReport>(spy.takeFirst().at(0));
}

void TestTeaching::stopRun() {
    m_window->controller().stop();
    QTRY_COMPARE(m_window->controller().state(), ui::RunController::State::Finished);
}

namespace {
// What the class sees of one core's step: shopper, moment, slate and explanations.
QString shown(const sim::StepRecord& r) {
    QString s = QStringLiteral("%1 %2 %3 %4\n")
                    .arg(r.valid)
                    .arg(r.user)
                    .arg(r.time, 0, 'g', 17)
                    .arg(r.clicked);
    for (const sim::ExplainedEntry& e : r.slate)
        s += QStringLiteral("%1 %2 %3\n").arg(e.item).arg(e.score, 0, 'g', 9).arg(e.explanation);
    return s;
}
} // namespace

// The cores (popularity showed "Score 2" beside "weighted interaction score 3.0",
// composed after the click was learnt; itemknn called a sum of similarities a cosine):
// over 20 steps, every scored entry's cell shows the explanation's own total, which is the
// entry's score to the printed digits and appears in the sentence.
void TestTeaching::scoresAreTheExplanationsNumbers() {
    startTeaching({QStringLiteral("popularity"), QStringLiteral("itemknn"), QStringLiteral("bpr")});
    ui::TeachingPanel* t = m_window->teachingPanel();
    int scored = 0;
    for (int n = 1; n <= 20; ++n) {
        const sim::StepReport report = step();
        QCOMPARE(report.cores.size(), std::size_t{3});
        for (int c = 0; c < 3; ++c) {
            const sim::StepRecord& r = report.cores[static_cast<std::size_t>(c)];
            if (!r.valid)
                continue;
            t->coreList()->setCurrentIndex(c);
            QCOMPARE(t->slateTable()->rowCount(), static_cast<int>(r.slate.size()));
            for (std::size_t i = 0; i < r.slate.size(); ++i) {
                const sim::ExplainedEntry& e = r.slate[i];
                const QString cell = t->slateTable()->item(static_cast<int>(i), 1)->text();
                const QString why = t->slateTable()->item(static_cast<int>(i), 3)->toolTip();
                QVERIFY2(!why.isEmpty(), "a stepped slate keeps its explanations");
                if (e.placeholder) {
                    QCOMPARE(cell, QStringLiteral("–"));
                    continue;
                }
                QCOMPARE(cell, e.scoreText);
                bool ok = false;
                const double shown = cell.toDouble(&ok);
                QVERIFY2(ok, qPrintable(cell));
                const int dot = cell.indexOf(QLatin1Char('.'));
                const int decimals = dot < 0 ? 0 : static_cast<int>(cell.size()) - dot - 1;
                QVERIFY2(std::abs(shown - e.score) <= 0.5 * std::pow(10.0, -decimals) + 1e-6,
                         qPrintable(QStringLiteral("step %1, core %2: cell %3, score %4: %5")
                                        .arg(n)
                                        .arg(c)
                                        .arg(cell)
                                        .arg(e.score)
                                        .arg(why)));
                QVERIFY2(why.contains(cell), qPrintable(why));
                if (c == 0) // the sentence of the issue, with the cell's number
                    QVERIFY2(why.contains(QStringLiteral("weighted interaction score ") + cell),
                             qPrintable(why));
                if (c == 1)
                    QVERIFY2(!why.contains(QStringLiteral("cosine"), Qt::CaseInsensitive) ||
                                 why.contains(QStringLiteral("none is a cosine")),
                             qPrintable(why));
                ++scored;
            }
        }
    }
    QVERIFY(scored > 100);

    // The shopper inspector shows the same serve-time explanations for the shopper of the
    // last step (kept with the slate, not composed again from a later state).
    const sim::StepReport last = step();
    const sim::StepRecord& r = last.cores[0];
    QVERIFY(r.valid);
    ui::ShopperInspectorPanel* s = m_window->shopperInspector();
    QSignalSpy inspected(s, &ui::ShopperInspectorPanel::inspected);
    s->inspect(r.user, 0);
    QTRY_VERIFY(!inspected.isEmpty());
    QCOMPARE(s->last().slate.size(), r.slate.size());
    t->coreList()->setCurrentIndex(0);
    for (std::size_t i = 0; i < r.slate.size(); ++i) {
        QCOMPARE(s->last().slate[i].explanation, r.slate[i].explanation);
        QCOMPARE(s->slateTable()->item(static_cast<int>(i), 1)->text(),
                 t->slateTable()->item(static_cast<int>(i), 1)->text());
    }
    stopRun();
}

// Five steps, one step back: exactly what a fresh teaching run shows after four steps —
// same shopper, same moment, same slate, same explanations — replayed from the seed on the
// engine's thread while the window keeps answering.
void TestTeaching::stepBackEqualsAFreshRunOfFourSteps() {
    const QStringList cores = {QStringLiteral("popularity"), QStringLiteral("itemknn"),
                               QStringLiteral("bpr")};
    startTeaching(cores);
    ui::TeachingPanel* t = m_window->teachingPanel();
    QVERIFY(!t->stepBackButton()->isEnabled()); // nothing to go back to yet
    for (int n = 1; n <= 5; ++n)
        QCOMPARE(step().step, n);
    QVERIFY(t->stepBackButton()->isEnabled());
    const quint64 before = m_window->controller().generation();
    const sim::StepReport back = stepBack();
    QCOMPARE(back.step, 4);
    QCOMPARE(t->steps(), 4);
    QVERIFY(m_window->controller().generation() != before); // the charts refill
    QVERIFY(t->header()->text().contains(QStringLiteral("Step 4")));
    QCOMPARE(m_window->controller().state(), ui::RunController::State::Paused);
    // Stepping on from there works as from any step.
    QCOMPARE(step().step, 5);
    stopRun();

    startTeaching(cores);
    sim::StepReport fresh;
    for (int n = 1; n <= 4; ++n)
        fresh = step();
    QCOMPARE(fresh.cores.size(), back.cores.size());
    for (std::size_t c = 0; c < fresh.cores.size(); ++c)
        QCOMPARE(shown(back.cores[c]), shown(fresh.cores[c]));
    // Back to the very start: no step on screen, Step back disabled again.
    for (int n = 3; n >= 0; --n)
        QCOMPARE(stepBack().step, n);
    QCOMPARE(t->steps(), 0);
    QVERIFY(!t->stepBackButton()->isEnabled());
    stopRun();
}

// Follow shopper: every core shows that shopper's next action; cores at the same moment
// face the same action and the header says so.
void TestTeaching::followModeShowsOneShopper() {
    startTeaching(
        {QStringLiteral("popularity"), QStringLiteral("itemknn"), QStringLiteral("random")});
    ui::TeachingPanel* t = m_window->teachingPanel();
    sim::StepReport r;
    for (int n = 0; n < 12; ++n)
        r = step();
    t->coreList()->setCurrentIndex(2);
    QVERIFY(r.cores[2].valid);
    const core::UserId u = r.cores[2].user;
    t->followBox()->setChecked(true); // "follow this shopper": the one on screen
    QCOMPARE(t->followUser()->value(), static_cast<int>(u));
    QCOMPARE(m_window->controller().followUser(), u);
    int sameSeen = 0;
    for (int n = 0; n < 3; ++n) {
        r = step();
        QCOMPARE(r.follow, u);
        const QString header = t->header()->text();
        QVERIFY2(header.contains(QStringLiteral("following shopper %1").arg(u)),
                 qPrintable(header));
        int valid = 0;
        for (const sim::StepRecord& c : r.cores) {
            if (!c.valid)
                continue;
            ++valid;
            QCOMPARE(c.user, u);
            QVERIFY(header.contains(QStringLiteral("shopper %1").arg(u)));
        }
        if (valid < 2)
            break; // the shopper's visits are over in the two-day shop
        // Same moment = same action, shown as one letter with the other cores named;
        // different moments are different actions.
        const bool same =
            r.cores[0].valid && r.cores[1].valid && r.cores[0].time == r.cores[1].time;
        QVERIFY2(header.contains(QStringLiteral("action A = itemknn")) == same, qPrintable(header));
        sameSeen += same;
    }
    QVERIFY(sameSeen > 0); // this seed's shopper: popularity and itemknn meet
    t->followBox()->setChecked(false);
    QCOMPARE(m_window->controller().followUser(), core::kNoUser);
    stopRun();
}

// One clock: after every step the status bar shows the header's time, "day D, HH:MM" with
// day 0 the first simulated day (recomputed here from the step's earliest action).
void TestTeaching::statusClockIsTheHeadersClock() {
    startTeaching({QStringLiteral("popularity"), QStringLiteral("bpr")});
    ui::TeachingPanel* t = m_window->teachingPanel();
    QLabel* clock = m_window->runControls()->clockLabel();
    bool inspectorsChecked = false;
    for (int n = 1; n <= 15; ++n) {
        const sim::StepReport r = step();
        double earliest = 1e300;
        for (const sim::StepRecord& c : r.cores)
            if (c.valid)
                earliest = std::min(earliest, c.time);
        const auto minutes = static_cast<long long>(earliest / 60.0);
        const QString expected = QStringLiteral("day %1, %2:%3")
                                     .arg(minutes / 1440)
                                     .arg(minutes % 1440 / 60, 2, 10, QLatin1Char('0'))
                                     .arg(minutes % 60, 2, 10, QLatin1Char('0'));
        QVERIFY2(
            t->header()->text().contains(QStringLiteral("Step %1</b> · %2").arg(n).arg(expected)),
            qPrintable(t->header()->text() + QStringLiteral(" / ") + expected));
        QTRY_VERIFY2(clock->text().contains(QStringLiteral("Simulated: ") + expected),
                     qPrintable(clock->text() + QStringLiteral(" / ") + expected));
        if (!inspectorsChecked && r.cores[0].valid && !r.cores[0].events.empty()) {
            inspectorsChecked = true;
            // The inspectors write moments the same way: the shopper's latest event...
            ui::ShopperInspectorPanel* s = m_window->shopperInspector();
            QSignalSpy inspected(s, &ui::ShopperInspectorPanel::inspected);
            s->inspect(r.cores[0].user, 0);
            QTRY_VERIFY(!inspected.isEmpty());
            QVERIFY(!s->last().recentEvents.empty());
            const auto m = static_cast<long long>(s->last().recentEvents.back().time / 60.0);
            const QString when = QStringLiteral("day %1, %2:%3")
                                     .arg(m / 1440)
                                     .arg(m % 1440 / 60, 2, 10, QLatin1Char('0'))
                                     .arg(m % 60, 2, 10, QLatin1Char('0'));
            QVERIFY2(s->profileView()->toHtml().contains(when), qPrintable(when));
            // ...and an item launched during the run its launch.
            ui::ItemInspectorPanel* it = m_window->itemInspector();
            bool launched = false;
            for (quint32 item = 0; item < 60 && !launched; ++item) {
                QSignalSpy got(it, &ui::ItemInspectorPanel::inspected);
                it->inspect(item, 0);
                QTRY_VERIFY(!got.isEmpty());
                if (!it->last().valid || it->last().launchTime <= 0.0)
                    continue;
                const auto l = static_cast<long long>(it->last().launchTime / 60.0);
                QVERIFY(it->infoView()->toHtml().contains(
                    QStringLiteral("day %1, %2:%3")
                        .arg(l / 1440)
                        .arg(l % 1440 / 60, 2, 10, QLatin1Char('0'))
                        .arg(l % 60, 2, 10, QLatin1Char('0'))));
                QCOMPARE(it->chart()->xTitle(), QStringLiteral("day (0 = first)"));
                launched = true;
            }
            QVERIFY(launched);
        }
        // Each core's own moment is in the header too.
        for (const sim::StepRecord& c : r.cores)
            if (c.valid) {
                const auto m = static_cast<long long>(c.time / 60.0);
                QVERIFY(
                    t->header()->text().contains(QStringLiteral("day %1, %2:%3")
                                                     .arg(m / 1440)
                                                     .arg(m % 1440 / 60, 2, 10, QLatin1Char('0'))
                                                     .arg(m % 60, 2, 10, QLatin1Char('0'))));
            }
    }
    QVERIFY(inspectorsChecked);
    stopRun();
}

QTEST_MAIN(TestTeaching)
#include "tst_teaching.moc"
