#pragma once
// The `wide-deep` core's model (Cheng et al. 2016) as scalar-generic functions, shared by
// the core (float) and tests/core/tst_neural_gradients.cpp (double):
//
//   wide   = sum of the weights of the active crossed features (one-hot, hashed)
//   deep   = w3·relu(W2 relu(W1u u + W1i v + b1) + b2)
//   logit  = wide + deep + b0
//   loss   = conf * (log(1 + e^logit) - y logit)
//
// u is the user side of the deep input (sum of the user's id and demographic
// embeddings), v the item side (sum of id, category and brand embeddings); splitting the
// first layer into W1u and W1i lets the core cache W1i v for every item.

#include "neural_math.h"

namespace recoscope::core::neural {

/// The deep part's shared weights, or a gradient of the same shape.
template <class T> struct WideDeepWeights {
    Mat<T> w1u, w1i; // H1 x d
    Vec<T> b1;       // H1
    Mat<T> w2;       // H2 x H1
    Vec<T> b2, w3;   // H2
    T b0 = 0;

    void setZero(Eigen::Index d, Eigen::Index h1, Eigen::Index h2) {
        w1u = w1i = Mat<T>::Zero(h1, d);
        b1 = Vec<T>::Zero(h1);
        w2 = Mat<T>::Zero(h2, h1);
        b2 = w3 = Vec<T>::Zero(h2);
        b0 = 0;
    }
};

/// Gradient of one sample's loss in its sparse inputs: every active wide weight gets
/// dWide, every embedding summed into u gets du, every one summed into v gets dv.
template <class T> struct WideDeepSparseGrad {
    Vec<T> du, dv;
    T dWide = 0;
};

template <class T>
T wideDeepLogit(const WideDeepWeights<T>& m, const VecRef<T>& u, const VecRef<T>& v, T wide) {
    const Vec<T> a1 = (m.w1u * u + m.w1i * v + m.b1).cwiseMax(T(0));
    const Vec<T> a2 = (m.w2 * a1 + m.b2).cwiseMax(T(0));
    return wide + m.w3.dot(a2) + m.b0;
}

template <class T>
T wideDeepLoss(const WideDeepWeights<T>& m, const VecRef<T>& u, const VecRef<T>& v, T wide, T y,
               T conf) {
    return logisticLoss(wideDeepLogit(m, u, v, wide), y, conf);
}

/// Forward and backward pass of one sample: adds dL/d(shared) to `acc`, writes the
/// sparse gradient to `g` and returns the loss.
template <class T>
T wideDeepBackward(const WideDeepWeights<T>& m, const VecRef<T>& u, const VecRef<T>& v, T wide, T y,
                   T conf, WideDeepWeights<T>& acc, WideDeepSparseGrad<T>& g) {
    const Vec<T> z1 = m.w1u * u + m.w1i * v + m.b1;
    const Vec<T> a1 = z1.cwiseMax(T(0));
    const Vec<T> z2 = m.w2 * a1 + m.b2;
    const Vec<T> a2 = z2.cwiseMax(T(0));
    const T logit = wide + m.w3.dot(a2) + m.b0;
    const T dl = logisticGrad(logit, y, conf);
    acc.w3 += dl * a2;
    acc.b0 += dl;
    const Vec<T> dz2 = (dl * m.w3).cwiseProduct((z2.array() > T(0)).template cast<T>().matrix());
    acc.w2.noalias() += dz2 * a1.transpose();
    acc.b2 += dz2;
    const Vec<T> dz1 =
        (m.w2.transpose() * dz2).cwiseProduct((z1.array() > T(0)).template cast<T>().matrix());
    acc.w1u.noalias() += dz1 * u.transpose();
    acc.w1i.noalias() += dz1 * v.transpose();
    acc.b1 += dz1;
    g.du = m.w1u.transpose() * dz1;
    g.dv = m.w1i.transpose() * dz1;
    g.dWide = dl;
    return logisticLoss(logit, y, conf);
}

} // namespace recoscope::core::neural
