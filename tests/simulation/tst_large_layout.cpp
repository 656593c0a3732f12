// The large-shop code paths (decision 0045). From 65,536 items and users on
// (core::prefetchPays) the engine runs a software pipeline of prefetch hints (the users of
// the next two due steps, a step ahead; the slate's items; their metric state), and the
// big per-item and per-user tables sit on transparent huge pages. Neither may change a
// result, and the default-size golden runs never reach these paths. So a shop just above
// the threshold, 70,000 items and 70,000 users (`default` otherwise), 20,000 events of
// `random` with seed 5, must give the very event stream and figures that main's binary gave
// before these paths existed (commit c1885c9, `recoscope-cli run --scenario FILE
// --recommender random --seed 5 --events 20000 --db FILE --json`; the events hashed as
// RunStore::eventsHash does).
// The candidate visits drawn four ahead with their users resolved a step later
// (engine_arrivals.cpp) run here too: mutations caught, a visit due before its resolve
// left unresolved (takeArrival), and prefetchArrivals advancing a visit without resolving.

#include "recoscope/core/prefetch_policy.h"
#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace recoscope;

class TestLargeLayout : public QObject {
    Q_OBJECT

    core::RecommenderRegistry m_registry;
    QTemporaryDir m_dir;

private slots:
    void initTestCase() {
        core::registerBuiltinRecommenders(m_registry);
        QVERIFY(m_dir.isValid());
    }

    void aLargeShopRunsAsBefore() {
        constexpr int kSize = 70000;
        QVERIFY(core::prefetchPays(kSize)); // else this test would not reach the paths
        auto scenario = sim::loadBuiltinScenario(QStringLiteral("default"));
        QVERIFY2(scenario.ok(), scenario.ok() ? "" : scenario.error().c_str());
        sim::RunSpec spec;
        spec.scenario = scenario.value();
        spec.scenario.catalogue.items = kSize;
        spec.scenario.population.users = kSize;
        spec.seed = 5;
        spec.recommender = "random";
        spec.limits.maxEvents = 20000;
        auto store = sim::RunStore::open(m_dir.filePath(QStringLiteral("large.db")));
        QVERIFY(store.ok());
        auto job = sim::RunJob::create(spec, m_registry, store.value().get());
        QVERIFY2(job.ok(), job.ok() ? "" : job.error().c_str());
        job.value()->runSlice(0);
        QVERIFY(job.value()->finish(QStringLiteral("finished")).ok());
        const sim::Engine& engine = job.value()->engine();
        QCOMPARE(engine.world().items.size(), std::size_t(kSize));
        QCOMPARE(engine.world().users.size(), std::size_t(kSize));

        // The world, the event stream bit for bit, then the run's figures.
        QCOMPARE(
            engine.world().catalogueHash(),
            QStringLiteral("d0bde7971cd049764b953c115372d55849bea844aeb57b1a8a459711ae5412ca"));
        QCOMPARE(
            engine.world().populationHash(),
            QStringLiteral("d3ac6cb5156e8793ac4fc27eb4c453960e6b6700db2472da01f2ba11c6fd928e"));
        QCOMPARE(
            store.value()->eventsHash(job.value()->runId()).value(),
            QStringLiteral("8b30ecff9d6615d323cc9c52cef9dba4d87195d82f71485df744e3d9dd5c3f93"));
        const core::Counters& c = engine.metrics().totals();
        QCOMPARE(c.events, std::uint64_t(20000));
        QCOMPARE(c.requests, std::uint64_t(20665));
        QCOMPARE(c.clicks, std::uint64_t(4365));
        QCOMPARE(c.purchases, std::uint64_t(110));
        QCOMPARE(c.sessions, std::uint64_t(4109));
        QCOMPARE(c.revenue, 2250.0682067871094);
        // The beyond-accuracy figures read the per-user and per-item state the pipeline
        // prefetches (exact doubles: JSON's shortest round-trip forms).
        const core::BeyondAccuracyPoint b = engine.metrics().beyondAccuracy().total();
        QCOMPARE(b.activeUsers, std::uint64_t(3335));
        QCOMPARE(b.ildLatent, 0.9503975613000011);
        QCOMPARE(b.ildCategory, 0.942471704707482);
        QCOMPARE(b.novelty, 16.13296416677292);
        QCOMPARE(b.serendipity, 0.02110331478345028);
        QCOMPARE(b.tailShare, 0.9316186789257198);
        QCOMPARE(b.aov, 21.02867482978607);
    }
};

QTEST_GUILESS_MAIN(TestLargeLayout)
#include "tst_large_layout.moc"
