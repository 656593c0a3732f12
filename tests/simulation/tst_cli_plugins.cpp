// recoscope-cli --plugin end to end (issue 15): the built binary loads the example plugin
// built by this tree (examples/cpp-plugin), lists, runs and compares its core, and refuses
// broken plugins with a message naming the file and a non-zero exit.

#include "cli_process.h"
#include "recoscope/core/plugin_api.h"
#include "recoscope/sim/command_line.h"
#include "test_paths.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace recoscope;

namespace {

using Result = test::CliResult;
using test::cli;

QString plugin(const char* name) {
    return recoscope::test::pluginPath(QString::fromLatin1(name));
}

} // namespace

class TstCliPlugins : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    const QString m_example = plugin("libprice_neighbours.so");

private slots:
    void listShowsThePluginsCores() {
        Result plain = cli({"list-recommenders"});
        QCOMPARE(plain.code, 0);
        QVERIFY(!plain.out.contains(QStringLiteral("price-neighbours")));

        Result r = cli({"list-recommenders", "--plugin", m_example});
        QCOMPARE(r.code, 0);
        const QString canonical = QFileInfo(m_example).canonicalFilePath();
        QVERIFY2(r.out.contains(QStringLiteral("price-neighbours\t")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("[plugin %1]").arg(canonical)), qPrintable(r.out));

        Result js = cli({"list-recommenders", "--json", "--plugin=" + m_example});
        QCOMPARE(js.code, 0);
        int external = 0;
        for (const QJsonValue& v : QJsonDocument::fromJson(js.out.toUtf8()).array()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("origin")).toString().isEmpty())
                continue;
            ++external;
            QCOMPARE(o.value(QStringLiteral("id")).toString(), QStringLiteral("price-neighbours"));
            QCOMPARE(o.value(QStringLiteral("origin")).toString(), canonical);
            QCOMPARE(o.value(QStringLiteral("params")).toArray().size(), 3);
        }
        QCOMPARE(external, 1);
    }

    void runsThePluginsCore() {
        const QString db = m_dir.filePath(QStringLiteral("plugin.db"));
        Result r = cli({"run", "--plugin", m_example, "--scenario", "default", "--recommender",
                        "price-neighbours", "--param", "history=8", "--seed", "7", "--events",
                        "20000", "--db", db, "--json"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject s = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(s.value(QStringLiteral("recommender")).toString(),
                 QStringLiteral("price-neighbours"));
        QVERIFY(s.value(QStringLiteral("events")).toInteger() >= 20000);
        QVERIFY(s.value(QStringLiteral("impressions")).toInteger() > 0);
        QVERIFY2(s.value(QStringLiteral("clicks")).toInteger() > 0, qPrintable(r.out));

        // Without --plugin the id is unknown: a usage error listing the known ones.
        Result unknown = cli({"run", "--scenario", "default", "--recommender", "price-neighbours",
                              "--events", "100", "--no-db"});
        QCOMPARE(unknown.code, int(sim::ExitUsage));
        QVERIFY2(unknown.err.contains(QStringLiteral("unknown recommender 'price-neighbours'")),
                 qPrintable(unknown.err));
    }

    void comparesThePluginWithABuiltInCore() {
        Result r = cli({"compare", "--scenario", "teaching-small", "--recommenders",
                        "popularity,price-neighbours", "--plugin", m_example, "--events", "5000",
                        "--json"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray cores = QJsonDocument::fromJson(r.out.toUtf8())
                                     .object()
                                     .value(QStringLiteral("cores"))
                                     .toArray();
        QCOMPARE(cores.size(), 2);
        QVERIFY2(QJsonDocument(cores[1].toObject()).toJson().contains("price-neighbours"),
                 qPrintable(r.out));
    }

    void refusesBrokenPlugins_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("wrong version")
            << plugin("libtest_plugin_wrong_version.so")
            << QStringList{
                   QStringLiteral("libtest_plugin_wrong_version.so"),
                   QStringLiteral("interface version %1")
                       .arg(RECOSCOPE_PLUGIN_INTERFACE_VERSION + 1),
                   QStringLiteral("loads version %1").arg(RECOSCOPE_PLUGIN_INTERFACE_VERSION)};
        QTest::newRow("not a plugin") << plugin("libtest_plugin_no_info.so")
                                      << QStringList{QStringLiteral("recoscope_plugin_info")};
        QTest::newRow("duplicate id")
            << plugin("libtest_plugin_duplicate.so") << QStringList{QStringLiteral("'popularity'")};
        QTest::newRow("missing") << plugin("libgone.so")
                                 << QStringList{QStringLiteral("libgone.so: no such file")};
    }
    void refusesBrokenPlugins() {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        Result r = cli({"run", "--plugin", m_example, "--plugin", file, "--scenario", "default",
                        "--recommender", "price-neighbours", "--events", "100", "--no-db"});
        QCOMPARE(r.code, int(sim::ExitBadInput));
        QVERIFY(r.out.isEmpty());
        for (const QString& part : expected)
            QVERIFY2(r.err.contains(part), qPrintable(r.err));
    }

    void pluginNeedsAFile() {
        Result r = cli({"run", "--scenario", "default", "--recommender", "random", "--plugin"});
        QCOMPARE(r.code, int(sim::ExitUsage));
        QVERIFY2(r.err.contains(QStringLiteral("--plugin needs a file")), qPrintable(r.err));
        // A command that takes no recommender refuses the option as any unknown one.
        Result runs = cli({"runs", "--plugin", m_example, "--db", m_dir.filePath("x.db")});
        QCOMPARE(runs.code, int(sim::ExitUsage));
    }
};

QTEST_GUILESS_MAIN(TstCliPlugins)
#include "tst_cli_plugins.moc"
