// core::FeedbackLoop (issue 16, the feedback loop; docs/metrics.md) against a recount
// written apart: day = floor(t / 86400); the day's views summed as unit vectors and
// counted per leaf category, impressions counted per item; drift = 1 - cosine to the first
// day with views; Gini by the sorted-rank formula sum (2i - n - 1) x_i / (n sum x).
// Mutations tried: the drift taken against the previous day instead of the first --
// matchesARecount fails; raw (not unit) vectors summed -- matchesARecount fails.

#include "mix.h"
#include "recoscope/core/feedback_loop.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace recoscope;

namespace {

double gini(std::vector<double> x) {
    std::sort(x.begin(), x.end());
    const double n = static_cast<double>(x.size());
    double sum = 0.0, weighted = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sum += x[i];
        weighted += (2.0 * static_cast<double>(i + 1) - n - 1.0) * x[i];
    }
    return sum > 0.0 ? weighted / (n * sum) : 0.0;
}

} // namespace

class TestFeedbackLoop : public QObject {
    Q_OBJECT
private slots:
    void matchesARecount() {
        test::Mix rng{11};
        core::ItemTable items;
        const int dim = 3, n = 40, categories = 5;
        std::vector<float> vectors;
        for (int i = 0; i < n; ++i) {
            items.category.push_back(rng.below(categories));
            for (int j = 0; j < dim; ++j)
                vectors.push_back(rng.normal());
        }
        items.categoryParent.assign(categories, 0);
        core::FeedbackLoop loop(items, vectors, dim);
        std::map<int, std::vector<double>> interest;
        std::map<int, std::vector<double>> byCategory, byItem;
        for (int e = 0; e < 3000; ++e) {
            const double t = rng.unit() * 4.5 * 86400.0;
            const auto item = static_cast<core::ItemId>(rng.below(n));
            const int day = static_cast<int>(t / 86400.0);
            if (rng.below(3) == 0) {
                loop.onImpression(t, item);
                byItem[day].resize(n, 0.0);
                byItem[day][item] += 1.0;
                byCategory[day].resize(categories, 0.0);
                interest[day].resize(dim, 0.0);
            } else {
                loop.onView(t, item);
                auto& v = interest[day];
                v.resize(dim, 0.0);
                double norm = 0.0;
                for (int j = 0; j < dim; ++j)
                    norm += double(vectors[item * dim + j]) * vectors[item * dim + j];
                for (int j = 0; j < dim; ++j)
                    v[j] += vectors[item * dim + j] / std::sqrt(norm);
                byCategory[day].resize(categories, 0.0);
                byCategory[day][items.category[item]] += 1.0;
            }
        }
        const std::vector<core::FeedbackDay> days = loop.days();
        QCOMPARE(days.size(), std::size_t{5});
        const std::vector<double>& first = interest.at(0);
        for (const core::FeedbackDay& d : days) {
            const auto& v = interest.at(d.day);
            double dot = 0.0, a = 0.0, b = 0.0;
            for (int j = 0; j < dim; ++j)
                dot += v[j] * first[j], a += v[j] * v[j], b += first[j] * first[j];
            QVERIFY(std::abs(d.interestDrift - (1.0 - dot / std::sqrt(a * b))) < 1e-9);
            QVERIFY(std::abs(d.viewConcentration - gini(byCategory.at(d.day))) < 1e-9);
            QVERIFY(std::abs(d.exposureGini - gini(byItem.at(d.day))) < 1e-9);
        }
        QCOMPARE(days.front().interestDrift, 0.0);
    }

    void nothingIsUndefinedNotZero() {
        core::ItemTable items;
        items.category = {0, 0};
        items.categoryParent = {0};
        core::FeedbackLoop loop(items, {}, 0);
        loop.onImpression(10.0, 1);
        const auto days = loop.days();
        QCOMPARE(days.size(), std::size_t{1});
        QVERIFY(std::isnan(days[0].interestDrift));
        QVERIFY(std::isnan(days[0].viewConcentration));
        QCOMPARE(days[0].exposureGini, 0.5); // one of two items took every impression
    }
};

QTEST_GUILESS_MAIN(TestFeedbackLoop)
#include "tst_feedback_loop.moc"
