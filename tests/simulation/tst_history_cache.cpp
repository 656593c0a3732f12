// The shopper's prepared history (HistoryCache) against a plain recomputation, bit for
// bit: per-id fatigue sums looked up in slots (id mod 64) instead of a scan of the
// impressions, the purchase scan skipped behind item and brand masks, one combined mask
// test for items without any history term, the user's price factor taken out of the
// per-item work. The reference below is the utility written out from the World and the
// ShopState rings (the formulas of docs/shop-model.md, the float operations of the code
// before the cache existed), with no mask, slot or cache. Long interleaved streams of
// impressions, purchases, contexts and utilities on shops small enough for ids and
// categories to share slots often.
//
// Mutations tried, each caught here (then restored): prepare() dropping the item slots'
// shared bits (two ids in one slot: wrong sums), the slot sums read without the key
// comparison, mayMatch() without the brand mask (loyalty lost), setContext() without
// combineMasks() (sequence bonus lost after the engine's prepare-then-setContext), prepare's
// impression loop stopping one impression early, the slate's price term reassociated as
// s x (m x p). The last one passes at the default price_sensitivity 0.5 (a product by a
// power of two is exact either way): hence 0.7 in the first row. Branch shop4: the slate
// loop's no-history test without the brand mask (four rows fail), prepare's uncapped loop
// for rings up to kMax + 16 (the 80-impression row writes past the cache and crashes).

#include "recoscope/sim/history_cache.h"
#include "recoscope/sim/seeds.h"
#include "recoscope/sim/shopper_model.h"
#include "recoscope/sim/world.h"

#include "random_history_cache.h"
#include "same_bits.h"

#include <QTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
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

// The hidden affinity in its scalar form: four partial sums over d = 0, 4, 8, ... then
// (s0 + s1) + (s2 + s3), the remainder added to s0.
float plainDot(const float* u, const float* v, int dim) {
    float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f;
    int d = 0;
    for (; d + 4 <= dim; d += 4) {
        s0 += u[d] * v[d];
        s1 += u[d + 1] * v[d + 1];
        s2 += u[d + 2] * v[d + 2];
        s3 += u[d + 3] * v[d + 3];
    }
    for (; d < dim; ++d)
        s0 += u[d] * v[d];
    return (s0 + s1) + (s2 + s3);
}

// The full utility of `item` for `user` at `t` with `context`, from the raw tables.
float plainUtility(const sim::Scenario& sc, const sim::World& w, const sim::ShopState& st,
                   core::UserId user, core::ItemId item, core::SimTime t, core::ItemId context) {
    const sim::BehaviourSpec& b = sc.behaviour;
    const float scale = static_cast<float>(b.affinityScale * std::sqrt(double(w.dim)));
    const float dot = plainDot(w.userVector(user), w.itemVector(item), w.dim);
    float u = scale * dot + w.itemQuality[item] -
              static_cast<float>(b.priceSensitivity) * w.userPriceSensitivity[user] *
                  w.itemLogRelPrice[item] +
              static_cast<float>(b.discountWeight) * w.items.discount[item];
    const float hour = static_cast<float>(t / core::kSecondsPerHour);
    const float invHalfLife = static_cast<float>(1.0 / b.fatigueHalfLifeHours);
    // Fatigue: the decays of the matching impressions, in ring order, from +0.
    float sameItem = 0.0f, sameCategory = 0.0f;
    const auto shown = st.shown(user);
    const auto shownHours = st.shownHours(user);
    int count = 0;
    for (std::size_t k = 0; k < shown.size() && count < sim::HistoryCache::kMax; ++k) {
        if (shown[k] == core::kNoItem)
            continue;
        ++count;
        const float decay = std::exp2(-(hour - shownHours[k]) * invHalfLife);
        if (shown[k] == item)
            sameItem += decay;
        if (w.items.category[shown[k]] == w.items.category[item])
            sameCategory += decay;
    }
    const float fatigue = sameItem * static_cast<float>(b.fatigueItem) +
                          sameCategory * static_cast<float>(b.fatigueCategory);
    // Repurchase and loyalty: every purchase in the ring.
    float repurchase = 0.0f;
    bool loyal = false;
    const auto bought = st.bought(user);
    const auto boughtHours = st.boughtHours(user);
    const float cycleHours = static_cast<float>(b.consumableCycleDays * 24.0);
    for (std::size_t k = 0; k < bought.size(); ++k) {
        if (bought[k] == core::kNoItem)
            continue;
        if (bought[k] == item) {
            const float factor = std::max(0.0f, 1.0f - (hour - boughtHours[k]) / cycleHours);
            repurchase = std::max(repurchase, static_cast<float>(b.repurchasePenalty) *
                                                  (w.itemConsumable[item] ? factor : 1.0f));
        }
        loyal = loyal || w.items.brand[bought[k]] == w.items.brand[item];
    }
    // Sequence: among the context item's first 32 successors.
    float sequence = 0.0f;
    if (context != core::kNoItem) {
        const auto next = w.successors(context);
        const auto end = next.begin() + std::min<std::size_t>(next.size(), 32);
        if (std::find(next.begin(), end, item) != end)
            sequence = static_cast<float>(b.sequenceBoost);
    }
    u -= fatigue;
    u -= repurchase;
    u += loyal ? w.userBrandLoyalty[user] : 0.0f;
    u += sequence;
    return u;
}

