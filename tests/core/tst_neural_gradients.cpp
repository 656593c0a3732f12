// The neural cores' analytic gradients against central finite differences of the loss
// their models document (issue 11, "Internals tests"). Each model is a private header of
// core templated on the scalar type; the cores run it in float, this test in double on
// a small random model, so it checks the code the cores execute. A check passes when,
// for every parameter block, |analytic - numeric| / max(|analytic|, |numeric|) <= 1e-4
// (Euclidean norms over the block), and one gradient step lowers the loss.
//
// Each test names the mutation that was tried once and made it fail.

#include "attn_lite_model.h"
#include "gru_model.h"
#include "ncf_model.h"
#include "sasrec_model.h"
#include "wide_deep_model.h"

#include <QTest>

#include <functional>
#include <random>

using namespace recoscope::core::neural;

namespace {

using VecD = Vec<double>;
using MatD = Mat<double>;

/// Fills `m` with N(0, sd) draws. std::mt19937 with a fixed seed: the draws only need
/// to be generic (no kink of a ReLU within the step), not portable.
template <class M> void randomise(M& m, std::mt19937& rng, double sd = 0.5) {
    std::normal_distribution<double> n(0.0, sd);
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = n(rng);
}

constexpr double kStep = 1e-6;
constexpr double kTolerance = 1e-4;

/// Relative error of `analytic` against the central difference of `loss` in each of the
/// `n` scalars at `x` (perturbed in place and restored).
double relativeError(double* x, Eigen::Index n, const double* analytic,
                     const std::function<double()>& loss) {
    double diff = 0.0, na = 0.0, nn = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        const double keep = x[i];
        x[i] = keep + kStep;
        const double up = loss();
        x[i] = keep - kStep;
        const double down = loss();
        x[i] = keep;
        const double numeric = (up - down) / (2.0 * kStep);
        diff += (analytic[i] - numeric) * (analytic[i] - numeric);
        na += analytic[i] * analytic[i];
        nn += numeric * numeric;
    }
    const double scale = std::sqrt(std::max(na, nn));
    return scale < 1e-12 ? 0.0 : std::sqrt(diff) / scale;
}

#define CHECK_BLOCK(name, x, g, loss)                                                              \
    do {                                                                                           \
        QCOMPARE((x).size(), (g).size());                                                          \
        const double err = relativeError((x).data(), (x).size(), (g).data(), loss);                \
        QVERIFY2(err <= kTolerance,                                                                \
                 qPrintable(                                                                       \
                     QStringLiteral("%1: relative error %2").arg(QLatin1String(name)).arg(err)));  \
    } while (false)

} // namespace

