// Determinism: same scenario + seed + core => identical event stream and metrics, bit for
// bit, whether the run is stored or not, driven in one go or event by event. Different
// cores face the same catalogue and population (common random numbers).

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"
#include "test_length.h"

#include <QTemporaryDir>
#include <QTest>

using namespace recoscope;

namespace {

struct Outcome {
    QString eventsHash;
    std::vector<core::MetricPoint> buckets;
    QString catalogueHash, populationHash;
    core::Counters totals;
};

// Latency is wall-clock time: excluded from determinism by definition. Every stored row,
// the beyond-accuracy figures included.
QList<QPair<QString, double>> deterministicValues(const std::vector<core::MetricPoint>& buckets) {
    QList<QPair<QString, double>> out;
    for (const core::MetricPoint& p : buckets)
        for (const auto& [name, value] : p.stored())
            if (name.rfind("latency", 0) != 0)
                out.append(
                    {QString::fromStdString(name) + QLatin1Char('@') + QString::number(p.bucketEnd),
                     value});
    return out;
}

} // namespace

class TestDeterminism : public QObject {
    Q_OBJECT

    core::RecommenderRegistry m_registry;
    QTemporaryDir m_dir;

    Outcome run(const QString& scenarioName, const std::string& core, std::uint64_t seed,
                std::uint64_t events) {
        Outcome o;
        auto scenario = sim::loadBuiltinScenario(scenarioName);
        if (!scenario.ok())
            qFatal("%s", scenario.error().c_str());
        const QString path =
            m_dir.filePath(QStringLiteral("run-%1.db")
                               .arg(QString::number(qHash(QString::fromStdString(core)) ^ seed)));
        auto store = sim::RunStore::open(path);
        if (!store.ok())
            qFatal("%s", store.error().c_str());
        sim::RunSpec spec;
        spec.scenario = scenario.value();
        spec.seed = seed;
        spec.recommender = core;
        spec.limits.maxEvents = events;
        auto job = sim::RunJob::create(spec, m_registry, store.value().get());
        if (!job.ok())
            qFatal("%s", job.error().c_str());
        job.value()->runSlice(0);
        if (!job.value()->finish(QStringLiteral("finished")).ok())
            qFatal("finish failed");
        o.eventsHash = store.value()->eventsHash(job.value()->runId()).value();
        o.buckets = job.value()->buckets();
        o.catalogueHash = job.value()->engine().world().catalogueHash();
        o.populationHash = job.value()->engine().world().populationHash();
        o.totals = job.value()->engine().metrics().totals();
        return o;
    }

private slots:
    void initTestCase() {
        core::registerBuiltinRecommenders(m_registry);
        QVERIFY(m_dir.isValid());
    }

    void sameSeedSameRun_data() {
        QTest::addColumn<QString>("core");
        for (const std::string& id : m_registry.ids())
            QTest::newRow(id.c_str()) << QString::fromStdString(id);
    }
    void sameSeedSameRun() {
        QFETCH(QString, core);
        // Short streams (test_length.h): 2,000 events under the sanitizers.
        const std::uint64_t events = test::shortStreams() ? 2000 : 20000;
        const Outcome a = run(QStringLiteral("default"), core.toStdString(), 11, events);
        const Outcome b = run(QStringLiteral("default"), core.toStdString(), 11, events);
        QCOMPARE(a.totals.events, events);
        QCOMPARE(a.eventsHash, b.eventsHash);
        QCOMPARE(deterministicValues(a.buckets), deterministicValues(b.buckets));
        const Outcome c = run(QStringLiteral("default"), core.toStdString(), 12, events);
        QVERIFY(a.eventsHash != c.eventsHash);
    }

    void coresFaceTheSameShop() {
        const Outcome r = run(QStringLiteral("default"), "random", 5, 2000);
        const Outcome p = run(QStringLiteral("default"), "popularity", 5, 2000);
        const Outcome other = run(QStringLiteral("default"), "random", 6, 2000);
        QCOMPARE(r.catalogueHash, p.catalogueHash);
        QCOMPARE(r.populationHash, p.populationHash);
        QVERIFY(r.eventsHash != p.eventsHash); // the cores do differ
        QVERIFY(r.catalogueHash != other.catalogueHash);
        QVERIFY(r.populationHash != other.populationHash);
    }

    void stepwiseEqualsBulk() {
        // The teaching path (one event at a time) and the bulk run see the same stream.
        auto scenario = sim::loadBuiltinScenario(QStringLiteral("default")).value();
        auto a = sim::Engine::create(scenario, 3, m_registry, "itemknn", {});
        auto b = sim::Engine::create(scenario, 3, m_registry, "itemknn", {});
        QVERIFY(a.ok() && b.ok());
        struct Collect : sim::EventSink {
            std::vector<core::Event> events;
            core::Status consume(std::span<const core::Event> e) override {
                events.insert(events.end(), e.begin(), e.end());
                return core::Ok{};
            }
        } bulk;
        a.value()->setEventSink(&bulk);
        sim::RunLimits limits;
        limits.maxEvents = 5000;
        a.value()->run(limits);
        std::vector<core::Event> stepped;
        core::Event e;
        while (stepped.size() < 5000 && b.value()->nextEvent(&e))
            stepped.push_back(e);
        QCOMPARE(bulk.events.size(), std::size_t(5000));
        QVERIFY(bulk.events == stepped);
        // Same per-kind counts in the metrics as well.
        QCOMPARE(a.value()->metrics().totals().byKind, b.value()->metrics().totals().byKind);
    }
};

QTEST_GUILESS_MAIN(TestDeterminism)
#include "tst_determinism.moc"
