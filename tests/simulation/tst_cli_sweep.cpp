// recoscope-cli sweep, merge and report --sweep end to end (issue 13): the plan's job
// order and its refusals, a job run alone and skipped when finished, merging with ids
// remapped and nothing lost, the same run twice refused, corrupt or newer inputs refused
// with nothing written, imported logs and replays merged, and the trade-off report's
// Pareto marks.
// Mutations tried: StoreMerger without the duplicate check (sameRunTwiceRefused fails);
// log_events ids copied without remapping (logsAndReplaysMerge fails: the ids collide).

#include "cli_process.h"
#include "recoscope/core/pareto.h"
#include "recoscope/sim/run_store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace recoscope;

namespace {

using Run = test::CliResult;
using test::cli;

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QJsonObject readJson(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

int runCount(const QString& db) {
    auto store = sim::RunStore::open(db, sim::RunStore::Mode::ReadOnly);
    return store ? static_cast<int>(store.value()->runs().value().size()) : -1;
}

// Every row of `sql` (binding ?1 = run) as one string of its columns' text.
QStringList rows(sqlite3* db, const char* sql, qint64 run) {
    QStringList out;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
        return {QStringLiteral("error: %1").arg(QString::fromUtf8(sqlite3_errmsg(db)))};
    sqlite3_bind_int64(st, 1, run);
    while (sqlite3_step(st) == SQLITE_ROW) {
        QStringList cols;
        for (int c = 0; c < sqlite3_column_count(st); ++c)
            cols << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, c)));
        out << cols.join(QLatin1Char('|'));
    }
    sqlite3_finalize(st);
    return out;
}

} // namespace

class TestCliSweep : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_sweep; // a planned and run 2 x 2 sweep, shared by the later tests

    QString path(const QString& name) const { return m_dir.filePath(name); }

