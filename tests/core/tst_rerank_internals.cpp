// The re-rankers (`mmr`, `fatigue`, `rules`) against a brute-force greedy on a small
// catalogue (issue 11). Each wrapper and a plain `popularity` core (its default inner
// core) see the same events; for every request the test asks the plain core for the
// pool x k candidates the wrapper documents, then rebuilds the slate itself:
// - mmr: slot by slot, the candidate maximising lambda (1 - rank / candidates) -
//   (1 - lambda) max similarity to those taken (0.6 same leaf category or 0.3 same
//   department, + 0.4 same brand, at most 1; first in rank order on ties), scored
//   k - slot;
// - fatigue: shows per (user, simulated day) counted from the slates fed back; items at
//   `cap` are excluded from the candidates, the rest keep their order, and when the
//   catalogue runs dry the slate is shorter than k;
// - rules: 1 - rank / candidates, + boost when discount >= min_discount, best first
//   (ties by lower id); items that go out of stock mid-test never appear.
//
// Mutations tried (each made the named test fail):
// - mmr: the sum of similarities to the taken items instead of their maximum:
//   mmrEqualsGreedy;
// - fatigue: blocked at count > cap instead of count >= cap: fatigueEqualsCountedCap;
// - kit::ExclusionMarks marking only the first half of a long list (decision 0040):
//   fatigueEqualsCountedCap;
// - rules: the boost given to items with discount > min_discount only (not >=), with
//   min_discount 0.2 = the shop's discount: rulesEqualsSortedBoost.

#include "contract_fixture.h"
#include "internals_stream.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace recoscope;
using core::ItemId;

namespace {

double attributeSimilarity(const core::ItemTable& items, ItemId a, ItemId b) {
    double s = items.category[a] == items.category[b]         ? 0.6
               : items.topCategory[a] == items.topCategory[b] ? 0.3
                                                              : 0.0;
    if (items.brand[a] == items.brand[b])
        s += 0.4;
    return std::min(s, 1.0);
}

} // namespace

class TestRerankInternals : public QObject {
    Q_OBJECT
    core::RecommenderRegistry m_registry;

    std::unique_ptr<core::Recommender> make(const test::SyntheticShop& shop, const std::string& id,
                                            const std::map<std::string, std::string>& params = {}) {
        return test::makeCore(m_registry, shop, id, params);
    }

