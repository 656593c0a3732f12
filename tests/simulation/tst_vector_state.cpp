// The engine steps with the upper halves of the vector registers clean, whatever ran on
// its thread before (simulation/include/recoscope/sim/vector_state.h). Qt 6.4's QHash
// leaves them in use on CPUs with VAES, and the simulator's SSE code then ran about three
// times slower. The test dirties the state itself (a 256-bit AVX instruction, the same
// effect on any CPU with AVX), runs an engine, and reads the state back with XGETBV(1).
// Skipped (with the reason) where the CPU cannot report it.
// Mutations tried: clearUpperVectorState() removed from Engine::beginAction -- fails
// stepsRunClean; removed from generateWorld -- fails worldIsGeneratedClean; removed from
// the ShopperModel constructor -- fails shopperModelIsBuiltClean. (The last two made the
// start-up of `large` 2.5x slower: a million exp calls each, docs/performance.md.)
// Under the asan preset (-O1) GCC adds no VZEROUPPER of its own at the end of an AVX2
// function (it does from -O2): the _mm256_zeroupper() at the end of wideSlateVerdict()
// removed fails stepsRunClean there (CI found it; the release build passes either way).

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/engine.h"
#include "recoscope/sim/shop_state.h"
#include "recoscope/sim/shopper_model.h"
#include "recoscope/sim/vector_state.h"
#include "recoscope/sim/world.h"

#include <QHash>
#include <QTest>

using namespace recoscope;

namespace {

void dirtyUpperState() {
#if defined(__x86_64__)
    // All ones in YMM0: its upper half is now in use (AVX1, encodable without -mavx).
    __asm__ volatile("vcmptrueps %%ymm0, %%ymm0, %%ymm0" ::: "xmm0");
#endif
}

} // namespace

class TestVectorState : public QObject {
    Q_OBJECT
    core::RecommenderRegistry m_registry;

private slots:
    void initTestCase() {
        core::registerBuiltinRecommenders(m_registry);
        if (!sim::upperVectorStateInUse())
            QSKIP("this CPU cannot report its vector-register state (no AVX or no XGETBV(1))");
    }

    void clearingWorks() {
        dirtyUpperState();
        QCOMPARE(sim::upperVectorStateInUse(), std::optional<bool>(true));
        sim::clearUpperVectorState();
        QCOMPARE(sim::upperVectorStateInUse(), std::optional<bool>(false));
        // Why this matters here: Qt's own hash (only on CPUs with VAES) dirties the state.
        QHash<QString, int> h;
        h.insert(QStringLiteral("population"), 1);
        qInfo("QHash<QString> insert leaves the upper state %s on this CPU",
              *sim::upperVectorStateInUse() ? "in use" : "clean");
    }

    void stepsRunClean() {
        auto scenario = sim::loadBuiltinScenario(QStringLiteral("teaching-small"));
        QVERIFY(scenario.ok());
        auto engine = sim::Engine::create(scenario.value(), 7, m_registry, "random", {});
        QVERIFY(engine.ok());
        dirtyUpperState();
        QCOMPARE(sim::upperVectorStateInUse(), std::optional<bool>(true));
        const sim::RunOutcome out = engine.value()->run(sim::RunLimits{200, 0.0});
        QVERIFY(engine.value()->eventsConsumed() > 0);
        Q_UNUSED(out);
        QCOMPARE(sim::upperVectorStateInUse(), std::optional<bool>(false));
    }

    void worldIsGeneratedClean() {
        auto scenario = sim::loadBuiltinScenario(QStringLiteral("teaching-small"));
        QVERIFY(scenario.ok());
        dirtyUpperState();
        const sim::World world = sim::generateWorld(scenario.value(), 7);
        QVERIFY(world.items.size() > 0);
        QCOMPARE(sim::upperVectorStateInUse(), std::optional<bool>(false));
    }

    void shopperModelIsBuiltClean() {
        auto scenario = sim::loadBuiltinScenario(QStringLiteral("teaching-small"));
        QVERIFY(scenario.ok());
        const sim::World world = sim::generateWorld(scenario.value(), 7);
        sim::ShopState state;
        dirtyUpperState();
        const sim::ShopperModel model(scenario.value(), world, &state);
        QCOMPARE(sim::upperVectorStateInUse(), std::optional<bool>(false));
    }
};

QTEST_GUILESS_MAIN(TestVectorState)
#include "tst_vector_state.moc"
