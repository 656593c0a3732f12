// The uplift model's accuracy figures (core/uplift_metrics.h) against independent
// recounts: Spearman against the textbook 1 - 6 sum d^2 / (n (n^2 - 1)) on data without
// ties and against a Pearson correlation of ranks found by counting on data with ties;
// the Qini coefficient on a hand-worked example and its limits (perfect ranking 1,
// reversed below 0, tie order irrelevant); calibration against a recount.
// Mutation check: the random baseline as total x n / 2 instead of total x (n + 1) / 2 in
// qiniCoefficient fails qiniHandExample and qiniLimits (checked). Sorting ascending in
// orderDescending is not caught, and cannot be: it reverses the model's and the perfect
// curve alike, and the normalised area of the reversed pair is the same number.

#include "recoscope/core/uplift_metrics.h"

#include <QTest>

#include <cmath>
#include <random>
#include <vector>

using namespace recoscope;

class TestUpliftMetrics : public QObject {
    Q_OBJECT

    // Rank of v[i] by counting: 1 + #smaller + (#equal - 1) / 2.
    static std::vector<double> countedRanks(const std::vector<double>& v) {
        std::vector<double> r(v.size());
        for (std::size_t i = 0; i < v.size(); ++i) {
            double smaller = 0, equal = 0;
            for (double x : v) {
                smaller += x < v[i];
                equal += x == v[i];
            }
            r[i] = 1.0 + smaller + (equal - 1.0) / 2.0;
        }
        return r;
    }
    static double pearson(const std::vector<double>& a, const std::vector<double>& b) {
        double ma = 0, mb = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            ma += a[i] / a.size();
            mb += b[i] / b.size();
        }
        double sab = 0, saa = 0, sbb = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / std::sqrt(saa * sbb);
    }

private slots:
    void spearmanWithoutTies() {
        std::mt19937 rng(3);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        std::vector<double> x(50), y(50);
        for (std::size_t i = 0; i < x.size(); ++i) {
            x[i] = u(rng);
            y[i] = x[i] + 0.5 * u(rng);
        }
        const auto rx = countedRanks(x), ry = countedRanks(y);
        double d2 = 0;
        for (std::size_t i = 0; i < x.size(); ++i)
            d2 += (rx[i] - ry[i]) * (rx[i] - ry[i]);
        const double n = double(x.size());
        const double expected = 1.0 - 6.0 * d2 / (n * (n * n - 1.0));
        QVERIFY(std::abs(core::spearmanCorrelation(x, y) - expected) < 1e-12);
    }

    void spearmanWithTies() {
        const std::vector<double> x{1, 2, 2, 3, 5, 5, 5, 0}, y{2, 1, 3, 3, 4, 6, 6, 0};
        QVERIFY(std::abs(core::spearmanCorrelation(x, y) -
                         pearson(countedRanks(x), countedRanks(y))) < 1e-12);
        QVERIFY(std::isnan(
            core::spearmanCorrelation(std::vector<double>{1, 1, 1}, std::vector<double>{1, 2, 3})));
    }

    void qiniHandExample() {
        // Truth 0.3, 0.1, 0.0, 0.2 (total 0.6, n = 4); the model ranks rows 3, 0, 1, 2.
        // Model curve: 0.2, 0.5, 0.6, 0.6 -> area 1.9. Perfect: 0.3, 0.5, 0.6, 0.6 -> 2.0.
        // Random: 0.6 x (1 + 2 + 3 + 4) / 4 = 1.5. Qini = (1.9 - 1.5) / (2.0 - 1.5) = 0.8.
        const std::vector<double> predicted{0.5, 0.2, 0.1, 0.9}, truth{0.3, 0.1, 0.0, 0.2};
        QVERIFY(std::abs(core::qiniCoefficient(predicted, truth) - 0.8) < 1e-12);
    }

    void qiniLimits() {
        const std::vector<double> truth{0.05, 0.2, 0.01, 0.12, 0.07};
        QVERIFY(std::abs(core::qiniCoefficient(truth, truth) - 1.0) < 1e-12);
        std::vector<double> reversed;
        for (double t : truth)
            reversed.push_back(-t);
        QVERIFY(core::qiniCoefficient(reversed, truth) < 0.0);
        // One tie block (a constant model) is exactly random: 0, whatever the row order.
        QVERIFY(std::abs(core::qiniCoefficient(std::vector<double>(5, 0.3), truth)) < 1e-12);
        QVERIFY(std::isnan(core::qiniCoefficient(truth, std::vector<double>(5, 0.1))));
    }

    void calibrationRecount() {
        std::vector<double> predicted, truth;
        for (int i = 0; i < 23; ++i) {
            predicted.push_back(double((i * 7) % 23) / 23.0);
            truth.push_back(double(i % 5) / 10.0);
        }
        const auto bins = core::upliftCalibration(predicted, truth, 5);
        QCOMPARE(bins.size(), std::size_t(5));
        // Recount: predictions are distinct, so group g holds the rows whose prediction
        // rank falls in its range; sizes 5, 5, 5, 4, 4.
        const auto rank = countedRanks(predicted);
        const std::size_t sizes[5] = {5, 5, 5, 4, 4};
        std::size_t first = 0;
        for (int g = 0; g < 5; ++g) {
            double p = 0, t = 0;
            for (std::size_t i = 0; i < predicted.size(); ++i)
                if (rank[i] > double(first) && rank[i] <= double(first + sizes[g])) {
                    p += predicted[i];
                    t += truth[i];
                }
            QCOMPARE(bins[g].count, sizes[g]);
            QVERIFY(std::abs(bins[g].meanPredicted - p / sizes[g]) < 1e-12);
            QVERIFY(std::abs(bins[g].meanTrue - t / sizes[g]) < 1e-12);
            first += sizes[g];
        }
    }
};

QTEST_APPLESS_MAIN(TestUpliftMetrics)
#include "tst_uplift_metrics.moc"
