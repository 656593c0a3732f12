#pragma once
// The `sasrec` core's model (Kang & McAuley 2018, one block, one head) as scalar-generic
// functions, shared by the core (float) and tests/core/tst_neural_gradients.cpp (double).
//
// X = [x_1 .. x_n] (d x n, oldest first) holds item embedding + learned position
// embedding of each window entry. Only the latest position predicts (the next item), so
// only its query is needed, and causality holds without a mask:
//   q = W_q x_n,  K = W_k X,  V = W_v X,  alpha = softmax(K^T q / sqrt(d))
//   s = x_n + V alpha                                  (attention + residual)
//   out = s + W_2 relu(W_1 s + c_1) + c_2              (point-wise feed-forward + residual)
//   loss = sum_t conf_t * (log(1 + e^{l_t}) - y_t l_t),  l_t = e_t·out + b_t
// with e_t the target's (shared) item embedding. Layer normalisation and dropout of the
// paper are left out (online SGD on one sequence at a time); the gradient is the full
// one, through the attention weights, the projections and the feed-forward block.

#include "neural_math.h"

namespace recoscope::core::neural {

/// The block's weights, or a gradient of the same shape.
template <class T> struct SasWeights {
    Mat<T> wq, wk, wv; // d x d
    Mat<T> w1;         // F x d
    Vec<T> c1;         // F
    Mat<T> w2;         // d x F
    Vec<T> c2;         // d

    void setZero(Eigen::Index d, Eigen::Index ffn) {
        wq = wk = wv = Mat<T>::Zero(d, d);
        w1 = Mat<T>::Zero(ffn, d);
        c1 = Vec<T>::Zero(ffn);
        w2 = Mat<T>::Zero(d, ffn);
        c2 = Vec<T>::Zero(d);
    }
    T squaredNorm() const {
        return wq.squaredNorm() + wk.squaredNorm() + wv.squaredNorm() + w1.squaredNorm() +
               c1.squaredNorm() + w2.squaredNorm() + c2.squaredNorm();
    }
};

template <class T> struct SasTrace {
    Mat<T> k, v;           // d x n
    Vec<T> q, alpha;       // d, n
    Vec<T> s, pre, f, out; // d, F, F, d
};

template <class T> void sasForward(const SasWeights<T>& m, const Mat<T>& x, SasTrace<T>& t) {
    const Eigen::Index n = x.cols();
    const T scale = T(1) / std::sqrt(static_cast<T>(x.rows()));
    t.q = m.wq * x.col(n - 1);
    t.k.noalias() = m.wk * x;
    t.v.noalias() = m.wv * x;
    t.alpha = scale * (t.k.transpose() * t.q);
    softmaxInPlace(t.alpha);
    t.s = x.col(n - 1) + t.v * t.alpha;
    t.pre = m.w1 * t.s + m.c1;
    t.f = t.pre.cwiseMax(T(0));
    t.out = t.s + m.w2 * t.f + m.c2;
}

/// From dL/dout: adds the weights' gradient to `acc` and writes dL/dX (d x n).
template <class T>
void sasBackward(const SasWeights<T>& m, const Mat<T>& x, const SasTrace<T>& t, const Vec<T>& dout,
                 SasWeights<T>& acc, Mat<T>& dx) {
    const Eigen::Index n = x.cols();
    const T scale = T(1) / std::sqrt(static_cast<T>(x.rows()));
    // Feed-forward block and its residual.
    acc.w2.noalias() += dout * t.f.transpose();
    acc.c2 += dout;
    const Vec<T> dpre =
        (m.w2.transpose() * dout).cwiseProduct((t.pre.array() > T(0)).template cast<T>().matrix());
    acc.w1.noalias() += dpre * t.s.transpose();
    acc.c1 += dpre;
    const Vec<T> ds = dout + m.w1.transpose() * dpre;
    // Attention and its residual.
    dx = Mat<T>::Zero(x.rows(), n);
    dx.col(n - 1) += ds;
    const Mat<T> dv = ds * t.alpha.transpose();
    acc.wv.noalias() += dv * x.transpose();
    dx.noalias() += m.wv.transpose() * dv;
    const Vec<T> dAlpha = t.v.transpose() * ds;
    const Vec<T> da = t.alpha.cwiseProduct((dAlpha.array() - t.alpha.dot(dAlpha)).matrix());
    const Mat<T> dk = scale * t.q * da.transpose();
    const Vec<T> dq = scale * (t.k * da);
    acc.wk.noalias() += dk * x.transpose();
    dx.noalias() += m.wk.transpose() * dk;
    acc.wq.noalias() += dq * x.col(n - 1).transpose();
    dx.col(n - 1) += m.wq.transpose() * dq;
}

/// The documented loss, for the finite-difference test.
template <class T>
T sasLoss(const SasWeights<T>& m, const Mat<T>& x, const Mat<T>& e, const Vec<T>& b,
          const Vec<T>& y, const Vec<T>& conf) {
    SasTrace<T> t;
    sasForward(m, x, t);
    Vec<T> dout, db;
    Mat<T> dE;
    return logisticTargets(t.out, e, b, y, conf, dout, dE, db);
}

} // namespace recoscope::core::neural
