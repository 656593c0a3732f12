// The scenario field table against the parser and the writer, row by row: a value just
// outside a row's range is refused with a message naming the path and the range, a value
// at each bound is accepted and stored, every field survives toJson -> parse, and the
// field reference in docs/scenario-format.md is the one the table generates.

#include "recoscope/sim/number_range.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/sim/scenario_fields.h"
#include "test_paths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace recoscope;
using Type = sim::ScenarioField::Type;

namespace {

// A scenario document with `value` at `path` ("catalogue.items") and nothing else.
QByteArray withValue(const QString& path, const QJsonValue& value) {
    const QStringList parts = path.split(QLatin1Char('.'));
    QJsonValue v = value;
    for (qsizetype i = parts.size() - 1; i >= 0; --i)
        v = QJsonObject{{parts[i], v}};
    return QJsonDocument(v.toObject()).toJson();
}

// The value toJson() wrote at a path.
QJsonValue valueAt(const QJsonObject& root, const QString& path) {
    QJsonValue v = root;
    for (const QString& part : path.split(QLatin1Char('.')))
        v = v.toObject().value(part);
    return v;
}

// Just outside a bound: the next whole number for integer rows, the next double for the
// others, or the bound itself when the bound is open.
double outside(const sim::ScenarioField& f, bool lower) {
    const double bound = lower ? f.range.min : f.range.max;
    if (lower ? f.range.minOpen : f.range.maxOpen)
        return bound;
    // Beyond 2^53 (the seed's bound) bound + 1 is not a double: the next whole number a
    // JSON document can hold is the next double.
    if (f.type == Type::Integer && bound + (lower ? -1 : 1) != bound)
        return lower ? bound - 1 : bound + 1;
    return std::nextafter(bound, lower ? -std::numeric_limits<double>::infinity()
                                       : std::numeric_limits<double>::infinity());
}

double inside(const sim::ScenarioField& f, bool lower) {
    const double bound = lower ? f.range.min : f.range.max;
    if (!(lower ? f.range.minOpen : f.range.maxOpen))
        return bound;
    return f.type == Type::Integer ? bound + (lower ? 1 : -1)
                                   : std::nextafter(bound, lower ? f.range.max : f.range.min);
}

} // namespace

class TestScenarioFields : public QObject {
    Q_OBJECT

private slots:
    void tableIsConsistent() {
        QStringList paths;
        for (const sim::ScenarioField& f : sim::scenarioFields()) {
            QVERIFY2(!paths.contains(f.path), qPrintable(f.path));
            paths << f.path;
            QVERIFY2(*f.label && *f.help, qPrintable(f.path));
            QVERIFY2(f.read || f.type == Type::Object, qPrintable(f.path));
            if (!f.parent().isEmpty()) {
                const sim::ScenarioField* parent = sim::findScenarioField(f.parent());
                QVERIFY2(parent && parent->type == Type::Object, qPrintable(f.path));
                QVERIFY2(paths.contains(f.parent()), "parents come before their children");
            }
            if (f.numeric()) {
                QVERIFY2(f.range.min <= f.range.max, qPrintable(f.path));
                const double d = f.defaultValue().toDouble();
                QVERIFY2(f.range.contains(d), qPrintable(f.path + QStringLiteral(": default")));
            }
            if (f.type == Type::Choice)
                QVERIFY(f.choices.contains(f.defaultValue().toString()));
            if (f.type == Type::Weights) {
                const auto n = f.defaultValue().toArray().size();
                QVERIFY2(n >= f.minCount && (f.maxCount == 0 || n <= f.maxCount),
                         qPrintable(f.path));
            }
        }
        QVERIFY(sim::findScenarioField(QStringLiteral("$.catalogue.items")));
        QVERIFY(!sim::findScenarioField(QStringLiteral("catalogue.itemz")));
    }

    void numberRange() {
        const sim::NumberRange open{0.0, 1.0, true, false};
        QVERIFY(!open.contains(0.0));
        QVERIFY(open.contains(1e-300));
        QVERIFY(open.contains(1.0));
        QVERIFY(!open.contains(std::nan("")));
        QCOMPARE(open.text(false), QStringLiteral("(0, 1]"));
        const sim::NumberRange seed{0.0, 9007199254740992.0, false, true};
        QCOMPARE(seed.text(true), QStringLiteral("[0, 9007199254740992)"));
        QVERIFY(!seed.contains(9007199254740992.0));
    }

