// EngineWorker against the synchronous path: the same scenario, seed and core give the
// same stored event stream whether the run goes through RunJob directly (the CLI's way)
// or through the GUI's worker thread in slices, alone or as one core of an arena.

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/engine_worker.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace recoscope;

class TestEngineWorker : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sameEventsAsSynchronous_data();
    void sameEventsAsSynchronous();
    void stopMarksCancelledAndDropsNothingStored();
    void speedPacesSimulatedTime();

private:
    static void checkColdStartRows(const sim::RunStore& store, qint64 runId);
    QString syncHash(const sim::Scenario& s, const std::string& core, double maxDays);
    QList<qint64> runWorker(const sim::ArenaSpec& spec, bool stopEarly = false);
    QTemporaryDir m_dir;
    core::RecommenderRegistry m_registry;
    QString m_db;
};

void TestEngineWorker::initTestCase() {
    core::registerBuiltinRecommenders(m_registry);
    m_db = m_dir.filePath(QStringLiteral("w.db"));
}

QString TestEngineWorker::syncHash(const sim::Scenario& s, const std::string& core,
                                   double maxDays) {
    auto store = sim::RunStore::open(m_db);
    if (!store)
        return {};
    sim::RunSpec spec;
    spec.scenario = s;
    spec.seed = s.seed;
    spec.recommender = core;
    spec.limits.maxDays = maxDays;
    auto job = sim::RunJob::create(spec, m_registry, store.value().get());
    if (!job)
        return {};
    (void)job.value()->runSlice(0);
    if (!job.value()->finish(QStringLiteral("finished")))
        return {};
    const qint64 id = job.value()->runId();
    job.value().reset();
    // The CLI's path stores no cold-start rows (only the GUI's worker computes them).
    auto names = store.value()->metricNames(id);
    if (!names || names.value().isEmpty() ||
        !names.value().filter(QStringLiteral("cold_")).isEmpty())
        return {};
    auto hash = store.value()->eventsHash(id);
    return hash ? hash.value() : QString();
}

// The worker's cold-start rows line up with the engine's buckets: one row per name and
// bucket, and in every bucket both splits (users, items) add up to its impressions.
void TestEngineWorker::checkColdStartRows(const sim::RunStore& store, qint64 runId) {
    auto series = [&](const char* name) {
        auto r = store.metricSeries(runId, QString::fromLatin1(name));
        return r ? r.value() : std::vector<sim::MetricSample>{};
    };
    const auto impressions = series("impressions");
    QVERIFY(!impressions.empty());
    const auto newUsers = series("cold_new_user_impressions");
    const auto oldUsers = series("cold_established_user_impressions");
    const auto newItems = series("cold_new_item_impressions");
    const auto oldItems = series("cold_established_item_impressions");
    const auto ctr = series("cold_ctr_new_users");
    const auto launched = series("cold_launched_items");
    for (const auto* v : {&newUsers, &oldUsers, &newItems, &oldItems, &ctr, &launched})
        QCOMPARE(v->size(), impressions.size());
    for (std::size_t i = 0; i < impressions.size(); ++i) {
        QCOMPARE(newUsers[i].bucketEnd, impressions[i].bucketEnd);
        QCOMPARE(newUsers[i].value + oldUsers[i].value, impressions[i].value);
        QCOMPARE(newItems[i].value + oldItems[i].value, impressions[i].value);
        QVERIFY(ctr[i].value >= 0.0 && ctr[i].value <= 1.0);
        if (i > 0)
            QVERIFY(launched[i].value >= launched[i - 1].value);
    }
}