using test::sameBits;

} // namespace

class TestHistoryCache : public QObject {
    Q_OBJECT

private slots:
    void cachedUtilitiesEqualThePlainOnes_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("seed");
        QTest::addColumn<int>("memory"); // impressions remembered; 0: the scenario's
        // 110 categories (leaf ids up to 109) and ~330 brands: slots shared by two leaves
        // or brands are common; 300 items: by two items too. Full 64-impression memory.
        QTest::newRow("dim16-memory64")
            << QByteArray("{\"catalogue\": {\"items\": 300, \"top_categories\": 10,"
                          " \"subcategories_per_top\": 10, \"brands_per_category\": 3,"
                          " \"consumable_share\": 0.5, \"successors\": 8},"
                          " \"population\": {\"users\": 40, \"brand_loyalty_mean\": 1.0},"
                          " \"behaviour\": {\"fatigue_memory\": 64, \"price_sensitivity\": 0.7}}")
            << 3 << 0;
        // The default shop's shape (40 leaves, 12 impressions) at a small size.
        QTest::newRow("dim16-default-memory")
            << QByteArray("{\"catalogue\": {\"items\": 500}, \"population\": {\"users\": 30,"
                          " \"brand_loyalty_mean\": 1.0}}")
            << 4 << 0;
        // A ring longer than the cache keeps (scenarios stop at 64; a ShopState need
        // not): prepare() keeps the first kMax impressions, as the reference does.
        QTest::newRow("dim16-memory80")
            << QByteArray("{\"catalogue\": {\"items\": 300, \"top_categories\": 10,"
                          " \"subcategories_per_top\": 10, \"brands_per_category\": 3},"
                          " \"population\": {\"users\": 20, \"brand_loyalty_mean\": 1.0}}")
            << 6 << 80;
        // A dimension without an unrolled copy, and a short memory.
        QTest::newRow("dim7-memory5")
            << QByteArray("{\"latent_dim\": 7, \"catalogue\": {\"items\": 200, "
                          "\"top_categories\": 20, \"subcategories_per_top\": 6},"
                          " \"population\": {\"users\": 25, \"brand_loyalty_mean\": 1.0},"
                          " \"behaviour\": {\"fatigue_memory\": 5}}")
            << 5 << 0;
    }

    void cachedUtilitiesEqualThePlainOnes() {
        QFETCH(QByteArray, json);
        QFETCH(int, seed);
        QFETCH(int, memory);
        sim::Scenario sc = scenario(json.constData());
        sim::World w = sim::generateWorld(sc, static_cast<std::uint64_t>(seed));
        sim::ShopState st;
        st.resize(w.items.size(), w.users.size(), memory > 0 ? memory : sc.behaviour.fatigueMemory);
        const sim::ShopperModel model(sc, w, &st);
        const auto items = static_cast<core::ItemId>(w.items.size());
        const auto users = static_cast<core::UserId>(w.users.size());
        std::mt19937 rng(static_cast<std::uint32_t>(seed));
        auto pick = [&](std::uint32_t n) { return static_cast<std::uint32_t>(rng() % n); };

        sim::HistoryCache cache;
        double t = 0.0;
        long compared = 0, withFatigue = 0, withLoyalty = 0, withSequence = 0, slates = 0;
        std::vector<float> shownUtility;
        for (int round = 0; round < 4000; ++round) {
            t += 60.0 * pick(240); // up to 4 hours on
            const core::UserId user = pick(users);
            // What changed since: a slate shown, a purchase, a promotion's discount, an item
            // sold out; a few items are shown again and again (many impressions per slot).
            if (pick(3) != 0)
                for (int k = 0; k < 10; ++k)
                    st.remember(user, pick(4) == 0 ? pick(8) : pick(items),
                                static_cast<float>(t / core::kSecondsPerHour));
            if (pick(4) == 0)
                st.rememberPurchase(user, pick(items),
                                    static_cast<float>(t / core::kSecondsPerHour) - pick(400));
            if (pick(20) == 0)
                w.items.discount[pick(items)] = static_cast<float>(pick(50)) / 100.0f;
            if (pick(20) == 0)
                w.items.available[pick(items)] ^= 1u;
            const core::ItemId context = pick(3) == 0 ? core::kNoItem : pick(items);

            // Prepared with the context, or (as the engine does) without one and the
            // context set afterwards in place.
            if (round % 2 == 0) {
                model.prepare(user, t, context, cache);
            } else {
                model.prepare(user, t, core::kNoItem, cache);
                model.setContext(cache, context);
            }
            // Items of every kind: random, shown lately, bought, successors, same brand.
            std::vector<core::ItemId> probe;
            for (int k = 0; k < 12; ++k)
                probe.push_back(pick(items));
            for (core::ItemId i : st.shown(user))
                if (i != core::kNoItem)
                    probe.push_back(i);
            for (core::ItemId i : st.bought(user))
                if (i != core::kNoItem) {
                    probe.push_back(i);
                    probe.push_back(i ^ 1u);
                }
            if (context != core::kNoItem)
                for (core::ItemId i : w.successors(context))
                    probe.push_back(i);
            for (core::ItemId item : probe) {
                if (item >= items)
                    continue;
                const float want = plainUtility(sc, w, st, user, item, t, context);
                const float got = model.utilityCached(user, item, cache);
                if (!sameBits(got, want))
                    QFAIL(qPrintable(QStringLiteral("round %1, user %2, item %3: %4, plain %5")
                                         .arg(round)
                                         .arg(user)
                                         .arg(item)
                                         .arg(double(got), 0, 'g', 9)
                                         .arg(double(want), 0, 'g', 9)));
                const sim::UtilityParts parts = model.utilityParts(user, item, t, context);
                withFatigue += parts.fatigue != 0.0f;
                withLoyalty += parts.loyalty != 0.0f;
                withSequence += parts.sequence != 0.0f;
                ++compared;
            }
            // The slate: every position's utility as the shopper judged it, with and
            // without the prepared cache.
            core::Slate slate;
            for (core::ItemId item : probe)
                if (item < items && slate.size() < 10)
                    slate.push_back({item, 0.0f, 1.0f});
            sim::Session s;
            s.user = user;
            s.contextItem = context;
            s.rng = sim::makeSessionEngine(7, user, static_cast<std::uint32_t>(round));
            const sim::HistoryCache* const histories[] = {&cache, nullptr};
            for (const sim::HistoryCache* history : histories) {
                model.chooseFromSlate(s, slate, t, &shownUtility, history);
                QCOMPARE(shownUtility.size(), slate.size());
                for (std::size_t p = 0; p < slate.size(); ++p) {
                    const core::ItemId item = slate[p].item;
                    const float want = w.items.isAvailable(item)
                                           ? plainUtility(sc, w, st, user, item, t, context)
                                           : -1e30f;
                    if (!sameBits(shownUtility[p], want))
                        QFAIL(qPrintable(QStringLiteral("round %1, slate position %2: %3, plain %4")
                                             .arg(round)
                                             .arg(p)
                                             .arg(double(shownUtility[p]), 0, 'g', 9)
                                             .arg(double(want), 0, 'g', 9)));
                }
            }
            // The context taken off again (the engine's decisions after a view).
            model.setContext(cache, core::kNoItem);
            for (core::ItemId item : probe)
                if (item < items &&
                    !sameBits(model.utilityCached(user, item, cache),
                              plainUtility(sc, w, st, user, item, t, core::kNoItem)))
                    QFAIL(qPrintable(
                        QStringLiteral("round %1, item %2 without context").arg(round).arg(item)));
            ++slates;
        }
        qInfo("%ld utilities compared (%ld with fatigue, %ld loyalty, %ld sequence), %ld slates",
              compared, withFatigue, withLoyalty, withSequence, slates);
        // Every term was exercised, many times.
        QVERIFY(compared > 50000);
        QVERIFY(withFatigue > 5000);
        QVERIFY(withLoyalty > 1000);
        QVERIFY(withSequence > 1000);
        QVERIFY(slates == 4000);
    }

    void slotSumsEqualTheScan() {
        // The slots directly, on ids from tiny ranges (every slot shared by several ids):
        // fatigueSums() against scanFatigue() and against sums written out by hand.
        std::mt19937 rng(11);
        for (int round = 0; round < 20000; ++round) {
            sim::HistoryCache c;
            const std::uint32_t itemRange = 1 + rng() % 200, categoryRange = 1 + rng() % 150;
            test::fillRandomHistory(c, rng, itemRange, categoryRange, 1000);
            for (int probe = 0; probe < 8; ++probe) {
                const core::ItemId item = rng() % (itemRange + 3);
                const std::uint32_t category = rng() % (categoryRange + 3);
                float wantItem = 0.0f, wantCategory = 0.0f;
                bool any = false;
                for (int k = 0; k < c.shown; ++k) {
                    if (c.shownItem[k] == item)
                        wantItem += c.shownDecay[k], any = true;
                    if (c.shownCategory[k] == category)
                        wantCategory += c.shownDecay[k], any = true;
                }
                float gotItem = -1.0f, gotCategory = -1.0f;
                const bool looked = c.fatigueSums(item, category, gotItem, gotCategory);
                QVERIFY(looked || !any); // false only where nothing matches
                if (!looked)
                    continue;
                QVERIFY(sameBits(gotItem, wantItem));
                QVERIFY(sameBits(gotCategory, wantCategory));
                float scanItem = -1.0f, scanCategory = -1.0f;
                c.scanFatigue(item, category, scanItem, scanCategory);
                QVERIFY(sameBits(scanItem, wantItem));
                QVERIFY(sameBits(scanCategory, wantCategory));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestHistoryCache)
#include "tst_history_cache.moc"