    void boundsAreEnforced_data() {
        QTest::addColumn<QString>("path");
        for (const sim::ScenarioField& f : sim::scenarioFields())
            if (f.numeric())
                QTest::newRow(qPrintable(f.path)) << f.path;
    }
    void boundsAreEnforced() {
        QFETCH(QString, path);
        const sim::ScenarioField& f = *sim::findScenarioField(path);
        const QString range = f.range.text(f.type == Type::Integer);
        for (bool lower : {true, false}) {
            const double bad = outside(f, lower);
            auto refused = sim::parseScenario(withValue(f.path, bad), QStringLiteral("f.json"));
            QVERIFY2(!refused.ok(), qPrintable(QStringLiteral("%1 = %2").arg(path).arg(bad)));
            const QString message = QString::fromStdString(refused.error());
            QVERIFY2(message.startsWith(QStringLiteral("f.json:")), qPrintable(message));
            QVERIFY2(message.contains(f.jsonPath() + QStringLiteral(": expected ")),
                     qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral(" in ") + range + QStringLiteral(", got")),
                     qPrintable(message));
            // The structured issue carries the same bound.
            const sim::ScenarioCheck check =
                sim::checkScenario(withValue(f.path, bad), QStringLiteral("f.json"));
            QCOMPARE(check.issues.size(), 1);
            QCOMPARE(check.issues[0].path, f.jsonPath());
            QCOMPARE(check.issues[0].kind, f.type == Type::Integer
                                               ? sim::ValidationIssue::Kind::WholeNumber
                                               : sim::ValidationIssue::Kind::Number);
            QCOMPARE(check.issues[0].range.min, f.range.min);
            QCOMPARE(check.issues[0].range.max, f.range.max);
            QCOMPARE(check.issues[0].got.toDouble(), bad);

            const double good = inside(f, lower);
            auto accepted = sim::parseScenario(withValue(f.path, good), QStringLiteral("f.json"));
            QVERIFY2(accepted.ok(), accepted.ok() ? "" : accepted.error().c_str());
            QCOMPARE(f.read(accepted.value()).toDouble(), good);
        }
    }

    void everyFieldRoundTrips_data() {
        QTest::addColumn<QString>("path");
        for (const sim::ScenarioField& f : sim::scenarioFields())
            if (f.write)
                QTest::newRow(qPrintable(f.path)) << f.path;
    }
    void everyFieldRoundTrips() {
        QFETCH(QString, path);
        const sim::ScenarioField& f = *sim::findScenarioField(path);
        // A valid value unlike the default, so that a writer that drops it is caught.
        QJsonValue value;
        switch (f.type) {
        case Type::Integer:
            value = f.defaultValue().toDouble() == f.range.max ? f.range.min : f.range.max;
            break;
        case Type::Real:
            value = (f.range.min + f.range.max) / 3.0;
            break;
        case Type::Text:
            // One word: a valid core spec too (surfaces.*; the registry checks ids at run time).
            value = QStringLiteral("round-trip");
            break;
        case Type::Choice:
            value = f.choices.last() == f.defaultValue().toString() ? f.choices.first()
                                                                    : f.choices.last();
            break;
        case Type::Weights: {
            QJsonArray a;
            for (int i = 0; i < std::max(f.minCount, 2); ++i)
                a.append(0.5 + i);
            value = a;
            break;
        }
        case Type::Object:
        case Type::List:
            QFAIL("not a scalar row");
        }
        QVERIFY(value != f.defaultValue());
        auto first = sim::parseScenario(withValue(f.path, value), QStringLiteral("a.json"));
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().c_str());
        QCOMPARE(f.read(first.value()).toVariant(), value.toVariant());
        const QJsonObject written = first.value().toJson();
        QCOMPARE(valueAt(written, f.path).toVariant(), value.toVariant());
        auto again = sim::parseScenario(first.value().canonicalJson(), QStringLiteral("b.json"));
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().c_str());
        QCOMPARE(f.read(again.value()).toVariant(), value.toVariant());
        QCOMPARE(again.value().hash(), first.value().hash());
    }

    void cliPrintsAndUpdates() {
        QProcess cli;
        cli.start(recoscope::test::cliPath(),
                  {QStringLiteral("list-scenario-fields"), QStringLiteral("--json")});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonArray rows = QJsonDocument::fromJson(cli.readAllStandardOutput()).array();
        QCOMPARE(rows.size(), qsizetype(sim::scenarioFields().size()));
        const QJsonObject items =
            rows.at(sim::findScenarioField(QStringLiteral("catalogue.items")) -
                    sim::scenarioFields().data())
                .toObject();
        QCOMPARE(items.value(QStringLiteral("path")).toString(), QStringLiteral("catalogue.items"));
        QCOMPARE(items.value(QStringLiteral("min")).toDouble(), 10.0);
        QCOMPARE(items.value(QStringLiteral("default")).toInt(), sim::CatalogueSpec{}.items);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("doc.md"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# A\n<!-- scenario-fields:begin -->\nold\n<!-- scenario-fields:end -->\ntail\n");
        f.close();
        cli.start(recoscope::test::cliPath(),
                  {QStringLiteral("list-scenario-fields"), QStringLiteral("--update"), path});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 0);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()),
                 QStringLiteral("# A\n<!-- scenario-fields:begin -->\n\n") +
                     sim::scenarioFieldsMarkdown() +
                     QStringLiteral("\n<!-- scenario-fields:end -->\ntail\n"));
        f.close();
        // No markers: refused as bad input, the file left alone.
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("no block here\n");
        f.close();
        cli.start(recoscope::test::cliPath(),
                  {QStringLiteral("list-scenario-fields"), QStringLiteral("--update"), path});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 3);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("no block here\n"));
    }

    void docsTableIsGenerated() {
        // Regenerate with `make scenario-fields-doc` (recoscope-cli list-scenario-fields
        // --update docs/scenario-format.md).
        QFile file(recoscope::test::sourcePath(QStringLiteral("/docs/scenario-format.md")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString doc = QString::fromUtf8(file.readAll());
        const QString begin = QStringLiteral("<!-- scenario-fields:begin -->");
        const QString end = QStringLiteral("<!-- scenario-fields:end -->");
        const qsizetype b = doc.indexOf(begin), e = doc.indexOf(end);
        QVERIFY(b >= 0 && e > b);
        const QString block = doc.mid(b + begin.size(), e - b - begin.size());
        QCOMPARE(block, QStringLiteral("\n\n") + sim::scenarioFieldsMarkdown() + QLatin1Char('\n'));
    }
};

QTEST_GUILESS_MAIN(TestScenarioFields)
#include "tst_scenario_fields.moc"
