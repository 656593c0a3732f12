#pragma once
// The model of the light attention core (projection-free single-head self-attention over
// the recent items) as scalar-generic functions, shared by the core (float) and
// tests/core/tst_neural_gradients.cpp (double):
//
//   X = [e_1 .. e_n]                       (d x n, the window's input embeddings, latest last)
//   a_k = e_n·e_k / sqrt(d),  alpha = softmax(a),  s = X alpha
//   loss = sum_t conf_t * (log(1 + e^{l_t}) - y_t l_t),  l_t = o_t·s + b_t
//
// The backward pass is the full gradient, through the attention weights alpha as well
// as through the values (the original `seq` treated alpha as a constant).

#include "neural_math.h"

namespace recoscope::core::neural {

template <class T> struct AttnLiteTrace {
    Vec<T> alpha; // n attention weights
    Vec<T> s;     // d attended state
};

template <class T> void attnLiteForward(const Mat<T>& x, AttnLiteTrace<T>& t) {
    const T scale = T(1) / std::sqrt(static_cast<T>(x.rows()));
    t.alpha = scale * (x.transpose() * x.col(x.cols() - 1));
    softmaxInPlace(t.alpha);
    t.s = x * t.alpha;
}

/// dL/dX from dL/ds for the trace `t` of forward(x).
template <class T>
void attnLiteBackward(const Mat<T>& x, const AttnLiteTrace<T>& t, const Vec<T>& ds, Mat<T>& dx) {
    const Eigen::Index n = x.cols();
    const T scale = T(1) / std::sqrt(static_cast<T>(x.rows()));
    const Vec<T> dAlpha = x.transpose() * ds;
    const Vec<T> da = t.alpha.cwiseProduct((dAlpha.array() - t.alpha.dot(dAlpha)).matrix());
    dx = ds * t.alpha.transpose();                         // s = X alpha, through the values
    dx.noalias() += scale * x.col(n - 1) * da.transpose(); // a_k through e_k
    dx.col(n - 1) += scale * (x * da);                     // a_k through the query e_n
}

/// The documented loss, for the finite-difference test.
template <class T>
T attnLiteLoss(const Mat<T>& x, const Mat<T>& o, const Vec<T>& b, const Vec<T>& y,
               const Vec<T>& conf) {
    AttnLiteTrace<T> t;
    attnLiteForward(x, t);
    Vec<T> ds, db;
    Mat<T> dO;
    return logisticTargets(t.s, o, b, y, conf, ds, dO, db);
}

} // namespace recoscope::core::neural
