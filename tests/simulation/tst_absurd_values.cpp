// Absurd but valid scenarios (issue 17): one shopper, the smallest catalogue, a slate larger
// than the catalogue, no stock at all, a year with one session a day, a flood of sessions.
// Every core either runs them or the scenario is refused with a message naming the field;
// never a hang (every run has an event limit), a fault the guard stops (NaN score,
// malformed slate, exception), or a NaN/inf in a summary or a chart bucket.
// One item and a 10 M-shopper population are outside the field table's ranges (10 items, 2 M
// shoppers): refused, naming the field. Mutation tried: CTR as a plain clicks / impressions
// in core/src/metrics.cpp (every row fails: an empty bucket's ctr is NaN).

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/engine.h"
#include "recoscope/sim/scenario.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace recoscope;

namespace {

// teaching-small with `edit` applied to its JSON ("catalogue.items" style paths).
QByteArray edited(const QList<QPair<QString, QJsonValue>>& edits) {
    QJsonObject root =
        QJsonDocument::fromJson(sim::builtinScenarioJson(QStringLiteral("teaching-small")))
            .object();
    for (const auto& [path, value] : edits) {
        const QStringList parts = path.split(QLatin1Char('.'));
        if (parts.size() == 1) {
            root.insert(parts[0], value);
        } else {
            QJsonObject sub = root.value(parts[0]).toObject();
            sub.insert(parts[1], value);
            root.insert(parts[0], sub);
        }
    }
    return QJsonDocument(root).toJson();
}

QString nonFinite(const std::vector<std::pair<std::string, double>>& named) {
    for (const auto& [name, v] : named)
        if (!std::isfinite(v))
            return QString::fromStdString(name) + QStringLiteral(" = ") + QString::number(v);
    return {};
}

} // namespace

class TestAbsurdValues : public QObject {
    Q_OBJECT
    core::RecommenderRegistry m_registry;

private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }

    void everyCoreRunsAbsurdScenarios_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("one shopper") << edited({{"population.users", 1}});
        QTest::newRow("smallest catalogue, slate of 100")
            << edited({{"catalogue.items", 10}, {"slate_size", 100}});
        QTest::newRow("no stock") << edited({{"catalogue.stock_mean", 0}});
        QTest::newRow("cheapest prices") << edited({{"catalogue.price_median", 0.01}});
        QTest::newRow("a year, one session a day") << edited(
            {{"duration_days", 365}, {"behaviour.sessions_per_day", 1}, {"population.users", 1}});
        QTest::newRow("a flood of sessions, one shopper")
            << edited({{"behaviour.sessions_per_day", 1e9}, {"population.users", 1}});
        QTest::newRow("more categories than items")
            << edited({{"catalogue.items", 10}, {"catalogue.top_categories", 200}});
    }
    void everyCoreRunsAbsurdScenarios() {
        QFETCH(QByteArray, json);
        auto scenario = sim::parseScenario(json, QStringLiteral("absurd.json"));
        QVERIFY2(scenario.ok(), scenario.ok() ? "" : scenario.error().c_str());
        for (const std::string& id : m_registry.ids()) {
            auto engine = sim::Engine::create(scenario.value(), 1, m_registry, id, {});
            QVERIFY2(engine.ok(), (id + ": " + (engine.ok() ? "" : engine.error())).c_str());
            sim::Engine& e = *engine.value();
            sim::RunLimits limits;
            limits.maxEvents = 3000;
            const sim::RunOutcome out = e.run(limits);
            QVERIFY2(out.reason == sim::StopReason::Finished ||
                         out.reason == sim::StopReason::EventLimit,
                     (id + ": " + out.error).c_str());
            const QString bad = nonFinite(e.summary().stored());
            QVERIFY2(bad.isEmpty(),
                     qPrintable(QString::fromStdString(id) + QStringLiteral(": ") + bad));
            for (const core::MetricPoint& p : e.flushBuckets()) {
                const QString b = nonFinite(p.stored());
                QVERIFY2(b.isEmpty(),
                         qPrintable(QString::fromStdString(id) + QStringLiteral(" bucket: ") + b));
            }
        }
    }

    void outOfRangeValuesAreRefusedByName_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("10 M shoppers")
            << edited({{"population.users", 10000000}}) << QStringLiteral("population.users");
        QTest::newRow("one item") << edited({{"catalogue.items", 1}})
                                  << QStringLiteral("catalogue.items");
        QTest::newRow("zero prices")
            << edited({{"catalogue.price_median", 0}}) << QStringLiteral("catalogue.price_median");
        QTest::newRow("no slate") << edited({{"slate_size", 0}}) << QStringLiteral("slate_size");
        QTest::newRow("no time") << edited({{"duration_days", 0}})
                                 << QStringLiteral("duration_days");
        QTest::newRow("NaN-like") << edited({{"behaviour.sessions_per_day", -1}})
                                  << QStringLiteral("behaviour.sessions_per_day");
    }
    void outOfRangeValuesAreRefusedByName() {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        auto scenario = sim::parseScenario(json, QStringLiteral("absurd.json"));
        QVERIFY(!scenario.ok());
        const QString error = QString::fromStdString(scenario.error());
        QVERIFY2(error.contains(field), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("absurd.json")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestAbsurdValues)
#include "tst_absurd_values.moc"
