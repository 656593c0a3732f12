// The learning steps of the factor cores, checked against independent references in
// double precision: mf-sgd's and bpr's SGD steps against central finite differences of
// the losses they document (factor_updates.h), and implicit ALS's sweep and fold-in
// against the weighted ridge solution computed densely, without the Gram trick.
// The cores run these very templates in float (sgd_factor_recommender.h,
// ials_recommender.cpp), so a wrong step in a core is a failure here.

#include "factor_updates.h"

#include <Eigen/Dense>

#include <QTest>

#include <random>

using namespace recoscope::core;

namespace {

using Vec = Eigen::VectorXd;
using Mat = Eigen::MatrixXd;
using RowMat = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

Vec randomVec(std::mt19937& rng, int d, double sigma = 0.5) {
    std::normal_distribution<double> n(0.0, sigma);
    Vec v(d);
    for (int k = 0; k < d; ++k)
        v[k] = n(rng);
    return v;
}

// Central difference of f along every coordinate of the packed parameter vector.
template <class F> Vec numericGradient(const F& f, Vec theta) {
    const double h = 1e-6;
    Vec g(theta.size());
    for (Eigen::Index k = 0; k < theta.size(); ++k) {
        const double keep = theta[k];
        theta[k] = keep + h;
        const double up = f(theta);
        theta[k] = keep - h;
        const double down = f(theta);
        theta[k] = keep;
        g[k] = (up - down) / (2 * h);
    }
    return g;
}

double relativeError(const Vec& a, const Vec& b) {
    return (a - b).norm() / std::max(1e-12, std::max(a.norm(), b.norm()));
}

} // namespace

class TestFactorInternals : public QObject {
    Q_OBJECT

private slots:
    // Mutation tried: `q += lr * (err * p0 - reg * q)` with the `- reg * q` dropped in
    // squaredLossStep -> relative error 0.16, fails.
    void squaredLossStepIsItsGradient() {
        std::mt19937 rng(11);
        const int d = 5;
        const double lr = 0.01, reg = 0.05;
        for (int trial = 0; trial < 20; ++trial) {
            const double target = trial % 2, conf = 0.5 + 0.1 * trial;
            Vec theta(2 * d + 1);
            theta << randomVec(rng, d), randomVec(rng, d), 0.3 * randomVec(rng, 1);
            auto loss = [&](const Vec& t) {
                return kit::squaredLoss<double>(t.head(d), t.segment(d, d), t[2 * d], target, conf,
                                                reg);
            };
            Vec p = theta.head(d), q = theta.segment(d, d);
            double b = theta[2 * d];
            kit::squaredLossStep(p, q, b, target, conf, lr, reg);
            Vec after(2 * d + 1);
            after << p, q, b;
            const Vec implied = (theta - after) / lr;
            const double err = relativeError(implied, numericGradient(loss, theta));
            QVERIFY2(err <= 1e-4, qPrintable(QStringLiteral("trial %1: %2").arg(trial).arg(err)));
            QVERIFY(loss(after) < loss(theta));
        }
    }

    // Mutation tried: bprStep's `qj += lr * (-g * p0 - reg * qj)` with +g -> fails.
    void bprStepIsItsGradient() {
        std::mt19937 rng(12);
        const int d = 4;
        const double lr = 0.01, reg = 0.02;
        for (int trial = 0; trial < 20; ++trial) {
            const double conf = 0.7 + 0.2 * trial;
            Vec theta(3 * d + 2);
            theta << randomVec(rng, d, 1.0), randomVec(rng, d, 1.0), randomVec(rng, d, 1.0),
                randomVec(rng, 2);
            auto loss = [&](const Vec& t) {
                const Vec qi = t.segment(d, d), qj = t.segment(2 * d, d);
                return kit::bprLoss<double>(t.head(d), qi, qj, t[3 * d], t[3 * d + 1], conf, reg);
            };
            Vec p = theta.head(d), qi = theta.segment(d, d), qj = theta.segment(2 * d, d);
            double bi = theta[3 * d], bj = theta[3 * d + 1];
            kit::bprStep(p, qi, qj, bi, bj, conf, lr, reg);
            Vec after(3 * d + 2);
            after << p, qi, qj, bi, bj;
            const Vec implied = (theta - after) / lr;
            const double err = relativeError(implied, numericGradient(loss, theta));
            QVERIFY2(err <= 1e-4, qPrintable(QStringLiteral("trial %1: %2").arg(trial).arg(err)));
            QVERIFY(loss(after) < loss(theta));
        }
    }

    // The loss the bpr step descends really is BPR's: -ln sigmoid of the score gap.
    void bprLossIsMinusLogSigmoid() {
        Vec p(2), qi(2), qj(2);
        p << 1.0, 2.0;
        qi << 0.5, 0.25;
        qj << -0.5, 0.0;
        const double x = p.dot(qi - qj) + 0.1 - 0.3; // = 1.3
        QVERIFY(std::abs(kit::bprLoss<double>(p, qi, qj, 0.1, 0.3, 1.0, 0.0) -
                         -std::log(1.0 / (1.0 + std::exp(-x)))) < 1e-12);
        // Large gaps stay finite in both directions.
        QVERIFY(std::isfinite(kit::bprLoss<double>(100.0 * p, qi, qj, 0.0, 0.0, 1.0, 0.0)));
        QVERIFY(std::isfinite(kit::bprLoss<double>(-100.0 * p, qi, qj, 0.0, 0.0, 1.0, 0.0)));
    }

