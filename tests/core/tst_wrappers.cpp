// What the cores built from other cores promise beyond the contract (issue 5, "Hybrids"
// and "Re-rankers"): `fatigue` never shows an item to a shopper more than `cap` times a
// simulated day, `mmr` diversifies and keeps the inner order at lambda = 1, `rules`
// lifts promoted items and drops items that went out of stock, `hybrid-switch` hands a
// shopper from its cold to its warm to its hot core as their history grows, and
// `hybrid-blend` weighs its cores as told. Each check compares with the plain inner core
// on the same events, so a wrapper that did nothing would fail.

#include "contract_fixture.h"

#include "recoscope/core/registry.h"

#include <QTest>

#include <map>
#include <memory>
#include <set>

using namespace recoscope;
using recoscope::test::Feed;
using recoscope::test::SyntheticShop;

namespace {

constexpr double kDay = 86400.0;

std::vector<core::ItemId> itemsOf(const core::Slate& s) {
    std::vector<core::ItemId> out;
    for (const core::SlateEntry& e : s)
        out.push_back(e.item);
    return out;
}

/// Mean pairwise similarity of a slate, with the attribute similarity `mmr` documents
/// (docs/recommenders.md): 0.6 same leaf category or 0.3 same department, +0.4 same brand.
double meanSimilarity(const core::ItemTable& items, const core::Slate& s) {
    int pairs = 0;
    double sum = 0.0;
    for (std::size_t a = 0; a < s.size(); ++a)
        for (std::size_t b = a + 1; b < s.size(); ++b) {
            const core::ItemId x = s[a].item, y = s[b].item;
            double sim = items.category[x] == items.category[y]         ? 0.6
                         : items.topCategory[x] == items.topCategory[y] ? 0.3
                                                                        : 0.0;
            sim = std::min(1.0, sim + (items.brand[x] == items.brand[y] ? 0.4 : 0.0));
            sum += sim;
            ++pairs;
        }
    return pairs ? sum / pairs : 0.0;
}

/// Organic events only (no slates): the same list can be fed to several cores.
std::vector<core::Event> organicEvents(const SyntheticShop& shop, std::size_t count,
                                       std::uint64_t seed) {
    test::Mix rng{seed};
    std::vector<core::Event> out;
    double t = 0.0;
    const std::size_t n = shop.items.size();
    for (std::size_t e = 0; e < count; ++e) {
        t += 30.0;
        const auto user = static_cast<core::UserId>(rng.below(shop.users.size()));
        const double r = rng.unit();
        auto item = static_cast<core::ItemId>(r * r * static_cast<double>(n));
        if (rng.below(2) == 0) // half of the steps stay in the user's favourite department
            for (int tries = 0; tries < 20 && shop.items.topCategory[item] != user % 4; ++tries)
                item = rng.below(n);
        const std::uint32_t roll = rng.below(10);
        const core::EventKind kind = roll < 7   ? core::EventKind::View
                                     : roll < 9 ? core::EventKind::CartAdd
                                                : core::EventKind::Purchase;
        out.push_back({t, user, item, kind, core::Surface::Home, -1, false, 0.0f});
    }
    return out;
}

} // namespace

class TstWrappers : public QObject {
    Q_OBJECT

private:
    core::RecommenderRegistry m_registry;
    test::FakeOracle m_oracle;

    std::unique_ptr<core::Recommender> make(const std::string& id, const SyntheticShop& shop,
                                            const std::map<std::string, std::string>& params = {}) {
        core::RecommenderContext ctx{&shop.items, &shop.users, &m_oracle, 42};
        auto r = m_registry.create(id, params, ctx);
        if (!r) {
            qWarning("%s", r.error().c_str());
            return nullptr;
        }
        return std::move(r).value();
    }

