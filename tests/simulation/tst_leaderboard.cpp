// The robust claims of docs/leaderboard.md, asserted on shorter runs of the same
// scenario with the same held-out seeds (testsupport::kHeldOutSeeds: never used while
// choosing defaults): every personalised core beats `random` on CTR, and `oracle` beats
// every core. Margins come from the sample size: a difference must exceed 3 standard
// errors of the difference of two binomial proportions over the pooled impressions (an
// overestimate under common random numbers, where the two runs are positively
// correlated, so the margin is conservative).
//
// Short streams (test_length.h: the sanitizer run, or RECOSCOPE_SHORT_TESTS=1): one held-out
// seed and a quarter of a day; the margins shrink with the sample but stay 3 standard errors.

#include "leaderboard.h"
#include "test_length.h"

#include "recoscope/sim/builtin_scenarios.h"

#include <QTest>

#include <cmath>
#include <map>
#include <set>

using namespace recoscope;

namespace {

struct Pooled {
    double clicks = 0, impressions = 0;
    double ctr() const { return impressions > 0 ? clicks / impressions : 0; }
};

// Personalised: uses who the shopper is or what they did. Item bandits, popularity-like
// baselines and the bounds are not.
const std::set<std::string> kNotPersonalised = {"random", "popularity", "trending", "egreedy",
                                                "ucb",    "thompson",   "oracle",   "anti-oracle"};

} // namespace

class TestLeaderboard : public QObject {
    Q_OBJECT
    core::RecommenderRegistry m_registry;
    std::map<std::string, Pooled> m_pooled;

private slots:
    void initTestCase() {
        core::registerBuiltinRecommenders(m_registry);
        auto sc = sim::loadBuiltinScenario(QStringLiteral("default"));
        QVERIFY(sc.ok());
        std::vector<std::string> cores;
        for (const core::RecommenderEntry& e : m_registry.entries())
            cores.push_back(e.id);
        sim::RunLimits limits;
        limits.maxDays = test::shortStreams() ? 0.25 : 1.0;
        const std::span<const std::uint64_t> seeds(testsupport::kHeldOutSeeds,
                                                   test::shortStreams() ? 1 : 3);
        for (const testsupport::LeaderboardRun& r :
             testsupport::runLeaderboard(m_registry, sc.value(), cores, seeds, limits)) {
            m_pooled[r.core].clicks += static_cast<double>(r.clicks);
            m_pooled[r.core].impressions += static_cast<double>(r.impressions);
        }
        QCOMPARE(m_pooled.size(), cores.size());
    }

    void personalisedCoresBeatRandom_data() {
        QTest::addColumn<QString>("core");
        for (const core::RecommenderEntry& e : m_registry.entries())
            if (!kNotPersonalised.count(e.id))
                QTest::newRow(e.id.c_str()) << QString::fromStdString(e.id);
    }
    void personalisedCoresBeatRandom() {
        QFETCH(QString, core);
        const Pooled& a = m_pooled.at(core.toStdString());
        const Pooled& r = m_pooled.at("random");
        const double se = std::sqrt(a.ctr() * (1 - a.ctr()) / a.impressions +
                                    r.ctr() * (1 - r.ctr()) / r.impressions);
        QVERIFY2(a.ctr() - r.ctr() > 3 * se,
                 qPrintable(QStringLiteral("%1 CTR %2 vs random %3 (3 SE = %4)")
                                .arg(core)
                                .arg(a.ctr())
                                .arg(r.ctr())
                                .arg(3 * se)));
    }

    void oracleBeatsEveryCore() {
        const Pooled& o = m_pooled.at("oracle");
        for (const auto& [id, p] : m_pooled) {
            if (id == "oracle")
                continue;
            const double se = std::sqrt(o.ctr() * (1 - o.ctr()) / o.impressions +
                                        p.ctr() * (1 - p.ctr()) / p.impressions);
            QVERIFY2(o.ctr() - p.ctr() > 3 * se, qPrintable(QStringLiteral("oracle %1 vs %2 %3")
                                                                .arg(o.ctr())
                                                                .arg(QString::fromStdString(id))
                                                                .arg(p.ctr())));
        }
    }

    // The statistics the page prints: a paired t interval checked against a hand
    // computation (differences 1, 2, 3: mean 2, s = 1, t(0.975, 2) = 4.302652729749464).
    void pairedIntervalMatchesHandComputation() {
        const double a[] = {2, 4, 6}, b[] = {1, 2, 3};
        const testsupport::PairedDifference d = testsupport::pairedDifference(a, b);
        QCOMPARE(d.n, 3);
        QCOMPARE(d.mean, 2.0);
        const double half = 4.302652729749464 / std::sqrt(3.0);
        QVERIFY(std::abs(d.low - (2 - half)) < 1e-12);
        QVERIFY(std::abs(d.high - (2 + half)) < 1e-12);
        // p of t = 2 / (1 / sqrt 3) = 3.4641 with 2 dof: 0.07417990022744858.
        QVERIFY(std::abs(d.p - 0.07417990022744858) < 1e-9);
        const double one[] = {1};
        QVERIFY(std::isnan(testsupport::pairedDifference(one, one).low));
    }
};

QTEST_GUILESS_MAIN(TestLeaderboard)
#include "tst_leaderboard.moc"
