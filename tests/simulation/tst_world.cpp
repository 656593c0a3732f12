// The generated shop: common random numbers (the catalogue and the population do not
// depend on the recommender), the category tree, successors, launches and cohorts, and
// the hidden signal content and demographic cores rely on.

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/engine.h"
#include "recoscope/sim/world.h"

#include <QTest>

#include <cmath>
#include <set>

using namespace recoscope;

namespace {

sim::Scenario scenario(const char* json) {
    auto s = sim::parseScenario(QByteArray(json), QStringLiteral("test"));
    if (!s.ok())
        qFatal("%s", s.error().c_str());
    return s.value();
}

float dot(const float* a, const float* b, int dim) {
    float s = 0.0f;
    for (int d = 0; d < dim; ++d)
        s += a[d] * b[d];
    return s;
}

} // namespace

class TestWorld : public QObject {
    Q_OBJECT

private slots:
    void sameShopForEveryRecommender() {
        // Same seed: identical catalogue and population whatever the core, before and
        // after running (the run mutates availability and discounts, never the hashed truth).
        auto sc = sim::loadBuiltinScenario(QStringLiteral("default"));
        QVERIFY(sc.ok());
        core::RecommenderRegistry registry;
        core::registerBuiltinRecommenders(registry);
        QString catalogue, population;
        for (const char* id : {"random", "popularity", "itemknn"}) {
            auto engine = sim::Engine::create(sc.value(), 11, registry, id, {});
            QVERIFY2(engine.ok(), id);
            sim::Engine& e = *engine.value();
            const QString c = e.world().catalogueHash(), p = e.world().populationHash();
            if (catalogue.isEmpty()) {
                catalogue = c;
                population = p;
            }
            QCOMPARE(c, catalogue);
            QCOMPARE(p, population);
            for (int k = 0; k < 20000 && e.nextEvent(); ++k) {
            }
            QCOMPARE(e.world().catalogueHash(), catalogue);
            QCOMPARE(e.world().populationHash(), population);
        }
        // Another seed: another shop.
        const sim::World other = sim::generateWorld(sc.value(), 12);
        QVERIFY(other.catalogueHash() != catalogue);
        QVERIFY(other.populationHash() != population);
    }

    void categoryTree_data() {
        QTest::addColumn<int>("leavesPerSub");
        QTest::newRow("two levels") << 0;
        QTest::newRow("three levels") << 3;
    }
    void categoryTree() {
        QFETCH(int, leavesPerSub);
        sim::Scenario sc =
            scenario("{\"catalogue\": {\"items\": 2000, \"top_categories\": 4,"
                     " \"subcategories_per_top\": 3}, \"population\": {\"users\": 10}}");
        sc.catalogue.leavesPerSubcategory = leavesPerSub;
        const sim::World w = sim::generateWorld(sc, 1);
        const core::ItemTable& t = w.items;
        QCOMPARE(static_cast<int>(t.categoryCount()), sc.categoryCount());
        QCOMPARE(static_cast<int>(w.leafCategories.size()),
                 leavesPerSub ? 4 * 3 * leavesPerSub : 12);
        std::set<std::uint32_t> leaves(w.leafCategories.begin(), w.leafCategories.end());
        std::vector<int> size(t.categoryCount(), 0);
        for (core::ItemId i = 0; i < t.size(); ++i) {
            QVERIFY(leaves.count(t.category[i]));
            // topCategory is the root of the item's leaf.
            std::uint32_t c = t.category[i];
            int depth = 0;
            while (t.categoryParent[c] != c) {
                c = t.categoryParent[c];
                ++depth;
            }
            QCOMPARE(c, t.topCategory[i]);
            QCOMPARE(depth, leavesPerSub ? 2 : 1);
            QVERIFY(w.inCategory(i, t.topCategory[i]));
            QVERIFY(t.brand[i] < t.brandCount);
            QVERIFY(t.price[i] > 0.0f);
            ++size[t.category[i]];
        }
        // Long-tailed sizes: the largest leaf is several times the median one.
        std::vector<int> leafSizes;
        for (std::uint32_t l : w.leafCategories)
            leafSizes.push_back(size[l]);
        std::sort(leafSizes.begin(), leafSizes.end());
        QVERIFY(leafSizes.size() >= 2);
        const int largest = *std::max_element(leafSizes.begin(), leafSizes.end());
        const int median = leafSizes.at(leafSizes.size() / 2);
        QVERIFY(largest >= 3 * std::max(1, median));
    }

    void successorsAreOtherExistingItems() {
        const sim::Scenario sc = scenario("{\"catalogue\": {\"items\": 500, \"successors\": 4}, "
                                          "\"population\": {\"users\": 10}}");
        const sim::World w = sim::generateWorld(sc, 2);
        QCOMPARE(w.successorCount, 4);
        int sameTop = 0, total = 0;
        for (core::ItemId i = 0; i < w.items.size(); ++i)
            for (core::ItemId next : w.successors(i)) {
                QVERIFY(next < w.items.size());
                QVERIFY(next != i);
                sameTop += w.items.topCategory[next] == w.items.topCategory[i];
                ++total;
            }
        // Complements mostly stay in the department: far above the 1/8 of chance.
        QVERIFY(sameTop > total / 2);
    }

