// `group-fair` against a brute-force rebuild of every slate (issue 16, fairness across
// shoppers; docs/recommenders.md#group-fair). The wrapper and a plain `popularity` core
// (its default inner core) see the same events and the same slate feedback. The test
// keeps its own counts of what each group was shown and clicked (from the slates it hands
// to observeSlate, the clicks chosen so that groups click differently), and before each
// request rebuilds the slate as the documentation states it: pool x k candidates of the
// plain core, each at place r of m scoring (1 - r/m) + w_g (lift_gi - 1) with
//   CTR_g = clicks_g / impressions_g, CTR = all clicks / all impressions,
//   w_g = strength (1 - CTR_g / CTR), kept only when > 0 ("lift") or signed ("level"),
//         0 before the group has 1000 impressions,
//   lift_gi = (c_gi + 50 CTR_g) / ((n_gi + 50) CTR_g),
// the top k by (score desc, item id asc).
//
// Mutations tried (each made slatesEqualBruteForce fail): the shortfall measured against
// the best group instead of the average (`m_allClicks / m_allImpressions` -> max group CTR);
// the lift shrunk towards 1 with the overall CTR instead of the group's; `std::max(0.0, w)`
// applied in the "level" design too (only the level row fails).

#include "contract_fixture.h"
#include "internals_stream.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace recoscope;
using core::ItemId;

class TestGroupFairInternals : public QObject {
    Q_OBJECT
    core::RecommenderRegistry m_registry;

private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }

    void slatesEqualBruteForce_data() {
        QTest::addColumn<QString>("attribute");
        QTest::addColumn<QString>("design");
        QTest::addColumn<double>("strength");
        QTest::addColumn<int>("pool");
        QTest::newRow("age band, lift, 4, pool 3") << "age_band"
                                                   << "lift" << 4.0 << 3;
        QTest::newRow("region, level, 6, pool 2") << "region"
                                                  << "level" << 6.0 << 2;
        QTest::newRow("gender, lift, 20, pool 5") << "gender"
                                                  << "lift" << 20.0 << 5;
        QTest::newRow("strength 0: the inner order") << "age_band"
                                                     << "lift" << 0.0 << 3;
    }
    void slatesEqualBruteForce() {
        QFETCH(QString, attribute);
        QFETCH(QString, design);
        QFETCH(double, strength);
        QFETCH(int, pool);
        const test::SyntheticShop shop(150, 60, 23);
        auto wrapped = test::makeCore(m_registry, shop, "group-fair",
                                      {{"attribute", attribute.toStdString()},
                                       {"design", design.toStdString()},
                                       {"strength", std::to_string(strength)},
                                       {"pool", std::to_string(pool)}});
        auto plain = test::makeCore(m_registry, shop, "popularity");
        const std::vector<std::uint8_t>& codes = attribute == "gender"   ? shop.users.gender
                                                 : attribute == "region" ? shop.users.region
                                                                         : shop.users.ageBand;
        const std::size_t groups = attribute == "gender"   ? shop.users.genderCount
                                   : attribute == "region" ? shop.users.regionCount
                                                           : shop.users.ageBandCount;
        std::vector<double> n(groups, 0.0), c(groups, 0.0);
        std::map<std::pair<std::size_t, ItemId>, double> ni, ci;
        double allN = 0.0, allC = 0.0;

        const auto events = test::smallStream(shop, 3000, 5);
        const int k = 8;
        core::Slate slate, cand;
        int slates = 0, weighted = 0, reordered = 0;
        for (std::size_t next = 0; next < events.size();) {
            for (std::size_t end = next + 3; next < end && next < events.size(); ++next) {
                wrapped->observe(events[next]);
                plain->observe(events[next]);
            }
            core::Request r;
            r.user = static_cast<core::UserId>((slates * 7) % shop.users.size());
            r.time = events[next - 1].time + 1.0;
            r.k = k;
            wrapped->recommend(r, slate);
            core::Request wide = r;
            wide.k = pool * k;
            plain->recommend(wide, cand);

            const std::size_t g = codes[r.user];
            const double ctrG = n[g] > 0.0 ? c[g] / n[g] : 0.0;
            double w = 0.0;
            if (n[g] >= 1000.0 && allC > 0.0 && ctrG > 0.0) {
                w = strength * (1.0 - ctrG / (allC / allN));
                if (design == "lift")
                    w = std::max(0.0, w);
            }
            weighted += w != 0.0 ? 1 : 0;
            std::vector<std::pair<float, ItemId>> scored;
            const std::size_t m = cand.size();
            for (std::size_t p = 0; p < m; ++p) {
                const ItemId item = cand[p].item;
                const double lift =
                    ctrG > 0.0 ? (ci[{g, item}] + 50.0 * ctrG) / ((ni[{g, item}] + 50.0) * ctrG)
                               : 1.0;
                const double s = 1.0 - static_cast<double>(p) / static_cast<double>(m) +
                                 (w != 0.0 ? w * (lift - 1.0) : 0.0);
                scored.push_back({static_cast<float>(s), item});
            }
            std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
                return a.first != b.first ? a.first > b.first : a.second < b.second;
            });
            scored.resize(std::min<std::size_t>(scored.size(), k));
            QCOMPARE(slate.size(), scored.size());
            for (std::size_t p = 0; p < slate.size(); ++p) {
                QVERIFY2(
                    slate[p].item == scored[p].second &&
                        std::abs(slate[p].score - scored[p].first) < 1e-6f,
                    (test::describeSlate(slate) + "at slate " + std::to_string(slates)).c_str());
                reordered += slate[p].item != cand[p].item ? 1 : 0;
            }
            if (strength == 0.0)
                for (std::size_t p = 0; p < slate.size(); ++p)
                    QCOMPARE(slate[p].item, cand[p].item);

            // Groups click differently: a shopper clicks the first slate item whose id is
            // congruent to their group modulo 5, on two slates in three.
            int clicked = -1;
            if (slates % 3 != 0)
                for (std::size_t p = 0; p < slate.size() && clicked < 0; ++p)
                    if (slate[p].item % 5 == g % 5 && (g % 2 == 0 || p < 3))
                        clicked = static_cast<int>(p);
            wrapped->observeSlate(r, slate, clicked);
            plain->observeSlate(r, slate, clicked);
            n[g] += static_cast<double>(slate.size());
            allN += static_cast<double>(slate.size());
            for (const core::SlateEntry& e : slate)
                ni[{g, e.item}] += 1.0;
            if (clicked >= 0) {
                c[g] += 1.0, allC += 1.0;
                ci[{g, slate[static_cast<std::size_t>(clicked)].item}] += 1.0;
            }
            ++slates;
        }
        QVERIFY(slates >= 900);
        if (strength > 0.0) {
            QVERIFY2(weighted > 100, "the group term was hardly ever on");
            QVERIFY2(reordered > 100, "the group term never changed a slate");
        }
    }
};

QTEST_GUILESS_MAIN(TestGroupFairInternals)
#include "tst_group_fair_internals.moc"
