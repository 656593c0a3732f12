// The demand forecast behind the inventory warnings (issue 16; docs/metrics.md,
// "Inventory warnings") and the `stock-aware` re-ranker built on it.
// - forecaster: daily sales smoothed exponentially, checked against the recurrence
//   computed by hand in the comments; the day-0 extrapolation; the warning rule.
// - stock-aware: every slate against a brute-force rebuild from the inner core's pool:
//   score = 1 - rank / pool - demotion x max(0, 1 - cover / horizon), cover = stock /
//   forecast, the forecast recounted here from the purchases seen (its own loop).
// Mutations tried (each made the named test fail): seeding the forecast with 0 instead of
// the first day's sales: recurrenceByHand; `cover < horizon` instead of `<=` in classify:
// warningRule; the risk computed with the forecast of the open day only (soldToday)
// instead of the closed days': stockAwareEqualsBruteForce.

#include "contract_fixture.h"
#include "internals_stream.h"
#include "recoscope/core/demand_forecaster.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace recoscope;
using core::ItemId;

namespace {

core::Event purchase(ItemId item, double day) {
    core::Event e;
    e.time = day * core::kSecondsPerDay;
    e.item = item;
    e.user = 0;
    e.kind = core::EventKind::Purchase;
    return e;
}

core::Event view(ItemId item, double day) {
    core::Event e = purchase(item, day);
    e.kind = core::EventKind::View;
    return e;
}

} // namespace

