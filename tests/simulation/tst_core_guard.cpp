// A core that throws, answers with a malformed slate or exceeds its latency budget is
// stopped with a message (sim::CoreGuard, issue 17): the run ends as failed with the events
// up to the fault exactly as a healthy run's, an arena goes on without the stopped core and
// its other cores are unaffected, the CLI exits 5. Mutations tried: dropping the duplicate
// scan in slateFault (duplicateInSlate and engineStopsEachFault "duplicate" fail); letting
// the engine consume the faulty action's events (the prefix check fails on the last events
// observed by a stopped core); not skipping observe() after a fault (observe row fails:
// the exception escapes).

#include "cli_process.h"
#include "faulty_core.h"
#include "recoscope/core/slate_check.h"
#include "recoscope/sim/arena.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/engine.h"
#include "recoscope/sim/run_store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace recoscope;
using test::Fault;

namespace {

using Cli = test::CliResult;
using test::cli;

core::Slate slate(std::initializer_list<core::ItemId> items) {
    core::Slate s;
    for (core::ItemId i : items)
        s.push_back({i, 1.0f, 1.0f});
    return s;
}

} // namespace

class TestCoreGuard : public QObject {
    Q_OBJECT
    core::RecommenderRegistry m_registry;
    sim::Scenario m_scenario;

