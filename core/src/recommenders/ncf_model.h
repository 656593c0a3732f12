#pragma once
// The `ncf` core's model (He et al. 2017, NeuMF) as scalar-generic functions, so the
// core (float) and tests/core/tst_neural_gradients.cpp (double) run the same code:
//
//   z      = W_u p + W_i q + b1                   (hidden x 1)
//   logit  = h·(p ⊙ q) + w·relu(z) + b_i + b0
//   loss   = conf * (log(1 + e^logit) - y logit)   (weighted logistic loss, y in {0, 1})
//
// p is the user's embedding, q the item's, b_i its bias; h (GMF weights), W_u, W_i, b1,
// w and b0 are shared. The L2 penalty is applied by the caller (see ncf_recommender.cpp).

#include "neural_math.h"

namespace recoscope::core::neural {

/// The shared weights, or a gradient of the same shape.
template <class T> struct NcfShared {
    Mat<T> wu, wi; // hidden x d
    Vec<T> b1, w;  // hidden
    Vec<T> gmf;    // d
    T b0 = 0;

    void setZero(Eigen::Index hidden, Eigen::Index d) {
        wu = Mat<T>::Zero(hidden, d);
        wi = Mat<T>::Zero(hidden, d);
        b1 = Vec<T>::Zero(hidden);
        w = Vec<T>::Zero(hidden);
        gmf = Vec<T>::Zero(d);
        b0 = 0;
    }
};

/// Gradient of one sample's loss in its sparse parameters.
template <class T> struct NcfSparseGrad {
    Vec<T> dp, dq;
    T dbias = 0;
};

template <class T>
T ncfLogit(const NcfShared<T>& m, const VecRef<T>& p, const VecRef<T>& q, T bias) {
    const Vec<T> z = m.wu * p + m.wi * q + m.b1;
    return m.gmf.dot(p.cwiseProduct(q)) + m.w.dot(z.cwiseMax(T(0))) + bias + m.b0;
}

template <class T>
T ncfLoss(const NcfShared<T>& m, const VecRef<T>& p, const VecRef<T>& q, T bias, T y, T conf) {
    return logisticLoss(ncfLogit(m, p, q, bias), y, conf);
}

/// Forward and backward pass of one sample: adds dL/d(shared) to `acc`, writes the
/// sparse gradient to `g` and returns the loss. Parameters are read, never written.
template <class T>
T ncfBackward(const NcfShared<T>& m, const VecRef<T>& p, const VecRef<T>& q, T bias, T y, T conf,
              NcfShared<T>& acc, NcfSparseGrad<T>& g) {
    const Vec<T> z = m.wu * p + m.wi * q + m.b1;
    const Vec<T> r = z.cwiseMax(T(0));
    const T logit = m.gmf.dot(p.cwiseProduct(q)) + m.w.dot(r) + bias + m.b0;
    const T dl = logisticGrad(logit, y, conf);
    const Vec<T> dz = (dl * m.w).cwiseProduct((z.array() > T(0)).template cast<T>().matrix());
    acc.gmf += dl * p.cwiseProduct(q);
    acc.w += dl * r;
    acc.b0 += dl;
    acc.b1 += dz;
    acc.wu.noalias() += dz * p.transpose();
    acc.wi.noalias() += dz * q.transpose();
    g.dp = dl * m.gmf.cwiseProduct(q) + m.wu.transpose() * dz;
    g.dq = dl * m.gmf.cwiseProduct(p) + m.wi.transpose() * dz;
    g.dbias = dl;
    return logisticLoss(logit, y, conf);
}

} // namespace recoscope::core::neural
