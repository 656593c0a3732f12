// Incremental top-k (issue 17) against the full scan it replaces.
//
// - RankedOrder: random key changes up and down, many ties, compared after every update
//   with std::sort of the whole catalogue by (key desc, id asc).
// - `egreedy` (epsilon 0: the greedy slate itself) and `ucb` (groups of equal showings
//   merged by their heads, kit::ShowingBuckets, decision 0036): random request streams with
//   exclusions, unavailable items switched on and off and cascade feedback; after every request the
//   core's slate is compared, item by item and score by score (bit for bit), with a full scan
//   (core::TopK over every eligible item, the code path the cores had before) of the same float
//   formulas recomputed from the feedback log the test keeps.
// - `demographic` (threshold algorithm over two kept orders): random organic event streams
//   over days with a short half-life (so the decayed counters rebase, which re-sorts the
//   orders, and quiet items decay to exact zeros, which tie), requests from every segment
//   with exclusions and stock changes; every slate and score against a full scan of the
//   same score computed from the test's own kit::DecayedCounter copies fed the same events.
//
// Mutations tried (each made the named test fail):
// - RankedOrder::update without its move-down branch (keys only rise, as popularity's):
//   rankedOrderEqualsSort and slatesEqualFullScan (egreedy rows: a skip lowers the mean);
// - ucb on the threshold algorithm (since reverted: slower than its scan) with the bound
//   read from the showings of the mean list's item instead of the showings list's:
//   slatesEqualFullScan (ucb rows);
// - demographic's bound from the popularity of the segment list's item instead of the
//   popularity list's: demographicEqualsFullScan;
// - demographic without the re-sort after a rebase: demographicEqualsFullScan;
// - ShowingBuckets::topK without unparking the items that came back in stock:
//   slatesEqualFullScan (every ucb row).
// - ExclusionMarks (fatigue's long exclusion lists, decision 0040) without the context-item
//   test on the marked path, or without the new generation per reset (the last request's
//   marks kept): exclusionMarksEqualLinearSearch.
// Survived: thresholdTopK stopping on bound <= k-th score instead of <. Both lists meet
// equal keys in id order, so an unread item can only tie the bound with a higher id than
// both items at depth d; it is missed only when a float rounding collision makes the
// k-th item's score equal the bound with a still higher id. The strict test is kept.
// Survived: ShowingBuckets skipping the rest of a group (instead of the rest of its run of
// equal clicks) once a head ties the k-th score with a higher id. Fewer clicks tie only by
// a float collision of two means plus the bonus; the exact skip is kept.

#include "contract_fixture.h"
#include "event_weights.h"
#include "exclusion_marks.h"
#include "internals_stream.h"
#include "ranked_order.h"
#include "recoscope/core/candidates.h"
#include "recoscope/core/introspection.h"
#include "recoscope/core/registry.h"
#include "recoscope/core/topk.h"
#include "suite_counters.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

using namespace recoscope;

namespace {

// The cores of this test with seed 99.
std::unique_ptr<core::Recommender> make(const core::RecommenderRegistry& registry,
                                        const std::string& id, const test::SyntheticShop& shop,
                                        const std::map<std::string, std::string>& params) {
    return test::makeCore(registry, shop, id, params, 99);
}

} // namespace

class TestIncrementalTopK : public QObject {
    Q_OBJECT

