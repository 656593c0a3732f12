// `tail-floor` against a brute-force rebuild of every slate (issue 16, fairness to items
// and sellers). The wrapper and a plain `popularity` core (its default inner core) see
// the same events; before each request the test recounts the interactions itself (one
// per event of positive weight: view, click, favourite, cart, purchase), orders the items
// by (count desc, id asc), takes as head the shortest prefix holding head_mass of them,
// asks the plain core for pool x k candidates and rebuilds the slate as
// docs/recommenders.md states it: the first k candidates; while fewer than
// ceil(floor x k) are long-tail, the lowest-placed head items give way to the
// best-placed long-tail candidates, then to the most-counted long-tail items not in
// the answer; scores answer size - place, then 0, -1, ... for the additions.
// Events arrive in chunks of 40 (over 1 % of the total each time), so the core
// re-measures its head before every request, as the test does.
//
// Mutations tried (each made floorEqualsBruteForce fail): the highest-placed head item
// dropped instead of the lowest; the head taken as the prefix strictly below head_mass
// (`<=` in the walk).

#include "contract_fixture.h"
#include "internals_stream.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace recoscope;
using core::ItemId;

class TestTailFloorInternals : public QObject {
    Q_OBJECT
    core::RecommenderRegistry m_registry;

    std::unique_ptr<core::Recommender> make(const test::SyntheticShop& shop, const std::string& id,
                                            const std::map<std::string, std::string>& params = {}) {
        return test::makeCore(m_registry, shop, id, params);
    }

private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }

    void floorEqualsBruteForce_data() {
        QTest::addColumn<double>("floor");
        QTest::addColumn<int>("pool");
        QTest::addColumn<double>("headMass");
        QTest::newRow("floor 0.25, pool 3") << 0.25 << 3 << 0.8;
        QTest::newRow("floor 0.5, pool 2, head 0.6") << 0.5 << 2 << 0.6;
        QTest::newRow("floor 1, pool 1") << 1.0 << 1 << 0.8;
    }
    void floorEqualsBruteForce() {
        QFETCH(double, floor);
        QFETCH(int, pool);
        QFETCH(double, headMass);
        test::SyntheticShop shop(120, 5, 17);
        auto wrapped = make(shop, "tail-floor",
                            {{"floor", std::to_string(floor)},
                             {"pool", std::to_string(pool)},
                             {"head_mass", std::to_string(headMass)}});
        auto plain = make(shop, "popularity");
        const auto events = test::smallStream(shop, 1200, 8);
        std::map<ItemId, double> count;
        double total = 0.0;
        core::Slate slate, cand;
        int promoted = 0, added = 0, slates = 0;
        const int k = 8;
        for (std::size_t next = 0; next < events.size();) {
            for (std::size_t end = next + 40; next < end && next < events.size(); ++next) {
                const core::Event& e = events[next];
                wrapped->observe(e);
                plain->observe(e);
                if (test::documentedWeight(e.kind) > 0.0 && e.item < shop.items.size())
                    count[e.item] += 1.0, total += 1.0;
            }
            // The head, recounted: items by (count desc, id asc), shortest prefix >= mass.
            std::vector<ItemId> order(shop.items.size());
            for (ItemId i = 0; i < order.size(); ++i)
                order[i] = i;
            std::stable_sort(order.begin(), order.end(),
                             [&](ItemId a, ItemId b) { return count[a] > count[b]; });
            std::vector<char> head(order.size(), 0);
            double sum = 0.0;
            std::size_t headSize = 0;
            while (headSize < order.size() && sum < headMass * total)
                sum += count[order[headSize]], head[order[headSize++]] = 1;

            core::Request r;
            r.user = static_cast<core::UserId>(slates % 5);
            r.time = events[next - 1].time + 1.0;
            r.k = k;
            const std::vector<ItemId> exclude{static_cast<ItemId>((slates * 7) % 120)};
            r.exclude = exclude;
            wrapped->recommend(r, slate);
            core::Request wide = r;
            wide.k = pool * k;
            plain->recommend(wide, cand);

            const int required = static_cast<int>(std::ceil(floor * k - 1e-9));
            std::vector<std::size_t> kept(std::min<std::size_t>(k, cand.size()));
            for (std::size_t i = 0; i < kept.size(); ++i)
                kept[i] = i;
            int need = required;
            for (std::size_t i : kept)
                need -= head[cand[i].item] ? 0 : 1;
            std::vector<std::size_t> up;
            for (std::size_t i = kept.size(); i < cand.size() && need > 0; ++i)
                if (!head[cand[i].item])
                    up.push_back(i), --need;
            std::vector<ItemId> extra;
            for (std::size_t p = headSize; p < order.size() && need > 0; ++p) {
                const ItemId item = order[p];
                const bool inAnswer = std::any_of(cand.begin(), cand.end(),
                                                  [&](const auto& c) { return c.item == item; });
                if (!inAnswer && item != exclude[0] && shop.items.available[item])
                    extra.push_back(item), --need;
            }
            std::size_t surplus = kept.size() + up.size() + extra.size();
            surplus = surplus > std::size_t(k) ? surplus - k : 0;
            for (std::size_t i = kept.size(); i-- > 0 && surplus > 0;)
                if (head[cand[kept[i]].item])
                    kept.erase(kept.begin() + static_cast<long>(i)), --surplus;
            core::Slate want;
            const auto m = static_cast<float>(cand.size());
            for (std::size_t i : kept)
                want.push_back({cand[i].item, m - static_cast<float>(i), 1.0f});
            for (std::size_t i : up)
                want.push_back({cand[i].item, m - static_cast<float>(i), 1.0f});
            for (std::size_t j = 0; j < extra.size(); ++j)
                want.push_back({extra[j], static_cast<float>(0.0 - double(j)), 1.0f});
            QVERIFY2(
                std::equal(slate.begin(), slate.end(), want.begin(), want.end(),
                           [](const auto& a, const auto& b) {
                               return a.item == b.item && a.score == b.score;
                           }),
                (test::describeSlate(slate) + "/ rebuilt " + test::describeSlate(want)).c_str());
            int tail = 0;
            for (const core::SlateEntry& e : slate)
                tail += head[e.item] ? 0 : 1;
            QVERIFY(tail >= std::min(required, static_cast<int>(slate.size())));
            promoted += static_cast<int>(up.size());
            added += static_cast<int>(extra.size());
            wrapped->observeSlate(r, slate, -1);
            plain->observeSlate(r, slate, -1); // what the wrapper forwards to its inner core
            ++slates;
        }
        QVERIFY(slates >= 30);
        // Both ways of meeting the floor were exercised where the pool allows them.
        if (pool > 1)
            QVERIFY2(promoted > 0, "no candidate from the pool was ever promoted");
        QVERIFY2(added > 0 || pool > 1, "the floor never reached beyond the inner answer");
    }
};

QTEST_GUILESS_MAIN(TestTailFloorInternals)
#include "tst_tail_floor_internals.moc"