private slots:
    void planErrors_data() {
        QTest::addColumn<QByteArray>("grid");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key") << QByteArray("{\"k\": [1, 2]}")
                                     << "grid.json: key 'k': 'itemknn' has no such parameter "
                                        "(known: history, neighbours)";
        QTest::newRow("out of range")
            << QByteArray("{\"history\": [5, 0]}") << "grid.json: key 'history', value 2:";
        QTest::newRow("twice") << QByteArray("{\"history\": [5, 5.0]}")
                               << "grid.json: key 'history', value 2: 5 is listed twice";
        QTest::newRow("not a list")
            << QByteArray("{\"history\": 5}")
            << "grid.json: key 'history': expected a non-empty list of values";
        QTest::newRow("not json") << QByteArray("{\"history\": [5,\n") << "grid.json:";
    }
    void planErrors() {
        QFETCH(QByteArray, grid);
        QFETCH(QString, message);
        writeFile(path(QStringLiteral("grid.json")), grid);
        const QString out = path(QStringLiteral("bad-plan"));
        Run r = cli({"sweep", "--scenario", "teaching-small", "--recommender", "itemknn", "--grid",
                     path(QStringLiteral("grid.json")), "--out", out});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out));
    }

    void usageErrors() {
        Run noGrid = cli({"sweep", "--scenario", "default", "--recommender", "itemknn", "--out",
                          path(QStringLiteral("x"))});
        QCOMPARE(noGrid.code, 2);
        QVERIFY2(noGrid.err.contains(QStringLiteral("needs --grid FILE")), qPrintable(noGrid.err));
        Run mixed =
            cli({"sweep", "--out", path(QStringLiteral("x")), "--job", "0", "--seeds", "3"});
        QCOMPARE(mixed.code, 2);
        QVERIFY2(mixed.err.contains(QStringLiteral("--seeds belongs to planning")),
                 qPrintable(mixed.err));
    }

    void planOrder() {
        writeFile(path(QStringLiteral("order.json")),
                  "{\"neighbours\": [50, 10], \"history\": [5, 20]}");
        const QString out = path(QStringLiteral("order"));
        Run r = cli({"sweep", "--scenario", "teaching-small", "--recommender", "itemknn", "--grid",
                     path(QStringLiteral("order.json")), "--seeds", "2", "--seed", "7", "--events",
                     "300", "--out", out});
        QCOMPARE(r.code, 0);
        const QJsonObject plan = readJson(QDir(out).filePath(QStringLiteral("jobs.json")));
        const QJsonArray jobs = plan.value(QStringLiteral("jobs")).toArray();
        QCOMPARE(jobs.size(), 8);
        // Names alphabetical (history, neighbours), the last fastest, values in file order,
        // seeds innermost.
        const char* expected[][3] = {{"5", "50", "7"},  {"5", "50", "8"},  {"5", "10", "7"},
                                     {"5", "10", "8"},  {"20", "50", "7"}, {"20", "50", "8"},
                                     {"20", "10", "7"}, {"20", "10", "8"}};
        for (int i = 0; i < 8; ++i) {
            const QJsonObject job = jobs.at(i).toObject();
            const QJsonObject params = job.value(QStringLiteral("params")).toObject();
            QCOMPARE(job.value(QStringLiteral("index")).toInt(), i);
            QCOMPARE(params.value(QStringLiteral("history")).toString(), expected[i][0]);
            QCOMPARE(params.value(QStringLiteral("neighbours")).toString(), expected[i][1]);
            QCOMPARE(QString::number(job.value(QStringLiteral("seed")).toInteger()),
                     expected[i][2]);
            QVERIFY(job.value(QStringLiteral("command"))
                        .toString()
                        .endsWith(QStringLiteral("sweep --out %1 --job %2").arg(out).arg(i)));
        }
        QFile slurm(QDir(out).filePath(QStringLiteral("slurm-array.sh")));
        QVERIFY(slurm.open(QIODevice::ReadOnly));
        QVERIFY(slurm.readAll().contains("#SBATCH --array=0-7\n"));
        QVERIFY(QFileInfo(QDir(out).filePath(QStringLiteral("run-parallel.sh"))).isExecutable());
        // Planning the same sweep again is harmless; another sweep in the folder is refused.
        QCOMPARE(cli({"sweep", "--scenario", "teaching-small", "--recommender", "itemknn", "--grid",
                      path(QStringLiteral("order.json")), "--seeds", "2", "--seed", "7", "--events",
                      "300", "--out", out})
                     .code,
                 0);
        Run other =
            cli({"sweep", "--scenario", "teaching-small", "--recommender", "itemknn", "--grid",
                 path(QStringLiteral("order.json")), "--seeds", "3", "--out", out});
        QCOMPARE(other.code, 3);
        QVERIFY2(other.err.contains(QStringLiteral("already holds sweep ") +
                                    plan.value(QStringLiteral("sweep_id")).toString()),
                 qPrintable(other.err));
    }

    void jobsRunAloneAndSkipWhenFinished() {
        writeFile(path(QStringLiteral("grid2.json")),
                  "{\"history\": [2, 30], \"neighbours\": [5, 200]}");
        m_sweep = path(QStringLiteral("sweep"));
        QCOMPARE(cli({"sweep", "--scenario", "teaching-small", "--recommender", "itemknn", "--grid",
                      path(QStringLiteral("grid2.json")), "--events", "400", "--out", m_sweep})
                     .code,
                 0);
        // A killed earlier attempt leaves a .part: the next attempt starts afresh.
        writeFile(QDir(m_sweep).filePath(QStringLiteral("job-2.db.part")), "half a job");
        for (int i = 0; i < 4; ++i) {
            Run r = cli({"sweep", "--out", m_sweep, "--job", QString::number(i)});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QVERIFY2(r.out.contains(QStringLiteral("job %1: run 1 in").arg(i)), qPrintable(r.out));
        }
        QVERIFY(!QFileInfo::exists(QDir(m_sweep).filePath(QStringLiteral("job-2.db.part"))));
        const QString job0 = QDir(m_sweep).filePath(QStringLiteral("job-0.db"));
        const QByteArray before = [&] {
            QFile f(job0);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        Run again = cli({"sweep", "--out", m_sweep, "--job", "0"});
        QCOMPARE(again.code, 0);
        QVERIFY2(again.err.contains(QStringLiteral("already finished")), qPrintable(again.err));
        QFile f(job0);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        Run range = cli({"sweep", "--out", m_sweep, "--job", "4"});
        QCOMPARE(range.code, 2);
        QVERIFY2(range.err.contains(QStringLiteral("--job expects a job index in [0, 3]")),
                 qPrintable(range.err));
    }

    void mergeKeepsEverything() {
        QStringList inputs;
        for (int i = 0; i < 4; ++i)
            inputs << QDir(m_sweep).filePath(QStringLiteral("job-%1.db").arg(i));
        const QString all = path(QStringLiteral("all.db"));
        Run r = cli(QStringList{"merge"} + inputs + QStringList{"--out", all});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("4 runs")), qPrintable(r.out));
        auto merged = sim::RunStore::open(all, sim::RunStore::Mode::ReadOnly);
        QVERIFY(merged);
        const QList<sim::RunRecord> runs = merged.value()->runs().value();
        QCOMPARE(runs.size(), 4);
        for (int i = 0; i < 4; ++i) {
            auto source = sim::RunStore::open(inputs[i], sim::RunStore::Mode::ReadOnly);
            QVERIFY(source);
            const sim::RunRecord from = source.value()->run(1).value();
            const sim::RunRecord& to = runs[i];
            QCOMPARE(to.id, qint64(i + 1));
            QCOMPARE(to.label, from.label);
            QCOMPARE(to.paramsJson, from.paramsJson);
            QCOMPARE(to.summaryJson, from.summaryJson);
            QCOMPARE(to.started, from.started);
            QCOMPARE(merged.value()->eventCount(to.id).value(), qint64(400));
            QCOMPARE(merged.value()->eventsHash(to.id).value(),
                     source.value()->eventsHash(1).value());
            QCOMPARE(merged.value()->metricNames(to.id).value(),
                     source.value()->metricNames(1).value());
            QCOMPARE(merged.value()->metricSeries(to.id, QStringLiteral("ctr")).value().size(),
                     source.value()->metricSeries(1, QStringLiteral("ctr")).value().size());
        }
        QCOMPARE(merged.value()->integrityCheck().value(), QStringLiteral("ok"));
    }

    // A merged run keeps what ope, report's groups/exposure and the coupons block read: its
    // slate log and coupon ledger, row for row, keys remapped. Mutation tried: either
    // copyRows call removed from StoreMerger::merge -- fails here (counts and rows).
    void mergeKeepsSlatesAndCouponLedger() {
        QStringList inputs;
        for (int seed : {3, 4}) {
            const QString db = path(QStringLiteral("coupons-%1.db").arg(seed));
            Run r = cli({"run", "--scenario", "teaching-small", "--recommender", "popularity",
                         "--coupon-policy", "everyone", "--events", "1500", "--seed",
                         QString::number(seed), "--db", db});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            inputs << db;
        }
        const QString all = path(QStringLiteral("coupons-all.db"));
        Run r = cli(QStringList{"merge"} + inputs + QStringList{"--out", all, "--json"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject summary = QJsonDocument::fromJson(r.out.toUtf8()).object();
        auto merged = sim::RunStore::open(all, sim::RunStore::Mode::ReadOnly);
        QVERIFY(merged);
        qint64 slates = 0, lines = 0;
        for (int i = 0; i < 2; ++i) {
            auto source = sim::RunStore::open(inputs[i], sim::RunStore::Mode::ReadOnly);
            QVERIFY(source);
            const qint64 to = i + 1;
            const char* slateSql = "SELECT id - (run_id << 40), seq, event_seq, time, user, "
                                   "surface, context_item, clicked, hex(items), "
                                   "hex(propensities) FROM slates WHERE run_id = ?1 ORDER BY id";
            const char* couponSql = "SELECT seq, time, user, item, price, discount, p0, p1, "
                                    "predicted, issued, bought, counterfactual, reason FROM "
                                    "coupon_lines WHERE run_id = ?1 ORDER BY seq";
            const QStringList fromSlates = rows(source.value()->connection(), slateSql, 1);
            const QStringList fromCoupons = rows(source.value()->connection(), couponSql, 1);
            QVERIFY(!fromSlates.isEmpty());
            QVERIFY(!fromCoupons.isEmpty());
            QCOMPARE(rows(merged.value()->connection(), slateSql, to), fromSlates);
            QCOMPARE(rows(merged.value()->connection(), couponSql, to), fromCoupons);
            slates += fromSlates.size();
            lines += fromCoupons.size();
        }
        QCOMPARE(summary.value(QStringLiteral("slates")).toInteger(), slates);
        QCOMPARE(summary.value(QStringLiteral("coupon_lines")).toInteger(), lines);
        QCOMPARE(merged.value()->integrityCheck().value(), QStringLiteral("ok"));
    }

    void sameRunTwiceRefused() {
        const QString all = path(QStringLiteral("all.db"));
        const QString job1 = QDir(m_sweep).filePath(QStringLiteral("job-1.db"));
        Run r = cli({"merge", job1, "--out", all});
        QCOMPARE(r.code, 4);
        QVERIFY2(
            r.err.contains(
                QStringLiteral("the same run twice: run 1 of %1 and run 2 of %2").arg(job1, all)),
            qPrintable(r.err));
        QCOMPARE(runCount(all), 4);
        // Between two inputs (a copied job file): refused, the output never created.
        const QString copy = path(QStringLiteral("copy-of-job-1.db"));
        QVERIFY(QFile::copy(job1, copy));
        const QString fresh = path(QStringLiteral("fresh.db"));
        Run two = cli({"merge", job1, copy, "--out", fresh});
        QCOMPARE(two.code, 4);
        QVERIFY2(two.err.contains(copy) && two.err.contains(job1), qPrintable(two.err));
        QVERIFY(!QFileInfo::exists(fresh));
    }

    void badInputsWriteNothing_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a database") << "garbage"
                                        << "bad.db: ";
        QTest::newRow("newer schema") << "newer"
                                      << "bad.db: schema version 99 is newer";
        QTest::newRow("missing") << "missing"
                                 << "bad.db: no such run store";
    }
    void badInputsWriteNothing() {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        const QString bad = path(QStringLiteral("bad.db"));
        QFile::remove(bad);
        if (kind == QLatin1String("garbage")) {
            writeFile(bad, QByteArray(8192, 'x'));
        } else if (kind == QLatin1String("newer")) {
            QVERIFY(QFile::copy(QDir(m_sweep).filePath(QStringLiteral("job-3.db")), bad));
            sqlite3* db = nullptr;
            QCOMPARE(sqlite3_open(bad.toUtf8().constData(), &db), SQLITE_OK);
            QCOMPARE(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr),
                     SQLITE_OK);
            sqlite3_close(db);
        }
        const QString fresh = path(QStringLiteral("fresh.db"));
        const QString job0 = QDir(m_sweep).filePath(QStringLiteral("job-0.db"));
        Run r = cli({"merge", job0, bad, "--out", fresh});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(fresh));
        Run append = cli({"merge", bad, "--out", path(QStringLiteral("all.db"))});
        QCOMPARE(append.code, 4);
        QCOMPARE(runCount(path(QStringLiteral("all.db"))), 4);
    }

    void logsAndReplaysMerge() {
        // An imported log and a replay of it (a run with metrics but no events).
        QByteArray data;
        for (int i = 0; i < 300; ++i)
            data += QByteArray::number(i % 17 + 1) + '\t' + QByteArray::number(i * 7 % 23 + 1) +
                    "\t4\t" + QByteArray::number(881250949 + 60 * i) + '\n';
        writeFile(path(QStringLiteral("u.data")), data);
        const QString logs = path(QStringLiteral("logs.db"));
        QCOMPARE(cli({"import", "--format", "movielens", "--input", path(QStringLiteral("u.data")),
                      "--name", "ml", "--db", logs})
                     .code,
                 0);
        QCOMPARE(cli({"replay", "--log", "ml", "--recommender", "popularity", "--db", logs}).code,
                 0);
        // all.db gets a log of its own first, so that ml's ids must move.
        const QString all = path(QStringLiteral("all.db"));
        QCOMPARE(cli({"import", "--format", "movielens", "--input", path(QStringLiteral("u.data")),
                      "--name", "first", "--db", all})
                     .code,
                 0);
        Run r = cli({"merge", logs, "--out", all});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("1 run, 0 events")) &&
                     r.out.contains(QStringLiteral("1 log")),
                 qPrintable(r.out));
        QCOMPARE(runCount(all), 5);
        auto merged = sim::RunStore::open(all, sim::RunStore::Mode::ReadOnly);
        QVERIFY(merged);
        QCOMPARE(merged.value()->metricNames(5).value(),
                 sim::RunStore::open(logs, sim::RunStore::Mode::ReadOnly)
                     .value()
                     ->metricNames(1)
                     .value());
        Run exported = cli({"export", "--log", "ml", "--db", all});
        QVERIFY2(exported.code == 0, qPrintable(exported.err));
        QCOMPARE(exported.out.count(QLatin1Char('\n')), 301); // header + every event
        // The replay again is the same run (its metrics), the log name is taken: refused.
        Run again = cli({"merge", logs, "--out", all});
        QCOMPARE(again.code, 4);
        QVERIFY2(again.err.contains(QStringLiteral("the same run twice: run 1 of %1 and run 5 of "
                                                   "%2")
                                        .arg(logs, all)),
                 qPrintable(again.err));
        QCOMPARE(runCount(all), 5);
    }

    void tradeoffReport() {
        for (const QString& source : {m_sweep, path(QStringLiteral("all.db"))}) {
            Run r = cli({"report", "--sweep", source, "--json"});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            const QJsonArray sweeps =
                QJsonDocument::fromJson(r.out.toUtf8()).object().value("sweeps").toArray();
            QCOMPARE(sweeps.size(), 1);
            const QJsonArray points = sweeps.at(0).toObject().value("points").toArray();
            QCOMPARE(points.size(), 4);
            std::vector<core::Objectives> objectives;
            for (const QJsonValue& v : points) {
                const QJsonObject p = v.toObject();
                objectives.push_back({p.value("ctr").toDouble(), p.value("coverage").toDouble(),
                                      p.value("revenue").toDouble()});
                QCOMPARE(p.value("runs").toArray().size(), 1);
            }
            int marked = 0;
            for (int i = 0; i < 4; ++i) {
                bool dominated = false;
                for (int j = 0; j < 4; ++j)
                    dominated = dominated || core::dominates(objectives[j], objectives[i]);
                QCOMPARE(points.at(i).toObject().value("pareto").toBool(), !dominated);
                marked += dominated ? 0 : 1;
            }
            QVERIFY(marked >= 1);
            // history=2 vs 30 and neighbours=5 vs 200 both vary: both are named.
            QVERIFY(points.at(0).toObject().value("params_text").toString().contains("history=2"));
            Run text = cli({"report", "--sweep", source});
            QCOMPARE(text.code, 0);
            QCOMPARE(text.out.count(QRegularExpression(QStringLiteral("(?m)^\\s*\\*\\s"))), marked);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliSweep)
#include "tst_cli_sweep.moc"
