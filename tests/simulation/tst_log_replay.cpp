// Imported logs and prequential replay: the import is all or nothing, ids map both ways,
// and the ranking metrics of a replay equal a hand computation to 1e-9 (a scripted core
// ranks the available items by id, so every rank below is known in advance); the
// trec_eval files carry the same ranks in trec_eval's formats.

#include "recoscope/core/registry.h"
#include "recoscope/sim/log_evaluate.h"
#include "recoscope/sim/log_reader.h"
#include "recoscope/sim/log_replay.h"
#include "recoscope/sim/log_store.h"
#include "recoscope/sim/run_store.h"

#include <QFile>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace recoscope;

namespace {

// An in-memory log; records with an empty user stand for bad lines.
class FakeReader : public sim::LogReader {
public:
    explicit FakeReader(std::vector<sim::LogRecord> records) : m_records(std::move(records)) {}
    core::Result<bool> next(sim::LogRecord& out) override {
        if (m_next >= m_records.size())
            return false;
        out = m_records[m_next++];
        out.line = static_cast<qint64>(m_next);
        if (out.user.isEmpty())
            return core::Error{"fake.log:" + std::to_string(m_next) + ": field 'user': empty"};
        return true;
    }
    qint64 bytesRead() const override { return static_cast<qint64>(m_next); }
    qint64 fileSize() const override { return static_cast<qint64>(m_records.size()); }

private:
    std::vector<sim::LogRecord> m_records;
    std::size_t m_next = 0;
};

sim::LogRecord rec(double t, const char* user, const char* item,
                   core::EventKind kind = core::EventKind::View) {
    sim::LogRecord r;
    r.time = t;
    r.user = user;
    r.item = item;
    r.kind = kind;
    return r;
}

// The hand-computed example (docs/metrics.md works it through): users a, b, c; items
// x, y, z, w in first-seen order; the scripted core lists available items by id.
std::vector<sim::LogRecord> example() {
    using K = core::EventKind;
    return {rec(100, "a", "x"),
            rec(200, "b", "y"),
            rec(300, "a", "y"),
            rec(400, "b", "z"),
            rec(500, "b", "x", K::Purchase),
            rec(600, "a", "z"),
            rec(600, "c", "x"),
            rec(700, "a", "w", K::Search),
            rec(800, "b", "w")};
}

class ByIdCore : public core::Recommender {
public:
    explicit ByIdCore(const core::ItemTable* items) : m_items(items) {}
    void observe(const core::Event&) override {}
    void recommend(const core::Request& r, core::Slate& out) override {
        out.clear();
        for (core::ItemId i = 0; i < m_items->size() && static_cast<int>(out.size()) < r.k; ++i)
            if (m_items->isAvailable(i) && !r.excludes(i))
                out.push_back({i, static_cast<float>(-static_cast<int>(i)), 1.0f});
    }

private:
    const core::ItemTable* m_items;
};

} // namespace

class TestLogReplay : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    core::RecommenderRegistry m_registry;

