#pragma once
// The `gru4rec` core's model (Hidasi et al. 2016) as scalar-generic functions, shared by
// the core (float) and tests/core/tst_neural_gradients.cpp (double).
//
// A GRU (Cho et al. 2014 form, reset gate applied before U_n) runs over the session's
// item embeddings x_1..x_n, h_0 = 0:
//   r = sigmoid(W_r x + U_r h + b_r),  z = sigmoid(W_z x + U_z h + b_z)
//   c = tanh(W_n x + U_n (r ⊙ h) + b_n),  h' = (1 - z) ⊙ c + z ⊙ h
// and the last state scores item j as l_j = o_j·h_n + b_j. The loss is the cross-entropy
// of a softmax over the positive (entry 0) and the sampled negatives,
//   loss = conf * (logsumexp(l) - l_0),
// back-propagated through the whole window (full BPTT; the window is short).

#include "neural_math.h"

namespace recoscope::core::neural {

/// GRU weights (gates stacked r, z, n), or a gradient of the same shape.
template <class T> struct GruWeights {
    Mat<T> w; // 3H x d
    Mat<T> u; // 3H x H
    Vec<T> b; // 3H

    void setZero(Eigen::Index hidden, Eigen::Index d) {
        w = Mat<T>::Zero(3 * hidden, d);
        u = Mat<T>::Zero(3 * hidden, hidden);
        b = Vec<T>::Zero(3 * hidden);
    }
    Eigen::Index hidden() const { return u.cols(); }
};

/// What the backward pass needs from the forward pass.
template <class T> struct GruTrace {
    Mat<T> h;       // H x (n + 1), h.col(0) = 0
    Mat<T> r, z, c; // H x n gate values
    Vec<T> last() const { return h.col(h.cols() - 1); }
};

template <class T> void gruForward(const GruWeights<T>& m, const Mat<T>& x, GruTrace<T>& t) {
    const Eigen::Index hd = m.hidden(), n = x.cols();
    t.h.resize(hd, n + 1);
    t.h.col(0).setZero();
    t.r.resize(hd, n);
    t.z.resize(hd, n);
    t.c.resize(hd, n);
    for (Eigen::Index s = 0; s < n; ++s) {
        const Vec<T> hp = t.h.col(s);
        const Vec<T> gx = m.w * x.col(s) + m.b;
        const Vec<T> gh = m.u.topRows(2 * hd) * hp;
        t.r.col(s) = (gx.head(hd) + gh.head(hd)).unaryExpr([](T v) { return sigmoid(v); });
        t.z.col(s) = (gx.segment(hd, hd) + gh.tail(hd)).unaryExpr([](T v) { return sigmoid(v); });
        const Vec<T> rh = t.r.col(s).cwiseProduct(hp);
        t.c.col(s) = (gx.tail(hd) + m.u.bottomRows(hd) * rh).array().tanh().matrix();
        t.h.col(s + 1) =
            (Vec<T>::Ones(hd) - t.z.col(s)).cwiseProduct(t.c.col(s)) + t.z.col(s).cwiseProduct(hp);
    }
}

/// Back-propagation through time from dL/dh_n: adds dL/dW, dL/dU, dL/db to `acc` and
/// writes dL/dx (d x n).
template <class T>
void gruBackward(const GruWeights<T>& m, const Mat<T>& x, const GruTrace<T>& t, Vec<T> dh,
                 GruWeights<T>& acc, Mat<T>& dx) {
    const Eigen::Index hd = m.hidden(), n = x.cols();
    dx.resize(x.rows(), n);
    Vec<T> dpre(3 * hd);
    for (Eigen::Index s = n; s-- > 0;) {
        const Vec<T> hp = t.h.col(s);
        const auto r = t.r.col(s), z = t.z.col(s), c = t.c.col(s);
        const Vec<T> rh = r.cwiseProduct(hp);
        const Vec<T> dc = dh.cwiseProduct(Vec<T>::Ones(hd) - z);
        const Vec<T> dz = dh.cwiseProduct(hp - c);
        Vec<T> dhPrev = dh.cwiseProduct(z);
        auto dnPre = dpre.tail(hd);
        dnPre = dc.cwiseProduct((Vec<T>::Ones(hd) - c.cwiseProduct(c)));
        const Vec<T> drh = m.u.bottomRows(hd).transpose() * dnPre;
        dhPrev += drh.cwiseProduct(r);
        dpre.head(hd) = drh.cwiseProduct(hp).cwiseProduct(r).cwiseProduct(Vec<T>::Ones(hd) - r);
        dpre.segment(hd, hd) = dz.cwiseProduct(z).cwiseProduct(Vec<T>::Ones(hd) - z);
        acc.w.noalias() += dpre * x.col(s).transpose();
        acc.b += dpre;
        acc.u.topRows(2 * hd).noalias() += dpre.head(2 * hd) * hp.transpose();
        acc.u.bottomRows(hd).noalias() += dnPre * rh.transpose();
        dx.col(s) = m.w.transpose() * dpre;
        dhPrev.noalias() += m.u.topRows(2 * hd).transpose() * dpre.head(2 * hd);
        dh = dhPrev;
    }
}

/// Sampled-softmax head: logits l = O^T h + b (O is H x m, column 0 the positive).
/// Returns the loss and writes dL/dh, dL/dO and dL/db.
template <class T>
T softmaxTargets(const Vec<T>& h, const Mat<T>& o, const Vec<T>& b, T conf, Vec<T>& dh, Mat<T>& dO,
                 Vec<T>& db) {
    const Vec<T> logits = o.transpose() * h + b;
    const T loss = sampledSoftmaxLoss<T>(logits, conf, db);
    dh = o * db;
    dO = h * db.transpose();
    return loss;
}

/// The documented loss, for the finite-difference test.
template <class T>
T gruLoss(const GruWeights<T>& m, const Mat<T>& x, const Mat<T>& o, const Vec<T>& b, T conf) {
    GruTrace<T> t;
    gruForward(m, x, t);
    Vec<T> dh, db;
    Mat<T> dO;
    return softmaxTargets(t.last(), o, b, conf, dh, dO, db);
}

} // namespace recoscope::core::neural
