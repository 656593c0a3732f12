// `recoscope-cli export` as a user runs it: a stored run and an imported MovieLens file
// exported to a file and to stdout, anonymised with a printed salt and again with that
// salt, and every documented failure with its exit code (docs/cli.md) — none of which
// leaves an output file behind or touches an existing one.

#include "test_paths.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result {
    int code = -1;
    QByteArray out;
    QString err;
};

Result cli(const QStringList& args) {
    QProcess p;
    p.start(recoscope::test::cliPath(), args);
    if (!p.waitForFinished(240000))
        qFatal("recoscope-cli did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError())};
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The --json report: the last line of stderr.
QJsonObject report(const Result& r) {
    const QStringList lines = r.err.trimmed().split(QLatin1Char('\n'));
    return QJsonDocument::fromJson(lines.last().toUtf8()).object();
}

} // namespace

class TestCliExport : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;

private slots:
    void initTestCase() {
        m_db = m_dir.filePath(QStringLiteral("x.db"));
        QCOMPARE(cli({"run", "--scenario", "default", "--recommender", "popularity", "--events",
                      "3000", "--db", m_db})
                     .code,
                 0);
        const QString data = m_dir.filePath(QStringLiteral("u.data"));
        QFile f(data);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 300; ++i)
            f.write(QByteArray::number(i % 23 + 1) + '\t' + QByteArray::number(i % 41 + 1) +
                    "\t3\t" + QByteArray::number(881250949 + 61 * i) + '\n');
        f.close();
        QCOMPARE(
            cli({"import", "--format", "movielens", "--input", data, "--name", "ml", "--db", m_db})
                .code,
            0);
        // Run 2: a replay of the log, which stores metrics, not events.
        QCOMPARE(cli({"replay", "--db", m_db, "--log", "ml", "--recommender", "popularity"}).code,
                 0);
    }

    void exportsRunAndLog() {
        const QString out = m_dir.filePath(QStringLiteral("run.csv"));
        Result csv = cli({"export", "--db", m_db, "--run", "1", "--out", out});
        QCOMPARE(csv.code, 0);
        QVERIFY2(csv.err.contains(QStringLiteral("exported 3000 events")), qPrintable(csv.err));
        const QList<QByteArray> lines = readFile(out).split('\n');
        QCOMPARE(lines.first(), QByteArray("time,user,item,kind,value,age_band,gender,occupation,"
                                           "region"));
        QCOMPARE(lines.size(), 3002); // header, 3000 events, the final newline

        Result jsonl = cli({"export", "--db", m_db, "--log", "ml", "--format", "jsonl"});
        QCOMPARE(jsonl.code, 0);
        const QList<QByteArray> objects = jsonl.out.trimmed().split('\n');
        QCOMPARE(objects.size(), 300);
        const QJsonObject first = QJsonDocument::fromJson(objects.first()).object();
        QCOMPARE(first.value(QStringLiteral("user")).toString(), QStringLiteral("1"));
        QCOMPARE(first.value(QStringLiteral("time")).toDouble(), 881250949.0);
    }

    void anonymisedWithPrintedSalt() {
        const QString a = m_dir.filePath(QStringLiteral("a.jsonl"));
        const QString b = m_dir.filePath(QStringLiteral("b.jsonl"));
        Result first = cli({"export", "--db", m_db, "--run", "1", "--format", "jsonl", "--out", a,
                            "--anonymise", "--json"});
        QCOMPARE(first.code, 0);
        const QJsonObject r = report(first);
        const QString salt = r.value(QStringLiteral("salt")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(salt).hasMatch(),
                 qPrintable(first.err));
        QCOMPARE(r.value(QStringLiteral("k")).toInt(), 5);
        QCOMPARE(r.value(QStringLiteral("time_granularity")).toString(), QStringLiteral("hour"));
        QCOMPARE(r.value(QStringLiteral("events")).toInteger(), 3000);
        QVERIFY(r.value(QStringLiteral("suppressed_users"))
                    .toObject()
                    .value(QStringLiteral("region"))
                    .toInteger() > 0);
        // The salt is printed once and stored nowhere: not in the output, not in the store.
        QVERIFY(!readFile(a).contains(salt.toLatin1()));
        QVERIFY(!readFile(m_db).contains(salt.toLatin1()));

        Result again = cli({"export", "--db", m_db, "--run", "1", "--format", "jsonl", "--out", b,
                            "--anonymise", "--salt", salt, "--json"});
        QCOMPARE(again.code, 0);
        QVERIFY(!report(again).contains(QStringLiteral("salt")));
        QCOMPARE(readFile(a), readFile(b));

        Result text = cli({"export", "--db", m_db, "--log", "ml", "--anonymise", "--k", "3",
                           "--time-granularity", "day"});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.err.contains(QStringLiteral("only ids and times were transformed")),
                 qPrintable(text.err));
        QCOMPARE(text.err.count(QStringLiteral("salt: ")), 1);
        QVERIFY(text.out.startsWith("time,user,item,kind,value\n881193600,"));
    }

    void failures_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString db = m_dir.filePath(QStringLiteral("x.db"));
        QTest::newRow("unknown format")
            << QStringList{"--run", "1", "--format", "xml"} << 2 << "expected csv or jsonl";
        QTest::newRow("run and log")
            << QStringList{"--run", "1", "--log", "ml"} << 2 << "either --run N or --log NAME";
        QTest::newRow("k below 2")
            << QStringList{"--run", "1", "--anonymise", "--k", "1"} << 2 << "--k expects";
        QTest::newRow("salt without anonymise")
            << QStringList{"--run", "1", "--salt", QString(64, QLatin1Char('a'))} << 2
            << "go with --anonymise";
        QTest::newRow("short salt")
            << QStringList{"--run", "1", "--anonymise", "--salt", "abcd"} << 2 << "--salt expects";
        QTest::newRow("bad granularity")
            << QStringList{"--run", "1", "--anonymise", "--time-granularity", "week"} << 2
            << "second, minute, hour or day";
        QTest::newRow("missing run") << QStringList{"--run", "99"} << 4 << "no run 99";
        QTest::newRow("replay run") << QStringList{"--run", "2"} << 4 << "is a replay of log 'ml'";
        QTest::newRow("missing log") << QStringList{"--log", "none"} << 4 << "no log named";
        QTest::newRow("unwritable out")
            << QStringList{"--run", "1", "--out", m_dir.filePath(QStringLiteral("no/such/f.csv"))}
            << 3 << "no/such/f.csv: cannot write";
    }
    void failures() {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        // An existing output file is left as it was by every failure.
        const QString keep = m_dir.filePath(QStringLiteral("keep.csv"));
        QFile f(keep);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious\n");
        f.close();
        QStringList full{"export", "--db", m_db};
        full += args;
        if (!args.contains(QStringLiteral("--out")))
            full += QStringList{"--out", keep};
        Result r = cli(full);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(readFile(keep), QByteArray("precious\n"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("no"))));
    }

    void missingStore() {
        Result r = cli({"export", "--db", m_dir.filePath(QStringLiteral("none.db")), "--run", "1"});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains(QStringLiteral("no such run store")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
