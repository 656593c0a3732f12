// The item bandits (`egreedy`, `ucb`, `thompson`) against independent references (issue 11).
//
// - Counts and posteriors: the test logs every slate and click it feeds back, recomputes
//   the cascade counts (positions up to the click, or the whole slate, were examined)
//   and compares them with the core's (test-only ItemBanditProbe); for `ucb` and
//   `egreedy` every slate score is recomputed from those counts (UCB1 bound; posterior
//   mean), and `ucb`'s slate is the brute-force top k of its bound.
// - Thompson's slate distribution: on a small catalogue (30 examined and clicked items,
//   30 examined without a click, 340 unseen of which the last 50 were launched late, a
//   few unavailable or excluded), the frequency
//   of each item at the top of the slate is compared with a Monte Carlo of the exact
//   sampler (one Beta draw per eligible item, the largest first) by a two-sample χ² test,
//   and the share of slates holding a launched item by a z-test. The reference draws
//   Beta(a, b) for integer a, b as the a-th smallest of a + b - 1 uniforms (no gamma
//   variates, unlike the core), from its own generator.
//
// Mutations tried (each made the named test fail):
// - every slate position counted as examined (no cascade): countsEqualLogRecomputation
//   (all three rows);
// - UCB bonus sqrt(ln N / (n + 1)) instead of sqrt(2 ln N / (n + 1)):
//   countsEqualLogRecomputation (ucb row);
// - the former 4-sigma prune of Thompson sampling (skip items whose mean + 4 sd is
//   below the k-th draw, a stride pass then id order): thompsonSlateHasExactDistribution
//   (χ² 472 for 32 df against a critical 62.6);
// - each order statistic of a never-clicked group given to the group's first member
//   instead of a random one: thompsonSlateHasExactDistribution (χ² 13479 for 33 df).

#include "contract_fixture.h"
#include "recoscope/core/introspection.h"
#include "recoscope/core/registry.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

using namespace recoscope;

namespace {

std::unique_ptr<core::Recommender> make(const core::RecommenderRegistry& registry,
                                        const std::string& id, const test::SyntheticShop& shop,
                                        std::map<std::string, std::string> params = {}) {
    core::RecommenderContext ctx;
    ctx.items = &shop.items;
    ctx.users = &shop.users;
    ctx.seed = 1234;
    auto r = registry.create(id, params, ctx);
    if (!r.ok())
        qFatal("%s", r.error().c_str());
    return std::move(r).value();
}

/// The χ² critical value for `df` degrees of freedom at level 0.001 (Wilson-Hilferty).
double chiSquareCritical(int df) {
    const double z = 3.0902, v = 2.0 / (9.0 * df);
    return df * std::pow(1.0 - v + z * std::sqrt(v), 3.0);
}

} // namespace

