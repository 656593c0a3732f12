// ShopperModel::organicItem in three passes (branch large4: every engine word first, then
// the alias reads, then the scores, so that on `large` the candidates' cache misses
// overlap) against the one-pass loop it replaced, written out below from public parts:
// each candidate drawn (a promoted item or Boost's alias draw), its Gumbel uniform, its
// utility (utilityCached) plus the noise, the best available one kept, a sold-out better
// one counted as a lost request. Compared per call: the item chosen, the lost-request
// count and the session engine's state afterwards (the same words used), over long
// streams of calls with impressions, purchases, promotions, stock-outs and items not
// launched yet changing between them; on a small shop and on one above the prefetch
// threshold (the hints' path). The scores themselves are not visible outside the model;
// with Gumbel noise, a wrong score shows as a different choice within a few calls.
//
// Mutations tried, each caught here (then restored): the Gumbel uniform of candidate c
// taken from c + 1, one promoted candidate too many (kCandidates / 2 + 1), the Gumbel
// uniform drawn before the candidate's alias draw, the first alias candidate's resolve
// skipped (its rolled index used as the item), a lost request counted on bestGone >=
// bestScore (caught on the small shop, where none available is common).

#include "recoscope/sim/alias_table.h"
#include "recoscope/sim/history_cache.h"
#include "recoscope/sim/seeds.h"
#include "recoscope/sim/shopper_model.h"
#include "recoscope/sim/world.h"

#include <QTest>

#include <boost/random/uniform_int_distribution.hpp>

#include <algorithm>
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

/// The one-pass organicItem (main at 41cdb94), from public parts.
core::ItemId plainOrganicItem(const sim::Scenario& sc, const sim::World& w,
                              const sim::ShopState& st, const sim::ShopperModel& model,
                              const sim::AliasTable<core::ItemId>& popular, sim::Session& s,
                              const sim::HistoryCache& cache) {
    constexpr int kCandidates = 6;
    core::ItemId best = core::kNoItem;
    float bestScore = -1e30f, bestGone = -1e30f;
    const bool promo =
        !st.promoted.empty() && sim::ShopperModel::uniform(s) < sc.behaviour.promotionBrowse;
    for (int c = 0; c < kCandidates; ++c) {
        core::ItemId item;
        if (promo && c < kCandidates / 2)
            item = st.promoted[boost::random::uniform_int_distribution<std::size_t>(
                0, st.promoted.size() - 1)(s.rng)];
        else
            item = popular(s.rng);
        const float gumbel = -std::log(
            -std::log(static_cast<float>(sim::ShopperModel::uniform(s)) + 1e-12f) + 1e-12f);
        if (!w.items.isAvailable(item)) {
            if (st.stock[item] == 0)
                bestGone = std::max(bestGone, model.utilityCached(s.user, item, cache) + gumbel);
            continue;
        }
        const float score = model.utilityCached(s.user, item, cache) + gumbel;
        if (score > bestScore) {
            bestScore = score;
            best = item;
        }
    }
    if (bestGone > bestScore)
        ++s.lostRequests;
    return best;
}

} // namespace

