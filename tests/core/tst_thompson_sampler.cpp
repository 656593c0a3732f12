// `thompson`'s sampler (kit::ThompsonSampler, decision 0043) against a brute-force exact
// Thompson sampler, and its Beta tail (kit::BetaTail) against Boost.Math.
//
// - slateFrequenciesEqualExactSampler: a hand-built bandit state of 500 items (300 clicked
//   with 1 to 4 clicks in 2 to ~200 examinations, 100 examined without a click, 100
//   unseen; a few unavailable, three excluded), so most clicked items go through the
//   bounds, the geometric jumps and the exact tail of the candidates; the state is built
//   with requests in between, then 300 more examinations, so the kept blocks' bounds (a
//   re-sort with a reference threshold) are in use when the frequencies are taken. The
//   core serves 40,000 slates of 10 without feedback; the reference draws every eligible
//   item's Beta with boost::random::beta_distribution (its own generator) 20,000 times
//   (a quarter of both under the sanitizers, test_length.h)
//   and takes the top 10. Per item, the share of slates holding it is compared by a
//   two-sample z-test (|z| <= 5: a 6e-7 two-sided chance per item, 3e-4 over the 500),
//   and all items together by the sum of z^2 against the chi-square critical value at
//   0.001. Two rows: the default prior (1, 30), whose clicked posteriors take BetaTail's
//   finite sum, and a non-integer prior (1.5, 20.5), which takes Boost.Math's ibetac.
// - betaTailMatchesBoost: logTail and upperQuantile against ibetac and ibetac_inv on a grid.
//
// Mutations tried (each made the named test fail; figures in decision 0043):
// - Chernoff's exponent overstated by 1 (a bound too tight: P(X > T) <= e^-(D+1) is
//   false), in ThompsonSampler::exponent: slateFrequenciesEqualExactSampler (both rows);
// - a hit's E drawn as Exp(1) instead of D_run + Exp(1) (forgetting the memoryless
//   offset): slateFrequenciesEqualExactSampler (both rows);
// - a run carried into a block whose bound is lower than the run's (the trial
//   probability then below some items' bound): slateFrequenciesEqualExactSampler;
// - the finite sum one term short (j < a - 1): betaTailMatchesBoost and
//   slateFrequenciesEqualExactSampler (default prior).

#include "beta_tail.h"
#include "contract_fixture.h"
#include "recoscope/core/introspection.h"
#include "recoscope/core/registry.h"
#include "test_length.h"

#include <QTest>

#include <boost/math/special_functions/beta.hpp>
#include <boost/random/beta_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>

#include <algorithm>
#include <cmath>
#include <map>

using namespace recoscope;

namespace {

/// The χ² critical value for `df` degrees of freedom at level 0.001 (Wilson-Hilferty).
double chiSquareCritical(int df) {
    const double z = 3.0902, v = 2.0 / (9.0 * df);
    return df * std::pow(1.0 - v + z * std::sqrt(v), 3.0);
}

} // namespace

class TestThompsonSampler : public QObject {
    Q_OBJECT