    /// Requests after the events: users 0..4 in turn, 10 minutes apart, over two days.
    static std::vector<core::Request> requests(double after, int perDay) {
        std::vector<core::Request> out;
        const double day0 = std::ceil(after / core::kSecondsPerDay) * core::kSecondsPerDay;
        for (int d = 0; d < 2; ++d)
            for (int n = 0; n < perDay; ++n) {
                core::Request r;
                r.user = static_cast<core::UserId>(n % 5);
                r.time = day0 + d * core::kSecondsPerDay + 3600.0 + 600.0 * n;
                r.k = 8;
                if (n % 3 == 1) {
                    r.surface = core::Surface::Product;
                    r.contextItem = static_cast<ItemId>((7 * n) % 50);
                }
                out.push_back(r);
            }
        return out;
    }

private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }

    void mmrEqualsGreedy_data() {
        QTest::addColumn<double>("lambda");
        QTest::newRow("0.3") << 0.3;
        QTest::newRow("0.55") << 0.55;
        QTest::newRow("0.9") << 0.9;
    }
    void mmrEqualsGreedy() {
        QFETCH(double, lambda);
        test::SyntheticShop shop(50, 5, 17);
        auto mmr = make(shop, "mmr", {{"lambda", std::to_string(lambda)}, {"pool", "3"}});
        auto plain = make(shop, "popularity");
        const auto events = test::smallStream(shop, 300, 8);
        for (const core::Event& e : events) {
            mmr->observe(e);
            plain->observe(e);
        }
        core::Slate slate, cand;
        int diversified = 0;
        for (core::Request r : requests(events.back().time, 20)) {
            const std::vector<ItemId> exclude{static_cast<ItemId>(r.time / 600.0) % 50};
            r.exclude = exclude;
            mmr->recommend(r, slate);
            core::Request wide = r;
            wide.k = 3 * r.k;
            plain->recommend(wide, cand);
            QCOMPARE(cand.size(), std::size_t(24));
            core::Slate want;
            std::vector<char> taken(cand.size(), 0);
            for (int slot = 0; slot < r.k; ++slot) {
                double best = -1e300;
                std::size_t pick = cand.size();
                for (std::size_t c = 0; c < cand.size(); ++c) {
                    if (taken[c])
                        continue;
                    double sim = 0.0;
                    for (const core::SlateEntry& t : want)
                        sim = std::max(sim, attributeSimilarity(shop.items, t.item, cand[c].item));
                    const double v =
                        lambda * (1.0 - double(c) / double(cand.size())) - (1.0 - lambda) * sim;
                    if (v > best + 1e-9)
                        best = v, pick = c;
                }
                taken[pick] = 1;
                want.push_back({cand[pick].item, float(r.k - slot), 1.0f});
            }
            QVERIFY2(
                std::equal(slate.begin(), slate.end(), want.begin(), want.end(),
                           [](const auto& a, const auto& b) {
                               return a.item == b.item && a.score == b.score;
                           }),
                (test::describeSlate(slate) + "/ greedy " + test::describeSlate(want)).c_str());
            for (int p = 0; p < r.k; ++p)
                diversified += want[p].item != cand[p].item;
            mmr->observeSlate(r, slate, -1);
        }
        QVERIFY(diversified > 20); // the greedy did reorder
    }

    void fatigueEqualsCountedCap() {
        constexpr int kCap = 2;
        test::SyntheticShop shop(50, 5, 17);
        auto fatigue = make(shop, "fatigue", {{"cap", std::to_string(kCap)}, {"pool", "2"}});
        auto plain = make(shop, "popularity");
        const auto events = test::smallStream(shop, 300, 8);
        for (const core::Event& e : events) {
            fatigue->observe(e);
            plain->observe(e);
        }
        std::map<std::tuple<core::UserId, long, ItemId>, int> shown; // (user, day, item)
        core::Slate slate, cand;
        int blockedSeen = 0, shortSlates = 0, longLists = 0;
        for (core::Request r : requests(events.back().time, 90)) {
            const long day = static_cast<long>(r.time / core::kSecondsPerDay);
            std::vector<ItemId> exclude;
            for (const auto& [key, n] : shown)
                if (std::get<0>(key) == r.user && std::get<1>(key) == day && n >= kCap)
                    exclude.push_back(std::get<2>(key));
            blockedSeen += static_cast<int>(exclude.size());
            longLists += exclude.size() > 16;
            fatigue->recommend(r, slate);
            // The plain core's whole ranking without the blocked items, filtered here: the
            // blocked lists grow past kit::ExclusionMarks::kShortList, and the reference
            // must not test them the way both cores do.
            core::Request whole = r;
            whole.k = static_cast<int>(shop.items.size());
            plain->recommend(whole, cand);
            std::erase_if(cand, [&](const core::SlateEntry& e) {
                return std::find(exclude.begin(), exclude.end(), e.item) != exclude.end();
            });
            cand.resize(std::min<std::size_t>(cand.size(), std::size_t(r.k)));
            std::vector<ItemId> got, want;
            for (const core::SlateEntry& e : slate)
                got.push_back(e.item);
            for (const core::SlateEntry& e : cand)
                want.push_back(e.item);
            QVERIFY2(
                got == want,
                (test::describeSlate(slate) + "/ counted " + test::describeSlate(cand)).c_str());
            shortSlates += slate.size() < std::size_t(r.k);
            for (const core::SlateEntry& e : slate)
                ++shown[{r.user, day, e.item}];
            fatigue->observeSlate(r, slate, -1);
        }
        QVERIFY(blockedSeen > 100);
        QVERIFY(longLists > 10);   // the marked path of kit::ExclusionMarks ran
        QVERIFY(shortSlates > 10); // the catalogue ran dry for some users
    }

    void rulesEqualsSortedBoost() {
        test::SyntheticShop shop(50, 5, 17);
        const double minDiscount = 0.2, boost = 0.23; // boost x 24 not an integer: no ties
        auto rules =
            make(shop, "rules", {{"min_discount", "0.2"}, {"boost", "0.23"}, {"pool", "3"}});
        auto plain = make(shop, "popularity");
        const auto events = test::smallStream(shop, 300, 8);
        for (const core::Event& e : events) {
            rules->observe(e);
            plain->observe(e);
        }
        core::Slate slate, cand;
        int boosted = 0, n = 0;
        for (core::Request r : requests(events.back().time, 20)) {
            // Items go out of stock and come back between requests.
            const ItemId flip = static_cast<ItemId>((n++ * 11) % 50);
            shop.items.available[flip] = shop.items.available[flip] ? 0 : 1;
            shop.recount();
            rules->recommend(r, slate);
            core::Request wide = r;
            wide.k = 3 * r.k;
            plain->recommend(wide, cand);
            std::vector<std::pair<double, ItemId>> scored;
            for (std::size_t c = 0; c < cand.size(); ++c) {
                const bool promoted = shop.items.discount[cand[c].item] >= minDiscount;
                scored.push_back(
                    {-(1.0 - double(c) / double(cand.size()) + (promoted ? boost : 0.0)),
                     cand[c].item});
            }
            std::sort(scored.begin(), scored.end());
            QCOMPARE(slate.size(), std::size_t(r.k));
            for (int p = 0; p < r.k; ++p) {
                QVERIFY2(slate[p].item == scored[p].second &&
                             std::abs(slate[p].score + scored[p].first) <= 1e-5,
                         (test::describeSlate(slate) + "/ sorted " +
                          std::to_string(scored[p].second) + " / candidates " +
                          test::describeSlate(cand))
                             .c_str());
                QVERIFY(shop.items.isAvailable(slate[p].item));
                boosted += shop.items.discount[slate[p].item] >= minDiscount;
            }
            rules->observeSlate(r, slate, -1);
        }
        QVERIFY(boosted > 20);
    }
};

QTEST_GUILESS_MAIN(TestRerankInternals)
#include "tst_rerank_internals.moc"