    core::RecommenderRegistry m_registry;

private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }

    // kit::ExclusionMarks against Request::excludes (the linear search it stands in for):
    // lists short and long, duplicates, ids beyond the catalogue, with and without a context
    // item, one marks object reused across requests (old marks must not survive).
    void exclusionMarksEqualLinearSearch() {
        constexpr std::size_t n = 300;
        test::Mix rng{5};
        core::kit::ExclusionMarks marks;
        std::size_t marked = 0, excludedSeen = 0;
        for (int round = 0; round < 400; ++round) {
            std::vector<core::ItemId> exclude(rng.below(3) == 0 ? rng.below(8) : rng.below(120));
            for (core::ItemId& i : exclude)
                i = rng.below(n + 10); // a few beyond the catalogue
            core::Request r;
            r.exclude = exclude;
            r.contextItem = rng.below(2) == 0 ? core::kNoItem : rng.below(n);
            marks.reset(r, n);
            marked += exclude.size() > core::kit::ExclusionMarks::kShortList;
            const core::Request copy = r; // another address: answered by the linear search
            for (core::ItemId i = 0; i < n + 12; ++i) {
                const bool want = r.excludes(i);
                excludedSeen += want;
                QVERIFY2(marks.excludes(i) == want,
                         qPrintable(QStringLiteral("round %1 item %2").arg(round).arg(i)));
                QCOMPARE(marks.excludes(r, i), want);
                QCOMPARE(marks.excludes(copy, i), want);
            }
        }
        QVERIFY(marked > 200 && excludedSeen > 10000);
    }

    void rankedOrderEqualsSort() {
        constexpr std::size_t n = 500;
        test::Mix rng{5};
        std::vector<float> key(n, 0.0f);
        core::kit::RankedOrder order(n);
        const auto keyOf = [&](core::ItemId i) { return key[i]; };
        std::vector<core::ItemId> expected(n);
        for (int step = 0; step < 20000; ++step) {
            const core::ItemId i = rng.below(n);
            // Few distinct values (ties everywhere), moves in both directions.
            key[i] = static_cast<float>(static_cast<int>(rng.below(9)) - 4) * 0.5f;
            order.update(i, keyOf);
            if (step % 7 != 0)
                continue;
            std::iota(expected.begin(), expected.end(), core::ItemId{0});
            std::sort(expected.begin(), expected.end(), [&](core::ItemId a, core::ItemId b) {
                return key[a] > key[b] || (key[a] == key[b] && a < b);
            });
            QVERIFY2(order.order() == expected, qPrintable(QStringLiteral("step %1").arg(step)));
            for (std::size_t p = 0; p < n; ++p)
                QCOMPARE(order.positionOf(expected[p]), static_cast<std::uint32_t>(p));
        }
    }

    void slatesEqualFullScan_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("items");
        QTest::addColumn<double>("exploration");
        QTest::addColumn<int>("requests");
        QTest::newRow("egreedy 300") << "egreedy" << 300 << 0.0 << 6000;
        QTest::newRow("egreedy 3000") << "egreedy" << 3000 << 0.0 << 3000;
        QTest::newRow("ucb 300 c=0.1") << "ucb" << 300 << 0.1 << 6000;
        QTest::newRow("ucb 3000 c=0.1, cold ties") << "ucb" << 3000 << 0.1 << 3000;
        QTest::newRow("ucb 300 c=2") << "ucb" << 300 << 2.0 << 6000;
        QTest::newRow("ucb 300 c=0") << "ucb" << 300 << 0.0 << 4000;
    }

    void slatesEqualFullScan() {
        QFETCH(QString, id);
        QFETCH(int, items);
        QFETCH(double, exploration);
        QFETCH(int, requests);
        const bool isUcb = id == QLatin1String("ucb");
        test::SyntheticShop shop(static_cast<std::size_t>(items), 40, 3);
        std::map<std::string, std::string> params;
        if (isUcb)
            params["exploration"] = std::to_string(exploration);
        else
            params["epsilon"] = "0";
        auto rec = make(m_registry, id.toStdString(), shop, params);
        auto* probe = dynamic_cast<core::ItemBanditProbe*>(rec.get());
        QVERIFY(probe);
        const std::size_t n = shop.items.size();
        const core::ItemBanditProbe::State prior = probe->itemBanditState();
        const float a0 = static_cast<float>(prior.priorClicks),
                    b0 = static_cast<float>(prior.priorSkips);
        const float c = static_cast<float>(exploration);
        // The feedback log, as the cores count it (cascade model), in float like them.
        std::vector<float> clicks(n, 0.0f), shown(n, 0.0f);
        double total = 0.0;
        test::Mix rng{17};
        core::Slate slate, reference;
        core::TopK scan;
        std::size_t compared = 0, ties = 0;
        for (int step = 0; step < requests; ++step) {
            if (step % 50 == 0) { // a few items go out of stock and come back
                for (int f = 0; f < 5; ++f) {
                    const core::ItemId i = rng.below(n);
                    shop.items.available[i] = shop.items.available[i] ? 0 : 1;
                }
                shop.recount();
            }
            core::Request req;
            req.user = rng.below(shop.users.size());
            req.time = step * 30.0;
            req.k = static_cast<int>(rng.below(13)); // 0..12
            std::vector<core::ItemId> exclude;
            for (std::uint32_t x = rng.below(4); x > 0; --x)
                exclude.push_back(rng.below(n));
            req.exclude = exclude;
            if (rng.below(2) == 0) {
                req.surface = core::Surface::Product;
                req.contextItem = rng.below(n);
            }
            rec->recommend(req, slate);

            // The full scan the cores did before: every eligible item scored, TopK keeps
            // the best k, ties by lower id.
            const float logN = static_cast<float>(std::log(std::max(total, 1.0)));
            const auto score = [&](core::ItemId i) {
                const float mean = (clicks[i] + a0) / (shown[i] + a0 + b0);
                return isUcb ? mean + c * std::sqrt(2.0f * logN / (shown[i] + 1.0f)) : mean;
            };
            scan.reset(static_cast<std::size_t>(req.k));
            for (core::ItemId i = 0; i < n; ++i)
                if (core::isEligible(shop.items, req, i))
                    scan.offer(i, score(i));
            reference.clear();
            scan.drainInto(reference);
            // The cores' own part of the slate is the ranked prefix; fill-ins (score < 0)
            // only follow when fewer than k items are eligible.
            std::size_t ranked = 0;
            while (ranked < slate.size() && slate[ranked].score >= 0.0f)
                ++ranked;
            QVERIFY2(ranked == reference.size(),
                     qPrintable(QStringLiteral("step %1: %2 ranked, scan %3")
                                    .arg(step)
                                    .arg(ranked)
                                    .arg(reference.size())));
            for (std::size_t p = 0; p < ranked; ++p) {
                QVERIFY2(slate[p].item == reference[p].item,
                         qPrintable(QStringLiteral("step %1 place %2: item %3, scan %4")
                                        .arg(step)
                                        .arg(p)
                                        .arg(slate[p].item)
                                        .arg(reference[p].item)));
                QCOMPARE(slate[p].score, reference[p].score);
                if (p > 0 && slate[p].score == slate[p - 1].score)
                    ++ties;
            }
            compared += ranked;

            int clicked = -1;
            for (std::size_t p = 0; p < slate.size() && clicked < 0; ++p)
                if (rng.below(8) == 0)
                    clicked = static_cast<int>(p);
            rec->observeSlate(req, slate, clicked);
            const std::size_t examined =
                clicked >= 0 ? static_cast<std::size_t>(clicked) + 1 : slate.size();
            for (std::size_t p = 0; p < examined; ++p) {
                shown[slate[p].item] += 1.0f;
                total += 1.0;
                if (static_cast<int>(p) == clicked)
                    clicks[slate[p].item] += 1.0f;
            }
        }
        QVERIFY(compared > static_cast<std::size_t>(requests) * 4);
        QVERIFY2(ties > 100, "the stream must exercise ties (tie-breaking by id)");
    }

    void demographicEqualsFullScan_data() {
        QTest::addColumn<double>("halfLife");
        QTest::addColumn<double>("shrinkage");
        QTest::addColumn<int>("items");
        QTest::newRow("half-life 0.5 h, rebases") << 0.5 << 20.0 << 600;
        QTest::newRow("half-life 0.5 h, 3000 items") << 0.5 << 20.0 << 3000;
        QTest::newRow("no decay") << 0.0 << 20.0 << 600;
        QTest::newRow("no shrinkage") << 2.0 << 0.0 << 600;
        QTest::newRow("strong shrinkage") << 2.0 << 5000.0 << 600;
    }

    void demographicEqualsFullScan() {
        QFETCH(double, halfLife);
        QFETCH(double, shrinkage);
        QFETCH(int, items);
        test::SyntheticShop shop(static_cast<std::size_t>(items), 60, 4);
        const std::size_t n = shop.items.size();
        auto rec = make(m_registry, "demographic", shop,
                        {{"segment", "age"},
                         {"half_life_hours", std::to_string(halfLife)},
                         {"shrinkage", std::to_string(shrinkage)}});
        const std::size_t segments = shop.users.ageBandCount;
        core::kit::DecayedCounter popular(n, halfLife), counts(segments * n, halfLife);
        test::Mix rng{23};
        core::Slate slate, reference;
        core::TopK scan;
        double t = 0.0, now = 0.0;
        std::size_t compared = 0, ties = 0;
        for (int step = 0; step < 40000; ++step) {
            t += 5.0 + 20.0 * rng.unit(); // ~3 simulated days
            const auto user = static_cast<core::UserId>(rng.below(shop.users.size()));
            if (step % 4 != 0) {
                const double r = rng.unit();
                const auto item = static_cast<core::ItemId>(r * r * r * static_cast<double>(n));
                const std::uint32_t roll = rng.below(100);
                const core::EventKind kind = roll < 80   ? core::EventKind::View
                                             : roll < 88 ? core::EventKind::Favourite
                                             : roll < 95 ? core::EventKind::CartAdd
                                             : roll < 98 ? core::EventKind::Purchase
                                                         : core::EventKind::Search;
                rec->observe({t, user, item, kind, core::Surface::Home, -1, false, 0.0f});
                const float w = core::implicitWeight(kind);
                if (w > 0.0f) {
                    popular.add(item, w, t);
                    counts.add(shop.users.ageBand[user] * n + item, w, t);
                }
                now = std::max(now, t);
                continue;
            }
            if (step % 200 == 0) {
                for (int f = 0; f < 5; ++f) {
                    const core::ItemId i = rng.below(n);
                    shop.items.available[i] = shop.items.available[i] ? 0 : 1;
                }
                shop.recount();
            }
            core::Request req;
            req.user = user;
            req.time = t;
            req.k = static_cast<int>(1 + rng.below(12));
            std::vector<core::ItemId> exclude;
            for (std::uint32_t x = rng.below(4); x > 0; --x)
                exclude.push_back(static_cast<core::ItemId>(rng.below(40))); // popular ids
            req.exclude = exclude;
            rec->recommend(req, slate);
            now = std::max(now, t);

            // demographic's score, scanned over every eligible item.
            const std::size_t base = shop.users.ageBand[user] * n;
            const float fs = static_cast<float>(counts.scaleAt(now));
            const float fg = static_cast<float>(popular.scaleAt(now));
            const double total = std::max(popular.totalAt(now), 1e-9);
            const float g = static_cast<float>(shrinkage) * fg / static_cast<float>(total);
            scan.reset(static_cast<std::size_t>(req.k));
            for (core::ItemId i = 0; i < n; ++i)
                if (core::isEligible(shop.items, req, i))
                    scan.offer(i, counts.raw(base + i) * fs + g * popular.raw(i));
            reference.clear();
            scan.drainInto(reference);
            QVERIFY(slate.size() >= reference.size());
            for (std::size_t p = 0; p < reference.size(); ++p) {
                QVERIFY2(slate[p].item == reference[p].item,
                         qPrintable(QStringLiteral("step %1 place %2: item %3, scan %4")
                                        .arg(step)
                                        .arg(p)
                                        .arg(slate[p].item)
                                        .arg(reference[p].item)));
                QCOMPARE(slate[p].score, reference[p].score);
                if (p > 0 && slate[p].score == slate[p - 1].score)
                    ++ties;
            }
            compared += reference.size();
        }
        QVERIFY(compared > 40000);
        if (halfLife > 0.0 && halfLife < 1.0) // quiet items decayed to exact zeros at rebases
            QVERIFY2(
                popular.rebases() >= 2 && ties > 0,
                qPrintable(QStringLiteral("%1 rebases, %2 ties").arg(popular.rebases()).arg(ties)));
    }
};

QTEST_GUILESS_MAIN(TestIncrementalTopK)
#include "tst_incremental_topk.moc"
