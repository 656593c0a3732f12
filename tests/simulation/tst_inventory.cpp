// Inventory warnings (issue 16; docs/metrics.md, "Inventory warnings"):
// - the monitor's stock ledger agrees with the engine's shop (every purchase finds its unit,
//   the stock-outs, stock shocks included, and the final stock);
// - precision, recall and lead time in `report --json` equal a brute-force recount from the
//   stored event log of a small run: stock replayed event by event, the forecast recomputed
//   from scratch at every day's close, every warning checked against every stock-out;
// - scoreWarnings on a hand-made case, its windows at their edges;
// - the `stock-aware` re-ranker loses fewer sales than its inner core on the same shoppers
//   (common random numbers), by z > 1.96 for two Poisson counts;
// - bad --inventory-horizon values exit 2 naming the flag.
// Mutations tried (each made the named test fail): the recall window not bounded below by
// the item's previous stock-out: handMadeScore; the restocks due by an event's time not
// applied before its purchase: ledgerMatchesEngine; the restocks due by a day's close not
// applied before that day's warnings: storedReportMatchesRecount.

#include "cli_process.h"
#include "recoscope/core/registry.h"
#include "recoscope/sim/engine.h"
#include "recoscope/sim/inventory_monitor.h"
#include "recoscope/sim/inventory_report.h"
#include "recoscope/sim/inventory_score.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/sim/world.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace recoscope;

namespace {

QByteArray scenarioJson(bool shock, double stockMean = 8.0) {
    QByteArray j = R"({"format": 1, "name": "inventory-small", "seed": 1, "duration_days": 5,
        "bucket_hours": 6, "slate_size": 10,
        "catalogue": {"items": 400, "top_categories": 4, "subcategories_per_top": 4,
                      "stock_mean": STOCK, "restock_days": 1.5},
        "population": {"users": 1500},
        "behaviour": {"sessions_per_day": 2500},
        "inventory": {"horizon_days": 2},
        "timeline": [SHOCK]})";
    j.replace("STOCK", QByteArray::number(stockMean));
    j.replace("SHOCK", shock ? R"({"type": "stock_shock", "day": 2.5, "category": 1,
                                    "fraction": 0.5})"
                             : "");
    return j;
}

sim::Scenario scenario(bool shock, double stockMean = 8.0) {
    auto s = sim::parseScenario(scenarioJson(shock, stockMean), QStringLiteral("test"));
    if (!s)
        qFatal("%s", s.error().c_str());
    return s.value();
}

struct Collect : sim::EventSink {
    std::vector<core::Event> events;
    core::Status consume(std::span<const core::Event> e) override {
        events.insert(events.end(), e.begin(), e.end());
        return core::Ok{};
    }
};

struct RecountedStockOut {
    core::ItemId item;
    double time;
};

} // namespace

