// Scenario files: defaults, validation messages (file, line, JSON path, expectation),
// unknown fields, built-in presets and the canonical hash.

#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/scenario.h"

#include <QTemporaryDir>
#include <QTest>

using namespace recoscope;

class TestScenario : public QObject {
    Q_OBJECT

private slots:
    void everyBuiltinLoads() {
        const auto list = sim::builtinScenarios();
        QVERIFY(!list.isEmpty());
        QCOMPARE(list.first().name, QStringLiteral("default"));
        for (const sim::BuiltinScenarioInfo& info : list) {
            auto s = sim::loadBuiltinScenario(info.name);
            QVERIFY2(s.ok(), s.ok() ? "" : s.error().c_str());
            QCOMPARE(s.value().name, info.name);
            QVERIFY2(!info.description.isEmpty(), qPrintable(info.name));
        }
    }

    void missingFieldsTakeDefaults() {
        auto s = sim::parseScenario("{\"name\": \"tiny\"}", QStringLiteral("tiny.json"));
        QVERIFY(s.ok());
        QCOMPARE(s.value().catalogue.items, sim::CatalogueSpec{}.items);
        QCOMPARE(s.value().population.users, sim::PopulationSpec{}.users);
    }

    void errors_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("out of range")
            << QByteArray("{\n  \"catalogue\": {\n    \"items\": 5\n  }\n}")
            << QStringList{QStringLiteral("bad.json:3: $.catalogue.items: expected a whole number "
                                          "in [10, 2000000], got the number 5")};
        QTest::newRow("wrong type")
            << QByteArray("{\"population\": {\"users\": \"many\"}}")
            << QStringList{QStringLiteral("$.population.users: expected a whole number"),
                           QStringLiteral("got the text \"many\"")};
        QTest::newRow("unknown field")
            << QByteArray("{\"behaviour\": {\"positon_bias\": 0.5}}")
            << QStringList{QStringLiteral("$.behaviour.positon_bias: unknown field"),
                           QStringLiteral("position_bias")};
        QTest::newRow("syntax") << QByteArray("{\n \"name\": \"x\",\n \"seed\": }")
                                << QStringList{QStringLiteral("bad.json:3:"),
                                               QStringLiteral("invalid JSON")};
        // The issue's own example: the later "population" used to win without a word.
        // (Mutation tried: parse() without checkDuplicateKeys() -> this row fails.)
        QTest::newRow("duplicate key")
            << QByteArray("{\"population\": {\"users\": 100},\n \"population\": {\"users\": 200}}")
            << QStringList{QStringLiteral("bad.json:2: $.population: duplicate key \"population\" "
                                          "(first on line 1)")};
        QTest::newRow("duplicate nested key, escaped spelling")
            << QByteArray("{\"catalogue\": {\n\"items\": 50,\n\"it\\u0065ms\": 60}}")
            << QStringList{QStringLiteral("bad.json:3: $.catalogue.items: duplicate key")};
        QTest::newRow("duplicate key inside a timeline entry")
            << QByteArray("{\"timeline\": [{\"type\": \"season\"},\n {\"type\": \"season\", "
                          "\"factor\": 2,\n \"factor\": 3}]}")
            << QStringList{QStringLiteral("bad.json:3: $.timeline[1].factor: duplicate key")};
        QTest::newRow("not an object")
            << QByteArray("[1, 2]") << QStringList{QStringLiteral("expected a JSON object")};
        QTest::newRow("weights size")
            << QByteArray("{\"behaviour\": {\"hourly\": [1, 2, 3]}}")
            << QStringList{QStringLiteral("$.behaviour.hourly: expected an array of 24")};
        QTest::newRow("several at once")
            << QByteArray("{\"slate_size\": 0, \"duration_days\": -1}")
            << QStringList{QStringLiteral("$.slate_size: expected a whole number in [1, 100]"),
                           QStringLiteral("$.duration_days: expected a number in")};
    }
    void errors() {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, expected);
        auto s = sim::parseScenario(json, QStringLiteral("bad.json"));
        QVERIFY(!s.ok());
        const QString message = QString::fromStdString(s.error());
        for (const QString& part : expected)
            QVERIFY2(message.contains(part), qPrintable(message));
    }

    void fileErrorsNameTheFile() {
        auto missing = sim::loadScenario(QStringLiteral("/no/such/dir/shop.json"));
        QVERIFY(!missing.ok());
        QVERIFY(QString::fromStdString(missing.error())
                    .contains(QStringLiteral("/no/such/dir/shop.json")));

        auto unknown = sim::loadScenario(QStringLiteral("no-such-preset"));
        QVERIFY(!unknown.ok());
        QVERIFY(QString::fromStdString(unknown.error()).contains(QStringLiteral("default")));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shop.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"catalogue\": {\"items\": 1e9}}");
        f.close();
        auto bad = sim::loadScenario(path);
        QVERIFY(!bad.ok());
        QVERIFY(QString::fromStdString(bad.error())
                    .startsWith(path + QStringLiteral(":1: $.catalogue.items")));
    }

    void hashIsCanonical() {
        // Same resolved content, different spelling => same hash; any change => new hash.
        auto a = sim::parseScenario("{\"name\": \"x\"}", QStringLiteral("a"));
        auto b = sim::parseScenario("{ \"catalogue\": {\"items\": 3000}, \"name\": \"x\" }",
                                    QStringLiteral("b"));
        auto c = sim::parseScenario("{\"name\": \"x\", \"catalogue\": {\"items\": 3001}}",
                                    QStringLiteral("c"));
        QVERIFY(a.ok() && b.ok() && c.ok());
        QCOMPARE(a.value().hash(), b.value().hash());
        QVERIFY(a.value().hash() != c.value().hash());
        // Round trip: the canonical JSON parses back to the same scenario.
        auto again = sim::parseScenario(a.value().canonicalJson(), QStringLiteral("again"));
        QVERIFY(again.ok());
        QCOMPARE(again.value().hash(), a.value().hash());
    }
};

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