    void launchesAndCohortsArriveLater() {
        const sim::Scenario sc = scenario(
            "{\"duration_days\": 5, \"catalogue\": {\"items\": 1000, \"launch_share\": 0.2},"
            " \"population\": {\"users\": 300},"
            " \"timeline\": [{\"type\": \"launch\", \"day\": 2, \"items\": 50, \"category\": 1},"
            "  {\"type\": \"cohort\", \"day\": 3, \"users\": 40, \"activity\": 2}]}");
        const sim::World w = sim::generateWorld(sc, 3);
        QCOMPARE(w.items.size(), std::size_t(1050));
        QCOMPARE(w.users.size(), std::size_t(340));
        int later = 0;
        for (core::ItemId i = 0; i < 1000; ++i) {
            QVERIFY(w.items.launchTime[i] >= 0.0 && w.items.launchTime[i] < 5 * 86400.0);
            later += w.items.launchTime[i] > 0.0;
            QCOMPARE(w.items.available[i] != 0, w.items.launchTime[i] <= 0.0);
        }
        // Binomial(1000, 0.2): 5 standard errors are ~63.
        QVERIFY2(std::abs(later - 200) < 63, qPrintable(QString::number(later)));
        for (core::ItemId i = 1000; i < 1050; ++i) {
            QCOMPARE(w.items.launchTime[i], 2 * 86400.0);
            QCOMPARE(w.items.topCategory[i], std::uint32_t(1));
        }
        for (core::UserId u = 0; u < 340; ++u) {
            QCOMPARE(w.users.joinTime[u], u < 300 ? 0.0 : 3 * 86400.0);
            QCOMPARE(int(w.userGroup[u]), u < 300 ? 0 : 1);
        }
        // The base shop does not depend on the timeline's launches and cohorts.
        sim::Scenario plain = sc;
        plain.timeline.clear();
        const sim::World p = sim::generateWorld(plain, 3);
        for (core::ItemId i = 0; i < 1000; ++i)
            QCOMPARE(p.items.price[i], w.items.price[i]);
        for (core::UserId u = 0; u < 300; ++u)
            QCOMPARE(p.userActivity[u], w.userActivity[u]);
    }

    void hiddenVectorsCarryContentAndDemographicSignal() {
        const sim::Scenario sc =
            scenario("{\"catalogue\": {\"items\": 3000}, \"population\": {\"users\": 3000,"
                     " \"demographic_signal\": 0.5}}");
        const sim::World w = sim::generateWorld(sc, 4);
        const int dim = w.dim;
        // Items of one leaf are closer to each other than items of different leaves.
        double same = 0.0, other = 0.0;
        int ns = 0, no = 0;
        for (core::ItemId i = 0; i + 1 < 2000; i += 2)
            for (core::ItemId j = i + 1; j < i + 40 && j < 3000; ++j) {
                const float c = dot(w.itemVector(i), w.itemVector(j), dim);
                if (w.items.category[i] == w.items.category[j]) {
                    same += c;
                    ++ns;
                } else {
                    other += c;
                    ++no;
                }
            }
        QVERIFY(ns > 50 && no > 50);
        QVERIFY2(same / ns > other / no + 0.2,
                 qPrintable(QStringLiteral("%1 vs %2").arg(same / ns).arg(other / no)));
        // Users of the same age band and gender are closer than others.
        double alike = 0.0, unlike = 0.0;
        int na = 0, nu = 0;
        for (core::UserId u = 0; u + 1 < 1500; ++u)
            for (core::UserId v = u + 1; v < u + 20; ++v) {
                const float c = dot(w.userVector(u), w.userVector(v), dim);
                const bool similar = w.users.ageBand[u] == w.users.ageBand[v] &&
                                     w.users.gender[u] == w.users.gender[v] &&
                                     w.users.region[u] == w.users.region[v] &&
                                     w.users.occupation[u] == w.users.occupation[v];
                if (similar) {
                    alike += c;
                    ++na;
                } else {
                    unlike += c;
                    ++nu;
                }
            }
        QVERIFY(na > 20);
        QVERIFY2(alike / na > unlike / nu + 0.2,
                 qPrintable(QStringLiteral("%1 vs %2").arg(alike / na).arg(unlike / nu)));
    }

    void largeIsValidButNotRunHere() {
        // Generating `large` belongs to the benchmark; here only its file is checked.
        auto sc = sim::loadBuiltinScenario(QStringLiteral("large"));
        QVERIFY(sc.ok());
        QCOMPARE(sc.value().catalogue.items, 1000000);
        QCOMPARE(sc.value().population.users, 1000000);
    }
};

QTEST_GUILESS_MAIN(TestWorld)
#include "tst_world.moc"