class TestDemandForecaster : public QObject {
    Q_OBJECT
    core::RecommenderRegistry m_registry;

private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }

    void recurrenceByHand() {
        // alpha 0.5; item 0 sells 4, 0, 10 units on days 0, 1, 2 (views do not count):
        //   f0 = 4, f1 = 0.5 x 0 + 0.5 x 4 = 2, f2 = 0.5 x 10 + 0.5 x 2 = 6,
        //   f3 (day 3 sells nothing) = 0.5 x 0 + 0.5 x 6 = 3.
        // Item 1 sells 2 on day 1 only: f0 = 0, f1 = 1, f2 = 0.5, f3 = 0.25.
        core::DemandForecaster f(2, {0.5, 2.0, 30.0});
        for (int k = 0; k < 4; ++k)
            f.observe(purchase(0, 0.1 + 0.2 * k));
        f.observe(view(0, 0.95));
        QCOMPARE(f.forecast(0), 0.0); // nothing closed yet
        QCOMPARE(f.soldToday(0), 4u);
        f.observe(purchase(1, 1.2));
        f.observe(purchase(1, 1.3));
        QCOMPARE(f.closedDays(), 1);
        QCOMPARE(f.forecast(0), 4.0);
        QCOMPARE(f.forecast(1), 0.0);
        for (int k = 0; k < 10; ++k)
            f.observe(purchase(0, 2.05 + 0.05 * k));
        QCOMPARE(f.closedDays(), 2);
        QCOMPARE(f.forecast(0), 2.0);
        QCOMPARE(f.forecast(1), 1.0);
        f.advanceTo(4.0 * core::kSecondsPerDay); // closes days 2 and 3
        QCOMPARE(f.closedDays(), 4);
        QCOMPARE(f.forecast(0), 3.0);
        QCOMPARE(f.forecast(1), 0.25);
    }

    void dayZeroExtrapolates() {
        // Before the first close: sold so far / elapsed days, at least an hour elapsed.
        core::DemandForecaster f(1, {});
        f.observe(purchase(0, 0.25));
        f.observe(purchase(0, 0.4));
        f.observe(purchase(0, 0.5));
        QCOMPARE(f.rate(0, 0.5 * core::kSecondsPerDay), 6.0);
        QCOMPARE(f.rate(0, 60.0), 3.0 * 24.0); // one minute in: an hour counted
        f.advanceTo(core::kSecondsPerDay);
        QCOMPARE(f.rate(0, 1.5 * core::kSecondsPerDay), 3.0); // closed: the forecast
    }

    void warningRule_data() {
        QTest::addColumn<int>("stock");
        QTest::addColumn<int>("sold");
        QTest::addColumn<int>("flag");
        // horizon 2 days, overstock beyond 10 days; forecast = sold (one closed day)
        QTest::newRow("cover 1 day") << 4 << 4 << int(core::StockFlag::SellOut);
        QTest::newRow("cover exactly the horizon") << 8 << 4 << int(core::StockFlag::SellOut);
        QTest::newRow("cover 2.25 days") << 9 << 4 << int(core::StockFlag::None);
        QTest::newRow("cover exactly 10 days") << 40 << 4 << int(core::StockFlag::None);
        QTest::newRow("cover 10.25 days") << 41 << 4 << int(core::StockFlag::Overstock);
        QTest::newRow("no sale") << 3 << 0 << int(core::StockFlag::Overstock);
        QTest::newRow("sold out") << 0 << 4 << int(core::StockFlag::None);
        QTest::newRow("unlimited") << -1 << 4 << int(core::StockFlag::None);
    }
    void warningRule() {
        QFETCH(int, stock);
        QFETCH(int, sold);
        QFETCH(int, flag);
        core::DemandForecaster f(1, {0.3, 2.0, 10.0});
        QCOMPARE(int(f.classify(0, stock)), int(core::StockFlag::None)); // no closed day
        for (int k = 0; k < sold; ++k)
            f.observe(purchase(0, 0.1 * (k + 1)));
        f.closeDay();
        QCOMPARE(int(f.classify(0, stock)), flag);
    }

    void stockAwareEqualsBruteForce() {
        const double horizon = 2.5, demotion = 0.7;
        test::SyntheticShop shop(50, 5, 17);
        std::vector<std::int32_t> stock(50);
        for (std::size_t i = 0; i < stock.size(); ++i)
            stock[i] = static_cast<std::int32_t>(i % 7); // 0 .. 6 units
        stock[3] = -1;                                   // unlimited
        core::RecommenderContext ctx{&shop.items, &shop.users, nullptr, 31};
        ctx.stock = &stock;
        const std::map<std::string, std::string> params{
            {"horizon_days", "2.5"}, {"demotion", "0.7"}, {"alpha", "0.4"}, {"pool", "3"}};
        auto aware = m_registry.create("stock-aware", params, ctx);
        QVERIFY2(aware.ok(), aware.ok() ? "" : aware.error().c_str());
        auto plain = m_registry.create("popularity", std::map<std::string, std::string>{}, ctx);
        QVERIFY(plain.ok());
        // The stream spans a few days; purchases every so often.
        const auto events = test::smallStream(shop, 900, 8);
        std::map<long, std::map<ItemId, int>> soldPerDay;
        for (const core::Event& e : events) {
            aware.value()->observe(e);
            plain.value()->observe(e);
            if (e.kind == core::EventKind::Purchase)
                ++soldPerDay[static_cast<long>(e.time / core::kSecondsPerDay)][e.item];
        }
        const double end = events.back().time;
        const long closed = static_cast<long>(std::floor(end / core::kSecondsPerDay)) + 1;
        QVERIFY2(closed >= 3, "the stream should span three days at least");
        // Requests on day `closed` (so exactly `closed` days are closed): forecast recount.
        std::vector<double> f(50, 0.0);
        for (long d = 0; d < closed; ++d)
            for (ItemId i = 0; i < 50; ++i) {
                const auto it = soldPerDay[d].find(i);
                const double x = it == soldPerDay[d].end() ? 0.0 : it->second;
                f[i] = d == 0 ? x : 0.4 * x + 0.6 * f[i];
            }
        core::Slate slate, cand;
        int demoted = 0;
        for (int n = 0; n < 12; ++n) {
            core::Request r;
            r.user = static_cast<core::UserId>(n % 5);
            r.time = closed * core::kSecondsPerDay + 600.0 * (n + 1);
            r.k = 6;
            aware.value()->recommend(r, slate);
            core::Request wide = r;
            wide.k = 18;
            plain.value()->recommend(wide, cand);
            std::vector<std::pair<double, ItemId>> want;
            for (std::size_t c = 0; c < cand.size(); ++c) {
                const ItemId i = cand[c].item;
                double risk = 0.0;
                if (stock[i] >= 0) {
                    const double cover = stock[i] == 0 ? 0.0
                                         : f[i] > 0.0  ? stock[i] / f[i]
                                                       : INFINITY;
                    risk = std::max(0.0, 1.0 - cover / horizon);
                }
                demoted += risk > 0.0;
                want.push_back({1.0 - double(c) / double(cand.size()) - demotion * risk, i});
            }
            std::stable_sort(want.begin(), want.end(), [](const auto& a, const auto& b) {
                return a.first > b.first || (a.first == b.first && a.second < b.second);
            });
            QCOMPARE(slate.size(), std::size_t(6));
            for (std::size_t p = 0; p < slate.size(); ++p) {
                QCOMPARE(slate[p].item, want[p].second);
                QVERIFY(std::abs(slate[p].score - want[p].first) < 1e-5);
            }
            aware.value()->observeSlate(r, slate, -1);
            plain.value()->observeSlate(r, slate, -1);
        }
        QVERIFY(demoted > 10); // the demotion did act
    }
};

QTEST_APPLESS_MAIN(TestDemandForecaster)
#include "tst_demand_forecaster.moc"