QList<qint64> TestEngineWorker::runWorker(const sim::ArenaSpec& spec, bool stopEarly) {
    QThread thread;
    auto* worker = new sim::EngineWorker(m_registry);
    worker->moveToThread(&thread);
    connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
    QSignalSpy ended(worker, &sim::EngineWorker::runEnded);
    QSignalSpy failed(worker, &sim::EngineWorker::runFailed);
    thread.start();
    QMetaObject::invokeMethod(worker, [worker, spec] { worker->start(spec, 7, false); });
    if (stopEarly) {
        // Stop once events are flowing (world generation comes first).
        QSignalSpy batches(worker, &sim::EngineWorker::batchReady);
        (void)QTest::qWaitFor(
            [&] {
                return !batches.isEmpty() &&
                       batches.last().at(0).value<sim::SnapshotBatch>().events > 1000;
            },
            60000);
        QMetaObject::invokeMethod(worker, &sim::EngineWorker::stop);
    }
    const bool ok =
        QTest::qWaitFor([&] { return ended.count() > 0 || failed.count() > 0; }, 120000);
    QList<qint64> ids;
    if (ok && ended.count() > 0)
        ids = ended.at(0).at(1).value<QList<qint64>>();
    QMetaObject::invokeMethod(worker, &sim::EngineWorker::shutdown, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    return ids;
}

void TestEngineWorker::sameEventsAsSynchronous_data() {
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<double>("maxDays");
    QTest::addColumn<QStringList>("arena");
    QTest::newRow("teaching-small, popularity alone")
        << QStringLiteral("teaching-small") << 0.0 << QStringList{QStringLiteral("popularity")};
    QTest::newRow("teaching-small, arena")
        << QStringLiteral("teaching-small") << 0.0
        << QStringList{QStringLiteral("itemknn"), QStringLiteral("popularity")};
    QTest::newRow("default, 6 hours, arena")
        << QStringLiteral("default") << 0.25
        << QStringList{QStringLiteral("popularity"), QStringLiteral("itemknn")};
}

void TestEngineWorker::sameEventsAsSynchronous() {
    QFETCH(QString, scenario);
    QFETCH(double, maxDays);
    QFETCH(QStringList, arena);
    auto s = sim::loadBuiltinScenario(scenario);
    QVERIFY(s);
    sim::ArenaSpec spec;
    spec.scenario = s.value();
    spec.seed = s.value().seed;
    spec.limits.maxDays = maxDays;
    spec.dbPath = m_db;
    for (const QString& c : arena)
        spec.cores.push_back({c.toStdString(), {}});
    const QList<qint64> ids = runWorker(spec);
    QCOMPARE(ids.size(), arena.size());
    auto store = sim::RunStore::open(m_db, sim::RunStore::Mode::ReadOnly);
    QVERIFY(store);
    for (int i = 0; i < arena.size(); ++i) {
        auto workerHash = store.value()->eventsHash(ids[i]);
        QVERIFY(workerHash);
        const QString expected = syncHash(s.value(), arena[i].toStdString(), maxDays);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(workerHash.value(), expected);
        auto rec = store.value()->run(ids[i]);
        QVERIFY(rec);
        QCOMPARE(rec.value().status, QStringLiteral("finished"));
        checkColdStartRows(*store.value(), ids[i]);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestEngineWorker::stopMarksCancelledAndDropsNothingStored() {
    auto s = sim::loadBuiltinScenario(QStringLiteral("default"));
    QVERIFY(s);
    sim::ArenaSpec spec;
    spec.scenario = s.value();
    spec.dbPath = m_db;
    spec.cores.push_back({"popularity", {}});
    const QList<qint64> ids = runWorker(spec, true);
    QCOMPARE(ids.size(), 1);
    auto store = sim::RunStore::open(m_db, sim::RunStore::Mode::ReadOnly);
    QVERIFY(store);
    auto rec = store.value()->run(ids[0]);
    QVERIFY(rec);
    QCOMPARE(rec.value().status, QStringLiteral("cancelled"));
    auto count = store.value()->eventCount(ids[0]);
    QVERIFY(count);
    QVERIFY(count.value() > 0);
    auto clicks = store.value()->metricSeries(ids[0], QStringLiteral("events"));
    QVERIFY(clicks);
    double stored = 0;
    for (const auto& m : clicks.value())
        stored += m.value;
    // Every event in the log is counted in exactly one stored bucket.
    QCOMPARE(static_cast<qint64>(stored), count.value());
    checkColdStartRows(*store.value(), ids[0]);
}

void TestEngineWorker::speedPacesSimulatedTime() {
    // At 1 simulated hour per second the clock can never run ahead of the wall clock
    // times the speed (plus the one action that crosses the target): an upper bound only,
    // so a slow machine cannot make it fail.
    auto s = sim::loadBuiltinScenario(QStringLiteral("default"));
    QVERIFY(s);
    sim::ArenaSpec spec;
    spec.scenario = s.value();
    spec.cores.push_back({"popularity", {}});
    QThread thread;
    auto* worker = new sim::EngineWorker(m_registry);
    worker->moveToThread(&thread);
    connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
    QSignalSpy batches(worker, &sim::EngineWorker::batchReady);
    thread.start();
    QElapsedTimer wall;
    QMetaObject::invokeMethod(worker, [worker, spec, &wall] {
        worker->setSpeed(3600.0);
        wall.start();
        worker->start(spec, 1, false);
    });
    QTest::qWait(600);
    QMetaObject::invokeMethod(worker, &sim::EngineWorker::shutdown, Qt::BlockingQueuedConnection);
    const double elapsed = static_cast<double>(wall.elapsed()) / 1000.0;
    thread.quit();
    thread.wait();
    QVERIFY(!batches.isEmpty());
    const auto last = batches.last().at(0).value<sim::SnapshotBatch>();
    QVERIFY2(last.simTime <= 3600.0 * elapsed + 600.0, qPrintable(QString::number(last.simTime)));
    QVERIFY(!last.finished || last.simTime < s.value().durationDays * 86400.0);
}

QTEST_MAIN(TestEngineWorker)
#include "tst_engine_worker.moc"