class TstOrganicItem : public QObject {
    Q_OBJECT

private slots:
    void threePassesEqualOnePass_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("seed");
        QTest::addColumn<int>("rounds");
        QTest::newRow("small shop")
            << QByteArray("{\"catalogue\": {\"items\": 400, \"successors\": 8},"
                          " \"population\": {\"users\": 40, \"brand_loyalty_mean\": 1.0},"
                          " \"behaviour\": {\"promotion_browse\": 0.5}}")
            << 3 << 30000;
        // Above core::kPrefetchMinItems: the prefetch hints run too.
        QTest::newRow("prefetching shop")
            << QByteArray("{\"catalogue\": {\"items\": 70000}, \"population\": {\"users\": 300,"
                          " \"brand_loyalty_mean\": 1.0}, \"behaviour\": {\"promotion_browse\":"
                          " 0.4}}")
            << 4 << 30000;
    }

    void threePassesEqualOnePass() {
        QFETCH(QByteArray, json);
        QFETCH(int, seed);
        QFETCH(int, rounds);
        const sim::Scenario sc = scenario(json.constData());
        sim::World w = sim::generateWorld(sc, static_cast<std::uint64_t>(seed));
        sim::ShopState st;
        st.resize(w.items.size(), w.users.size(), sc.behaviour.fatigueMemory);
        const sim::ShopperModel model(sc, w, &st);
        // The model's organic table, built the same way (exp of each quality).
        std::vector<double> appeal(w.itemQuality.size());
        for (std::size_t i = 0; i < appeal.size(); ++i)
            appeal[i] = std::exp(static_cast<double>(w.itemQuality[i]));
        const sim::AliasTable<core::ItemId> popular(appeal.begin(), appeal.end());

        const auto items = static_cast<core::ItemId>(w.items.size());
        const auto users = static_cast<core::UserId>(w.users.size());
        std::mt19937 rng(static_cast<std::uint32_t>(seed));
        auto pick = [&](std::uint32_t n) { return static_cast<std::uint32_t>(rng() % n); };
        // The most popular items, so that stock-outs and promotions hit drawn candidates.
        std::vector<core::ItemId> top(items);
        for (core::ItemId i = 0; i < items; ++i)
            top[i] = i;
        std::partial_sort(top.begin(), top.begin() + 200, top.end(),
                          [&](core::ItemId a, core::ItemId b) { return appeal[a] > appeal[b]; });
        top.resize(200);

        sim::HistoryCache cache;
        double t = 0.0;
        long calls = 0, lost = 0, none = 0, promoted = 0;
        for (int round = 0; round < rounds; ++round) {
            t += 60.0 * pick(120);
            const core::UserId user = pick(users);
            const float hour = static_cast<float>(t / core::kSecondsPerHour);
            if (pick(2) == 0)
                for (int k = 0; k < 10; ++k)
                    st.remember(user, pick(3) == 0 ? top[pick(200)] : pick(items), hour);
            if (pick(5) == 0)
                st.rememberPurchase(user, top[pick(200)], hour - pick(300));
            // Sold out (stock 0, unavailable), not launched (stock left, unavailable), back.
            if (pick(3) == 0) {
                const core::ItemId item = top[pick(200)];
                const std::uint32_t kind = pick(3);
                w.items.available[item] = kind == 2 ? 1 : 0;
                st.stock[item] = kind == 0 ? 0 : 5;
            }
            if (pick(50) == 0) {
                st.promoted.clear();
                const std::uint32_t n = pick(4) == 0 ? 0 : 1 + pick(30);
                for (std::uint32_t k = 0; k < n; ++k)
                    st.promoted.push_back(pick(2) == 0 ? top[pick(200)] : pick(items));
            }
            if (pick(10) == 0)
                w.items.discount[pick(items)] = static_cast<float>(pick(40)) / 100.0f;

            sim::Session s;
            s.user = user;
            s.nextTime = t;
            s.rng = sim::makeSessionEngine(11, user, static_cast<std::uint32_t>(round));
            s.lostRequests = pick(3);
            sim::Session ref = s;
            // With a prepared history, or (every fourth call) without one: the model
            // prepares its own at Session::nextTime.
            const bool prepared = round % 4 != 0;
            model.prepare(user, t, core::kNoItem, cache);
            for (int call = 0; call < 3; ++call) {
                const auto lostBefore = ref.lostRequests;
                const core::ItemId want = plainOrganicItem(sc, w, st, model, popular, ref, cache);
                const core::ItemId got = model.organicItem(s, prepared ? &cache : nullptr);
                if (got != want || s.lostRequests != ref.lostRequests || !(s.rng == ref.rng))
                    QFAIL(qPrintable(QStringLiteral("round %1, call %2: item %3 (plain %4), lost "
                                                    "%5 (plain %6), engines %7")
                                         .arg(round)
                                         .arg(call)
                                         .arg(got)
                                         .arg(want)
                                         .arg(s.lostRequests)
                                         .arg(ref.lostRequests)
                                         .arg(s.rng == ref.rng ? "equal" : "differ")));
                ++calls;
                none += want == core::kNoItem;
                lost += ref.lostRequests != lostBefore ? 1 : 0;
            }
            promoted += st.promoted.empty() ? 0 : 1;
        }
        qInfo("%ld calls compared, %ld lost requests, %ld with none available, "
              "%ld rounds during a promotion",
              calls, lost, none, promoted);
        QVERIFY(calls == 3L * rounds);
        QVERIFY(lost > rounds / 10); // stock-outs decided many choices
        QVERIFY(promoted > rounds / 2);
    }
};

QTEST_GUILESS_MAIN(TstOrganicItem)
#include "tst_organic_item.moc"