private slots:
    void initTestCase() {
        core::registerBuiltinRecommenders(m_registry);
        core::RecommenderEntry e;
        e.id = "by-id";
        e.description = "test: available items by id";
        e.family = "test";
        e.make = [](const core::RecommenderContext& ctx, const core::ParamValues&,
                    const core::RecommenderRegistry&)
            -> core::Result<std::unique_ptr<core::Recommender>> {
            return std::unique_ptr<core::Recommender>(new ByIdCore(ctx.items));
        };
        QVERIFY(m_registry.add(std::move(e)).ok());
    }

    void importMapsIdsAndCounts() {
        auto store = sim::RunStore::open(m_dir.filePath(QStringLiteral("import.db")));
        QVERIFY(store.ok());
        sim::LogStore logs(*store.value());
        FakeReader reader(example());
        auto imported = logs.import(
            reader,
            {QStringLiteral("ex"), QStringLiteral("csv"), QStringLiteral("fake.log"), false, {}});
        QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().c_str());
        const sim::LogInfo& info = imported.value().info;
        QCOMPARE(info.users, qint64(3));
        QCOMPARE(info.items, qint64(4));
        QCOMPARE(info.events, qint64(9));
        QCOMPARE(info.byKind[static_cast<int>(core::EventKind::Purchase)], qint64(1));
        QCOMPARE(info.firstTime, 100.0);
        QCOMPARE(info.lastTime, 800.0);
        QCOMPARE(logs.externalItems(info.id).value(),
                 (std::vector<QByteArray>{"x", "y", "z", "w"}));
        QCOMPARE(logs.externalUsers(info.id).value(), (std::vector<QByteArray>{"a", "b", "c"}));
        // Ties in time keep file order: (600, a, z) before (600, c, x).
        std::vector<core::UserId> order;
        QVERIFY(logs.forEachEvent(info.id,
                                  [&](const sim::LogEvent& e) {
                                      order.push_back(e.user);
                                      return true;
                                  })
                    .ok());
        QCOMPARE(order, (std::vector<core::UserId>{0, 1, 0, 1, 1, 0, 2, 0, 1}));
        // Names are unique.
        FakeReader again(example());
        auto dup = logs.import(
            again,
            {QStringLiteral("ex"), QStringLiteral("csv"), QStringLiteral("fake.log"), false, {}});
        QVERIFY(!dup.ok());
        QVERIFY2(QString::fromStdString(dup.error()).contains(QStringLiteral("exists already")),
                 dup.error().c_str());
    }

    void failedImportLeavesNothing() {
        // Mutation tried: committing instead of rolling back on a bad line -> the log and
        // its first three events remain and this fails.
        auto store = sim::RunStore::open(m_dir.filePath(QStringLiteral("bad.db")));
        QVERIFY(store.ok());
        sim::LogStore logs(*store.value());
        std::vector<sim::LogRecord> records = example();
        records[3].user.clear(); // line 4 is bad
        FakeReader reader(records);
        auto failed = logs.import(
            reader,
            {QStringLiteral("bad"), QStringLiteral("csv"), QStringLiteral("fake.log"), false, {}});
        QVERIFY(!failed.ok());
        QVERIFY2(QString::fromStdString(failed.error()).contains(QStringLiteral("fake.log:4:")),
                 failed.error().c_str());
        QVERIFY(logs.logs().value().isEmpty());
        QCOMPARE(store.value()->integrityCheck().value(), QStringLiteral("ok"));

        FakeReader skipping(records);
        auto skipped = logs.import(
            skipping,
            {QStringLiteral("bad"), QStringLiteral("csv"), QStringLiteral("fake.log"), true, {}});
        QVERIFY(skipped.ok());
        QCOMPARE(skipped.value().info.events, qint64(8));
        QCOMPARE(skipped.value().info.skippedLines, qint64(1));
        QCOMPARE(skipped.value().skipped.size(), 1);
    }

    void readsBackInTimeOrderEitherWay() {
        // A log in time order is read by a plain scan, any other sorted: both give events
        // by time, ties in file order. Mutation tried: trusting the flag for the shuffled
        // log -> the out-of-order times come back and this fails.
        auto store = sim::RunStore::open(m_dir.filePath(QStringLiteral("order.db")));
        QVERIFY(store.ok());
        sim::LogStore logs(*store.value());
        std::vector<sim::LogRecord> ordered, shuffled;
        for (int i = 0; i < 300; ++i)
            ordered.push_back(rec(1000 + i / 3,
                                  QByteArray::number(i % 7).constData(), // ties in threes
                                  QByteArray::number(i).constData()));
        shuffled = ordered;
        QRandomGenerator rng(5);
        for (std::size_t i = shuffled.size() - 1; i > 0; --i)
            std::swap(shuffled[i], shuffled[rng.bounded(static_cast<quint32>(i + 1))]);
        for (auto* records : {&ordered, &shuffled}) {
            FakeReader reader(*records);
            sim::ImportOptions o;
            o.name = records == &ordered ? QStringLiteral("ordered") : QStringLiteral("shuffled");
            o.format = QStringLiteral("test");
            auto r = logs.import(reader, o);
            QVERIFY(r.ok());
            QCOMPARE(r.value().info.timeOrdered, records == &ordered);
            QCOMPARE(logs.log(o.name).value().timeOrdered, records == &ordered);
            auto items = logs.externalItems(r.value().info.id);
            QVERIFY(items.ok());
            // Expected: stable sort of the file by time.
            std::vector<sim::LogRecord> expect = *records;
            std::stable_sort(expect.begin(), expect.end(),
                             [](const auto& a, const auto& b) { return a.time < b.time; });
            std::size_t i = 0;
            QVERIFY(logs.forEachEvent(r.value().info.id,
                                      [&](const sim::LogEvent& e) {
                                          if (i < expect.size() && e.time == expect[i].time &&
                                              items.value()[e.item] == expect[i].item)
                                              ++i;
                                          else
                                              i = expect.size() + 1;
                                          return true;
                                      })
                        .ok());
            QCOMPARE(i, expect.size());
        }
    }

    void cancelledImportLeavesNothing() {
        // Ctrl-C in the CLI and Cancel in the workbench set the flag: the import stops at
        // its next poll (every 4,096 lines) and rolls back.
        auto store = sim::RunStore::open(m_dir.filePath(QStringLiteral("cancel.db")));
        QVERIFY(store.ok());
        std::vector<sim::LogRecord> records;
        for (int i = 0; i < 10000; ++i)
            records.push_back(rec(i, "u", QByteArray::number(i % 50).constData()));
        FakeReader reader(records);
        std::atomic<bool> cancel{false};
        sim::ImportOptions o;
        o.name = QStringLiteral("c");
        o.format = QStringLiteral("test");
        o.cancel = &cancel;
        o.progress = [&](qint64, qint64) {};
        cancel = true;
        sim::LogStore logs(*store.value());
        auto r = logs.import(reader, o);
        QVERIFY(!r.ok());
        QVERIFY(QString::fromStdString(r.error()).contains(QStringLiteral("cancelled")));
        QVERIFY(logs.logs().value().isEmpty());
        QVERIFY(reader.bytesRead() < 5000); // stopped early, not at the end
        cancel = false;
        FakeReader again(records);
        QVERIFY(logs.import(again, o).ok());
        QCOMPARE(logs.log(QStringLiteral("c")).value().events, qint64(10000));
    }

    void replayMatchesHandComputation() {
        auto store = sim::RunStore::open(m_dir.filePath(QStringLiteral("replay.db")));
        QVERIFY(store.ok());
        sim::LogStore logs(*store.value());
        FakeReader reader(example());
        QVERIFY(logs.import(reader, {QStringLiteral("ex"),
                                     QStringLiteral("csv"),
                                     QStringLiteral("fake.log"),
                                     false,
                                     {}})
                    .ok());
        sim::ReplaySpec spec;
        spec.log = QStringLiteral("ex");
        spec.recommender = "by-id";
        spec.k = 3;
        spec.trecDir = m_dir.filePath(QStringLiteral("trec"));
        auto r = sim::replayLog(*store.value(), m_registry, spec);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
        const sim::ReplayResult& res = r.value();
        // Scored: (a,y) rank 2; (b,x) rank 1; (a,z) rank 3; (b,w) rank 4 = a miss at k 3.
        // Unseen: users at lines 1, 2, 7; items at lines 1, 2, 4. The search (line 8) is
        // learnt, not scored, and makes w available for line 9.
        QCOMPARE(res.events, qint64(9));
        QCOMPARE(res.scored, qint64(4));
        QCOMPARE(res.unseenUser, qint64(3));
        QCOMPARE(res.unseenItem, qint64(3));
        const core::RankingSummary& m = res.ranking;
        QVERIFY(std::abs(m.hit - 0.75) < 1e-9);
        QVERIFY(std::abs(m.recall - 0.75) < 1e-9);
        QVERIFY(std::abs(m.precision - 0.25) < 1e-9);
        QVERIFY(std::abs(m.mrr - 11.0 / 24.0) < 1e-9);
        QVERIFY(std::abs(m.ndcg - (1.0 / std::log2(3.0) + 1.0 + 0.5) / 4.0) < 1e-9);
        QVERIFY(std::abs(m.itemCoverage - 0.75) < 1e-9);
        // Recommendation counts x 4, y 4, z 3, w 0: sorted 0, 3, 4, 4 -> (-3 + 4 + 12) / 44.
        QVERIFY(std::abs(m.gini - 13.0 / 44.0) < 1e-9);

        // Stored like a run, with the figures per time bucket.
        QVERIFY(res.runId > 0);
        auto run = store.value()->run(res.runId);
        QVERIFY(run.ok());
        QCOMPARE(run.value().scenarioName, QStringLiteral("log:ex"));
        QCOMPARE(run.value().status, QStringLiteral("finished"));
        auto hits = store.value()->metricSeries(res.runId, QStringLiteral("hit@3"));
        QVERIFY(hits.ok() && !hits.value().empty());

        // trec_eval's formats: qrels "query 0 doc relevance", run "query Q0 doc rank score
        // tag"; scores fall with rank so trec_eval's order is ours.
        QFile qrels(spec.trecDir + QStringLiteral("/qrels")),
            runFile(spec.trecDir + QStringLiteral("/run"));
        QVERIFY(qrels.open(QIODevice::ReadOnly) && runFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> q = qrels.readAll().trimmed().split('\n');
        QCOMPARE(q, (QList<QByteArray>{"1 0 y 1", "2 0 x 1", "3 0 z 1", "4 0 w 1"}));
        const QList<QByteArray> lines = runFile.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2 + 3 + 3 + 3);
        for (const QByteArray& l : lines)
            QCOMPARE(l.split(' ').size(), 6);
        QCOMPARE(lines.first(), QByteArray("1 Q0 x 1 3 recoscope"));
        QCOMPARE(lines.last(), QByteArray("4 Q0 z 3 1 recoscope"));
    }

    void evaluateMatchesHandComputation() {
        // temporal:0.5 of the 9 events: the first 4 train (a x, b y, a y, b z). Held out:
        // a {z}; b {x, w}; c has no training event (skipped). Each user's training items
        // are excluded, so by-id lists a [z] and b [x] (w was never trained on).
        // a: everything 1, precision 1/3. b: hit 1, MRR 1, recall 1/2, precision 1/3,
        // NDCG = 1 / (1 + 1/log2 3). Mutation tried: the training items not excluded ->
        // a's list becomes [x, y, z] and MRR fails.
        auto store = sim::RunStore::open(m_dir.filePath(QStringLiteral("replay.db")));
        QVERIFY(store.ok());
        sim::EvalSpec spec;
        spec.log = QStringLiteral("ex");
        spec.recommender = "by-id";
        spec.k = 3;
        QVERIFY(sim::parseSplit(QStringLiteral("temporal:0.5"), spec).ok());
        auto r = sim::evaluateLog(*store.value(), m_registry, spec);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
        QCOMPARE(r.value().trainEvents, qint64(4));
        QCOMPARE(r.value().testUsers, qint64(2));
        QCOMPARE(r.value().skippedUsers, qint64(1));
        const core::RankingSummary& m = r.value().ranking;
        QVERIFY(std::abs(m.hit - 1.0) < 1e-9);
        QVERIFY(std::abs(m.mrr - 1.0) < 1e-9);
        QVERIFY(std::abs(m.recall - 0.75) < 1e-9);
        QVERIFY(std::abs(m.precision - 1.0 / 3.0) < 1e-9);
        QVERIFY(std::abs(m.ndcg - (1.0 + 1.0 / (1.0 + 1.0 / std::log2(3.0))) / 2.0) < 1e-9);

        // leave-last-out: a's last target event (z at 600) and b's (w at 800) are held out,
        // c has one event only. Trained: a x, b y, a y, b z, b x, c x, a w (search). By id
        // minus training items: a [z], b [w]: both hits at rank 1.
        QVERIFY(sim::parseSplit(QStringLiteral("leave-last-out"), spec).ok());
        auto l = sim::evaluateLog(*store.value(), m_registry, spec);
        QVERIFY(l.ok());
        QCOMPARE(l.value().trainEvents, qint64(7));
        QCOMPARE(l.value().testUsers, qint64(2));
        QVERIFY(std::abs(l.value().ranking.ndcg - 1.0) < 1e-9);
        QVERIFY(std::abs(l.value().ranking.precision - 1.0 / 3.0) < 1e-9);

        sim::EvalSpec bad;
        QVERIFY(!sim::parseSplit(QStringLiteral("temporal:1.5"), bad).ok());
        QVERIFY(!sim::parseSplit(QStringLiteral("random"), bad).ok());
    }

    void severalRelevantItemsMetrics() {
        // Lists against several relevant items, by hand: list [1, 2, 3, 4], relevant {2, 4,
        // 9}, k 4: hit 1, MRR 1/2, recall 2/3, precision 2/4, NDCG (1/log2 3 + 1/log2 5) /
        // (1 + 1/log2 3 + 1/log2 4).
        core::RankingMetrics m(4, 10);
        const core::ItemId list[] = {1, 2, 3, 4};
        const core::ItemId rel[] = {2, 4, 9};
        m.add(list, rel);
        const core::RankingSummary s = m.summary();
        QVERIFY(std::abs(s.hit - 1.0) < 1e-12);
        QVERIFY(std::abs(s.mrr - 0.5) < 1e-12);
        QVERIFY(std::abs(s.recall - 2.0 / 3.0) < 1e-12);
        QVERIFY(std::abs(s.precision - 0.5) < 1e-12);
        const double dcg = 1 / std::log2(3.0) + 1 / std::log2(5.0);
        const double idcg = 1 + 1 / std::log2(3.0) + 1 / std::log2(4.0);
        QVERIFY(std::abs(s.ndcg - dcg / idcg) < 1e-12);
        // k cuts both the list and the ideal: k = 1 -> list [1] misses; IDCG = 1.
        core::RankingMetrics one(1, 10);
        one.add(list, rel);
        QCOMPARE(one.summary().hit, 0.0);
        QCOMPARE(one.summary().ndcg, 0.0);
        // k = 2, list [2, 4]: both slots relevant, a perfect list: NDCG 1, because the
        // ideal has only min(|R|, k) = 2 ranks. (Mutation tried: IDCG over all of R ->
        // 0.765, fails.)
        core::RankingMetrics two(2, 10);
        const core::ItemId perfect[] = {2, 4};
        two.add(perfect, rel);
        QVERIFY(std::abs(two.summary().ndcg - 1.0) < 1e-12);
    }

    void replayRefusesWhatCannotWork() {
        auto store = sim::RunStore::open(m_dir.filePath(QStringLiteral("replay.db")));
        QVERIFY(store.ok());
        sim::ReplaySpec spec;
        spec.log = QStringLiteral("nope");
        spec.recommender = "popularity";
        auto missing = sim::replayLog(*store.value(), m_registry, spec);
        QVERIFY(!missing.ok());
        QVERIFY2(QString::fromStdString(missing.error()).contains(QStringLiteral("'nope'")),
                 missing.error().c_str());
        spec.log = QStringLiteral("ex");
        spec.recommender = "oracle";
        auto oracle = sim::replayLog(*store.value(), m_registry, spec);
        QVERIFY(!oracle.ok());
        QVERIFY(QString::fromStdString(oracle.error()).contains(QStringLiteral("hidden truth")));
        spec.recommender = "popularity";
        spec.k = 0;
        QVERIFY(!sim::replayLog(*store.value(), m_registry, spec).ok());
    }

    void severalCoresInOnePassEqualEachAlone() {
        // replayLogs feeds every core each event in turn: each must score exactly what
        // it scores alone, event by event, and the live buckets must add up to the totals.
        auto store = sim::RunStore::open(m_dir.filePath(QStringLiteral("multi.db")));
        QVERIFY(store.ok());
        std::vector<sim::LogRecord> records;
        QRandomGenerator rng(7);
        std::vector<QByteArray> names;
        for (int i = 0; i < 60; ++i)
            names.push_back(QByteArray::number(i));
        for (int i = 0; i < 3000; ++i) {
            // Skewed items so that the cores disagree and learn something.
            const int item = static_cast<int>(std::pow(rng.generateDouble(), 2.0) * 60);
            sim::LogRecord r =
                rec(1000.0 + i * 37.0, names[rng.bounded(40)].constData(), names[item].constData(),
                    rng.bounded(10) == 0 ? core::EventKind::Purchase : core::EventKind::View);
            records.push_back(r);
        }
        FakeReader reader(records);
        sim::LogStore logs(*store.value());
        sim::ImportOptions o;
        o.name = QStringLiteral("multi");
        o.format = QStringLiteral("test");
        QVERIFY(logs.import(reader, o).ok());

        std::vector<sim::ReplaySpec> specs;
        for (const char* id : {"popularity", "itemknn", "mf-sgd"}) {
            sim::ReplaySpec spec;
            spec.log = QStringLiteral("multi");
            spec.recommender = id;
            spec.keepPerEvent = true;
            spec.buckets = 20;
            specs.push_back(spec);
        }
        std::vector<std::uint64_t> bucketQueries(specs.size(), 0);
        double lastEnd = -1;
        int bucketCalls = 0;
        auto together = sim::replayLogs(*store.value(), m_registry, specs, nullptr, {},
                                        [&](const sim::ReplayBucket& b) {
                                            QVERIFY(b.end > lastEnd);
                                            lastEnd = b.end;
                                            ++bucketCalls;
                                            QCOMPARE(b.cores.size(), specs.size());
                                            for (std::size_t i = 0; i < b.cores.size(); ++i)
                                                bucketQueries[i] += b.cores[i].queries;
                                        });
        QVERIFY2(together.ok(), together.ok() ? "" : together.error().c_str());
        QVERIFY(bucketCalls >= 15);
        for (std::size_t i = 0; i < specs.size(); ++i) {
            auto alone = sim::replayLog(*store.value(), m_registry, specs[i]);
            QVERIFY(alone.ok());
            const sim::ReplayResult& a = alone.value();
            const sim::ReplayResult& t = together.value()[i];
            QVERIFY(t.runId != 0 && t.runId != a.runId);
            QCOMPARE(t.scored, a.scored);
            QCOMPARE(bucketQueries[i], static_cast<std::uint64_t>(t.scored));
            QVERIFY(t.perEventHit == a.perEventHit);
            QVERIFY(t.perEventNdcg == a.perEventNdcg);
            QCOMPARE(t.ranking.hit, a.ranking.hit);
            QCOMPARE(t.ranking.ndcg, a.ranking.ndcg);
            QCOMPARE(t.ranking.gini, a.ranking.gini);
        }
        // The cores really differ, or the comparison above proves little.
        QVERIFY(together.value()[0].perEventHit != together.value()[2].perEventHit);

        specs[1].k = 5;
        auto mixed = sim::replayLogs(*store.value(), m_registry, specs);
        QVERIFY(!mixed.ok());
        QVERIFY(QString::fromStdString(mixed.error()).contains(QStringLiteral("share the k")));
    }

    void builtinCoresReplay_data() {
        QTest::addColumn<QString>("core");
        for (const char* id : {"popularity", "itemknn", "mf-sgd", "random", "thompson", "sknn"})
            QTest::newRow(id) << QString::fromLatin1(id);
    }
    void builtinCoresReplay() {
        // Every core can be replayed on a log with no item attributes at all.
        QFETCH(QString, core);
        auto store = sim::RunStore::open(m_dir.filePath(QStringLiteral("replay.db")));
        QVERIFY(store.ok());
        sim::ReplaySpec spec;
        spec.log = QStringLiteral("ex");
        spec.recommender = core.toStdString();
        spec.store = false;
        auto r = sim::replayLog(*store.value(), m_registry, spec);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
        QCOMPARE(r.value().scored, qint64(4));
        QVERIFY(r.value().ranking.hit >= 0.0 && r.value().ranking.hit <= 1.0);
    }
};

QTEST_GUILESS_MAIN(TestLogReplay)
#include "tst_log_replay.moc"
