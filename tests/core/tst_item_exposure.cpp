// core::itemExposure (issue 16, fairness to items and sellers; docs/metrics.md) against a
// table worked out by hand and against a brute-force recount on random catalogues: items
// ranked through a std::map keyed (-popularity, id), decile d = ranks
// [d*n/10, (d+1)*n/10), brands summed item by item.
// Mutations tried: deciles cut at (d+1)*n/10 - 1 (an item short): handMadeTable and
// matchesARecount fail; ties broken by the higher id: matchesARecount fails; a brand's
// ratio counted with minBrandItems exclusive (>): handMadeTable fails.

#include "mix.h"
#include "recoscope/core/item_exposure.h"

#include <QTest>

#include <cmath>
#include <map>

using namespace recoscope;

namespace {

core::ItemTable tableOf(const std::vector<std::uint32_t>& brands, std::uint32_t brandCount) {
    core::ItemTable t;
    for (std::uint32_t b : brands) {
        t.category.push_back(0);
        t.brand.push_back(b);
    }
    t.brandCount = brandCount;
    return t;
}

} // namespace

class TestItemExposure : public QObject {
    Q_OBJECT
private slots:
    // 20 items, popularity 20 - i (item 0 the most popular): decile d = items 2(d-1),
    // 2(d-1)+1. Impressions: items 0 and 1 get 30 each, item 19 gets 40, the rest 0
    // (total 100). Brands: items 0..9 brand 0, 10..18 brand 1, 19 brand 2 (one item).
    void handMadeTable() {
        std::vector<std::uint32_t> brands(20, 0);
        for (int i = 10; i < 19; ++i)
            brands[i] = 1;
        brands[19] = 2;
        const core::ItemTable t = tableOf(brands, 3);
        std::vector<float> pop(20);
        for (int i = 0; i < 20; ++i)
            pop[i] = static_cast<float>(20 - i);
        std::vector<std::uint64_t> imp(20, 0);
        imp[0] = imp[1] = 30;
        imp[19] = 40;
        const core::ItemExposure e = core::itemExposure(t, pop, imp, 9);
        QCOMPARE(e.impressions, std::uint64_t{100});
        QCOMPARE(e.deciles.size(), std::size_t{10});
        QCOMPARE(e.deciles[0].impressions, std::uint64_t{60});
        QCOMPARE(e.deciles[0].exposureShare, 0.6);
        QCOMPARE(e.deciles[0].catalogueShare, 0.1);
        QCOMPARE(e.deciles[0].ratio, 6.0);
        QCOMPARE(e.deciles[9].impressions, std::uint64_t{40});
        QCOMPARE(e.deciles[4].ratio, 0.0);
        QCOMPARE(e.topDecileShare, 0.6);
        QCOMPARE(e.bottomHalfShare, 0.4);
        // Brand 0: 10 items (share 0.5), 60 impressions (0.6): ratio 1.2. Brand 1: 9 items,
        // 0 impressions: ratio 0. Brand 2: 1 item, below the 9-item minimum: not counted.
        QCOMPARE(e.brands[0].ratio, 0.6 / 0.5);
        QCOMPARE(e.brands[1].ratio, 0.0);
        QCOMPARE(e.brands[2].ratio, 0.4 / 0.05);
        QCOMPARE(e.brandsCounted, 2);
        QCOMPARE(e.brandMinRatio, 0.0);
        QCOMPARE(e.brandMaxRatio, 1.2);
        QCOMPARE(e.brandsUnderHalf, 1);
    }

    void nothingShownIsUndefinedNotZero() {
        const core::ItemTable t = tableOf({0, 0, 1}, 2);
        const std::vector<float> pop{1, 2, 3};
        const std::vector<std::uint64_t> imp(3, 0);
        const core::ItemExposure e = core::itemExposure(t, pop, imp, 1);
        QVERIFY(std::isnan(e.topDecileShare));
        QVERIFY(std::isnan(e.bottomHalfShare));
        QVERIFY(std::isnan(e.brandMinRatio));
        // Three items: deciles of 0 or 1 item; an empty decile has no ratio at all.
        int empty = 0;
        for (const core::ExposureGroup& g : e.deciles)
            if (g.items == 0) {
                ++empty;
                QVERIFY(std::isnan(g.ratio));
            }
        QCOMPARE(empty, 7);
    }

    void matchesARecount() {
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            test::Mix rng{seed};
            const std::size_t n = 1 + rng.below(300);
            const std::uint32_t brandCount = 1 + rng.below(12);
            std::vector<std::uint32_t> brands(n);
            std::vector<float> pop(n);
            std::vector<std::uint64_t> imp(n);
            for (std::size_t i = 0; i < n; ++i) {
                brands[i] = rng.below(brandCount);
                pop[i] = static_cast<float>(rng.below(8)); // many ties
                imp[i] = rng.below(4) == 0 ? 0 : rng.below(1000);
            }
            const core::ItemTable t = tableOf(brands, brandCount);
            const core::ItemExposure e = core::itemExposure(t, pop, imp, 5);

            std::map<std::pair<float, std::size_t>, std::size_t> ranked; // (-pop, id) -> id
            for (std::size_t i = 0; i < n; ++i)
                ranked[{-pop[i], i}] = i;
            std::uint64_t total = 0;
            for (std::uint64_t v : imp)
                total += v;
            std::map<std::size_t, std::uint64_t> perDecile;
            std::map<std::size_t, std::size_t> decileItems;
            std::size_t rank = 0;
            for (const auto& [key, id] : ranked) {
                std::size_t d = 0;
                while (!((d * n) / 10 <= rank && rank < ((d + 1) * n) / 10))
                    ++d;
                perDecile[d] += imp[id];
                ++decileItems[d];
                ++rank;
            }
            for (std::size_t d = 0; d < 10; ++d) {
                QCOMPARE(e.deciles[d].impressions, perDecile[d]);
                QCOMPARE(static_cast<std::size_t>(e.deciles[d].items), decileItems[d]);
            }
            std::map<std::uint32_t, std::uint64_t> perBrand;
            std::map<std::uint32_t, std::uint32_t> brandItems;
            for (std::size_t i = 0; i < n; ++i)
                perBrand[brands[i]] += imp[i], ++brandItems[brands[i]];
            int counted = 0;
            for (std::uint32_t b = 0; b < brandCount; ++b) {
                QCOMPARE(e.brands[b].impressions, perBrand[b]);
                QCOMPARE(e.brands[b].items, brandItems[b]);
                if (total > 0 && brandItems[b] > 0)
                    QCOMPARE(e.brands[b].ratio, (double(perBrand[b]) / double(total)) /
                                                    (double(brandItems[b]) / double(n)));
                counted += brandItems[b] >= 5 && total > 0 ? 1 : 0;
            }
            QCOMPARE(e.brandsCounted, counted);
        }
    }
};

QTEST_GUILESS_MAIN(TestItemExposure)
#include "tst_item_exposure.moc"
