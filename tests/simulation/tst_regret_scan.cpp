// RegretScan (the regret sample's best slate) against the plain search it
// replaces: utilityCached() of every available, non-excluded item, then std::partial_sort
// of the whole list, best first. Compared value by value, bit for bit, over long streams of
// impressions, purchases, promotions, sell-outs, contexts and carts on shops whose ids,
// categories and brands share history slots often, for slate sizes from 0 to more than the
// eligible items.
//
// Mutations tried, each caught here (then restored): insertBest() placing a value one slot
// too far when the list is full; the list of bought and successor items ignored (sequence and
// repurchase terms lost on the inline path); the category fatigue dropped from the inline
// path; the brand mask test dropped (loyalty lost); the running threshold taken from rank
// k - 1 instead of k; the walk over the listed items advancing one entry per item instead of
// past every id below it (an unavailable listed item then hides the next ones); the exclusion
// test dropped. The dim32 and dim7 rows take the plain loop (utilityCached per item) and only
// check the running top k.

#include "regret_scan.h"

#include "recoscope/sim/history_cache.h"
#include "recoscope/sim/shopper_model.h"
#include "recoscope/sim/world.h"

#include "same_bits.h"

#include <QTest>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <functional>
#include <random>
#include <vector>

using namespace recoscope;

namespace {

sim::Scenario scenario(const char* json) {
    auto s = sim::parseScenario(QByteArray(json), QStringLiteral("test"));
    if (!s.ok())
        qFatal("%s", s.error().c_str());
    return s.value();
}

using test::sameBits;

// The search before RegretScan: every eligible item's utility, partial_sort, the first k.
// `ranked`, when given, receives the items of the k best (for the coverage counts).
std::vector<float> plainBest(const sim::ShopperModel& model, const sim::World& w, core::UserId user,
                             const core::Request& request, const sim::HistoryCache& cache,
                             std::size_t k, std::vector<core::ItemId>* ranked = nullptr) {
    std::vector<std::pair<float, core::ItemId>> all;
    for (core::ItemId i = 0; i < w.items.size(); ++i)
        if (w.items.available[i] && !request.excludes(i))
            all.push_back({model.utilityCached(user, i, cache), i});
    const std::size_t best = std::min(k, all.size());
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(best), all.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<float> values;
    for (std::size_t p = 0; p < best; ++p) {
        values.push_back(all[p].first);
        if (ranked)
            ranked->push_back(all[p].second);
    }
    return values;
}

} // namespace

