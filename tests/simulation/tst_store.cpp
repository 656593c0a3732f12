// The SQLite run store: round trip, migration of an older schema, refusal of a newer
// one, corrupt and foreign files, a locked database — each with a clear message and the
// file left as it was.

#include "recoscope/sim/run_store.h"
#include "recoscope/sim/slate_log.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cmath>
#include <cstring>

using namespace recoscope;

namespace {

QByteArray fileDigest(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

void rawExec(const QString& path, const char* sql) {
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
    const QString message = QString::fromUtf8(err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, qPrintable(message));
}

std::vector<core::Event> someEvents(int n) {
    std::vector<core::Event> out;
    for (int i = 0; i < n; ++i)
        out.push_back({i * 1.5, static_cast<core::UserId>(i % 7),
                       i % 5 == 0 ? core::kNoItem : static_cast<core::ItemId>(i),
                       static_cast<core::EventKind>(i % core::kEventKindCount),
                       static_cast<core::Surface>(i % 4), static_cast<std::int16_t>(i % 3 - 1),
                       i % 2 == 0, 0.25f * i});
    return out;
}

sim::RunInfo info() {
    sim::RunInfo r;
    r.scenarioName = QStringLiteral("default");
    r.scenarioJson = "{\"name\":\"default\"}";
    r.scenarioHash = QStringLiteral("abc");
    r.seed = 42;
    r.recommender = QStringLiteral("itemknn");
    r.paramsJson = "{\"history\":20}";
    r.buildVersion = QStringLiteral("test");
    r.label = QStringLiteral("label ü");
    return r;
}

} // namespace

class TestStore : public QObject {
    Q_OBJECT

private slots:
    void roundTrip() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("runs.db"));
        auto opened = sim::RunStore::open(path);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().c_str());
        sim::RunStore& store = *opened.value();
        QCOMPARE(store.schemaVersion(), sim::RunStore::kSchemaVersion);

        auto id = store.beginRun(info());
        QVERIFY(id.ok());
        const auto events = someEvents(2500);
        QVERIFY(store.appendEvents(id.value(), std::span(events).first(1000)).ok());
        QVERIFY(store.appendEvents(id.value(), std::span(events).subspan(1000)).ok());
        core::MetricPoint p;
        p.bucketEnd = 3600.0;
        p.ctr = 0.125;
        p.counters.clicks = 3;
        QVERIFY(store.appendMetrics(id.value(), std::span(&p, 1)).ok());
        QVERIFY(store.finishRun(id.value(), QStringLiteral("finished"), "{\"events\":2500}").ok());

        auto count = store.eventCount(id.value());
        QVERIFY(count.ok());
        QCOMPARE(count.value(), qint64(2500));
        auto back = store.events(id.value(), 0, 5000);
        QVERIFY(back.ok());
        QCOMPARE(back.value().size(), events.size());
        QVERIFY(back.value() == events); // bit-exact round trip, kNoItem included

        auto run = store.run(id.value());
        QVERIFY(run.ok());
        QCOMPARE(run.value().status, QStringLiteral("finished"));
        QCOMPARE(run.value().seed, quint64(42));
        QCOMPARE(run.value().label, QStringLiteral("label ü"));
        QCOMPARE(run.value().summaryJson, QByteArray("{\"events\":2500}"));
        QVERIFY(!run.value().finished.isEmpty());

        auto ctr = store.metricSeries(id.value(), QStringLiteral("ctr"));
        QVERIFY(ctr.ok());
        QCOMPARE(ctr.value().size(), std::size_t(1));
        QCOMPARE(ctr.value()[0].value, 0.125);
        QCOMPARE(ctr.value()[0].bucketEnd, 3600.0);

        // The fingerprint changes with the content.
        auto h1 = store.eventsHash(id.value());
        auto id2 = store.beginRun(info());
        auto changed = events;
        changed[1234].price += 0.01f;
        QVERIFY(store.appendEvents(id2.value(), changed).ok());
        auto h2 = store.eventsHash(id2.value());
        QVERIFY(h1.ok() && h2.ok());
        QVERIFY(h1.value() != h2.value());

        QVERIFY(store.deleteRun(id2.value()).ok());
        QCOMPARE(store.runs().value().size(), 1);
        QCOMPARE(store.integrityCheck().value(), QStringLiteral("ok"));
    }

    void slateLogRoundTrip() {
        // The writer packs 64 slates per INSERT and binds their BLOBs without a copy: every
        // kind of row (propensities all 1 = NULL, one shared value, one per position, NaN,
        // an empty slate, no context item) must come back as it went in, across the 64-row
        // statements and the one-row remainder (64 + 64 + 7 rows, then 3 more in a second
        // batch). Mutation checked: binding every row's items from the chunk's first row
        // (itemAt never advanced) fails the item comparison here.
        QTemporaryDir dir;
        auto opened = sim::RunStore::open(dir.filePath(QStringLiteral("slates.db")));
        QVERIFY(opened.ok());
        sim::RunStore& store = *opened.value();
        const qint64 run = store.beginRun(info()).value();
        struct Written {
            std::vector<core::SlateEntry> slate;
            core::ItemId context;
            int clicked;
        };
        std::vector<Written> written;
        auto make = [&](int j) {
            Written w;
            const int n = j % 11 == 3 ? 0 : 1 + j % 6;
            for (int p = 0; p < n; ++p) {
                float prop = 1.0f;
                if (j % 4 == 1)
                    prop = 0.125f; // one shared value
                else if (j % 4 == 2)
                    prop = 0.01f * static_cast<float>(p + 1 + j % 3); // one per position
                else if (j % 4 == 3)
                    prop = p == 0 ? core::kUnknownPropensity : 0.5f;
                w.slate.push_back({static_cast<core::ItemId>(1000 * j + 7 * p + 1), 0.0f, prop});
            }
            w.context = j % 3 == 0 ? core::kNoItem : static_cast<core::ItemId>(j + 5);
            w.clicked = n > 0 && j % 2 == 0 ? j % n : -1;
            return w;
        };
        sim::SlateLog log(store);
        for (int batchSize : {135, 3}) {
            sim::SlateBatch batch;
            for (int k = 0; k < batchSize; ++k) {
                const int j = static_cast<int>(written.size());
                written.push_back(make(j));
                const Written& w = written.back();
                batch.add(j, 2 * j, 10.0 * j, static_cast<core::UserId>(j % 13),
                          static_cast<core::Surface>(j % 4), w.context, w.clicked, w.slate);
            }
            QVERIFY(log.append(run, batch).ok());
        }
        QCOMPARE(log.count(run).value(), static_cast<qint64>(written.size()));
        std::size_t j = 0;
        QVERIFY(log.forEach(run,
                            [&](const sim::LoggedSlate& s) {
                                const Written& w = written[j];
                                [&] {
                                    QCOMPARE(s.seq, static_cast<qint64>(j));
                                    QCOMPARE(s.eventSeq, static_cast<qint64>(2 * j));
                                    QCOMPARE(s.time, 10.0 * static_cast<double>(j));
                                    QCOMPARE(s.user, static_cast<core::UserId>(j % 13));
                                    QCOMPARE(s.surface, static_cast<core::Surface>(j % 4));
                                    QCOMPARE(s.contextItem, w.context);
                                    QCOMPARE(s.clicked, w.clicked);
                                    QCOMPARE(s.items.size(), w.slate.size());
                                    for (std::size_t p = 0; p < w.slate.size(); ++p) {
                                        QCOMPARE(s.items[p], w.slate[p].item);
                                        const float a = s.propensities[p],
                                                    b = w.slate[p].propensity;
                                        QVERIFY(std::memcmp(&a, &b, sizeof a) == 0 ||
                                                (std::isnan(a) && std::isnan(b)));
                                    }
                                }();
                                ++j;
                                return !QTest::currentTestFailed();
                            })
                    .ok());
        QCOMPARE(j, written.size());
        QCOMPARE(store.integrityCheck().value(), QStringLiteral("ok"));
    }

    // A batch whose slates are all empty holds no item at all (a core stopped at its first
    // recommend(), `--latency-budget-us`): the rows still go in, as zero-length BLOBs.
    // Under the asan preset this is the regression test of a UBSan report ("null pointer
    // passed as argument 2", slate_log.cpp copying 0 items from an empty vector's null
    // data()); mutation checked there: removing the `r.size > 0` guard fails this test
    // under UBSan (the release build cannot see it).
    void slateLogBatchOfEmptySlatesOnly() {
        QTemporaryDir dir;
        auto opened = sim::RunStore::open(dir.filePath(QStringLiteral("empty.db")));
        QVERIFY(opened.ok());
        sim::RunStore& store = *opened.value();
        const qint64 run = store.beginRun(info()).value();
        sim::SlateLog log(store);
        sim::SlateBatch batch;
        for (int j = 0; j < 3; ++j)
            batch.add(j, j, 1.0 * j, 0, core::Surface::Home, core::kNoItem, -1, {});
        QVERIFY(log.append(run, batch).ok());
        QCOMPARE(log.count(run).value(), qint64(3));
        int seen = 0;
        QVERIFY(log.forEach(run,
                            [&](const sim::LoggedSlate& s) {
                                seen += s.items.empty() && s.clicked == -1 ? 1 : 0;
                                return true;
                            })
                    .ok());
        QCOMPARE(seen, 3);
    }

    void migratesVersionOne() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.db"));
        // A file written by schema version 1, with one run in it.
        rawExec(path, R"sql(
CREATE TABLE runs(id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, status TEXT NOT NULL,
  scenario_name TEXT NOT NULL, scenario_json TEXT NOT NULL, scenario_hash TEXT NOT NULL, seed INTEGER NOT NULL,
  recommender TEXT NOT NULL, params_json TEXT NOT NULL, build_version TEXT NOT NULL);
CREATE TABLE events(run_id INTEGER NOT NULL, seq INTEGER NOT NULL, time REAL NOT NULL, user INTEGER NOT NULL,
  item INTEGER, kind INTEGER NOT NULL, surface INTEGER NOT NULL, position INTEGER NOT NULL, from_rec INTEGER NOT NULL,
  price REAL NOT NULL, PRIMARY KEY(run_id, seq)) WITHOUT ROWID;
CREATE TABLE metrics(run_id INTEGER NOT NULL, bucket_time REAL NOT NULL, name TEXT NOT NULL, value REAL NOT NULL);
INSERT INTO runs VALUES(1, '2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z', 'finished', 'default', '{}', 'h', 7,
  'popularity', '{}', 'recoscope 0.0.1');
INSERT INTO events VALUES(1, 0, 1.0, 3, 4, 1, 0, 2, 1, 0.0);
PRAGMA user_version = 1;
)sql");
        auto opened = sim::RunStore::open(path);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().c_str());
        QCOMPARE(opened.value()->schemaVersion(), sim::RunStore::kSchemaVersion);
        auto run = opened.value()->run(1);
        QVERIFY(run.ok());
        QCOMPARE(run.value().recommender, QStringLiteral("popularity"));
        QCOMPARE(run.value().summaryJson, QByteArray("{}"));
        QCOMPARE(opened.value()->eventCount(1).value(), qint64(1));
        // New runs continue after the migrated ones.
        auto id = opened.value()->beginRun(info());
        QVERIFY(id.ok());
        QCOMPARE(id.value(), qint64(2));
    }

    void marksRunsOfDeadProcessesInterrupted() {
        // Runs left 'running' are marked 'interrupted' on open only when their writer is
        // provably gone; a live writer (here: this very process), a writer on another
        // host and finished runs are left alone. (Mutation tried: liveness() always Gone
        // -> the live run is marked and this fails; no marking on open -> fails too.)
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("owners.db"));
        {
            auto opened = sim::RunStore::open(path);
            QVERIFY(opened.ok());
            sim::RunStore& store = *opened.value();
            for (int i = 0; i < 5; ++i)
                QVERIFY(store.beginRun(info()).ok()); // ids 1..5, owned by this process
            QVERIFY(store.finishRun(5, QStringLiteral("finished"), "{}").ok());
        }
        QString mine;
        {
            sqlite3* db = nullptr;
            QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
            sqlite3_stmt* st = nullptr;
            QCOMPARE(
                sqlite3_prepare_v2(db, "SELECT owner FROM runs WHERE id = 1", -1, &st, nullptr),
                SQLITE_OK);
            QCOMPARE(sqlite3_step(st), SQLITE_ROW);
            mine = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
            sqlite3_finalize(st);
            sqlite3_close(db);
        }
        const QStringList parts = mine.split(QLatin1Char('|'));
        QCOMPARE(parts.size(), 4);
        QCOMPARE(parts.at(2).toLongLong(), QCoreApplication::applicationPid());
        // Run 2: same pid, another start time (the pid was reused by a new process).
        // Run 3: another host. Run 4: no owner (written before schema 4).
        const QString reused = QStringList{parts.at(0), parts.at(1), parts.at(2),
                                           QString::number(parts.at(3).toLongLong() + 1)}
                                   .join(QLatin1Char('|'));
        rawExec(path,
                qPrintable(QStringLiteral("UPDATE runs SET owner = '%1' WHERE id = 2; "
                                          "UPDATE runs SET owner = 'elsewhere|b|1|1' WHERE id = 3; "
                                          "UPDATE runs SET owner = '' WHERE id = 4;")
                               .arg(reused)));
        auto opened = sim::RunStore::open(path);
        QVERIFY(opened.ok());
        sim::RunStore& store = *opened.value();
        QCOMPARE(store.interruptedOnOpen(), (std::vector<qint64>{2, 4}));
        QCOMPARE(store.run(1).value().status, QStringLiteral("running"));
        QCOMPARE(store.run(2).value().status, QStringLiteral("interrupted"));
        QVERIFY(!store.run(2).value().finished.isEmpty());
        QCOMPARE(store.run(3).value().status, QStringLiteral("running"));
        QCOMPARE(store.run(4).value().status, QStringLiteral("interrupted"));
        QCOMPARE(store.run(5).value().status, QStringLiteral("finished"));
        // Said once: the next open finds nothing new.
        auto again = sim::RunStore::open(path);
        QVERIFY(again.ok());
        QVERIFY(again.value()->interruptedOnOpen().empty());
        // Read-only opens never write.
        auto reader = sim::RunStore::open(path, sim::RunStore::Mode::ReadOnly);
        QVERIFY(reader.ok());
        QVERIFY(reader.value()->interruptedOnOpen().empty());
    }

    void refusesNewerSchema() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.db"));
        rawExec(path, "CREATE TABLE runs(id INTEGER PRIMARY KEY); PRAGMA user_version = 99;");
        const QByteArray before = fileDigest(path);
        auto opened = sim::RunStore::open(path);
        QVERIFY(!opened.ok());
        const QString message = QString::fromStdString(opened.error());
        QVERIFY2(message.contains(path) &&
                     message.contains(QStringLiteral("schema version 99 is newer")),
                 qPrintable(message));
        QCOMPARE(fileDigest(path), before);
    }

    void refusesCorruptAndForeignFiles() {
        QTemporaryDir dir;
        const QString corrupt = dir.filePath(QStringLiteral("corrupt.db"));
        QFile f(corrupt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        const QByteArray before = fileDigest(corrupt);
        auto opened = sim::RunStore::open(corrupt);
        QVERIFY(!opened.ok());
        QVERIFY2(QString::fromStdString(opened.error()).contains(corrupt), opened.error().c_str());
        QVERIFY2(QString::fromStdString(opened.error()).contains(QStringLiteral("not a database")),
                 opened.error().c_str());
        QCOMPARE(fileDigest(corrupt), before);

        const QString foreign = dir.filePath(QStringLiteral("foreign.db"));
        rawExec(foreign, "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT);");
        auto foreignOpen = sim::RunStore::open(foreign);
        QVERIFY(!foreignOpen.ok());
        QVERIFY2(QString::fromStdString(foreignOpen.error())
                     .contains(QStringLiteral("not a Recoscope run store")),
                 foreignOpen.error().c_str());

        auto missing = sim::RunStore::open(dir.filePath(QStringLiteral("none.db")),
                                           sim::RunStore::Mode::ReadOnly);
        QVERIFY(!missing.ok());
    }

    void lockedDatabaseGivesAClearError() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("locked.db"));
        auto opened = sim::RunStore::open(path);
        QVERIFY(opened.ok());
        sim::RunStore& store = *opened.value();
        store.setBusyTimeout(50);

        sqlite3* other = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &other), SQLITE_OK);
        QCOMPARE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
        auto id = store.beginRun(info());
        QVERIFY(!id.ok());
        QVERIFY2(QString::fromStdString(id.error()).contains(path), id.error().c_str());
        QVERIFY2(QString::fromStdString(id.error()).contains(QStringLiteral("locked")),
                 id.error().c_str());
        QCOMPARE(sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(other);
        QVERIFY(store.beginRun(info()).ok());
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