class TstNeuralGradients : public QObject {
    Q_OBJECT

private slots:
    // ncf (ncf_model.h). Mutation tried: dropping the MLP term W_u^T dz from dp (the
    // user embedding then only learns through the GMF path): "p" failed with a relative
    // error of 0.36.
    void ncf_data() {
        QTest::addColumn<double>("y");
        QTest::addColumn<double>("conf");
        QTest::newRow("positive") << 1.0 << 1.3;
        QTest::newRow("negative") << 0.0 << 1.0;
    }
    void ncf() {
        QFETCH(double, y);
        QFETCH(double, conf);
        std::mt19937 rng(7);
        const int d = 4, h = 6;
        NcfShared<double> m;
        m.setZero(h, d);
        randomise(m.wu, rng);
        randomise(m.wi, rng);
        randomise(m.b1, rng);
        randomise(m.w, rng);
        randomise(m.gmf, rng);
        m.b0 = 0.1;
        VecD p(d), q(d);
        randomise(p, rng);
        randomise(q, rng);
        VecD bias = VecD::Constant(1, -0.2);

        NcfShared<double> acc;
        acc.setZero(h, d);
        NcfSparseGrad<double> g;
        const double before = ncfBackward<double>(m, p, q, bias[0], y, conf, acc, g);
        const auto loss = [&] { return ncfLoss<double>(m, p, q, bias[0], y, conf); };
        QVERIFY(std::abs(before - loss()) < 1e-12);
        VecD db = VecD::Constant(1, g.dbias), db0 = VecD::Constant(1, acc.b0);
        VecD b0 = VecD::Constant(1, m.b0);
        CHECK_BLOCK("p", p, g.dp, loss);
        CHECK_BLOCK("q", q, g.dq, loss);
        CHECK_BLOCK("bias", bias, db, loss);
        CHECK_BLOCK("W_u", m.wu, acc.wu, loss);
        CHECK_BLOCK("W_i", m.wi, acc.wi, loss);
        CHECK_BLOCK("b1", m.b1, acc.b1, loss);
        CHECK_BLOCK("w", m.w, acc.w, loss);
        CHECK_BLOCK("gmf", m.gmf, acc.gmf, loss);
        const auto lossB0 = [&] {
            m.b0 = b0[0];
            return loss();
        };
        CHECK_BLOCK("b0", b0, db0, lossB0);

        // One small step along the gradient lowers the loss.
        const double lr = 1e-2;
        p -= lr * g.dp;
        q -= lr * g.dq;
        bias[0] -= lr * g.dbias;
        m.wu -= lr * acc.wu;
        m.wi -= lr * acc.wi;
        m.b1 -= lr * acc.b1;
        m.w -= lr * acc.w;
        m.gmf -= lr * acc.gmf;
        m.b0 -= lr * acc.b0;
        QVERIFY2(loss() < before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(loss())));
    }

    // attn-lite (attn_lite_model.h), formerly `seq`. Mutation tried: the old
    // simplification, treating the attention weights as constants (dropping the two
    // `da` terms of attnLiteBackward): "X" failed with a relative error of 0.019.
    void attnLite() {
        std::mt19937 rng(11);
        const int d = 5, n = 4, m = 3;
        MatD x(d, n), o(d, m);
        randomise(x, rng, 0.8);
        randomise(o, rng, 0.8);
        VecD b(m), y = VecD::Zero(m), conf = VecD::Ones(m);
        randomise(b, rng);
        y[0] = 1.0;
        conf[0] = 1.5;
        AttnLiteTrace<double> t;
        attnLiteForward(x, t);
        VecD ds, db;
        MatD dO, dx;
        const double before = logisticTargets(t.s, o, b, y, conf, ds, dO, db);
        attnLiteBackward(x, t, ds, dx);
        const auto loss = [&] { return attnLiteLoss(x, o, b, y, conf); };
        QVERIFY(std::abs(before - loss()) < 1e-12);
        CHECK_BLOCK("X", x, dx, loss);
        CHECK_BLOCK("O", o, dO, loss);
        CHECK_BLOCK("b", b, db, loss);

        const double lr = 1e-2;
        x -= lr * dx;
        o -= lr * dO;
        b -= lr * db;
        QVERIFY2(loss() < before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(loss())));
    }

    // gru4rec (gru_model.h): full BPTT over a 4-item window with a sampled softmax.
    // Mutation tried: dropping the reset gate's path into the previous state
    // (dhPrev += drh ⊙ r): "W" failed with a relative error of 0.73.
    void gru() {
        std::mt19937 rng(5);
        const int d = 3, hd = 4, n = 4, m = 5;
        GruWeights<double> w;
        w.setZero(hd, d);
        randomise(w.w, rng, 0.7);
        randomise(w.u, rng, 0.7);
        randomise(w.b, rng, 0.3);
        MatD x(d, n), o(hd, m);
        randomise(x, rng, 0.8);
        randomise(o, rng, 0.8);
        VecD b(m);
        randomise(b, rng);
        const double conf = 1.4;

        GruTrace<double> t;
        gruForward(w, x, t);
        VecD dh, db;
        MatD dO, dx;
        const double before = softmaxTargets<double>(t.last(), o, b, conf, dh, dO, db);
        GruWeights<double> acc;
        acc.setZero(hd, d);
        gruBackward(w, x, t, dh, acc, dx);
        const auto loss = [&] { return gruLoss(w, x, o, b, conf); };
        QVERIFY(std::abs(before - loss()) < 1e-12);
        CHECK_BLOCK("W", w.w, acc.w, loss);
        CHECK_BLOCK("U", w.u, acc.u, loss);
        CHECK_BLOCK("b", w.b, acc.b, loss);
        CHECK_BLOCK("X", x, dx, loss);
        CHECK_BLOCK("O", o, dO, loss);
        CHECK_BLOCK("b_out", b, db, loss);

        const double lr = 1e-2;
        w.w -= lr * acc.w;
        w.u -= lr * acc.u;
        w.b -= lr * acc.b;
        x -= lr * dx;
        o -= lr * dO;
        b -= lr * db;
        QVERIFY2(loss() < before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(loss())));
    }

    // sasrec (sasrec_model.h): one block, projections, feed-forward, both residuals.
    // Mutation tried: dropping the key path (dx += W_k^T dK): "X" failed with a relative
    // error of 0.18.
    void sasrec() {
        std::mt19937 rng(3);
        const int d = 4, ffn = 6, n = 5, m = 3;
        SasWeights<double> w;
        w.setZero(d, ffn);
        for (MatD* a : {&w.wq, &w.wk, &w.wv, &w.w1, &w.w2})
            randomise(*a, rng, 0.6);
        randomise(w.c1, rng, 0.3);
        randomise(w.c2, rng, 0.3);
        MatD x(d, n), e(d, m);
        randomise(x, rng, 0.8);
        randomise(e, rng, 0.8);
        VecD b(m), y = VecD::Zero(m), conf = VecD::Ones(m);
        randomise(b, rng);
        y[0] = 1.0;
        conf[0] = 0.9;

        SasTrace<double> t;
        sasForward(w, x, t);
        VecD dout, db;
        MatD dE, dx;
        const double before = logisticTargets(t.out, e, b, y, conf, dout, dE, db);
        SasWeights<double> acc;
        acc.setZero(d, ffn);
        sasBackward(w, x, t, dout, acc, dx);
        const auto loss = [&] { return sasLoss(w, x, e, b, y, conf); };
        QVERIFY(std::abs(before - loss()) < 1e-12);
        CHECK_BLOCK("W_q", w.wq, acc.wq, loss);
        CHECK_BLOCK("W_k", w.wk, acc.wk, loss);
        CHECK_BLOCK("W_v", w.wv, acc.wv, loss);
        CHECK_BLOCK("W_1", w.w1, acc.w1, loss);
        CHECK_BLOCK("c_1", w.c1, acc.c1, loss);
        CHECK_BLOCK("W_2", w.w2, acc.w2, loss);
        CHECK_BLOCK("c_2", w.c2, acc.c2, loss);
        CHECK_BLOCK("X", x, dx, loss);
        CHECK_BLOCK("E", e, dE, loss);
        CHECK_BLOCK("b", b, db, loss);

        const double lr = 1e-2;
        w.wq -= lr * acc.wq;
        w.wk -= lr * acc.wk;
        w.wv -= lr * acc.wv;
        w.w1 -= lr * acc.w1;
        w.c1 -= lr * acc.c1;
        w.w2 -= lr * acc.w2;
        w.c2 -= lr * acc.c2;
        x -= lr * dx;
        e -= lr * dE;
        b -= lr * db;
        QVERIFY2(loss() < before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(loss())));
    }

    // wide-deep (wide_deep_model.h): three active wide weights plus a two-layer MLP.
    // Mutation tried: dropping the second layer's ReLU mask from dz2: "u" failed with a
    // relative error of 0.14.
    void wideDeep() {
        std::mt19937 rng(13);
        const int d = 4, h1 = 6, h2 = 5;
        WideDeepWeights<double> m;
        m.setZero(d, h1, h2);
        for (MatD* a : {&m.w1u, &m.w1i, &m.w2})
            randomise(*a, rng, 0.7);
        randomise(m.b1, rng, 0.3);
        randomise(m.b2, rng, 0.3);
        randomise(m.w3, rng, 0.7);
        m.b0 = -0.3;
        VecD u(d), v(d), wide(3);
        randomise(u, rng);
        randomise(v, rng);
        randomise(wide, rng);
        for (const auto& [y, conf] : {std::pair{1.0, 1.2}, std::pair{0.0, 1.0}}) {
            WideDeepWeights<double> acc;
            acc.setZero(d, h1, h2);
            WideDeepSparseGrad<double> g;
            const double before = wideDeepBackward<double>(m, u, v, wide.sum(), y, conf, acc, g);
            const auto loss = [&] { return wideDeepLoss<double>(m, u, v, wide.sum(), y, conf); };
            QVERIFY(std::abs(before - loss()) < 1e-12);
            const VecD dWide = VecD::Constant(wide.size(), g.dWide);
            CHECK_BLOCK("wide", wide, dWide, loss);
            CHECK_BLOCK("u", u, g.du, loss);
            CHECK_BLOCK("v", v, g.dv, loss);
            CHECK_BLOCK("W1u", m.w1u, acc.w1u, loss);
            CHECK_BLOCK("W1i", m.w1i, acc.w1i, loss);
            CHECK_BLOCK("b1", m.b1, acc.b1, loss);
            CHECK_BLOCK("W_2", m.w2, acc.w2, loss);
            CHECK_BLOCK("b2", m.b2, acc.b2, loss);
            CHECK_BLOCK("w3", m.w3, acc.w3, loss);
            VecD b0 = VecD::Constant(1, m.b0), db0 = VecD::Constant(1, acc.b0);
            const auto lossB0 = [&] {
                m.b0 = b0[0];
                return loss();
            };
            CHECK_BLOCK("b0", b0, db0, lossB0);

            WideDeepWeights<double> next = m;
            const double lr = 1e-2;
            next.w1u -= lr * acc.w1u;
            next.w1i -= lr * acc.w1i;
            next.b1 -= lr * acc.b1;
            next.w2 -= lr * acc.w2;
            next.b2 -= lr * acc.b2;
            next.w3 -= lr * acc.w3;
            next.b0 -= lr * acc.b0;
            const VecD u2 = u - lr * g.du, v2 = v - lr * g.dv;
            const double wide2 = (wide - lr * dWide).sum();
            const double after = wideDeepLoss<double>(next, u2, v2, wide2, y, conf);
            QVERIFY2(after < before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
        }
    }
};

QTEST_GUILESS_MAIN(TstNeuralGradients)
#include "tst_neural_gradients.moc"
