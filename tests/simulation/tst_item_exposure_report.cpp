// `report` tells how a core spread its impressions over the catalogue (issue 16, fairness
// to items and sellers; docs/metrics.md): a real run is stored by recoscope-cli and the
// `item_exposure` block of `report --json` is recounted from the store with plain SQL
// (the slates' item BLOBs, little-endian uint32 per position, docs/database.md) and the
// regenerated shop (items ordered by intrinsic appeal, ties by id; brands from the item
// table). Then `tail-floor` over `popularity` on the same shoppers must move exposure
// to the long tail, by more than a margin from the sample size.
// The feedback-loop block is recounted the same way, day by day, against a random run.
// Mutation check: reading the decile reference from the item ids instead of the appeal
// (popularity = -id) in storedItemExposureJson fails exposureMatchesARecountOfTheStore.

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

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

using namespace recoscope;

namespace {

std::vector<std::uint64_t> impressionsPerItem(const QString& db, qint64 run, std::size_t n) {
    std::vector<std::uint64_t> out(n, 0);
    sqlite3* h = nullptr;
    sqlite3_open_v2(db.toUtf8().constData(), &h, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h, "SELECT items FROM slates WHERE run_id = ?", -1, &st, nullptr);
    sqlite3_bind_int64(st, 1, run);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const auto* b = static_cast<const unsigned char*>(sqlite3_column_blob(st, 0));
        const int bytes = sqlite3_column_bytes(st, 0);
        for (int p = 0; p + 3 < bytes; p += 4) {
            const std::uint32_t item = b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) |
                                       (static_cast<std::uint32_t>(b[p + 3]) << 24);
            if (item < n)
                ++out[item];
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(h);
    return out;
}

QJsonObject reportJson(const QString& db, int run) {
    const test::CliResult r =
        test::cli({"report", "--run", QString::number(run), "--json", "--db", db});
    if (r.code != 0)
        qFatal("report failed: %s", qPrintable(r.err));
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QJsonObject runJson(const QString& db, const QString& core) {
    const test::CliResult r = test::cli({"run", "--scenario", "default", "--recommender", core,
                                         "--seed", "7", "--events", "30000", "--db", db, "--json"});
    if (r.code != 0)
        qFatal("run failed: %s", qPrintable(r.err));
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

} // namespace

class TestItemExposureReport : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;
    QJsonObject m_popularity, m_floor, m_random;

private slots:
    void initTestCase() {
        m_db = m_dir.filePath(QStringLiteral("items.db"));
        m_popularity = runJson(m_db, QStringLiteral("popularity"));
        m_floor = runJson(m_db, QStringLiteral("tail-floor"));
        m_random = runJson(m_db, QStringLiteral("random"));
    }

    void exposureMatchesARecountOfTheStore() {
        auto scenario = sim::parseScenario(sim::builtinScenarioJson(QStringLiteral("default")),
                                           QStringLiteral("default"));
        QVERIFY(scenario.ok());
        const sim::World world = sim::generateWorld(scenario.value(), 7);
        const std::size_t n = world.items.size();
        for (int run : {1, 2}) {
            const QJsonObject e =
                reportJson(m_db, run).value(QStringLiteral("item_exposure")).toObject();
            QVERIFY(!e.isEmpty());
            const std::vector<std::uint64_t> imp = impressionsPerItem(m_db, run, n);
            const double total = std::accumulate(imp.begin(), imp.end(), 0.0);
            QCOMPARE(e.value(QStringLiteral("impressions")).toDouble(), total);
            QCOMPARE(total, (run == 1 ? m_popularity : m_floor)
                                .value(QStringLiteral("impressions"))
                                .toDouble());
            std::vector<std::size_t> order(n);
            std::iota(order.begin(), order.end(), std::size_t{0});
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                return world.itemQuality[a] > world.itemQuality[b];
            });
            const QJsonArray deciles = e.value(QStringLiteral("deciles")).toArray();
            QCOMPARE(deciles.size(), 10);
            double bottom = 0.0;
            for (int d = 0; d < 10; ++d) {
                double want = 0.0;
                for (std::size_t p = d * n / 10; p < (d + 1) * n / 10; ++p)
                    want += static_cast<double>(imp[order[p]]);
                const QJsonObject o = deciles[d].toObject();
                QCOMPARE(o.value(QStringLiteral("impressions")).toDouble(), want);
                QCOMPARE(o.value(QStringLiteral("exposure_share")).toDouble(), want / total);
                bottom += d >= 5 ? want : 0.0;
            }
            QVERIFY(std::abs(e.value(QStringLiteral("bottom_half_share")).toDouble() -
                             bottom / total) < 1e-12);
            std::vector<double> perBrand(world.items.brandCount, 0.0);
            for (std::size_t i = 0; i < n; ++i)
                perBrand[world.items.brand[i]] += static_cast<double>(imp[i]);
            const QJsonArray brands = e.value(QStringLiteral("brands"))
                                          .toObject()
                                          .value(QStringLiteral("groups"))
                                          .toArray();
            QCOMPARE(brands.size(), static_cast<qsizetype>(world.items.brandCount));
            for (const QJsonValue& v : brands) {
                const QJsonObject b = v.toObject();
                QCOMPARE(
                    b.value(QStringLiteral("impressions")).toDouble(),
                    perBrand[static_cast<std::size_t>(b.value(QStringLiteral("brand")).toInt())]);
            }
        }
        const test::CliResult text = test::cli({"report", "--run", "1", "--db", m_db});
        QVERIFY2(text.out.contains(QStringLiteral("Fairness to items")), qPrintable(text.out));
    }

    // The floor's effect, on the same shoppers (same scenario and seed). Each slate's share
    // of long-tail places lies in [0, 1], so its variance is at most 1/4 (Popoviciu): the
    // difference of two means over s1 and s2 slates has a standard error of at most
    // sqrt(1/(4 s1) + 1/(4 s2)); the test asks for 4 of them.
    void floorMovesExposureToTheTail() {
        const double s1 = m_popularity.value(QStringLiteral("requests")).toDouble();
        const double s2 = m_floor.value(QStringLiteral("requests")).toDouble();
        QVERIFY(s1 > 10000 && s2 > 10000);
        const double margin = 4.0 * std::sqrt(0.25 / s1 + 0.25 / s2);
        const auto tail = [](const QJsonObject& run) {
            return run.value(QStringLiteral("beyond_accuracy"))
                .toObject()
                .value(QStringLiteral("tail_share"))
                .toDouble();
        };
        QVERIFY2(tail(m_floor) - tail(m_popularity) > margin,
                 qPrintable(QStringLiteral("long-tail share %1 -> %2, margin %3")
                                .arg(tail(m_popularity))
                                .arg(tail(m_floor))
                                .arg(margin)));
        const auto bottom = [this](int run) {
            return reportJson(m_db, run)
                .value(QStringLiteral("item_exposure"))
                .toObject()
                .value(QStringLiteral("bottom_half_share"))
                .toDouble();
        };
        QVERIFY2(bottom(2) - bottom(1) > margin,
                 qPrintable(QStringLiteral("bottom-half share %1 -> %2, margin %3")
                                .arg(bottom(1))
                                .arg(bottom(2))
                                .arg(margin)));
    }
    // The feedback loop (docs/metrics.md): each day's views and exposure Gini recounted from
    // the store with SQL; popularity concentrates exposure far beyond random. Random's daily
    // Gini is sampling noise only, about sqrt(items / impressions) (~0.2 here), so a
    // difference of 0.5 is not chance.
    void feedbackLoopMatchesTheStore() {
        auto scenario = sim::parseScenario(sim::builtinScenarioJson(QStringLiteral("default")),
                                           QStringLiteral("default"));
        QVERIFY(scenario.ok());
        const std::size_t n = sim::generateWorld(scenario.value(), 7).items.size();
        sqlite3* h = nullptr;
        QCOMPARE(sqlite3_open_v2(m_db.toUtf8().constData(), &h, SQLITE_OPEN_READONLY, nullptr),
                 SQLITE_OK);
        std::map<int, std::vector<double>> gini; // run -> per day
        for (int run : {1, 3}) {
            const QJsonArray days = reportJson(m_db, run)
                                        .value(QStringLiteral("feedback_loop"))
                                        .toObject()
                                        .value(QStringLiteral("days"))
                                        .toArray();
            QVERIFY(days.size() >= 1);
            for (const QJsonValue& v : days) {
                const QJsonObject d = v.toObject();
                const int day = d.value(QStringLiteral("day")).toInt();
                sqlite3_stmt* st = nullptr;
                sqlite3_prepare_v2(h,
                                   "SELECT count(*) FROM events WHERE run_id = ? AND kind = 0 "
                                   "AND time >= ? AND time < ?",
                                   -1, &st, nullptr);
                sqlite3_bind_int64(st, 1, run);
                sqlite3_bind_double(st, 2, day * 86400.0);
                sqlite3_bind_double(st, 3, (day + 1) * 86400.0);
                QCOMPARE(sqlite3_step(st), SQLITE_ROW);
                QCOMPARE(d.value(QStringLiteral("views")).toDouble(), sqlite3_column_double(st, 0));
                sqlite3_finalize(st);
                // Impressions of the day per item, from the slates' BLOBs.
                std::vector<double> perItem(n, 0.0);
                sqlite3_prepare_v2(
                    h, "SELECT items FROM slates WHERE run_id = ? AND time >= ? AND time < ?", -1,
                    &st, nullptr);
                sqlite3_bind_int64(st, 1, run);
                sqlite3_bind_double(st, 2, day * 86400.0);
                sqlite3_bind_double(st, 3, (day + 1) * 86400.0);
                while (sqlite3_step(st) == SQLITE_ROW) {
                    const auto* b = static_cast<const unsigned char*>(sqlite3_column_blob(st, 0));
                    for (int p = 0; p + 3 < sqlite3_column_bytes(st, 0); p += 4)
                        perItem[b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)] += 1.0;
                }
                sqlite3_finalize(st);
                std::sort(perItem.begin(), perItem.end());
                double sum = 0.0, weighted = 0.0;
                for (std::size_t i = 0; i < n; ++i) {
                    sum += perItem[i];
                    weighted += (2.0 * double(i + 1) - double(n) - 1.0) * perItem[i];
                }
                const double want = weighted / (double(n) * sum);
                QVERIFY(std::abs(d.value(QStringLiteral("exposure_gini")).toDouble() - want) <
                        1e-9);
                gini[run].push_back(want);
            }
        }
        sqlite3_close(h);
        for (std::size_t d = 0; d < std::min(gini[1].size(), gini[3].size()); ++d)
            QVERIFY2(gini[1][d] - gini[3][d] > 0.5,
                     qPrintable(QStringLiteral("day %1: popularity %2, random %3")
                                    .arg(d)
                                    .arg(gini[1][d])
                                    .arg(gini[3][d])));
        const test::CliResult text = test::cli({"report", "--run", "1", "--db", m_db});
        QVERIFY2(text.out.contains(QStringLiteral("Feedback loop by day")), qPrintable(text.out));
    }
};

QTEST_GUILESS_MAIN(TestItemExposureReport)
#include "tst_item_exposure_report.moc"
