// Cores added to the registry while a run is going (Add Python core…, Load plugin…) never
// race the worker: RunController builds every run from a snapshot of the registry taken
// when it starts (decision 0022). A core whose factory blocks holds the worker inside
// Arena::create while the GUI thread adds enough entries to move the registry's storage;
// the factory then looks at the registry it was given.
//
// Mutation seen failing: RunController::start without `w->useRegistry(snapshot)` -> the
// factory sees the entry added during the run (sawLateCore true) and a registry of
// another size.

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/ui/run_controller.h"

#include <QSemaphore>
#include <QTest>

#include <atomic>

using namespace recoscope;

namespace {

struct Gate {
    QSemaphore entered, proceed;
    std::atomic<bool> sawLateCore{false};
    std::atomic<std::size_t> sizeSeen{0};
};

core::RecommenderEntry entry(const std::string& id) {
    core::RecommenderEntry e;
    e.id = id;
    e.description = "test core " + id;
    e.family = "test";
    e.make = [](const core::RecommenderContext& context, const core::ParamValues&,
                const core::RecommenderRegistry& registry) {
        return registry.create("random", std::map<std::string, std::string>{}, context);
    };
    return e;
}

} // namespace

class TestRegistrySnapshot : public QObject {
    Q_OBJECT
private slots:
    void addDuringARun() {
        core::RecommenderRegistry registry;
        core::registerBuiltinRecommenders(registry);
        auto gate = std::make_shared<Gate>();
        core::RecommenderEntry gated = entry("gated");
        gated.make = [gate](const core::RecommenderContext& context, const core::ParamValues&,
                            const core::RecommenderRegistry& seen) {
            gate->entered.release();
            gate->proceed.acquire(); // the GUI thread adds cores meanwhile
            gate->sawLateCore = seen.find("late-0") != nullptr;
            gate->sizeSeen = seen.entries().size();
            return seen.create("random", std::map<std::string, std::string>{}, context);
        };
        QVERIFY(registry.add(std::move(gated)).ok());
        const std::size_t sizeAtStart = registry.entries().size();

        ui::RunController controller(registry);
        sim::ArenaSpec spec;
        spec.scenario = sim::loadBuiltinScenario(QStringLiteral("default")).value();
        spec.seed = 5;
        spec.cores = {{"gated", {}}};
        spec.limits.maxEvents = 3000;
        spec.inspectors = false;
        controller.start(spec);
        QVERIFY(gate->entered.tryAcquire(1, 60000)); // the worker is inside the factory
        for (int i = 0; i < 300; ++i)                // several reallocations of the entry list
            QVERIFY(registry.add(entry("late-" + std::to_string(i))).ok());
        gate->proceed.release();
        QTRY_VERIFY_WITH_TIMEOUT(controller.state() == ui::RunController::State::Finished, 60000);
        QVERIFY(!gate->sawLateCore);
        QCOMPARE(gate->sizeSeen.load(), sizeAtStart);
        QVERIFY(controller.series().core(0).total.counters.events >= 3000);

        // The next run sees the cores added during the last one.
        spec.cores = {{"late-299", {}}};
        controller.start(spec);
        QTRY_VERIFY_WITH_TIMEOUT(controller.state() == ui::RunController::State::Finished, 60000);
        QVERIFY(controller.series().core(0).total.counters.events >= 3000);
    }
};

QTEST_MAIN(TestRegistrySnapshot)
#include "tst_registry_snapshot.moc"
