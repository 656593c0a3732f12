// Fairness across shoppers (core::shopperGroups) against a recount: every group's counts
// and rates recomputed by a second, map-based pass over random tables; the disparity of a
// hand-made table written out from the definition; undefined rates stay NaN.
// Mutation check: counting `clicked` for shoppers with impressions instead of clicks makes
// recountOfRandomTables and handMadeDisparity fail (hit rates all 1).

#include "recoscope/core/shopper_groups.h"

#include <QTest>

#include <cmath>
#include <map>
#include <random>

using namespace recoscope;

namespace {

struct Recount {
    std::uint32_t shoppers = 0, shown = 0, clicked = 0;
    std::uint64_t impressions = 0, clicks = 0, purchases = 0;
};

std::map<int, Recount> recount(const std::vector<std::uint8_t>& codes,
                               const std::vector<core::UserOutcomes::Row>& rows) {
    std::map<int, Recount> out;
    for (std::size_t u = 0; u < codes.size(); ++u) {
        Recount& r = out[codes[u]];
        ++r.shoppers;
        if (u >= rows.size())
            continue;
        r.impressions += rows[u].impressions;
        r.clicks += rows[u].clicks;
        r.purchases += rows[u].recPurchases;
        if (rows[u].impressions)
            ++r.shown;
        if (rows[u].clicks)
            ++r.clicked;
    }
    return out;
}

} // namespace

class TestShopperGroups : public QObject {
    Q_OBJECT

private slots:
    void recountOfRandomTables() {
        std::mt19937_64 rng(11);
        for (int trial = 0; trial < 20; ++trial) {
            core::UserTable t;
            const std::size_t n = 1 + rng() % 300;
            t.genderCount = 2;
            t.ageBandCount = 6;
            t.occupationCount = 5;
            t.regionCount = 9;
            for (std::size_t u = 0; u < n; ++u) {
                t.gender.push_back(static_cast<std::uint8_t>(rng() % 2));
                t.ageBand.push_back(static_cast<std::uint8_t>(rng() % 6));
                t.occupation.push_back(static_cast<std::uint8_t>(rng() % 5));
                t.region.push_back(static_cast<std::uint8_t>(rng() % 9));
            }
            // Fewer rows than users sometimes (users who never came back).
            std::vector<core::UserOutcomes::Row> rows(n - rng() % (n / 4 + 1));
            for (auto& r : rows) {
                r.impressions = rng() % 3 == 0 ? 0 : rng() % 50;
                r.clicks = r.impressions ? rng() % (r.impressions / 5 + 1) : 0;
                r.recPurchases = r.clicks ? rng() % (r.clicks + 1) : 0;
            }
            const auto groups = core::shopperGroups(t, rows, 0);
            QCOMPARE(groups.size(), std::size_t(4));
            const std::vector<const std::vector<std::uint8_t>*> codes = {&t.gender, &t.ageBand,
                                                                         &t.occupation, &t.region};
            for (std::size_t a = 0; a < 4; ++a) {
                const auto expected = recount(*codes[a], rows);
                double lo = INFINITY, hi = -INFINITY;
                for (const core::ShopperGroup& g : groups[a].groups) {
                    const auto it = expected.find(g.code);
                    if (it == expected.end()) {
                        QCOMPARE(g.shoppers, 0u);
                        continue;
                    }
                    const Recount& e = it->second;
                    QCOMPARE(g.shoppers, e.shoppers);
                    QCOMPARE(g.shown, e.shown);
                    QCOMPARE(g.clicked, e.clicked);
                    QCOMPARE(g.impressions, e.impressions);
                    QCOMPARE(g.clicks, e.clicks);
                    QCOMPARE(g.recPurchases, e.purchases);
                    if (e.impressions) {
                        const double ctr = double(e.clicks) / double(e.impressions);
                        QCOMPARE(g.ctr(), ctr);
                        lo = std::min(lo, ctr);
                        hi = std::max(hi, ctr);
                    } else {
                        QVERIFY(std::isnan(g.ctr()));
                    }
                }
                if (hi >= lo)
                    QCOMPARE(groups[a].ctr.gap, hi - lo);
                else
                    QVERIFY(std::isnan(groups[a].ctr.gap));
            }
        }
    }

    void handMadeDisparity() {
        // Two genders, two shoppers each. Women: 100 + 100 impressions, 10 + 0 clicks,
        // 2 purchases; men: 50 impressions, 10 clicks, 5 purchases, and one never shown.
        core::UserTable t;
        t.genderCount = 2;
        t.gender = {0, 0, 1, 1};
        t.ageBand = t.occupation = t.region = {0, 0, 0, 0};
        t.ageBandCount = t.occupationCount = t.regionCount = 1;
        std::vector<core::UserOutcomes::Row> rows(4);
        rows[0].impressions = 100, rows[0].clicks = 10, rows[0].recPurchases = 2;
        rows[1].impressions = 100;
        rows[2].impressions = 50, rows[2].clicks = 10, rows[2].recPurchases = 5;
        const auto g = core::shopperGroups(t, rows, 0).front();
        QCOMPARE(g.attribute, std::string("gender"));
        QCOMPARE(g.groups[0].ctr(), 0.05);       // 10 / 200
        QCOMPARE(g.groups[1].ctr(), 0.2);        // 10 / 50
        QCOMPARE(g.groups[0].conversion(), 0.2); // 2 / 10
        QCOMPARE(g.groups[1].conversion(), 0.5); // 5 / 10
        QCOMPARE(g.groups[0].hitRate(), 0.5);    // 1 of 2 shown clicked
        QCOMPARE(g.groups[1].hitRate(), 1.0);    // 1 of 1 shown clicked
        QCOMPARE(g.ctr.gap, 0.2 - 0.05);
        QCOMPARE(g.ctr.ratio, 0.05 / 0.2);
        QCOMPARE(g.conversion.gap, 0.3);
        QCOMPARE(g.hitRate.ratio, 0.5);
        QCOMPARE(g.ctr.counted, 2);
        // A floor of 100 impressions leaves the men (50) out of the disparity.
        const auto floored = core::shopperGroups(t, rows, 100).front();
        QCOMPARE(floored.ctr.counted, 1);
        QCOMPARE(floored.ctr.gap, 0.0);
        QCOMPARE(floored.ctr.ratio, 1.0);
    }

    void undefinedRatesAreNaNNotZero() {
        core::UserTable t;
        t.genderCount = 2;
        t.gender = {0, 1};
        t.ageBand = t.occupation = t.region = {0, 0};
        std::vector<core::UserOutcomes::Row> rows(2); // nobody shown anything
        const auto g = core::shopperGroups(t, rows, 0).front();
        QVERIFY(std::isnan(g.groups[0].ctr()));
        QVERIFY(std::isnan(g.groups[0].hitRate()));
        QVERIFY(std::isnan(g.ctr.gap));
        QVERIFY(std::isnan(g.ctr.ratio));
        QCOMPARE(g.ctr.counted, 0);
    }
};

QTEST_GUILESS_MAIN(TestShopperGroups)
#include "tst_shopper_groups.moc"