class TestItemBanditInternals : public QObject {
    Q_OBJECT
    core::RecommenderRegistry m_registry;

private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }

    void countsEqualLogRecomputation_data() {
        QTest::addColumn<QString>("id");
        QTest::newRow("egreedy") << QStringLiteral("egreedy");
        QTest::newRow("ucb") << QStringLiteral("ucb");
        QTest::newRow("thompson") << QStringLiteral("thompson");
    }
    void countsEqualLogRecomputation() {
        QFETCH(QString, id);
        test::SyntheticShop shop(200, 30, 8);
        auto rec = make(m_registry, id.toStdString(), shop);
        auto* probe = dynamic_cast<core::ItemBanditProbe*>(rec.get());
        QVERIFY(probe);
        const std::size_t n = shop.items.size();
        std::vector<double> clicks(n, 0.0), shown(n, 0.0);
        double total = 0.0;
        test::Mix rng{21};
        core::Slate slate;
        int scored = 0;
        for (int step = 0; step < 3000; ++step) {
            core::Request req;
            req.user = rng.below(shop.users.size());
            req.time = step * 30.0;
            req.k = 8;
            std::vector<core::ItemId> exclude{rng.below(n), rng.below(n)};
            req.exclude = exclude;
            rec->recommend(req, slate);
            const core::ItemBanditProbe::State st = probe->itemBanditState();
            const double a0 = st.priorClicks, b0 = st.priorSkips;
            auto mean = [&](core::ItemId i) { return (clicks[i] + a0) / (shown[i] + a0 + b0); };
            if (id == QLatin1String("ucb")) {
                const double c = 0.1, logN = std::log(std::max(total, 1.0));
                auto ucb = [&](core::ItemId i) {
                    return mean(i) + c * std::sqrt(2.0 * logN / (shown[i] + 1.0));
                };
                for (const core::SlateEntry& e : slate)
                    QVERIFY2(std::abs(e.score - ucb(e.item)) <= 1e-5,
                             qPrintable(QStringLiteral("step %1 item %2: %3 vs %4")
                                            .arg(step)
                                            .arg(e.item)
                                            .arg(e.score)
                                            .arg(ucb(e.item))));
                // The slate is the brute-force top k (ties by id) up to float rounding.
                double kth = 1e9;
                for (const core::SlateEntry& e : slate)
                    kth = std::min(kth, ucb(e.item));
                for (core::ItemId i = 0; i < n; ++i)
                    if (shop.items.available[i] && !req.excludes(i) &&
                        std::none_of(slate.begin(), slate.end(),
                                     [i](const core::SlateEntry& e) { return e.item == i; }))
                        QVERIFY(ucb(i) <= kth + 1e-5);
                scored += static_cast<int>(slate.size());
            } else if (id == QLatin1String("egreedy")) {
                for (const core::SlateEntry& e : slate)
                    QVERIFY(std::abs(e.score - mean(e.item)) <= 1e-5);
                scored += static_cast<int>(slate.size());
            }
            // The click: position p with probability 1/10 each, at most one.
            int clicked = -1;
            for (std::size_t p = 0; p < slate.size() && clicked < 0; ++p)
                if (rng.below(10) == 0)
                    clicked = static_cast<int>(p);
            rec->observeSlate(req, slate, clicked);
            const std::size_t examined =
                clicked >= 0 ? static_cast<std::size_t>(clicked) + 1 : slate.size();
            for (std::size_t p = 0; p < examined; ++p) {
                shown[slate[p].item] += 1.0;
                total += 1.0;
                if (static_cast<int>(p) == clicked)
                    clicks[slate[p].item] += 1.0;
            }
        }
        const core::ItemBanditProbe::State st = probe->itemBanditState();
        QCOMPARE(st.totalShown, total);
        for (core::ItemId i = 0; i < n; ++i) {
            QCOMPARE(st.clicks[i], clicks[i]);
            QCOMPARE(st.shown[i], shown[i]);
        }
        QVERIFY(std::accumulate(clicks.begin(), clicks.end(), 0.0) > 100.0);
        if (id != QLatin1String("thompson"))
            QVERIFY(scored > 10000);
    }

    // Thompson's top-1 item and launched-item share against the exact sampler.
    void thompsonSlateHasExactDistribution() {
        constexpr std::size_t kItems = 400, kSeen = 30, kLaunched = 50;
        constexpr int kSlate = 10, kRequests = 30000, kReference = 60000;
        test::SyntheticShop shop(kItems, 10, 9);
        for (core::ItemId i = 0; i < kItems; ++i)
            shop.items.available[i] = i >= kItems - kLaunched ? 0 : (i % 37 == 5 ? 0 : 1);
        shop.recount();
        auto rec = make(m_registry, "thompson", shop);
        auto* probe = dynamic_cast<core::ItemBanditProbe*>(rec.get());
        QVERIFY(probe);
        // Examine items 0..29 100 times each, clicked 12 + (i % 11) times; items 30..59
        // 1 to 5 times without a click.
        core::Request fb;
        fb.user = 0;
        for (core::ItemId i = 0; i < kSeen; ++i) {
            const int c = 12 + static_cast<int>(i % 11);
            for (int s = 0; s < 100; ++s)
                rec->observeSlate(fb, {{i, 0.0f, 1.0f}}, s < c ? 0 : -1);
        }
        for (core::ItemId i = kSeen; i < 2 * kSeen; ++i)
            for (core::ItemId s = 0; s <= i % 5; ++s)
                rec->observeSlate(fb, {{i, 0.0f, 1.0f}}, -1);
        // Launch the last 50 items.
        for (core::ItemId i = kItems - kLaunched; i < kItems; ++i)
            shop.items.available[i] = 1;
        shop.recount();
        const core::ItemBanditProbe::State st = probe->itemBanditState();
        const auto a0 = static_cast<int>(st.priorClicks), b0 = static_cast<int>(st.priorSkips);
        QCOMPARE(double(a0), st.priorClicks); // the reference needs integer parameters
        QCOMPARE(double(b0), st.priorSkips);

        const std::vector<core::ItemId> exclude{3, 200, 390};
        core::Request req;
        req.user = 1;
        req.k = kSlate;
        req.exclude = exclude;
        req.contextItem = 120;
        req.surface = core::Surface::Product;
        std::vector<core::ItemId> eligible;
        for (core::ItemId i = 0; i < kItems; ++i)
            if (shop.items.available[i] && !req.excludes(i))
                eligible.push_back(i);

        // The core (no feedback in between: its posteriors stay fixed).
        std::vector<double> coreTop(kItems, 0.0);
        double coreLaunched = 0.0;
        core::Slate slate;
        for (int r = 0; r < kRequests; ++r) {
            req.time = r;
            rec->recommend(req, slate);
            QCOMPARE(slate.size(), std::size_t(kSlate));
            coreTop[slate[0].item] += 1.0;
            coreLaunched += std::any_of(slate.begin(), slate.end(), [](const core::SlateEntry& e) {
                return e.item >= kItems - kLaunched;
            });
        }

        // The exact sampler.
        test::Mix rng{4242};
        std::vector<double> refTop(kItems, 0.0), buf;
        double refLaunched = 0.0;
        std::vector<std::pair<double, core::ItemId>> draws(eligible.size());
        for (int r = 0; r < kReference; ++r) {
            for (std::size_t e = 0; e < eligible.size(); ++e) {
                const core::ItemId i = eligible[e];
                const int a = static_cast<int>(st.clicks[i]) + a0;
                const int b = static_cast<int>(st.shown[i] - st.clicks[i]) + b0;
                double x;
                if (a == 1) {
                    x = 1.0 - std::pow(1.0 - rng.unit(), 1.0 / b); // min of b uniforms
                } else {
                    buf.resize(static_cast<std::size_t>(a + b - 1));
                    for (double& u : buf)
                        u = rng.unit();
                    std::nth_element(buf.begin(), buf.begin() + (a - 1), buf.end());
                    x = buf[static_cast<std::size_t>(a - 1)];
                }
                draws[e] = {-x, i};
            }
            std::partial_sort(draws.begin(), draws.begin() + kSlate, draws.end());
            refTop[draws[0].second] += 1.0;
            refLaunched += std::any_of(draws.begin(), draws.begin() + kSlate, [](const auto& d) {
                return d.second >= kItems - kLaunched;
            });
        }

        // Cells: each examined item, the unseen ones in id ranges (launched last); cells
        // with fewer than 10 observations together go into one.
        std::vector<std::pair<double, double>> cells;
        auto addCell = [&](core::ItemId from, core::ItemId to) {
            double o1 = 0.0, o2 = 0.0;
            for (core::ItemId i = from; i < to; ++i)
                o1 += coreTop[i], o2 += refTop[i];
            cells.push_back({o1, o2});
        };
        for (core::ItemId i = 0; i < kSeen; ++i)
            addCell(i, i + 1);
        addCell(kSeen, 2 * kSeen);
        for (core::ItemId from : {60u, 100u, 200u, 300u})
            addCell(from,
                    std::min<core::ItemId>(from < 100 ? 100 : from + 100, kItems - kLaunched));
        addCell(kItems - kLaunched, kItems);
        std::pair<double, double> small{0.0, 0.0};
        std::vector<std::pair<double, double>> merged;
        for (const auto& c : cells)
            if (c.first + c.second < 10.0)
                small.first += c.first, small.second += c.second;
            else
                merged.push_back(c);
        if (small.first + small.second > 0.0)
            merged.push_back(small);
        const double k1 = std::sqrt(double(kReference) / kRequests),
                     k2 = std::sqrt(double(kRequests) / kReference);
        double chi2 = 0.0;
        for (const auto& [o1, o2] : merged)
            chi2 += (k1 * o1 - k2 * o2) * (k1 * o1 - k2 * o2) / (o1 + o2);
        const int df = static_cast<int>(merged.size()) - 1;
        QVERIFY(df >= 20);
        qInfo("top-1 chi2 %.1f with %d df (critical %.1f); slates with a launched item: core "
              "%.4f, exact %.4f",
              chi2, df, chiSquareCritical(df), coreLaunched / kRequests, refLaunched / kReference);
        QVERIFY2(chi2 <= chiSquareCritical(df),
                 qPrintable(QStringLiteral("chi2 %1 with %2 df (critical %3); launched at top: "
                                           "core %4, exact %5")
                                .arg(chi2)
                                .arg(df)
                                .arg(chiSquareCritical(df))
                                .arg(cells.back().first / kRequests)
                                .arg(cells.back().second / kReference)));
        // Launched items are in the slate as often as the exact sampler puts them there.
        const double p1 = coreLaunched / kRequests, p2 = refLaunched / kReference;
        const double se = std::sqrt(p2 * (1.0 - p2) * (1.0 / kRequests + 1.0 / kReference));
        QVERIFY(p2 > 0.2);
        QVERIFY2(
            std::abs(p1 - p2) <= 4.0 * se,
            qPrintable(
                QStringLiteral("slates with a launched item: core %1, exact %2").arg(p1).arg(p2)));
    }
};

QTEST_GUILESS_MAIN(TestItemBanditInternals)
#include "tst_item_bandit_internals.moc"