    std::unique_ptr<sim::Engine> make(const std::string& core) {
        auto e = sim::Engine::create(m_scenario, 3, m_registry, core, {});
        if (!e.ok())
            qFatal("%s", e.error().c_str());
        return std::move(e).value();
    }
    // Every event until the engine stops (at most `limit`).
    static std::vector<core::Event> drain(sim::Engine& e, std::size_t limit) {
        std::vector<core::Event> out;
        core::Event ev;
        while (out.size() < limit && e.nextEvent(&ev))
            out.push_back(ev);
        return out;
    }

private slots:
    void initTestCase() {
        core::registerBuiltinRecommenders(m_registry);
        test::addFaultyCore(m_registry, "throw", Fault::Throw, 300);
        test::addFaultyCore(m_registry, "observe", Fault::ThrowInObserve, 300);
        test::addFaultyCore(m_registry, "duplicate", Fault::Duplicate, 300);
        test::addFaultyCore(m_registry, "range", Fault::OutOfRange, 300);
        test::addFaultyCore(m_registry, "nan", Fault::NaNScore, 300);
        test::addFaultyCore(m_registry, "many", Fault::TooMany, 300);
        test::addFaultyCore(m_registry, "slow", Fault::Slow, 300);
        auto s = sim::loadBuiltinScenario(QStringLiteral("teaching-small"));
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().c_str());
        m_scenario = s.value();
    }

    void wellFormedSlatesPass() {
        core::Request r;
        r.k = 3;
        QCOMPARE(core::slateFault(r, slate({0, 1, 2}), 10), std::string());
        QCOMPARE(core::slateFault(r, slate({}), 10), std::string());
        core::Slate unknown = slate({4, 9});
        unknown[0].propensity = core::kUnknownPropensity; // NaN: "no closed form", allowed
        QCOMPARE(core::slateFault(r, unknown, 10), std::string());
    }

    void malformedSlatesAreNamed() {
        core::Request r;
        r.k = 3;
        auto has = [&](const core::Slate& s, const char* needle) {
            const std::string why = core::slateFault(r, s, 10);
            if (why.find(needle) == std::string::npos)
                qWarning("'%s' lacks '%s'", why.c_str(), needle);
            return why.find(needle) != std::string::npos;
        };
        QVERIFY(has(slate({0, 1, 2, 3}), "the slate has 4 items, 3 were asked for"));
        QVERIFY(has(slate({0, 10}), "position 1 holds item id 10, outside the catalogue"));
        QVERIFY(has(slate({5, 7, 5}), "item 5 appears twice (position 0 and 2)"));
        core::Slate nan = slate({1, 2});
        nan[1].score = std::numeric_limits<float>::quiet_NaN();
        QVERIFY(has(nan, "position 1 (item 2) has score NaN"));
        core::Slate inf = slate({1, 2});
        inf[0].score = -std::numeric_limits<float>::infinity();
        QVERIFY(has(inf, "has score -inf"));
        core::Slate zero = slate({1});
        zero[0].propensity = 0.0f;
        QVERIFY(has(zero, "propensity"));
    }

    void duplicateInSlate() {
        // Above 64 entries the scan sorts a copy: both paths must find a repeat.
        core::Request r;
        r.k = 200;
        core::Slate big;
        for (core::ItemId i = 0; i < 150; ++i)
            big.push_back({i, 0.0f, 1.0f});
        QCOMPARE(core::slateFault(r, big, 1000), std::string());
        big[120].item = 3;
        QVERIFY(core::slateFault(r, big, 1000).find("item 3 appears twice") != std::string::npos);
    }

    void duplicateScanAgreesWithBruteForce() {
        // The verdict of every request's fast check (16 id lanes compared at once up to 16
        // entries, pairwise above) against a brute-force recount: a slate clears when every
        // id is in the catalogue and no two are equal. Ids from a range a little wider than
        // the catalogue, so repeats and outsiders are common. Mutations tried (each fails
        // here): counting `>= n` matches as clear (repeats pass); comparing only the first
        // three lanes of ids (repeats among positions 12-15 pass).
        core::Request r;
        r.k = 64;
        std::uint64_t state = 2026;
        auto next = [&state](std::uint32_t below) { // splitmix64, reduced
            state += 0x9E3779B97F4A7C15ull;
            std::uint64_t z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            return static_cast<std::uint32_t>((z ^ (z >> 31)) % below);
        };
        int clear = 0, refused = 0;
        for (int trial = 0; trial < 4000; ++trial) {
            const std::size_t n = next(21);              // 0..20: both paths
            const std::size_t catalogue = 16 + next(48); // ids drawn below catalogue + 8
            core::Slate s;
            for (std::size_t p = 0; p < n; ++p)
                s.push_back({next(static_cast<std::uint32_t>(catalogue + 8)), 1.0f, 1.0f});
            bool expected = true;
            for (std::size_t i = 0; i < n; ++i) {
                expected = expected && s[i].item < catalogue;
                for (std::size_t j = 0; j < i; ++j)
                    expected = expected && s[i].item != s[j].item;
            }
            const bool got = core::slateFault(r, s, catalogue).empty();
            if (got != expected)
                QFAIL(qPrintable(QStringLiteral("trial %1: %2 entries, verdict %3, brute force %4")
                                     .arg(trial)
                                     .arg(n)
                                     .arg(got)
                                     .arg(expected)));
            (expected ? clear : refused) += 1;
        }
        // Both verdicts were exercised, many times each.
        QVERIFY2(clear > 500 && refused > 500,
                 qPrintable(QStringLiteral("%1 clear, %2 refused").arg(clear).arg(refused)));
    }

    void padIdIsAnItemOfAHugeCatalogue() {
        // The fast check pads unused lanes with the largest id; in a catalogue that holds
        // that id, a slate showing it once is still clear (the fast check refers it to the
        // full one) and one showing it twice is not. Mutation tried: trusting the fast
        // check's refusal without the full check (the first slate is refused).
        core::Request r;
        r.k = 10;
        const core::ItemId top = std::numeric_limits<core::ItemId>::max();
        const std::size_t huge = std::size_t(top) + 1;
        QCOMPARE(core::slateFault(r, slate({3, top, 5}), huge), std::string());
        QVERIFY(core::slateFault(r, slate({top, 3, top}), huge).find("appears twice") !=
                std::string::npos);
        QVERIFY(!core::slateFault(r, slate({3, top}), 100).empty());
    }

    void engineStopsEachFault_data() {
        QTest::addColumn<QString>("core");
        QTest::addColumn<QString>("needle");
        QTest::newRow("throw") << "faulty-throw"
                               << "threw std::runtime_error: boom";
        QTest::newRow("observe") << "faulty-observe"
                                 << "threw std::logic_error: observe broke";
        QTest::newRow("duplicate") << "faulty-duplicate"
                                   << "malformed slate: item";
        QTest::newRow("range") << "faulty-range"
                               << "holds item id 123456789";
        QTest::newRow("nan") << "faulty-nan"
                             << "has score NaN";
        QTest::newRow("many") << "faulty-many"
                              << "were asked for";
    }
    void engineStopsEachFault() {
        QFETCH(QString, core);
        QFETCH(QString, needle);
        auto faulty = make(core.toStdString());
        const sim::RunOutcome out = faulty->run({});
        QCOMPARE(int(out.reason), int(sim::StopReason::CoreFailed));
        QVERIFY2(out.error.find(needle.toStdString()) != std::string::npos, out.error.c_str());
        QVERIFY2(out.error.find(" at day 0, ") != std::string::npos, out.error.c_str());
        QCOMPARE(faulty->coreFault(), out.error);
        QVERIFY(faulty->finished());
        // Asking again changes nothing and throws nothing.
        const std::uint64_t consumed = faulty->eventsConsumed();
        QCOMPARE(int(faulty->run({}).reason), int(sim::StopReason::CoreFailed));
        QCOMPARE(faulty->eventsConsumed(), consumed);
        QVERIFY(consumed > 100);
    }

    void eventsBeforeTheFaultAreAHealthyRunsEvents() {
        // faulty-throw is popularity until its 300th request: every event before that
        // request's action is the healthy core's, event for event.
        auto faulty = make("faulty-throw");
        auto healthy = make("popularity");
        const std::vector<core::Event> f = drain(*faulty, 1u << 22);
        const std::vector<core::Event> h = drain(*healthy, f.size() + 1000);
        QVERIFY(!faulty->coreFault().empty());
        QVERIFY(f.size() > 300);
        std::size_t same = 0;
        while (same < f.size() && f[same] == h[same])
            ++same;
        // Only the faulty action's own events (all at its time) may differ.
        QVERIFY2(same < f.size() ? f[same].time == f.back().time : true,
                 qPrintable(QStringLiteral("diverged at %1 of %2").arg(same).arg(f.size())));
        QVERIFY(same + 20 >= f.size());
    }

    void latencyBudget() {
        auto slow = make("faulty-slow");
        slow->setLatencyBudget(std::chrono::milliseconds(100)); // the 300th call sleeps 400 ms
        const sim::RunOutcome out = slow->run({});
        QCOMPARE(int(out.reason), int(sim::StopReason::CoreFailed));
        QVERIFY2(out.error.find("over its budget of 100000") != std::string::npos,
                 out.error.c_str());
        // Without a budget the same core runs to the end: the budget stopped it.
        auto free = make("faulty-slow");
        QCOMPARE(int(free->run({}).reason), int(sim::StopReason::Finished));
        QVERIFY(free->coreFault().empty());
        QVERIFY(free->metrics().totals().requests > 300); // past the slow call
    }

    void arenaGoesOnWithoutTheStoppedCore() {
        QTemporaryDir dir;
        sim::ArenaSpec spec;
        spec.scenario = m_scenario;
        spec.seed = 5;
        spec.inspectors = false;
        spec.cores = {{"itemknn", {}}, {"faulty-throw", {}}};
        spec.dbPath = dir.filePath(QStringLiteral("runs.db"));
        auto arena = sim::Arena::create(spec, m_registry);
        QVERIFY2(arena.ok(), arena.ok() ? "" : arena.error().c_str());
        QVERIFY(arena.value()->run(nullptr).ok());
        const sim::Arena::Finish fin = arena.value()->finish(false);
        QVERIFY(fin.errors.empty());
        QCOMPARE(fin.coreFailures.size(), std::size_t(1));
        QVERIFY2(fin.coreFailures[0].rfind("core 2 (faulty-throw) stopped: recommend()", 0) == 0,
                 fin.coreFailures[0].c_str());
        QCOMPARE(fin.runIds.size(), std::size_t(2));

        // The healthy core ran to the end exactly as it does alone.
        sim::ArenaSpec alone = spec;
        alone.cores = {{"itemknn", {}}};
        alone.dbPath.clear();
        auto solo = sim::Arena::create(alone, m_registry);
        QVERIFY(solo.ok() && solo.value()->run(nullptr).ok());
        const core::MetricPoint a = arena.value()->engine(0).summary();
        const core::MetricPoint b = solo.value()->engine(0).summary();
        QCOMPARE(a.counters.events, b.counters.events);
        QCOMPARE(a.counters.clicks, b.counters.clicks);
        QCOMPARE(a.counters.revenue, b.counters.revenue);

        auto store = sim::RunStore::open(spec.dbPath, sim::RunStore::Mode::ReadOnly);
        QVERIFY(store.ok());
        QCOMPARE(store.value()->integrityCheck().value(), QStringLiteral("ok"));
        const sim::RunRecord good = store.value()->run(fin.runIds[0]).value();
        const sim::RunRecord bad = store.value()->run(fin.runIds[1]).value();
        QCOMPARE(good.status, QStringLiteral("finished"));
        QCOMPARE(bad.status, QStringLiteral("failed"));
        const QJsonObject summary = QJsonDocument::fromJson(bad.summaryJson).object();
        QVERIFY(summary.value(QStringLiteral("core_fault"))
                    .toString()
                    .contains(QStringLiteral("threw std::runtime_error: boom")));
        QVERIFY(!QJsonDocument::fromJson(good.summaryJson)
                     .object()
                     .contains(QStringLiteral("core_fault")));
    }

    void cliLatencyBudget() {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("cli.db"));
        // One nanosecond: no recommend() keeps it.
        const Cli run = cli({QStringLiteral("run"), QStringLiteral("--scenario"),
                             QStringLiteral("teaching-small"), QStringLiteral("--recommender"),
                             QStringLiteral("popularity"), QStringLiteral("--latency-budget-us"),
                             QStringLiteral("0.001"), QStringLiteral("--db"), db});
        QCOMPARE(run.code, 5);
        QVERIFY2(run.err.contains(QStringLiteral("core 'popularity' stopped: recommend() for "
                                                 "shopper")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("over its budget of 0.001")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("is stored as failed")), qPrintable(run.err));
        auto store = sim::RunStore::open(db, sim::RunStore::Mode::ReadOnly);
        QVERIFY(store.ok());
        QCOMPARE(store.value()->runs().value().front().status, QStringLiteral("failed"));

        const Cli compare = cli({QStringLiteral("compare"), QStringLiteral("--scenario"),
                                 QStringLiteral("teaching-small"), QStringLiteral("--recommenders"),
                                 QStringLiteral("popularity,random"),
                                 QStringLiteral("--latency-budget-us"), QStringLiteral("0.001")});
        QCOMPARE(compare.code, 5);
        QVERIFY2(compare.err.contains(QStringLiteral("nothing compared")), qPrintable(compare.err));

        for (const char* bad : {"0", "-3", "abc", "inf"}) {
            const Cli r = cli({QStringLiteral("run"), QStringLiteral("--scenario"),
                               QStringLiteral("teaching-small"), QStringLiteral("--recommender"),
                               QStringLiteral("popularity"), QStringLiteral("--no-db"),
                               QStringLiteral("--latency-budget-us"), QString::fromLatin1(bad)});
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains(QStringLiteral("--latency-budget-us expects")),
                     qPrintable(r.err));
        }
    }
};

QTEST_GUILESS_MAIN(TestCoreGuard)
#include "tst_core_guard.moc"
