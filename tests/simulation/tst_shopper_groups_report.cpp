// `report` tells what a core did for each group of shoppers (issue 16, fairness across
// shoppers; docs/metrics.md): a real run is stored by recoscope-cli, and every group's
// impressions, clicks, purchases of recommended items and rates in `report --json` are
// recounted from the store with plain SQL (the slates' item BLOBs are 4 bytes per item,
// docs/database.md) grouped by the regenerated population; the totals match the engine's
// live counters in the run summary; a run stored without its slates has no such block.
// Mutation check: counting impressions per slate instead of per item (+= 1 for
// s.items.size()) in storedSlateOutcomes fails groupsMatchARecountOfTheStore.

#include "cli_process.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/sim/world.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <map>

using namespace recoscope;

namespace {

struct Counts {
    double impressions = 0, clicks = 0, purchases = 0;
};

// Per user, from the store's own tables.
std::map<qint64, Counts> recount(const QString& db) {
    std::map<qint64, Counts> out;
    sqlite3* h = nullptr;
    sqlite3_open_v2(db.toUtf8().constData(), &h, SQLITE_OPEN_READONLY, nullptr);
    auto each = [&](const char* sql, auto fn) {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(h, sql, -1, &st, nullptr);
        while (sqlite3_step(st) == SQLITE_ROW)
            fn(sqlite3_column_int64(st, 0), sqlite3_column_double(st, 1),
               sqlite3_column_double(st, 2));
        sqlite3_finalize(st);
    };
    each("SELECT user, sum(length(items)) / 4, sum(clicked >= 0) FROM slates GROUP BY user",
         [&](qint64 u, double impressions, double clicks) {
             out[u].impressions = impressions;
             out[u].clicks = clicks;
         });
    each("SELECT user, count(*), 0 FROM events WHERE kind = 6 AND from_rec = 1 GROUP BY user",
         [&](qint64 u, double purchases, double) { out[u].purchases = purchases; });
    sqlite3_close(h);
    return out;
}

QJsonObject reportJson(const QString& db) {
    const test::CliResult r = test::cli({"report", "--run", "1", "--json", "--db", db});
    if (r.code != 0)
        qFatal("report failed: %s", qPrintable(r.err));
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

} // namespace

class TestShopperGroupsReport : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void groupsMatchARecountOfTheStore() {
        const QString db = m_dir.filePath(QStringLiteral("fair.db"));
        QCOMPARE(test::cli({"run", "--scenario", "default", "--recommender", "popularity", "--seed",
                            "7", "--events", "30000", "--db", db})
                     .code,
                 0);
        const QJsonObject report = reportJson(db);
        const QJsonObject groups = report.value(QStringLiteral("shopper_groups")).toObject();
        QVERIFY2(!groups.isEmpty(), qPrintable(QJsonDocument(report).toJson()));

        auto scenario = sim::parseScenario(sim::builtinScenarioJson(QStringLiteral("default")),
                                           QStringLiteral("default"));
        QVERIFY(scenario.ok());
        const sim::World world = sim::generateWorld(scenario.value(), 7);
        const core::UserTable& users = world.users;
        const std::map<qint64, Counts> perUser = recount(db);

        const QJsonArray attributes = groups.value(QStringLiteral("attributes")).toArray();
        QCOMPARE(attributes.size(), 4);
        const std::map<QString, const std::vector<std::uint8_t>*> codes = {
            {QStringLiteral("gender"), &users.gender},
            {QStringLiteral("age_band"), &users.ageBand},
            {QStringLiteral("occupation"), &users.occupation},
            {QStringLiteral("region"), &users.region}};
        for (const QJsonValue& av : attributes) {
            const QJsonObject a = av.toObject();
            const auto* code = codes.at(a.value(QStringLiteral("attribute")).toString());
            std::map<int, Counts> expected;
            std::map<int, double> shoppers;
            for (std::size_t u = 0; u < code->size(); ++u) {
                shoppers[(*code)[u]] += 1;
                const auto it = perUser.find(static_cast<qint64>(u));
                if (it == perUser.end())
                    continue;
                Counts& c = expected[(*code)[u]];
                c.impressions += it->second.impressions;
                c.clicks += it->second.clicks;
                c.purchases += it->second.purchases;
            }
            double impressions = 0, clicks = 0;
            for (const QJsonValue& gv : a.value(QStringLiteral("groups")).toArray()) {
                const QJsonObject g = gv.toObject();
                const int c = g.value(QStringLiteral("code")).toInt();
                QCOMPARE(g.value(QStringLiteral("shoppers")).toDouble(), shoppers[c]);
                QCOMPARE(g.value(QStringLiteral("impressions")).toDouble(),
                         expected[c].impressions);
                QCOMPARE(g.value(QStringLiteral("clicks")).toDouble(), expected[c].clicks);
                QCOMPARE(g.value(QStringLiteral("rec_purchases")).toDouble(),
                         expected[c].purchases);
                if (expected[c].impressions > 0)
                    QCOMPARE(g.value(QStringLiteral("ctr")).toDouble(),
                             expected[c].clicks / expected[c].impressions);
                else
                    QVERIFY(g.value(QStringLiteral("ctr")).isNull());
                impressions += expected[c].impressions;
                clicks += expected[c].clicks;
            }
            QVERIFY(impressions > 0 && clicks > 0);
        }
        const test::CliResult text = test::cli({"report", "--run", "1", "--db", db});
        QVERIFY2(text.out.contains(QStringLiteral("Fairness across shoppers")),
                 qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("female")));
    }

    // The engine's live counters (the same run again, summary only): a path independent of
    // the stored slates and events.
    void totalsMatchTheRunSummary() {
        const QString db = m_dir.filePath(QStringLiteral("fair.db"));
        const QJsonObject report = reportJson(db);
        const QJsonArray attributes = report.value(QStringLiteral("shopper_groups"))
                                          .toObject()
                                          .value(QStringLiteral("attributes"))
                                          .toArray();
        QVERIFY(!attributes.isEmpty());
        const test::CliResult summary =
            test::cli({"run", "--scenario", "default", "--recommender", "popularity", "--seed", "7",
                       "--events", "30000", "--json"});
        const QJsonObject s = QJsonDocument::fromJson(summary.out.toUtf8()).object();
        for (const QJsonValue& av : attributes) {
            double impressions = 0, clicks = 0, purchases = 0;
            for (const QJsonValue& gv : av.toObject().value(QStringLiteral("groups")).toArray()) {
                impressions += gv.toObject().value(QStringLiteral("impressions")).toDouble();
                clicks += gv.toObject().value(QStringLiteral("clicks")).toDouble();
                purchases += gv.toObject().value(QStringLiteral("rec_purchases")).toDouble();
            }
            QCOMPARE(impressions, s.value(QStringLiteral("impressions")).toDouble());
            QCOMPARE(clicks, s.value(QStringLiteral("clicks")).toDouble());
            QCOMPARE(purchases, s.value(QStringLiteral("rec_purchases")).toDouble());
        }
    }

    void noSlateLogNoBlock() {
        const QString db = m_dir.filePath(QStringLiteral("noslates.db"));
        QCOMPARE(test::cli({"run", "--scenario", "teaching-small", "--recommender", "popularity",
                            "--events", "2000", "--no-slate-log", "--db", db})
                     .code,
                 0);
        QVERIFY(!reportJson(db).contains(QStringLiteral("shopper_groups")));
    }
};

QTEST_GUILESS_MAIN(TestShopperGroupsReport)
#include "tst_shopper_groups_report.moc"