    core::RecommenderRegistry m_registry;

private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }

    void slateFrequenciesEqualExactSampler_data() {
        QTest::addColumn<QString>("priorClicks");
        QTest::addColumn<QString>("priorSkips");
        QTest::newRow("prior (1, 30): finite sums") << "1"
                                                    << "30";
        QTest::newRow("prior (1.5, 20.5): Boost.Math") << "1.5"
                                                       << "20.5";
    }

    void slateFrequenciesEqualExactSampler() {
        QFETCH(QString, priorClicks);
        QFETCH(QString, priorSkips);
        constexpr std::size_t kItems = 500, kClicked = 300, kShown = 100;
        // Under the sanitizers a quarter of the slates (test_length.h): the per-item test
        // keeps its level, with less power.
        const bool brief = test::shortStreams();
        constexpr int kSlate = 10;
        const int requests = brief ? 10000 : 40000, references = brief ? 5000 : 20000;
        test::SyntheticShop shop(kItems, 10, 9);
        for (core::ItemId i = 0; i < kItems; ++i)
            shop.items.available[i] = i % 47 == 3 ? 0 : 1;
        shop.recount();
        core::RecommenderContext ctx{&shop.items, &shop.users, nullptr, 77};
        auto made = m_registry.create("thompson",
                                      {{"prior_clicks", priorClicks.toStdString()},
                                       {"prior_skips", priorSkips.toStdString()}},
                                      ctx);
        QVERIFY(made.ok());
        auto rec = std::move(made).value();
        auto* probe = dynamic_cast<core::ItemBanditProbe*>(rec.get());
        QVERIFY(probe);

        const std::vector<core::ItemId> exclude{5, 250, 420};
        core::Request req;
        req.user = 1;
        req.k = kSlate;
        req.exclude = exclude;
        core::Slate slate;
        core::Request fb;
        fb.user = 0;
        test::Mix mix{2024};
        // Clicked items: c = 1..4 clicks in n examinations, n spread up to ~200; requests
        // in between so that the sampler records the thresholds its bounds start from.
        for (core::ItemId i = 0; i < kClicked; ++i) {
            const int c = 1 + static_cast<int>(i % 4);
            const int n = c + 1 + static_cast<int>(mix.below(8 + i * 2 / 3));
            for (int s = 0; s < n; ++s)
                rec->observeSlate(fb, {{i, 0.0f, 1.0f}}, s < c ? 0 : -1);
            if (i % 10 == 0)
                for (int r = 0; r < 5; ++r)
                    rec->recommend(req, slate);
        }
        for (core::ItemId i = kClicked; i < kClicked + kShown; ++i)
            for (core::ItemId s = 0; s <= i % 7; ++s)
                rec->observeSlate(fb, {{i, 0.0f, 1.0f}}, -1);
        for (int r = 0; r < 50; ++r)
            rec->recommend(req, slate);
        // 300 more examinations of clicked items: a re-sort with a reference threshold.
        for (core::ItemId i = 0; i < kClicked; ++i)
            rec->observeSlate(fb, {{i, 0.0f, 1.0f}}, -1);
        const core::ItemBanditProbe::State st = probe->itemBanditState();

        std::vector<double> core(kItems, 0.0), ref(kItems, 0.0);
        for (int r = 0; r < requests; ++r) {
            req.time = r;
            rec->recommend(req, slate);
            QCOMPARE(slate.size(), std::size_t(kSlate));
            for (const core::SlateEntry& e : slate) {
                QVERIFY(e.score >= 0.0f); // the sampler's own draws, no fill-in
                core[e.item] += 1.0;
            }
        }

        // The exact sampler: one Beta draw per eligible item, the largest k.
        boost::random::mt19937 rng(4242);
        std::vector<std::pair<double, core::ItemId>> draws;
        std::vector<boost::random::beta_distribution<double>> beta;
        std::vector<core::ItemId> eligible;
        for (core::ItemId i = 0; i < kItems; ++i)
            if (shop.items.available[i] && !req.excludes(i)) {
                eligible.push_back(i);
                beta.emplace_back(st.clicks[i] + st.priorClicks,
                                  st.shown[i] - st.clicks[i] + st.priorSkips);
            }
        draws.resize(eligible.size());
        for (int r = 0; r < references; ++r) {
            for (std::size_t e = 0; e < eligible.size(); ++e)
                draws[e] = {-beta[e](rng), eligible[e]};
            std::partial_sort(draws.begin(), draws.begin() + kSlate, draws.end());
            for (int j = 0; j < kSlate; ++j)
                ref[draws[static_cast<std::size_t>(j)].second] += 1.0;
        }

        double chi2 = 0.0, worst = 0.0;
        int df = 0, sampledClicked = 0;
        core::ItemId worstItem = 0;
        for (core::ItemId i = 0; i < kItems; ++i) {
            const double p1 = core[i] / requests, p2 = ref[i] / references;
            const double p = (core[i] + ref[i]) / (requests + references);
            if (p * references < 5.0)
                continue; // too rare for the normal approximation (checked in the sum below)
            const double z =
                (p1 - p2) / std::sqrt(p * (1.0 - p) * (1.0 / requests + 1.0 / references));
            chi2 += z * z;
            ++df;
            sampledClicked += i < kClicked && p1 > 0.0;
            if (std::abs(z) > worst)
                worst = std::abs(z), worstItem = i;
        }
        double rare1 = 0.0, rare2 = 0.0; // the rare items together, one more cell
        for (core::ItemId i = 0; i < kItems; ++i) {
            const double p = (core[i] + ref[i]) / (requests + references);
            if (p * references < 5.0)
                rare1 += core[i], rare2 += ref[i];
        }
        qInfo("%d items compared (%d clicked ones shown), sum z^2 %.1f (critical %.1f), "
              "largest |z| %.2f (item %u: core %.4f, exact %.4f); rare items together: core %.0f, "
              "exact %.0f",
              df, sampledClicked, chi2, chiSquareCritical(df), worst, worstItem,
              core[worstItem] / requests, ref[worstItem] / references, rare1, rare2);
        QVERIFY(df >= (brief ? 60 : 150));
        QVERIFY(sampledClicked >= (brief ? 30 : 100));
        QVERIFY2(worst <= 5.0, qPrintable(QStringLiteral("item %1: |z| = %2, core %3, exact %4")
                                              .arg(worstItem)
                                              .arg(worst)
                                              .arg(core[worstItem] / requests)
                                              .arg(ref[worstItem] / references)));
        QVERIFY2(chi2 <= chiSquareCritical(df),
                 qPrintable(QStringLiteral("sum z^2 %1 for %2 items").arg(chi2).arg(df)));
        // Rare inclusions per slate, as a Poisson rate.
        const double rate = (rare1 + rare2) / (requests + references);
        const double zr = rate > 0.0 ? (rare1 / requests - rare2 / references) /
                                           std::sqrt(rate * (1.0 / requests + 1.0 / references))
                                     : 0.0;
        QVERIFY2(std::abs(zr) <= 5.0, qPrintable(QStringLiteral("rare items: z = %1").arg(zr)));
    }

    void betaTailMatchesBoost() {
        for (double a : {1.0, 2.0, 3.0, 7.0, 40.0, 2.5})
            for (double b : {1.0, 30.0, 31.0, 250.0, 4000.0, 20.5})
                for (double x : {1e-4, 0.01, 0.05, 0.12, 0.3, 0.7, 0.95}) {
                    const core::kit::BetaTail tail(a, b);
                    const double want = boost::math::ibetac(a, b, x);
                    if (want < 1e-280)
                        continue;
                    const double got = tail.logTail(x);
                    QVERIFY2(std::abs(got - std::log(want)) <= 1e-9 * (1.0 + std::abs(got)),
                             qPrintable(QStringLiteral("Beta(%1, %2) at %3: ln tail %4, Boost %5")
                                            .arg(a)
                                            .arg(b)
                                            .arg(x)
                                            .arg(got)
                                            .arg(std::log(want))));
                    if (want > 0.999 || want < 1e-200)
                        continue;
                    // The quantile of a tail below x's, from x as the lower end.
                    const double q = std::log(want) - 0.7;
                    const double xq = tail.upperQuantile(q, x);
                    const double ref = boost::math::ibetac_inv(a, b, std::exp(q));
                    QVERIFY2(
                        std::abs(xq - ref) <= 1e-9 * ref,
                        qPrintable(QStringLiteral("Beta(%1, %2) quantile of e^%3: %4, Boost %5")
                                       .arg(a)
                                       .arg(b)
                                       .arg(q)
                                       .arg(xq)
                                       .arg(ref)));
                }
    }
};

QTEST_GUILESS_MAIN(TestThompsonSampler)
#include "tst_thompson_sampler.moc"
