// Teaching mode on the offscreen platform (issue 14, "Teaching must never contradict
// itself"): the scores beside the explanations are the explanations' own numbers.

#include "recoscope/core/registry.h"
#include "recoscope/ui/main_window.h"
#include "recoscope/ui/run_controller.h"
#include "recoscope/ui/shopper_inspector_panel.h"
#include "recoscope/ui/strategy_panel.h"
#include "recoscope/ui/teaching_panel.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace recoscope;

class TestTeaching : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void scoresAreTheExplanationsNumbers();

private:
    /// Starts teaching mode with `cores` and waits until it is paused before step 1.
    void startTeaching(const QStringList& cores);
    /// Presses Step and returns the report it produced.
    sim::StepReport step();

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
    m_window->controller().stop();
    QTRY_COMPARE(m_window->controller().state(), ui::RunController::State::Finished);
}

QTEST_MAIN(TestTeaching)
#include "tst_teaching.moc"