class TestRegretScan : public QObject {
    Q_OBJECT

private slots:
    void bestEqualsThePlainSearch_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("seed");
        QTest::addColumn<double>("fatigueItem"); // NaN: the scenario's
        // The default shop's shape (40 leaves, 12 impressions) at a small size.
        QTest::newRow("dim16-default-shape")
            << QByteArray("{\"catalogue\": {\"items\": 600}, \"population\": {\"users\": 30,"
                          " \"brand_loyalty_mean\": 1.0}}")
            << 4 << qQNaN();
        // Slots shared by ids, leaves and brands; a long memory; a price factor that is not
        // a power of two.
        QTest::newRow("dim16-memory64")
            << QByteArray("{\"catalogue\": {\"items\": 300, \"top_categories\": 10,"
                          " \"subcategories_per_top\": 10, \"brands_per_category\": 3,"
                          " \"consumable_share\": 0.5, \"successors\": 8},"
                          " \"population\": {\"users\": 40, \"brand_loyalty_mean\": 1.0},"
                          " \"behaviour\": {\"fatigue_memory\": 64, \"price_sensitivity\": 0.7}}")
            << 3 << qQNaN();
        // The other unrolled dimension, and one without an unrolled copy.
        QTest::newRow("dim32") << QByteArray("{\"latent_dim\": 32, \"catalogue\": {\"items\": 400},"
                                             " \"population\": {\"users\": 20}}")
                               << 6 << qQNaN();
        QTest::newRow("dim7-memory5")
            << QByteArray("{\"latent_dim\": 7, \"catalogue\": {\"items\": 200, "
                          "\"top_categories\": 20, \"subcategories_per_top\": 6},"
                          " \"population\": {\"users\": 25, \"brand_loyalty_mean\": 1.0},"
                          " \"behaviour\": {\"fatigue_memory\": 5, \"affinity_scale\": 4.0}}")
            << 5 << qQNaN();
        // A negative item fatigue (a bonus for what was shown; outside the scenario
        // fields' range, set directly): the static utility is then no bound, and the scan
        // must look fatigue up before it prunes.
        QTest::newRow("dim16-negative-fatigue")
            << QByteArray("{\"catalogue\": {\"items\": 500}, \"population\": {\"users\": 20,"
                          " \"brand_loyalty_mean\": 1.0}, \"behaviour\": {\"fatigue_memory\": 64}}")
            << 7 << -3.0;
    }

    void bestEqualsThePlainSearch() {
        QFETCH(QByteArray, json);
        QFETCH(int, seed);
        QFETCH(double, fatigueItem);
        sim::Scenario sc = scenario(json.constData());
        if (!qIsNaN(fatigueItem))
            sc.behaviour.fatigueItem = fatigueItem;
        sim::World w = sim::generateWorld(sc, static_cast<std::uint64_t>(seed));
        sim::ShopState st;
        st.resize(w.items.size(), w.users.size(), sc.behaviour.fatigueMemory);
        const sim::ShopperModel model(sc, w, &st);
        const auto items = static_cast<core::ItemId>(w.items.size());
        const auto users = static_cast<core::UserId>(w.users.size());
        std::mt19937 rng(static_cast<std::uint32_t>(seed));
        auto pick = [&](std::uint32_t n) { return static_cast<std::uint32_t>(rng() % n); };

        sim::HistoryCache cache;
        double t = 0.0;
        long searches = 0, values = 0, short_ = 0, excludedBest = 0, withFatigue = 0,
             withLoyalty = 0, withSequence = 0, withRepurchase = 0;
        std::vector<float> got;
        for (int round = 0; round < 3000; ++round) {
            t += 60.0 * pick(240);
            const core::UserId user = pick(users);
            if (pick(3) != 0)
                for (int k = 0; k < 10; ++k)
                    st.remember(user, pick(4) == 0 ? pick(8) : pick(items),
                                static_cast<float>(t / core::kSecondsPerHour));
            if (pick(4) == 0)
                st.rememberPurchase(user, pick(items),
                                    static_cast<float>(t / core::kSecondsPerHour) - pick(400));
            if (pick(10) == 0)
                w.items.discount[pick(items)] = static_cast<float>(pick(90)) / 100.0f;
            // Sell-outs and restocks; now and then most of the shop sold out, so that fewer
            // items are eligible than the slate asks for.
            if (pick(5) == 0)
                w.items.available[pick(items)] ^= 1u;
            std::vector<std::uint8_t> saved;
            if (round % 50 == 0) {
                saved = w.items.available;
                for (core::ItemId i = 0; i < items; ++i)
                    if (pick(40) != 0)
                        w.items.available[i] = 0;
            }
            core::Request request;
            request.user = user;
            request.time = t;
            request.contextItem = pick(3) == 0 ? core::kNoItem : pick(items);
            // A cart: random items, repeats, and sometimes the user's very best item (so that
            // the exclusion test is what keeps it out).
            std::vector<core::ItemId> cart;
            for (std::uint32_t c = pick(5); c > 0; --c)
                cart.push_back(pick(items));
            if (!cart.empty() && pick(2) == 0)
                cart.push_back(cart.front());
            model.prepare(user, t, request.contextItem, cache);
            if (pick(2) == 0) {
                const std::vector<float> top = plainBest(model, w, user, request, cache, 1);
                for (core::ItemId i = 0; i < items && !top.empty(); ++i)
                    if (w.items.available[i] &&
                        sameBits(model.utilityCached(user, i, cache), top.front())) {
                        (pick(2) == 0 ? request.contextItem : cart.emplace_back()) = i;
                        ++excludedBest;
                        break;
                    }
            }
            request.exclude = cart;
            const std::size_t ks[] = {0, 1, 2, 3, 10, 10, 10, 25, 200};
            const std::size_t k = ks[pick(std::size(ks))];
            request.k = static_cast<int>(k);

            std::vector<core::ItemId> ranked;
            const std::vector<float> want = plainBest(model, w, user, request, cache, k, &ranked);
            // Which history terms the best slate holds (each path of the scan exercised).
            for (core::ItemId item : ranked) {
                const sim::UtilityParts parts =
                    model.utilityParts(user, item, t, request.contextItem);
                withFatigue += parts.fatigue != 0.0f;
                withLoyalty += parts.loyalty != 0.0f;
                withSequence += parts.sequence != 0.0f;
                withRepurchase += parts.repurchase != 0.0f;
            }
            got.assign(k + 1, 12345.0f); // one guard value past the end
            const std::size_t n =
                sim::RegretScan(sc, w, model).best(user, request, cache, k, got.data());
            if (n != want.size())
                QFAIL(qPrintable(QStringLiteral("round %1: %2 values, plain %3")
                                     .arg(round)
                                     .arg(n)
                                     .arg(want.size())));
            for (std::size_t p = 0; p < n; ++p)
                if (!sameBits(got[p], want[p]))
                    QFAIL(qPrintable(QStringLiteral("round %1, rank %2 of %3: %4, plain %5")
                                         .arg(round)
                                         .arg(p)
                                         .arg(k)
                                         .arg(double(got[p]), 0, 'g', 9)
                                         .arg(double(want[p]), 0, 'g', 9)));
            QVERIFY(sameBits(got[k], 12345.0f));
            values += static_cast<long>(n);
            short_ += n < k;
            ++searches;
            if (!saved.empty())
                w.items.available = saved;
        }
        qInfo("%ld searches, %ld values compared, %ld with fewer eligible items than k, %ld "
              "with the best item excluded; best items with fatigue %ld, loyalty %ld, sequence "
              "%ld, repurchase %ld",
              searches, values, short_, excludedBest, withFatigue, withLoyalty, withSequence,
              withRepurchase);
        QVERIFY(values > 20000);
        QVERIFY(short_ > 10);
        QVERIFY(withFatigue > 1000);
        QVERIFY(withLoyalty > 100);
        QVERIFY(withSequence > 100);
        QVERIFY(excludedBest > 1000);
    }
};

QTEST_GUILESS_MAIN(TestRegretScan)
#include "tst_regret_scan.moc"
