// The Pareto front (core/pareto.h) against its definition computed by brute force on
// random point sets with many ties, plus the cases the definition makes easy to get
// wrong: duplicates, NaN, a single point.
// Mutation tried: `return key(pa[i]) > key(pb[i])` flipped to `<` in the sort (a point
// is then only compared with points after it) -- randomAgainstBruteForce fails.

#include "recoscope/core/pareto.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace recoscope::core;

namespace {
std::vector<bool> bruteForce(const std::vector<Objectives>& pts) {
    std::vector<bool> out(pts.size(), true);
    for (std::size_t i = 0; i < pts.size(); ++i)
        for (std::size_t j = 0; j < pts.size(); ++j) {
            if (i == j)
                continue;
            bool geAll = true, gtOne = false;
            for (std::size_t k = 0; k < pts[i].size(); ++k) {
                const double a = std::isnan(pts[j][k]) ? -INFINITY : pts[j][k];
                const double b = std::isnan(pts[i][k]) ? -INFINITY : pts[i][k];
                geAll = geAll && a >= b;
                gtOne = gtOne || a > b;
            }
            if (geAll && gtOne)
                out[i] = false;
        }
    return out;
}
} // namespace

class TestPareto : public QObject {
    Q_OBJECT
private slots:
    void randomAgainstBruteForce() {
        std::mt19937 rng(13);
        for (int trial = 0; trial < 500; ++trial) {
            const int n = 1 + static_cast<int>(rng() % 40);
            const int dims = 1 + static_cast<int>(rng() % 3);
            // Few distinct values: ties and duplicates in every trial.
            std::uniform_int_distribution<int> value(0, 4);
            std::vector<Objectives> pts(n, Objectives(dims));
            for (auto& p : pts)
                for (double& v : p)
                    v = value(rng) == 0 && trial % 7 == 0 ? NAN : value(rng);
            const std::vector<bool> expected = bruteForce(pts);
            const std::vector<bool> got = paretoFront(pts);
            QCOMPARE(got.size(), expected.size());
            for (int i = 0; i < n; ++i)
                QVERIFY2(got[i] == expected[i],
                         qPrintable(QStringLiteral("trial %1 point %2").arg(trial).arg(i)));
        }
    }

    void knownCases() {
        // (ctr, coverage, revenue)
        const std::vector<Objectives> pts{{0.10, 0.5, 100}, // front: best CTR
                                          {0.05, 0.9, 90},  // front: best coverage
                                          {0.05, 0.4, 80},  // dominated by both above
                                          {0.10, 0.5, 100}, // duplicate of a front point
                                          {0.01, 0.1, 200}, // front: best revenue
                                          {NAN, 1.0, 0}};   // front: coverage 1.0 wins
        const std::vector<bool> f = paretoFront(pts);
        QCOMPARE(f, (std::vector<bool>{true, true, false, true, true, true}));
        QVERIFY(dominates(pts[0], pts[2]));
        QVERIFY(!dominates(pts[0], pts[3]));
        QVERIFY(!dominates(pts[0], pts[1]));
        QVERIFY(paretoFront(std::vector<Objectives>{}).empty());
        QCOMPARE(paretoFront(std::vector<Objectives>{{1.0}}), std::vector<bool>{true});
    }
};

QTEST_APPLESS_MAIN(TestPareto)
#include "tst_pareto.moc"