    // One sweep of ialsSweep equals, row by row, the dense weighted ridge solution
    //   x_u = (Y^T C_u Y + reg I)^-1 Y^T C_u p_u, then y_i = (X^T C_i X + reg I)^-1 X^T C_i p_i
    // over all items (users with a profile), with C and p spelt out as full matrices.
    // Mutation tried: `(c - 1) * f * f^T` written as `c * f * f^T` in ialsSolveRow (the
    // unobserved rows counted twice) -> max difference 0.17, fails.
    void ialsSweepIsTheClosedForm() {
        std::mt19937 rng(13);
        const int users = 7, items = 9, d = 3;
        const double alpha = 2.5, reg = 0.3;
        std::vector<std::vector<std::pair<std::uint32_t, float>>> profiles(users);
        std::uniform_real_distribution<double> coin(0.0, 1.0);
        for (int u = 0; u < users; ++u)
            for (int i = 0; i < items - 1; ++i) // item 8: no evidence, keeps its vector
                if (u != 3 && coin(rng) < 0.35) // user 3: no profile, left out of X^T X
                    profiles[u].push_back(
                        {static_cast<std::uint32_t>(i),
                         static_cast<float>(1 + static_cast<int>(3 * coin(rng)))});
        RowMat x(users, d), y(items, d);
        for (int u = 0; u < users; ++u)
            x.row(u) = randomVec(rng, d).transpose();
        for (int i = 0; i < items; ++i)
            y.row(i) = randomVec(rng, d).transpose();
        const RowMat x0 = x, y0 = y;

        kit::ialsSweep(x.data(), y.data(), items, d, profiles, alpha, reg);

        // Dense reference, from the same starting point.
        Mat r = Mat::Zero(users, items);
        for (int u = 0; u < users; ++u)
            for (const auto& [i, w] : profiles[u])
                r(u, i) = w;
        const Mat c = Mat::Ones(users, items) + alpha * r;
        const Mat pref = (r.array() > 0).cast<double>().matrix();
        Mat xr = x0, yr = y0;
        for (int u = 0; u < users; ++u) {
            if (profiles[u].empty())
                continue;
            const Mat cu = c.row(u).asDiagonal();
            const Mat a = yr.transpose() * cu * yr + reg * Mat::Identity(d, d);
            xr.row(u) = a.ldlt().solve(yr.transpose() * cu * pref.row(u).transpose()).transpose();
        }
        std::vector<int> known;
        for (int u = 0; u < users; ++u)
            if (!profiles[u].empty())
                known.push_back(u);
        Mat xk(static_cast<Eigen::Index>(known.size()), d);
        Mat ck(xk.rows(), items), pk(xk.rows(), items);
        for (std::size_t k = 0; k < known.size(); ++k) {
            xk.row(static_cast<Eigen::Index>(k)) = xr.row(known[k]);
            ck.row(static_cast<Eigen::Index>(k)) = c.row(known[k]);
            pk.row(static_cast<Eigen::Index>(k)) = pref.row(known[k]);
        }
        for (int i = 0; i < items; ++i) {
            if (pk.col(i).sum() == 0.0)
                continue;
            const Mat ci = ck.col(i).asDiagonal();
            const Mat a = xk.transpose() * ci * xk + reg * Mat::Identity(d, d);
            yr.row(i) = a.ldlt().solve(xk.transpose() * ci * pk.col(i)).transpose();
        }
        QVERIFY2((x - xr).cwiseAbs().maxCoeff() <= 1e-6,
                 qPrintable(QString::number((x - xr).cwiseAbs().maxCoeff())));
        QVERIFY2((y - yr).cwiseAbs().maxCoeff() <= 1e-6,
                 qPrintable(QString::number((y - yr).cwiseAbs().maxCoeff())));
        QCOMPARE(x.row(3), x0.row(3));                 // no profile: untouched
        QCOMPARE(y.row(items - 1), y0.row(items - 1)); // no evidence: untouched
    }

    // Fold-in (a user served between retrains) is the same closed form for one user
    // against fixed item factors.
    void ialsFoldInIsTheClosedForm() {
        std::mt19937 rng(14);
        const int items = 12, d = 4;
        const double alpha = 10.0, reg = 0.1;
        RowMat y(items, d);
        for (int i = 0; i < items; ++i)
            y.row(i) = randomVec(rng, d).transpose();
        const std::vector<std::pair<std::uint32_t, float>> profile{
            {2, 1.0f}, {5, 3.0f}, {11, 8.0f}};
        const Mat gram = y.transpose() * y;
        Vec x(d);
        kit::ialsSolveRow(gram, y.data(), d, profile.data(), profile.data() + profile.size(), alpha,
                          reg, x.data());
        Vec cu = Vec::Ones(items), pu = Vec::Zero(items);
        for (const auto& [i, w] : profile) {
            cu[i] = 1 + alpha * w;
            pu[i] = 1;
        }
        const Mat a = y.transpose() * cu.asDiagonal() * y + reg * Mat::Identity(d, d);
        const Vec ref = a.ldlt().solve(y.transpose() * cu.asDiagonal() * pu);
        QVERIFY2((x - ref).cwiseAbs().maxCoeff() <= 1e-9,
                 qPrintable(QString::number((x - ref).cwiseAbs().maxCoeff())));
    }
};

QTEST_GUILESS_MAIN(TestFactorInternals)
#include "tst_factor_internals.moc"