class TestInventory : public QObject {
    Q_OBJECT
    core::RecommenderRegistry m_registry;
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }

    void ledgerMatchesEngine() {
        const sim::Scenario s = scenario(true);
        auto engine = sim::Engine::create(s, 3, m_registry, "popularity", {});
        QVERIFY(engine.ok());
        Collect sink;
        engine.value()->setEventSink(&sink);
        engine.value()->run(sim::RunLimits{});
        const sim::World world = sim::generateWorld(s, 3);
        sim::InventoryMonitor m(s, world, 3, sim::inventorySettings(s));
        for (const core::Event& e : sink.events)
            m.addEvent(e);
        QCOMPARE(m.unmatchedPurchases(), std::uint64_t(0));
        QCOMPARE(std::uint64_t(m.stockOuts().size()), engine.value()->stockOuts());
        const auto shocks = std::count_if(m.stockOuts().begin(), m.stockOuts().end(),
                                          [](const sim::StockOutRecord& o) { return o.shock; });
        qInfo("%zu stock-outs, %td by the shock", m.stockOuts().size(), shocks);
        QVERIFY2(shocks > 10 && m.stockOuts().size() > std::size_t(shocks) + 20,
                 "the run should have both sell-outs and a shock");
        // Final stock: equal, except where a restock fell due after the last event (the
        // engine applies it at its next action, which left no event).
        const double last = sink.events.back().time;
        int differ = 0;
        for (core::ItemId i = 0; i < world.items.size(); ++i) {
            const std::int32_t shop = engine.value()->itemSnapshot(i).stock;
            if (shop == m.stock(i))
                continue;
            ++differ;
            double lastOut = -1.0;
            for (const sim::StockOutRecord& o : m.stockOuts())
                if (o.item == i)
                    lastOut = o.time;
            QVERIFY2(m.stock(i) == 0 && lastOut + world.itemRestockLead[i] > last,
                     qPrintable(QStringLiteral("item %1: shop %2, ledger %3")
                                    .arg(i)
                                    .arg(shop)
                                    .arg(m.stock(i))));
        }
        QVERIFY(differ < 20);
    }

    void stockAwareLosesFewerSales() {
        // The same shoppers (same scenario and seed: common random numbers, decision 0004)
        // with popularity and with popularity wrapped by stock-aware. Lost sales are counts
        // of rare events: as Poisson counts a and b, conditional on a + b the re-ranker's
        // share is Binomial(a + b, 1/2) when both lose at the same rate, so
        // z = (a - b) / sqrt(a + b) > 1.96 is a one-sided test at 2.5 %.
        const sim::Scenario s = scenario(false);
        struct Outcome {
            std::uint64_t lost = 0, carts = 0, requests = 0, stockOuts = 0;
            double ctr = 0.0, revenue = 0.0;
        };
        auto runOf = [&](const std::string& id) {
            auto engine = sim::Engine::create(s, 21, m_registry, id, {});
            if (!engine)
                qFatal("%s", engine.error().c_str());
            engine.value()->run(sim::RunLimits{});
            const core::MetricPoint t = engine.value()->summary();
            return Outcome{engine.value()->lostSales(),
                           engine.value()->lostCarts(),
                           engine.value()->lostRequests(),
                           engine.value()->stockOuts(),
                           t.ctr,
                           t.counters.revenue};
        };
        const Outcome plain = runOf("popularity");
        const Outcome aware = runOf("stock-aware");
        qInfo("lost sales %llu -> %llu (carts %llu -> %llu, requests %llu -> %llu), stock-outs "
              "%llu -> %llu, CTR %.4f -> %.4f, revenue %.0f -> %.0f",
              static_cast<unsigned long long>(plain.lost),
              static_cast<unsigned long long>(aware.lost),
              static_cast<unsigned long long>(plain.carts),
              static_cast<unsigned long long>(aware.carts),
              static_cast<unsigned long long>(plain.requests),
              static_cast<unsigned long long>(aware.requests),
              static_cast<unsigned long long>(plain.stockOuts),
              static_cast<unsigned long long>(aware.stockOuts), plain.ctr, aware.ctr, plain.revenue,
              aware.revenue);
        QCOMPARE(plain.lost, plain.carts + plain.requests);
        QVERIFY(plain.lost > 100); // enough to test
        const double z = (double(plain.lost) - double(aware.lost)) /
                         std::sqrt(double(plain.lost) + double(aware.lost));
        QVERIFY2(z > 1.96, qPrintable(QStringLiteral("z = %1").arg(z)));
        QVERIFY(aware.stockOuts < plain.stockOuts);
    }

    void handMadeScore() {
        // Horizon 2 days. Item 1: warned at days 1 and 2, sells out at 2.5 (both warnings
        // confirmed; warned, lead 1.5), restocked, warned at 3, sells out at 6 (3 + 2 < 6:
        // not confirmed; window [4, 6): not warned). Item 2: warned at 1, sells out at 1.5
        // and again at 2.9 (window [max(0.9, 1.5), 2.9): the day-1 warning was about the
        // first: first warned, lead 0.5; second not). Item 3 sells out unwarned; item 4 is
        // emptied by a shock (not scored, counted apart).
        auto d = [](double day) { return day * core::kSecondsPerDay; };
        std::vector<sim::StockWarning> w{
            {1, d(1), 1, 1}, {2, d(1), 1, 1}, {1, d(2), 1, 1}, {1, d(3), 1, 1}};
        std::vector<sim::StockOutRecord> o{{2, d(1.5), false}, {1, d(2.5), false},
                                           {2, d(2.9), false}, {4, d(3), true},
                                           {3, d(4), false},   {1, d(6), false}};
        const sim::InventoryScore s = sim::scoreWarnings(w, o, 2.0);
        QCOMPARE(s.warnings, std::size_t(4));
        QCOMPARE(s.confirmed, std::size_t(3)); // item 1 at 1 and 2, item 2 at 1
        QCOMPARE(s.sellOuts, std::size_t(5));
        QCOMPARE(s.warned, std::size_t(2));
        QCOMPARE(s.shockStockOuts, std::size_t(1));
        QCOMPARE(s.precision, 0.75);
        QCOMPARE(s.recall, 0.4);
        QCOMPARE(s.meanLeadDays, (1.5 + 0.5) / 2.0);
        const auto rows = sim::warnedItems(w, o, 2.0);
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].item, core::ItemId(1)); // day 1, ties by id
        QCOMPARE(rows[0].warnings, std::size_t(3));
        QCOMPARE(rows[0].stockOutDay, 2.5);
        QCOMPARE(rows[0].leadDays, 1.5);
        QCOMPARE(rows[1].stockOutDay, 1.5);
        const sim::InventoryScore none = sim::scoreWarnings({}, {}, 2.0);
        QVERIFY(std::isnan(none.precision) && std::isnan(none.recall) &&
                std::isnan(none.meanLeadDays));
    }

    void storedReportMatchesRecount() {
        const QString file = m_dir.filePath(QStringLiteral("inv.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(scenarioJson(false));
        f.close();
        const QString db = m_dir.filePath(QStringLiteral("inv.db"));
        const test::CliResult run = test::cli(
            {"run", "--scenario", file, "--recommender", "popularity", "--seed", "11", "--db", db});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const test::CliResult rep = test::cli({"report", "--run", "1", "--json", "--db", db});
        QVERIFY2(rep.code == 0, qPrintable(rep.err));
        const QJsonObject inv = QJsonDocument::fromJson(rep.out.toUtf8())
                                    .object()
                                    .value(QStringLiteral("inventory"))
                                    .toObject();
        QVERIFY2(!inv.isEmpty(), qPrintable(rep.out.left(2000)));

        // The recount, from the stored events and the regenerated world only.
        const sim::Scenario s = scenario(false);
        const sim::World world = sim::generateWorld(s, 11);
        auto store = sim::RunStore::open(db, sim::RunStore::Mode::ReadOnly);
        QVERIFY(store.ok());
        auto events = store.value()->events(1, 0, 10'000'000);
        QVERIFY(events.ok());
        const std::vector<core::Event>& ev = events.value();
        const double H = 2.0, alpha = 0.3, day = core::kSecondsPerDay;
        const std::size_t n = world.items.size();
        std::vector<std::int32_t> stock = world.itemStock;
        std::vector<std::pair<double, core::ItemId>> pending; // restocks
        std::vector<RecountedStockOut> outs;
        std::vector<std::vector<double>> sold; // per closed day, per item
        std::vector<double> today(n, 0.0);
        struct W {
            core::ItemId item;
            double time;
        };
        std::vector<W> warnings;
        auto restockUntil = [&](double t) {
            for (auto it = pending.begin(); it != pending.end();)
                if (it->first <= t) {
                    stock[it->second] = world.itemStock[it->second];
                    it = pending.erase(it);
                } else {
                    ++it;
                }
        };
        auto close = [&](double end) {
            restockUntil(end);
            sold.push_back(today);
            std::fill(today.begin(), today.end(), 0.0);
            for (core::ItemId i = 0; i < n; ++i) {
                double fc = 0.0; // the smoothed sales, from scratch
                for (std::size_t d = 0; d < sold.size(); ++d)
                    fc = d == 0 ? sold[d][i] : alpha * sold[d][i] + (1 - alpha) * fc;
                if (world.items.launchTime[i] <= end && stock[i] > 0 && fc > 0 &&
                    stock[i] / fc <= H)
                    warnings.push_back({i, end});
            }
        };
        double nextClose = day;
        for (const core::Event& e : ev) {
            while (nextClose <= e.time) {
                close(nextClose);
                nextClose += day;
            }
            restockUntil(e.time);
            if (e.kind != core::EventKind::Purchase)
                continue;
            today[e.item] += 1;
            if (stock[e.item] > 0 && --stock[e.item] == 0) {
                outs.push_back({e.item, e.time});
                pending.push_back({e.time + world.itemRestockLead[e.item], e.item});
            }
        }
        while (nextClose <= 5 * day) {
            close(nextClose);
            nextClose += day;
        }
        std::size_t confirmed = 0, warned = 0;
        double lead = 0.0;
        for (const W& w : warnings)
            confirmed += std::any_of(outs.begin(), outs.end(), [&](const RecountedStockOut& o) {
                return o.item == w.item && o.time > w.time && o.time <= w.time + H * day;
            });
        for (const RecountedStockOut& o : outs) {
            double prev = 0.0;
            for (const RecountedStockOut& p : outs)
                if (p.item == o.item && p.time < o.time)
                    prev = std::max(prev, p.time);
            double first = INFINITY;
            for (const W& w : warnings)
                if (w.item == o.item && w.time >= std::max(o.time - H * day, prev) &&
                    w.time < o.time)
                    first = std::min(first, w.time);
            if (std::isfinite(first)) {
                ++warned;
                lead += (o.time - first) / day;
            }
        }
        QVERIFY2(warnings.size() > 20 && outs.size() > 20 && warned > 5,
                 "the small run should warn and sell out");
        auto num = [&](const char* k) { return inv.value(QLatin1String(k)).toDouble(); };
        QCOMPARE(num("warnings"), double(warnings.size()));
        QCOMPARE(num("warnings_confirmed"), double(confirmed));
        QCOMPARE(num("sell_outs"), double(outs.size()));
        QCOMPARE(num("sell_outs_warned"), double(warned));
        QVERIFY(std::abs(num("precision") - double(confirmed) / warnings.size()) < 1e-12);
        QVERIFY(std::abs(num("recall") - double(warned) / outs.size()) < 1e-12);
        QVERIFY(std::abs(num("mean_lead_days") - lead / warned) < 1e-9);
        QCOMPARE(num("stock_outs"), double(outs.size())); // the engine's own count
        QVERIFY(inv.value(QStringLiteral("lost_sales")).isDouble());
        QCOMPARE(num("days_closed"), 5.0);
        QCOMPARE(num("items_total"), double(std::map<core::ItemId, int>([&] {
                                                std::map<core::ItemId, int> m;
                                                for (const W& w : warnings)
                                                    ++m[w.item];
                                                return m;
                                            }())
                                                .size()));
        qInfo("precision %.3f, recall %.3f, lead %.2f days over %zu warnings, %zu sell-outs",
              num("precision"), num("recall"), num("mean_lead_days"), warnings.size(), outs.size());

        // The text form and an override of the horizon.
        const test::CliResult text = test::cli({"report", "--run", "1", "--db", db});
        QVERIFY(text.out.contains(QStringLiteral("Inventory warnings: horizon 2.0 days")));
        const test::CliResult wide =
            test::cli({"report", "--run", "1", "--json", "--db", db, "--inventory-horizon", "4"});
        QCOMPARE(QJsonDocument::fromJson(wide.out.toUtf8())
                     .object()
                     .value(QStringLiteral("inventory"))
                     .toObject()
                     .value(QStringLiteral("horizon_days"))
                     .toDouble(),
                 4.0);
    }

    void badHorizonIsAUsageError_data() {
        QTest::addColumn<QString>("value");
        QTest::newRow("zero") << QStringLiteral("0");
        QTest::newRow("negative") << QStringLiteral("-1");
        QTest::newRow("too far") << QStringLiteral("61");
        QTest::newRow("not a number") << QStringLiteral("soon");
    }
    void badHorizonIsAUsageError() {
        QFETCH(QString, value);
        const test::CliResult r =
            test::cli({"report", "--run", "1", "--db", m_dir.filePath(QStringLiteral("inv.db")),
                       "--inventory-horizon", value});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--inventory-horizon")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
