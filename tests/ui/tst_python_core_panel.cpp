// "Add Python core…": a Python class loaded through the strategy panel becomes a core of
// the arena beside a built-in one, runs on the same shoppers, gets a parameter form from its
// constructor, and a failing file is reported with Python's message. Uses the real embedded
// interpreter (python_core_spec).

#include "recoscope/core/registry.h"
#include "recoscope/python/python_core_spec.h"
#include "recoscope/sim/arena.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/ui/recommender_list_model.h"
#include "recoscope/ui/strategy_panel.h"
#include "test_paths.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace recoscope;

class TestPythonCorePanel : public QObject {
    Q_OBJECT
    static QString coreFile() {
        return recoscope::test::sourcePath(QStringLiteral("/tests/python/cores/simple_cores.py"));
    }

private slots:
    void buttonOnlyWithALoader() {
        core::RecommenderRegistry registry;
        core::registerBuiltinRecommenders(registry);
        ui::StrategyPanel panel(registry);
        auto* button = panel.findChild<QPushButton*>(QStringLiteral("addPythonCore"));
        QVERIFY(button);
        QVERIFY(button->isHidden());
        QVERIFY(!panel.addPythonCore(QStringLiteral("py:x.py:X")).isEmpty());
        panel.setPythonCoreLoader(
            [&](const std::string& spec) { return python::addPythonCore(registry, spec); });
        QVERIFY(!button->isHidden());
    }

    void pythonCoreJoinsTheArena() {
        core::RecommenderRegistry registry;
        core::registerBuiltinRecommenders(registry);
        ui::StrategyPanel panel(registry);
        panel.setPythonCoreLoader(
            [&](const std::string& spec) { return python::addPythonCore(registry, spec); });
        const int before = panel.slotCount();
        const QString spec = QStringLiteral("py:%1:PopularFirstK").arg(coreFile());
        QCOMPARE(panel.addPythonCore(spec), QString());
        QCOMPARE(panel.slotCount(), before + 1);
        QCOMPARE(panel.coreIds().back(), spec);
        QVERIFY(panel.recommenderModel()->rowOf(spec) >= 0);
        // Loading it again reuses the entry (one row, one registry entry).
        const int rows = panel.recommenderModel()->rowCount();
        QCOMPARE(panel.addPythonCore(spec), QString());
        QCOMPARE(panel.recommenderModel()->rowCount(), rows);

        // The panel's cores run as one arena, the Python one beside the built-in ones.
        sim::ArenaSpec arena;
        arena.scenario = sim::loadBuiltinScenario(QStringLiteral("default")).value();
        arena.seed = 3;
        arena.cores = panel.cores();
        arena.limits.maxEvents = 3000;
        arena.inspectors = false;
        auto created = sim::Arena::create(arena, registry, 0);
        QVERIFY2(created, created ? "" : created.error().c_str());
        QVERIFY(created.value()->run());
        const auto finish = created.value()->finish(false);
        QVERIFY(finish.coreFailures.empty());
        const std::size_t last = arena.cores.size() - 1;
        const auto& job = created.value()->job(last);
        QCOMPARE(job.spec().recommender, spec.toStdString());
        QCOMPARE(job.engine().eventsConsumed(), std::uint64_t(3000));
        QVERIFY(job.engine().metrics().total(job.engine().now()).counters.clicks > 0);
        // Same shoppers: every core's first request went to the same user at the same time
        // (catalogue and population hashes equal, as for any two cores of an arena).
        QCOMPARE(job.engine().world().catalogueHash(),
                 created.value()->job(0).engine().world().catalogueHash());
    }

    void parametersGetAForm() {
        // A Python core's constructor arguments are its parameters: the slot shows the same
        // editors as for a built-in core (ranges and choices from PARAMS), and the values set
        // there reach the constructor of the run's instance (the core writes what it got).
        core::RecommenderRegistry registry;
        core::registerBuiltinRecommenders(registry);
        ui::StrategyPanel panel(registry);
        panel.setPythonCoreLoader(
            [&](const std::string& spec) { return python::addPythonCore(registry, spec); });
        const QString spec = QStringLiteral("py:%1:Configured").arg(coreFile());
        QCOMPARE(panel.addPythonCore(spec), QString());
        auto* offset = panel.findChild<QSpinBox*>(QStringLiteral("offset"));
        QVERIFY(offset);
        QCOMPARE(offset->value(), 0);
        QCOMPARE(offset->minimum(), 0);
        QCOMPARE(offset->maximum(), 50);
        auto* mode = panel.findChild<QComboBox*>(QStringLiteral("mode"));
        QVERIFY(mode);
        QCOMPARE(mode->count(), 2);
        QVERIFY(panel.findChild<QCheckBox*>(QStringLiteral("greedy")));
        QVERIFY(panel.findChild<QDoubleSpinBox*>(QStringLiteral("weight")));
        const int slot = panel.slotCount() - 1;
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("args.json"));
        QVERIFY(panel.setParam(slot, QStringLiteral("offset"), QStringLiteral("7")));
        QVERIFY(panel.setParam(slot, QStringLiteral("mode"), QStringLiteral("last")));
        QVERIFY(panel.setParam(slot, QStringLiteral("log"), log));

        sim::ArenaSpec arena;
        arena.scenario = sim::loadBuiltinScenario(QStringLiteral("default")).value();
        arena.seed = 3;
        arena.cores = {panel.cores().back()};
        arena.limits.maxEvents = 500;
        arena.inspectors = false;
        auto created = sim::Arena::create(arena, registry, 0);
        QVERIFY2(created, created ? "" : created.error().c_str());
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject got = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(got.value(QStringLiteral("offset")).toArray(),
                 (QJsonArray{7, QStringLiteral("int")}));
        QCOMPARE(got.value(QStringLiteral("mode")).toArray(),
                 (QJsonArray{QStringLiteral("last"), QStringLiteral("str")}));
        QCOMPARE(got.value(QStringLiteral("greedy")).toArray(),
                 (QJsonArray{true, QStringLiteral("bool")}));
    }

    void loadFailuresAreMessages() {
        core::RecommenderRegistry registry;
        core::registerBuiltinRecommenders(registry);
        ui::StrategyPanel panel(registry);
        panel.setPythonCoreLoader(
            [&](const std::string& spec) { return python::addPythonCore(registry, spec); });
        const int before = panel.slotCount();
        QVERIFY(panel.addPythonCore(QStringLiteral("py:%1:NoSuchClass").arg(coreFile()))
                    .contains(QStringLiteral("NoSuchClass")));
        QTemporaryDir dir;
        const QString broken = dir.filePath(QStringLiteral("broken.py"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("def f(:\n");
        f.close();
        QVERIFY(panel.addPythonCore(QStringLiteral("py:%1:X").arg(broken))
                    .contains(QStringLiteral("SyntaxError")));
        QCOMPARE(panel.slotCount(), before);
    }
};

QTEST_MAIN(TestPythonCorePanel)
#include "tst_python_core_panel.moc"