    static core::Request request(core::UserId user, double time, int k = 10) {
        core::Request r;
        r.user = user;
        r.time = time;
        r.k = k;
        return r;
    }

private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }

    void fatigueCapsShowsPerShopperAndDay() {
        SyntheticShop shop(400, 100);
        auto fatigue = make("fatigue", shop, {{"inner", "popularity"}, {"cap", "2"}});
        auto plain = make("popularity", shop);
        QVERIFY(fatigue && plain);
        for (const core::Event& e : organicEvents(shop, 5000, 3)) {
            fatigue->observe(e);
            plain->observe(e);
        }
        const double day = std::ceil(5000 * 30.0 / kDay) * kDay; // a day after the events
        std::map<core::ItemId, int> shown, plainShown;
        core::Slate slate, first;
        for (int n = 0; n < 40; ++n) {
            const core::Request r = request(7, day + 60.0 * n);
            fatigue->recommend(r, slate);
            QCOMPARE(slate.size(), std::size_t{10});
            if (n == 0)
                first = slate;
            for (const core::SlateEntry& e : slate)
                ++shown[e.item];
            fatigue->observeSlate(r, slate, -1);
            plain->recommend(r, slate);
            for (const core::SlateEntry& e : slate)
                ++plainShown[e.item];
            plain->observeSlate(r, slate, -1);
        }
        for (const auto& [item, times] : shown)
            QVERIFY2(times <= 2, ("item " + std::to_string(item) + " shown " +
                                  std::to_string(times) + " times in one day (cap 2)")
                                     .c_str());
        QCOMPARE(shown.size(), std::size_t{200}); // 40 slates x 10 / cap 2: all different
        // Without the wrapper the same top items come back every time.
        int plainMax = 0;
        for (const auto& [item, times] : plainShown)
            plainMax = std::max(plainMax, times);
        QCOMPARE(plainMax, 40);
        // The next day the cap starts again: the day's first slate comes back.
        fatigue->recommend(request(7, day + kDay + 60.0), slate);
        QCOMPARE(itemsOf(slate), itemsOf(first));
        // Another shopper is not affected by shopper 7's shows.
        fatigue->recommend(request(8, day + 3600.0), slate);
        plain->recommend(request(8, day + 3600.0), first);
        QCOMPARE(itemsOf(slate), itemsOf(first));
    }

    void fatigueHoldsWhenTheCatalogueRunsDry() {
        // Cap 1 and more slots than items: once every eligible item has been shown, the
        // slates get shorter rather than show an item a second time that day (the
        // popularity and catalogue fill-ins obey the cap too).
        SyntheticShop shop(60, 20);
        auto fatigue = make("fatigue", shop, {{"inner", "popularity"}, {"cap", "1"}});
        QVERIFY(fatigue);
        for (const core::Event& e : organicEvents(shop, 2000, 4))
            fatigue->observe(e);
        const double day = std::ceil(2000 * 30.0 / kDay) * kDay;
        std::set<core::ItemId> seen;
        std::size_t total = 0;
        core::Slate slate;
        for (int n = 0; n < 10; ++n) {
            const core::Request r = request(3, day + 60.0 * n);
            fatigue->recommend(r, slate);
            for (const core::SlateEntry& e : slate) {
                QVERIFY2(seen.insert(e.item).second,
                         ("item " + std::to_string(e.item) + " shown twice (cap 1)").c_str());
                QVERIFY(shop.items.available[e.item]);
            }
            total += slate.size();
            fatigue->observeSlate(r, slate, -1);
        }
        QCOMPARE(total, static_cast<std::size_t>(shop.items.availableCount));
    }

    void mmrDiversifies() {
        // Product pages, where content's candidates are the viewed product's look-alikes.
        // Lower lambda must mean more diverse slates; lambda 1 keeps the inner ranking.
        SyntheticShop shop(600, 200);
        const std::vector<std::string> lambdas = {"1", "0.7", "0.3", "0"};
        std::vector<std::unique_ptr<core::Recommender>> mmr;
        for (const std::string& l : lambdas)
            mmr.push_back(make("mmr", shop, {{"inner", "content"}, {"lambda", l}}));
        auto plain = make("content", shop);
        QVERIFY(plain);
        for (const auto& c : mmr)
            QVERIFY(c);
        for (const core::Event& e : organicEvents(shop, 30000, 5)) {
            plain->observe(e);
            for (const auto& c : mmr)
                c->observe(e);
        }
        std::vector<double> similarity(mmr.size(), 0.0);
        double plainSimilarity = 0.0;
        core::Slate a, c;
        for (core::UserId u = 0; u < 50; ++u) {
            core::Request r = request(u, 30000 * 30.0 + 1.0);
            r.surface = core::Surface::Product;
            r.contextItem = 11 * u;
            plain->recommend(r, c);
            plainSimilarity += meanSimilarity(shop.items, c) / 50;
            for (std::size_t m = 0; m < mmr.size(); ++m) {
                mmr[m]->recommend(r, a);
                similarity[m] += meanSimilarity(shop.items, a) / 50;
                if (m == 0)
                    QCOMPARE(itemsOf(a), itemsOf(c)); // lambda 1: the inner ranking
            }
        }
        std::string figures = "content " + std::to_string(plainSimilarity);
        for (std::size_t m = 0; m < mmr.size(); ++m)
            figures += ", lambda " + lambdas[m] + " " + std::to_string(similarity[m]);
        for (std::size_t m = 1; m < mmr.size(); ++m)
            QVERIFY2(similarity[m] < similarity[m - 1], figures.c_str());
        // The default (0.7) removes at least a tenth of the redundancy.
        QVERIFY2(similarity[1] < 0.9 * plainSimilarity, figures.c_str());
    }

    void rulesBoostPromotionsAndDropOutOfStock() {
        SyntheticShop shop(600, 200);
        auto rules = make("rules", shop, {{"inner", "popularity"}, {"boost", "1"}});
        auto off = make("rules", shop, {{"inner", "popularity"}, {"boost", "0"}});
        auto plain = make("popularity", shop);
        QVERIFY(rules && off && plain);
        for (const core::Event& e : organicEvents(shop, 20000, 6)) {
            rules->observe(e);
            off->observe(e);
            plain->observe(e);
        }
        const double now = 20000 * 30.0 + 1.0;
        core::Slate a, b, c;
        rules->recommend(request(1, now), a);
        off->recommend(request(1, now), b);
        plain->recommend(request(1, now), c);
        QCOMPARE(itemsOf(b), itemsOf(c)); // boost 0: the inner order
        auto promoted = [&](const core::Slate& s) {
            int n = 0;
            for (const core::SlateEntry& e : s)
                n += shop.items.discount[e.item] >= 0.1f ? 1 : 0;
            return n;
        };
        // The inner pool is 30 deep; a boost of 1 puts every promoted item of it first.
        QVERIFY2(promoted(a) > promoted(c), (std::to_string(promoted(a)) + " promoted vs " +
                                             std::to_string(promoted(c)) + " in the inner slate")
                                                .c_str());
        for (std::size_t p = 1; p < a.size(); ++p)
            QVERIFY(!(shop.items.discount[a[p].item] >= 0.1f &&
                      shop.items.discount[a[p - 1].item] < 0.1f));
        // Stock runs out mid-run: the item leaves the next slate.
        const core::ItemId gone = a[0].item;
        shop.items.available[gone] = 0;
        shop.recount();
        rules->recommend(request(1, now + 1.0), a);
        QCOMPARE(a.size(), std::size_t{10});
        for (const core::SlateEntry& e : a)
            QVERIFY(e.item != gone);
    }

    void hybridSwitchFollowsHistory() {
        SyntheticShop shop(500, 300);
        auto hybrid = make("hybrid-switch", shop); // demographic -> content -> itemknn
        std::map<std::string, std::unique_ptr<core::Recommender>> inner;
        for (const char* id : {"demographic", "content", "itemknn"})
            inner[id] = make(id, shop);
        QVERIFY(hybrid);
        auto feed = [&](const core::Event& e) {
            hybrid->observe(e);
            for (auto& [id, c] : inner)
                c->observe(e);
        };
        for (const core::Event& e : organicEvents(shop, 20000, 7))
            if (e.user != 299) // shopper 299 stays new
                feed(e);
        double t = 20000 * 30.0;
        int done = 0;
        // warm_after 5, hot_after 10 (defaults): 0 interactions, then 6, then 12.
        for (const auto& [interactions, expected] : std::vector<std::pair<int, std::string>>{
                 {0, "demographic"}, {6, "content"}, {12, "itemknn"}}) {
            for (; done < interactions; ++done) {
                t += 60.0;
                feed({t, 299, static_cast<core::ItemId>(3 * done + 1), core::EventKind::View,
                      core::Surface::Home, -1, false, 0.0f});
            }
            core::Slate got, want;
            const core::Request r = request(299, t + 1.0);
            hybrid->recommend(r, got);
            inner[expected]->recommend(r, want);
            QVERIFY2(itemsOf(got) == itemsOf(want),
                     ("after " + std::to_string(interactions) + " interactions the slate is not " +
                      expected + "'s")
                         .c_str());
            const std::string why = hybrid->explain(r, got[0]).text;
            QVERIFY2(why.rfind("[" + expected + ",", 0) == 0, why.c_str());
        }
    }

    void hybridBlendFollowsWeights() {
        SyntheticShop shop(500, 200);
        auto onlyPop = make("hybrid-blend", shop, {{"cores", "itemknn:0,popularity:1"}});
        auto onlyKnn = make("hybrid-blend", shop, {{"cores", "itemknn:1,popularity:0"}});
        auto pop = make("popularity", shop);
        auto knn = make("itemknn", shop);
        QVERIFY(onlyPop && onlyKnn && pop && knn);
        for (const core::Event& e : organicEvents(shop, 20000, 8))
            for (core::Recommender* c : {onlyPop.get(), onlyKnn.get(), pop.get(), knn.get()})
                c->observe(e);
        core::Slate a, b;
        for (core::UserId u = 0; u < 20; ++u) {
            const core::Request r = request(u, 20000 * 30.0 + 1.0);
            onlyPop->recommend(r, a);
            pop->recommend(r, b);
            QCOMPARE(itemsOf(a), itemsOf(b));
            onlyKnn->recommend(r, a);
            knn->recommend(r, b);
            QCOMPARE(itemsOf(a), itemsOf(b));
        }
    }
};

QTEST_GUILESS_MAIN(TstWrappers)
#include "tst_wrappers.moc"
