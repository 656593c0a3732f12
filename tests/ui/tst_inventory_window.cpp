// The run history's inventory warnings window (issue 16; docs/use-cases.md, "Inventory
// warnings"): the button enabled for one selected run, the horizon defaulting to the run's
// scenario field, the scoring off the GUI thread, and the figures and table showing exactly
// what sim::storedInventoryJson computes (called here separately as the reference); a run
// whose scenario has unlimited stock says so. Mutation tried: the table filled from the
// second warned item on (r + 1) fails tableIsTheReference.

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/inventory_report.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/ui/inventory_window.h"
#include "recoscope/ui/run_history_panel.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace recoscope;

class TestInventoryWindow : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;
    core::RecommenderRegistry m_registry;
    qint64 m_run = 0, m_unlimited = 0;

    qint64 store(const char* scenario, double stockMean) {
        auto s = sim::RunStore::open(m_db);
        sim::RunSpec spec;
        spec.scenario = sim::loadBuiltinScenario(QString::fromLatin1(scenario)).value();
        spec.scenario.durationDays = 2.5;
        spec.scenario.timeline.clear(); // the default promotion starts on day 4
        spec.scenario.catalogue.stockMean = stockMean;
        spec.scenario.inventory.horizonDays = 1.5;
        spec.seed = 4;
        spec.recommender = "popularity";
        auto job = sim::RunJob::create(spec, m_registry, s.value().get());
        job.value()->runSlice(0);
        (void)job.value()->finish(QStringLiteral("finished"));
        return job.value()->runId();
    }

private slots:
    void initTestCase() {
        core::registerBuiltinRecommenders(m_registry);
        m_db = m_dir.filePath(QStringLiteral("inventory.db"));
        m_run = store("default", 6.0);
        m_unlimited = store("teaching-small", 0.0);
    }

    void tableIsTheReference() {
        ui::RunHistoryPanel panel(m_db, nullptr, &m_registry);
        auto* button = panel.findChild<QPushButton*>(QStringLiteral("inventoryButton"));
        QVERIFY(button);
        QVERIFY(panel.selectRun(m_run));
        QVERIFY(button->isEnabled());
        ui::InventoryWindow* w = panel.openInventory(m_run);
        QVERIFY(w);
        QCOMPARE(w->horizonBox()->value(), 1.5); // the scenario's field
        w->horizonBox()->setValue(2.0);
        QSignalSpy done(w, &ui::InventoryWindow::scoringFinished);
        QVERIFY(w->startScoring());
        QVERIFY(w->running());       // returned at once: the work is on the window's thread
        QVERIFY(!w->startScoring()); // one scoring at a time
        QVERIFY(done.wait(120000));
        QCOMPARE(done.first().first().toBool(), true);

        auto s = sim::RunStore::open(m_db, sim::RunStore::Mode::ReadOnly);
        auto ref = sim::storedInventoryJson(*s.value(), m_run, 2.0);
        QVERIFY(ref);
        const QJsonArray items = ref.value().value(QStringLiteral("items")).toArray();
        QVERIFY2(items.size() > 3, "the small run should warn about a few items");
        QCOMPARE(w->table()->rowCount(), int(items.size()));
        for (int r : {0, int(items.size()) - 1}) {
            const QJsonObject o = items.at(r).toObject();
            QCOMPARE(w->table()->item(r, 0)->text(),
                     QString::number(o.value(QStringLiteral("item")).toInteger()));
            QCOMPARE(w->table()->item(r, 4)->text(),
                     QString::number(o.value(QStringLiteral("stock")).toInteger()));
        }
        const double precision = ref.value().value(QStringLiteral("precision")).toDouble();
        QVERIFY2(w->figuresText().contains(QStringLiteral("%1 %").arg(100 * precision, 0, 'f', 1)),
                 qPrintable(w->figuresText()));
        QVERIFY(w->figuresText().contains(
            QString::number(ref.value().value(QStringLiteral("warnings")).toInteger())));

        // Following re-scores at once (then every few seconds).
        QSignalSpy again(w, &ui::InventoryWindow::scoringFinished);
        w->followBox()->setChecked(true);
        QVERIFY(w->running());
        QVERIFY(again.wait(120000));
        w->followBox()->setChecked(false);
        w->close();
    }

    void unlimitedStockSaysSo() {
        ui::RunHistoryPanel panel(m_db, nullptr, &m_registry);
        ui::InventoryWindow* w = panel.openInventory(m_unlimited);
        QSignalSpy done(w, &ui::InventoryWindow::scoringFinished);
        QVERIFY(w->startScoring());
        QVERIFY(done.wait(120000));
        QVERIFY2(w->statusText().contains(QStringLiteral("unlimited")),
                 qPrintable(w->statusText()));
        QCOMPARE(w->table()->rowCount(), 0);
        w->close();
    }
};

QTEST_MAIN(TestInventoryWindow)
#include "tst_inventory_window.moc"
