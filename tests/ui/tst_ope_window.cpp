// The run history's off-policy check (issue 13, docs/ope.md): the button enabled for one
// selected run, the check run off the GUI thread, the chart and the table showing exactly what
// sim::checkStoredRun computes (called here separately as the reference), a run without slate
// log and bad parameters reported in the status line. RECOSCOPE_SCREENSHOT=FILE.png saves the
// window for a look.

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/ope_check.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/ui/ope_chart_view.h"
#include "recoscope/ui/ope_window.h"
#include "recoscope/ui/run_history_panel.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace recoscope;

class TestOpeWindow : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;
    core::RecommenderRegistry m_registry;
    qint64 m_logged = 0, m_plain = 0;

    qint64 store(const std::string& core, bool slates) {
        auto s = sim::RunStore::open(m_db);
        sim::RunSpec spec;
        spec.scenario = sim::loadBuiltinScenario(QStringLiteral("teaching-small")).value();
        spec.seed = 2;
        spec.recommender = core;
        spec.logSlates = slates;
        auto job = sim::RunJob::create(spec, m_registry, s.value().get());
        job.value()->runSlice(0);
        (void)job.value()->finish(QStringLiteral("finished"));
        return job.value()->runId();
    }

private slots:
    void initTestCase() {
        core::registerBuiltinRecommenders(m_registry);
        m_db = m_dir.filePath(QStringLiteral("ope.db"));
        m_logged = store("random", true);
        m_plain = store("popularity", false);
    }

    void checkShowsTheReferenceResult() {
        ui::RunHistoryPanel panel(m_db, nullptr, &m_registry);
        auto* button = panel.findChild<QPushButton*>(QStringLiteral("opeButton"));
        QVERIFY(button);
        QVERIFY(panel.selectRun(m_logged));
        QVERIFY(button->isEnabled());
        ui::OpeWindow* w = panel.openOpeCheck(m_logged);
        QVERIFY(w);
        w->targetBox()->setCurrentText(QStringLiteral("popularity"));
        QSignalSpy done(w, &ui::OpeWindow::checkFinished);
        QVERIFY(w->startCheck());
        QVERIFY(w->running());     // returned at once: the work is on the window's thread
        QVERIFY(!w->startCheck()); // one check at a time
        QVERIFY(done.wait(120000));
        QCOMPARE(done.first().first().toBool(), true);

        auto s = sim::RunStore::open(m_db, sim::RunStore::Mode::ReadOnly);
        auto ref = sim::checkStoredRun(*s.value(), m_logged, {"popularity", {}}, m_registry);
        QVERIFY(ref);
        const sim::OpeEstimates& e = ref.value().estimates;
        const ui::OpeChartView* chart = w->chart();
        QCOMPARE(chart->truth(), ref.value().truth.ctr);
        QCOMPARE(chart->marks().size(), 4);
        int finite = 0, bars = 0;
        for (int i = 0; i < 4; ++i) {
            const sim::OpeEstimate& x = e.estimates[static_cast<std::size_t>(i)];
            QCOMPARE(chart->marks()[i].valid, x.valid);
            QVERIFY(chart->marks()[i].estimate == x.value ||
                    (std::isnan(x.value) && std::isnan(chart->marks()[i].estimate)));
            finite += std::isfinite(x.value) ? 1 : 0;
            bars += std::isfinite(x.low) && std::isfinite(x.high) ? 1 : 0;
            const QString cell = w->table()->item(i, 1)->text();
            QCOMPARE(cell, std::isfinite(x.value)
                               ? QStringLiteral("%1 %").arg(100.0 * x.value, 0, 'f', 3)
                               : QStringLiteral("–"));
        }
        QCOMPARE(chart->drawnPoints(), finite + 2 * bars + 2);
        QVERIFY(w->statusText().contains(QStringLiteral("popularity")));
        if (const QByteArray shot = qgetenv("RECOSCOPE_SCREENSHOT"); !shot.isEmpty())
            w->grab().save(QString::fromLocal8Bit(shot));
        w->close();
    }

    void problemsGoToTheStatusLine() {
        ui::RunHistoryPanel panel(m_db, nullptr, &m_registry);
        ui::OpeWindow* w = panel.openOpeCheck(m_plain);
        QVERIFY(w);
        w->targetBox()->setCurrentText(QStringLiteral("egreedy"));
        w->paramsEdit()->setText(QStringLiteral("epsilon"));
        QVERIFY(!w->startCheck());
        QVERIFY(w->statusText().contains(QStringLiteral("KEY=VALUE")));
        w->paramsEdit()->setText(QStringLiteral("epsilon=3"));
        QVERIFY(!w->startCheck());
        QVERIFY(w->statusText().contains(QStringLiteral("epsilon")));
        w->paramsEdit()->clear();
        QSignalSpy done(w, &ui::OpeWindow::checkFinished);
        QVERIFY(w->startCheck());
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().first().toBool(), false);
        QVERIFY2(w->statusText().contains(QStringLiteral("no slate log")),
                 qPrintable(w->statusText()));
        w->close();
    }

    void withoutRegistryNoButton() {
        ui::RunHistoryPanel panel(m_db);
        auto* button = panel.findChild<QPushButton*>(QStringLiteral("opeButton"));
        QVERIFY(button && button->isHidden());
        QVERIFY(!panel.openOpeCheck(m_logged));
    }
};

QTEST_MAIN(TestOpeWindow)
#include "tst_ope_window.moc"
