// Parameter schemas and the registry: parsing, ranges, defaults, unknown keys and ids.

#include "recoscope/core/params.h"
#include "recoscope/core/registry.h"

#include <QTest>

using namespace recoscope::core;

class TestParams : public QObject {
    Q_OBJECT

private:
    static ParamSpec spec(ParamKind kind) {
        ParamSpec s;
        s.key = "alpha";
        s.kind = kind;
        s.min = 1;
        s.max = 10;
        s.fallback =
            kind == ParamKind::Choice ? ParamValue(std::string("cosine")) : ParamValue(2.0);
        s.choices = {"cosine", "pearson"};
        return s;
    }

private slots:
    void parse_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("integer in range") << int(ParamKind::Integer) << "3" << true << "";
        QTest::newRow("integer fraction")
            << int(ParamKind::Integer) << "3.5" << false << "whole number";
        QTest::newRow("integer above max")
            << int(ParamKind::Integer) << "11" << false << "outside [1, 10]";
        QTest::newRow("real below min")
            << int(ParamKind::Real) << "0.5" << false << "outside [1, 10]";
        QTest::newRow("real junk") << int(ParamKind::Real) << "2x" << false << "not a number";
        QTest::newRow("real empty") << int(ParamKind::Real) << "" << false << "not a number";
        QTest::newRow("real nan") << int(ParamKind::Real) << "nan" << false << "finite";
        QTest::newRow("bool yes") << int(ParamKind::Boolean) << "yes" << true << "";
        QTest::newRow("bool junk")
            << int(ParamKind::Boolean) << "maybe" << false << "true or false";
        QTest::newRow("choice ok") << int(ParamKind::Choice) << "pearson" << true << "";
        QTest::newRow("choice bad")
            << int(ParamKind::Choice) << "jaccard" << false << "one of cosine, pearson";
    }
    void parse() {
        QFETCH(int, kind);
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, errorPart);
        Result<ParamValue> r =
            parseParamValue(spec(static_cast<ParamKind>(kind)), text.toStdString());
        QCOMPARE(r.ok(), ok);
        if (!ok) {
            const QString message = QString::fromStdString(r.error());
            QVERIFY2(message.contains(QStringLiteral("'alpha'")), qPrintable(message));
            QVERIFY2(message.contains(errorPart), qPrintable(message));
        }
    }

    void resolveFillsDefaultsAndRefusesUnknownKeys() {
        const std::vector<ParamSpec> schema{spec(ParamKind::Real)};
        Result<ParamValues> r = resolveParams(schema, {});
        QVERIFY(r.ok());
        QCOMPARE(r.value().number("alpha"), 2.0);
        QCOMPARE(QString::fromStdString(r.value().toJson()), QStringLiteral("{\"alpha\":2}"));

        Result<ParamValues> bad = resolveParams(schema, {{"beta", "1"}});
        QVERIFY(!bad.ok());
        QVERIFY(QString::fromStdString(bad.error())
                    .contains(QStringLiteral("unknown parameter 'beta'; known: alpha")));
    }

    void registryRefusesDuplicatesAndNamesKnownIds() {
        RecommenderRegistry registry;
        registerBuiltinRecommenders(registry);
        QVERIFY(registry.find("random"));
        QVERIFY(registry.find("popularity"));
        QVERIFY(registry.find("itemknn"));

        RecommenderEntry dup = *registry.find("random");
        QVERIFY(!registry.add(dup).ok());

        ItemTable items;
        UserTable users;
        RecommenderContext ctx{&items, &users, nullptr, 1};
        auto r = registry.create("no-such-core", std::map<std::string, std::string>{}, ctx);
        QVERIFY(!r.ok());
        const QString message = QString::fromStdString(r.error());
        QVERIFY2(message.contains(QStringLiteral("unknown recommender 'no-such-core'")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("random")) &&
                     message.contains(QStringLiteral("itemknn")),
                 qPrintable(message));
    }

    void registryRefusesOutOfRangeParameters() {
        RecommenderRegistry registry;
        registerBuiltinRecommenders(registry);
        ItemTable items;
        UserTable users;
        RecommenderContext ctx{&items, &users, nullptr, 1};
        auto r = registry.create("itemknn", {{"history", "0"}}, ctx);
        QVERIFY(!r.ok());
        const QString message = QString::fromStdString(r.error());
        QVERIFY2(message.contains(QStringLiteral("'history'")) &&
                     message.contains(QStringLiteral("[1, 200]")),
                 qPrintable(message));
    }

    void createdCoresReportTheirParameters() {
        RecommenderRegistry registry;
        registerBuiltinRecommenders(registry);
        ItemTable items;
        UserTable users;
        RecommenderContext ctx{&items, &users, nullptr, 1};
        auto r = registry.create("itemknn", {{"history", "7"}}, ctx);
        QVERIFY(r.ok());
        QCOMPARE(r.value()->parameters().number("history"), 7.0);
        QVERIFY(r.value()->parameters().has("neighbours")); // the default is reported too
    }

    void everyDefaultIsInsideItsOwnRange() {
        RecommenderRegistry registry;
        registerBuiltinRecommenders(registry);
        for (const RecommenderEntry& e : registry.entries())
            for (const ParamSpec& s : e.params)
                QVERIFY2(checkParamValue(s, s.fallback).ok(), (e.id + "." + s.key).c_str());
    }
};

QTEST_APPLESS_MAIN(TestParams)
#include "tst_params.moc"
