// AliasTable (sim/alias_table.h) against the Boost distribution it replaces: the same
// table (every entry, through Boost's own probabilities()) and the same draws, one by one,
// a million per weight vector, from engines seeded alike, which must end in the same state
// (the same engine words used). Weight vectors: a `large`-like appeal tail, zeros among
// them, all equal, one heavy entry, small integer weights, a single weight, none.
//
// Branch large4: the index draw with its bucket size computed once (drawIndex) against
// Boost's uniform_int_distribution on ranges up to 2^32 - 3, and rolls running ahead of
// their resolves. Mutations tried, each caught (then restored): bucketFor without Boost's
// ++ (caught by indexDrawAsBoost), drawIndex accepting result < range (caught everywhere).

#include "recoscope/sim/alias_table.h"

#include <QTest>

#include <boost/random/discrete_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/taus88.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

using recoscope::sim::AliasTable;

namespace {

using Boost = boost::random::discrete_distribution<std::uint32_t, double>;

std::vector<double> appealTail(std::size_t n, std::uint32_t seed) {
    // As the shopper model's organic weights: exp of a Gaussian quality.
    boost::random::mt19937 rng(seed);
    boost::random::normal_distribution<double> quality(0.0, 1.0);
    std::vector<double> w(n);
    for (double& x : w)
        x = std::exp(static_cast<double>(static_cast<float>(quality(rng))));
    return w;
}

std::vector<double> withZeros(std::size_t n, std::uint32_t seed) {
    boost::random::mt19937 rng(seed);
    boost::random::uniform_01<double> u;
    std::vector<double> w(n);
    for (double& x : w)
        x = u(rng) < 0.3 ? 0.0 : u(rng) * 5.0;
    w.front() = 0.0;
    w.back() = 0.0;
    return w;
}

/// Boost's probabilities() recomputed from `table`'s entries, in Boost's order.
std::vector<double> probabilitiesOf(const AliasTable<std::uint32_t>& table) {
    const auto& entries = table.entries();
    std::vector<double> p(entries.size(), 0.0);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        p[i] += entries[i].threshold;
        p[entries[i].alias] += 1.0 - entries[i].threshold;
    }
    double sum = 0.0;
    for (double x : p)
        sum += x;
    for (double& x : p)
        x /= sum;
    return p;
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::bit_cast<std::uint64_t>(a[i]) != std::bit_cast<std::uint64_t>(b[i]))
            return false;
    return true;
}

/// Draws `draws` times from Boost's distribution and the table with engines of the same
/// seed; returns the index of the first draw that differs, or -1.
template <class Engine>
long long firstDifference(const Boost& boost, const AliasTable<std::uint32_t>& table,
                          std::uint32_t seed, long long draws) {
    Engine a(seed), b(seed);
    for (long long k = 0; k < draws; ++k)
        if (boost(a) != table(b))
            return k;
    if (a() != b())
        return draws; // same draws, but not the same engine words used
    return -1;
}

} // namespace

class TstAliasTable : public QObject {
    Q_OBJECT

private slots:
    void sameTableAndDraws_data() {
        QTest::addColumn<std::vector<double>>("weights");
        QTest::addColumn<int>("draws");
        QTest::newRow("appeal tail, 200k") << appealTail(200000, 11) << 1000000;
        QTest::newRow("appeal tail, 3k") << appealTail(3000, 12) << 1000000;
        QTest::newRow("zeros among them") << withZeros(50000, 13) << 1000000;
        QTest::newRow("all equal") << std::vector<double>(1000, 0.1) << 1000000;
        std::vector<double> heavy(10000, 1e-3);
        heavy[4321] = 1e4;
        QTest::newRow("one heavy") << heavy << 1000000;
        QTest::newRow("small integers") << std::vector<double>{0, 3, 0, 1, 2, 0, 7} << 1000000;
        QTest::newRow("single") << std::vector<double>{2.5} << 100000;
    }
    void sameTableAndDraws() {
        QFETCH(std::vector<double>, weights);
        QFETCH(int, draws);
        const Boost boost(weights.begin(), weights.end());
        const AliasTable<std::uint32_t> table(weights.begin(), weights.end());
        QCOMPARE(table.size(), weights.size());
        QVERIFY2(sameBits(probabilitiesOf(table), boost.probabilities()),
                 "the table differs from Boost's");
        // taus88 is the sessions' engine (organic draws), mt19937 the arrivals'.
        QCOMPARE(firstDifference<boost::random::taus88>(boost, table, 5, draws), -1LL);
        QCOMPARE(firstDifference<boost::random::mt19937>(boost, table, 7, draws), -1LL);
    }

