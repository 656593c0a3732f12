// Nothing lost when the process dies or the disk fills (issue 17, "Data safety"):
// - SIGKILL at 20 moments of a run: every store passes PRAGMA integrity_check, the run is
//   marked interrupted on the next writable open, and the events it kept are exactly the
//   first events of the same run completed elsewhere (same scenario, seed and core): only
//   the tail that had not been committed is missing, nothing inside is lost or altered;
// - a file-size limit (a full disk, as `ulimit -f`): exit 4 with a message naming the
//   file, the run recorded as failed, the store intact and still usable;
// - a read-only store (file 0444 in a 0555 folder, the CLI run as `nobody` when the test
//   runs as root, since root writes anyway): a run is refused with exit 4 and a message
//   naming the file and saying read-only; listing and reporting still work; not a byte of
//   the file changes.

#include "cli_process.h"
#include "recoscope/sim/run_store.h"
#include "test_paths.h"

#include <QCryptographicHash>
#include <QFile>

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <signal.h>
#include <sys/resource.h>

using namespace recoscope;

namespace {

const QStringList kRun = {"run",    "--scenario", "default",  "--recommender", "itemknn",
                          "--seed", "7",          "--events", "400000"};

} // namespace

class TestDataSafety : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void killedRunsKeepAnExactPrefix() {
        const QString refDb = m_dir.filePath(QStringLiteral("reference.db"));
        {
            QProcess ref;
            ref.start(recoscope::test::cliPath(), kRun + QStringList{"--db", refDb});
            QVERIFY(ref.waitForFinished(600000));
            QCOMPARE(ref.exitCode(), 0);
        }
        auto reference = sim::RunStore::open(refDb, sim::RunStore::Mode::ReadOnly);
        QVERIFY(reference.ok());
        const qint64 refRun = reference.value()->runs().value().first().id;
        const qint64 total = reference.value()->eventCount(refRun).value();
        QVERIFY(total > 100000); // the scenario's end or the event limit
        int killedMidRun = 0;
        for (int i = 0; i < 20; ++i) {
            const QString db = m_dir.filePath(QStringLiteral("killed-%1.db").arg(i));
            QProcess p;
            p.start(recoscope::test::cliPath(), kRun + QStringList{"--db", db});
            QVERIFY(p.waitForStarted());
            QTest::qWait(80 + 73 * i); // spread over the run's first seconds
            p.kill();                  // SIGKILL: no handler runs
            QVERIFY(p.waitForFinished(30000));
            auto store = sim::RunStore::open(db); // writable: marks dead runs
            QVERIFY2(store.ok(), store.ok() ? "" : store.error().c_str());
            QCOMPARE(store.value()->integrityCheck().value(), QStringLiteral("ok"));
            const auto runs = store.value()->runs().value();
            if (runs.isEmpty())
                continue; // killed before the run was recorded
            const sim::RunRecord& r = runs.first();
            const qint64 kept = store.value()->eventCount(r.id).value();
            if (r.status == QLatin1String("finished")) {
                QCOMPARE(kept, total);
                continue;
            }
            ++killedMidRun;
            QCOMPARE(r.status, QStringLiteral("interrupted"));
            QCOMPARE(store.value()->interruptedOnOpen().size(), std::size_t{1});
            QVERIFY(kept <= total);
            // The kept events are the reference's first `kept`, field for field.
            for (qint64 from = 0; from < kept; from += 50000) {
                const qint64 n = std::min<qint64>(50000, kept - from);
                const auto got = store.value()->events(r.id, from, n).value();
                const auto want = reference.value()->events(refRun, from, n).value();
                QCOMPARE(got.size(), want.size());
                QVERIFY2(
                    got == want,
                    qPrintable(QStringLiteral("kill %1: events from %2 differ").arg(i).arg(from)));
            }
        }
        // Most kills must land inside a run, or this proves little.
        QVERIFY2(killedMidRun >= 10, qPrintable(QString::number(killedMidRun)));
    }

    void fullDiskFailsCleanly() {
        const QString db = m_dir.filePath(QStringLiteral("full.db"));
        QProcess p;
        // 2 MiB per file for the child, and SIGXFSZ ignored so that writes fail with EFBIG
        // the way they fail on a full disk instead of killing the process.
        p.setChildProcessModifier([] {
            rlimit limit{2u << 20, 2u << 20};
            setrlimit(RLIMIT_FSIZE, &limit);
            signal(SIGXFSZ, SIG_IGN);
        });
        p.start(recoscope::test::cliPath(), {"run", "--scenario", "default", "--recommender",
                                             "popularity", "--events", "2000000", "--db", db});
        QVERIFY(p.waitForFinished(300000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 4);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(db));
        auto store = sim::RunStore::open(db);
        QVERIFY(store.ok());
        QCOMPARE(store.value()->integrityCheck().value(), QStringLiteral("ok"));
        const auto runs = store.value()->runs().value();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().status, QStringLiteral("failed"));
        // Still usable: a small run in the same store.
        QProcess small;
        small.start(recoscope::test::cliPath(),
                    {"run", "--scenario", "teaching-small", "--recommender", "random", "--events",
                     "50", "--db", db});
        QVERIFY(small.waitForFinished(60000));
        QCOMPARE(small.exitCode(), 0);
    }

    void readOnlyStoreRefusesRunsAndStillReads() {
        // A folder `nobody` may enter: QTemporaryDir makes its own 0700.
        const QString dir = m_dir.filePath(QStringLiteral("readonly"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                        QFile::ExeOwner | QFile::ReadOther |
                                                        QFile::ExeOther));
        const QString db = dir + QStringLiteral("/archive.db");
        QCOMPARE(test::cli({"run", "--scenario", "teaching-small", "--recommender", "random",
                            "--events", "200", "--db", db})
                     .code,
                 0);
        const QFile::Permissions readOnly = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
        QVERIFY(QFile::setPermissions(db, readOnly));
        QVERIFY(QFile::setPermissions(dir, readOnly | QFile::ExeOwner | QFile::ExeGroup |
                                               QFile::ExeOther));
        const QByteArray before = sha256(db);
        const test::CliOptions asNobody{QString(), 240000, true};

        const test::CliResult run =
            test::cli({"run", "--scenario", "teaching-small", "--recommender", "random", "--events",
                       "50", "--db", db},
                      asNobody);
        QCOMPARE(run.code, 4);
        QVERIFY2(run.err.contains(db) && run.err.contains(QStringLiteral("read-only")),
                 qPrintable(run.err));
        // Mutation check: without RunStore's read-only check, SQLite's own "attempt to write
        // a readonly database" was reported as "not a readable Recoscope run store".
        QVERIFY2(!run.err.contains(QStringLiteral("not a readable")), qPrintable(run.err));

        const test::CliResult runs = test::cli({"runs", "--db", db}, asNobody);
        QCOMPARE(runs.code, 0);
        QVERIFY2(runs.out.contains(QStringLiteral("teaching-small")), qPrintable(runs.out));
        const test::CliResult report = test::cli({"report", "--run", "1", "--db", db}, asNobody);
        QCOMPARE(report.code, 0);
        QVERIFY2(report.out.contains(QStringLiteral("CTR")), qPrintable(report.out));
        QCOMPARE(sha256(db), before);
        QVERIFY(!QFileInfo::exists(db + QStringLiteral("-wal")));

        QVERIFY(QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QVERIFY(QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner));
    }

private:
    static QByteArray sha256(const QString& path) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }
};

QTEST_GUILESS_MAIN(TestDataSafety)
#include "tst_data_safety.moc"