    void floatWeightsAsBoost() {
        // The iterator's values are converted as Boost converts them.
        std::vector<float> w(20000);
        boost::random::mt19937 rng(3);
        boost::random::uniform_01<double> u;
        for (float& x : w)
            x = static_cast<float>(u(rng) * u(rng) * 10.0);
        const Boost boost(w.begin(), w.end());
        const AliasTable<std::uint32_t> table(w.begin(), w.end());
        QVERIFY(sameBits(probabilitiesOf(table), boost.probabilities()));
        QCOMPARE(firstDifference<boost::random::taus88>(boost, table, 9, 1000000), -1LL);
    }

    void emptyAndDefaultDrawZero() {
        const std::vector<double> none;
        const Boost boost(none.begin(), none.end());
        const AliasTable<std::uint32_t> table(none.begin(), none.end());
        QCOMPARE(table.size(), std::size_t{1});
        QCOMPARE(firstDifference<boost::random::taus88>(boost, table, 1, 1000), -1LL);
        QCOMPARE(
            firstDifference<boost::random::taus88>(Boost(), AliasTable<std::uint32_t>(), 2, 1000),
            -1LL);
    }

    void indexDrawAsBoost() {
        // The index draw with its bucket size computed once (large4) against Boost's
        // uniform_int_distribution, on ranges no table here reaches: 2^31 and above, where
        // up to half the words are rejected, and powers of two (2^32 - 1 divisible by
        // range + 1 minus one: the bucket's ++ case).
        const std::uint32_t ranges[] = {
            1u, 2u, 6u, 999u, 65535u, 99999u, (1u << 31) - 1, 1u << 31, 3u << 30, 0xFFFFFFFDu};
        for (const std::uint32_t range : ranges) {
            const std::uint32_t bucket = AliasTable<std::uint32_t>::bucketFor(range);
            boost::random::taus88 a(8), b(8);
            boost::random::mt19937 c(9), d(9);
            for (int k = 0; k < 200000; ++k) {
                const std::uint32_t want =
                    boost::random::uniform_int_distribution<std::uint32_t>(0, range)(a);
                QCOMPARE(AliasTable<std::uint32_t>::drawIndex(b, range, bucket), want);
                const std::uint32_t wantMt =
                    boost::random::uniform_int_distribution<std::uint32_t>(0, range)(c);
                QCOMPARE(AliasTable<std::uint32_t>::drawIndex(d, range, bucket), wantMt);
            }
            QCOMPARE(a(), b()); // the same words used (rejections included)
            QCOMPARE(c(), d());
        }
    }

    void rollsAheadOfResolvesDrawAsBoost() {
        // organicItem's batches (large4): up to six rolls first, their resolves after,
        // the words between rolls taken by other draws (the candidates' Gumbel uniforms).
        // Same indices, one by one, as Boost's draws interleaved with the same other draws.
        const std::vector<double> w = appealTail(100000, 31);
        const Boost boost(w.begin(), w.end());
        const AliasTable<std::uint32_t> table(w.begin(), w.end());
        boost::random::taus88 a(6), b(6);
        boost::random::uniform_01<double> u;
        boost::random::mt19937 sizes(2);
        for (int batch = 0; batch < 100000; ++batch) {
            const int n = 1 + static_cast<int>(sizes() % 6);
            AliasTable<std::uint32_t>::Dice dice[6];
            double wantU[6], gotU[6];
            std::uint32_t want[6];
            for (int k = 0; k < n; ++k) {
                want[k] = boost(a);
                wantU[k] = u(a);
                dice[k] = table.roll(b);
                table.prefetch(dice[k]);
                gotU[k] = u(b);
            }
            for (int k = 0; k < n; ++k) {
                QCOMPARE(table.resolve(dice[k]), want[k]);
                QCOMPARE(std::bit_cast<std::uint64_t>(gotU[k]),
                         std::bit_cast<std::uint64_t>(wantU[k]));
            }
        }
        QCOMPARE(a(), b()); // the same words used
    }

    void zeroWeightsAreNeverDrawn() {
        const std::vector<double> w = withZeros(5000, 21);
        const AliasTable<std::uint32_t> table(w.begin(), w.end());
        boost::random::taus88 rng(4);
        for (int k = 0; k < 200000; ++k) {
            const std::uint32_t i = table(rng);
            QVERIFY(i < w.size());
            if (w[i] == 0.0)
                QFAIL("a zero weight was drawn");
        }
    }
};

QTEST_APPLESS_MAIN(TstAliasTable)
#include "tst_alias_table.moc"
