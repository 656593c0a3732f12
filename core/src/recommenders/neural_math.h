#pragma once
// Private scalar-generic building blocks of the neural cores (ncf, attn-lite, gru4rec,
// sasrec, wide-deep): Eigen aliases templated on the scalar type, the losses they share
// and their derivatives. The cores instantiate them with float; tests/core/
// tst_neural_gradients.cpp instantiates the same code with double and checks each
// analytic gradient against a central finite difference of the loss.

#include <Eigen/Core>

#include <cmath>

namespace recoscope::core::neural {

template <class T> using Vec = Eigen::Matrix<T, Eigen::Dynamic, 1>;
template <class T> using Mat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
template <class T> using VecRef = Eigen::Ref<const Vec<T>>;

template <class T> T sigmoid(T x) {
    return T(1) / (T(1) + std::exp(-x));
}

/// log(1 + e^x) without overflow.
template <class T> T softplus(T x) {
    return x > T(0) ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
}

/// Weighted logistic (binary cross-entropy) loss of a logit x for a label y in {0, 1}:
/// conf * (log(1 + e^x) - y x). Its derivative in x is conf * (sigmoid(x) - y).
template <class T> T logisticLoss(T x, T y, T conf) {
    return conf * (softplus(x) - y * x);
}
template <class T> T logisticGrad(T x, T y, T conf) {
    return conf * (sigmoid(x) - y);
}

/// Cross-entropy of a softmax over sampled logits where entry 0 is the positive:
/// conf * (logsumexp(l) - l_0). Writes dL/dl into `grad` (conf * (softmax(l) - e_0)).
template <class T> T sampledSoftmaxLoss(const Vec<T>& l, T conf, Vec<T>& grad) {
    const T mx = l.maxCoeff();
    grad = (l.array() - mx).exp().matrix();
    const T z = grad.sum();
    grad *= conf / z;
    grad[0] -= conf;
    return conf * (mx + std::log(z) - l[0]);
}

/// In-place softmax of a vector (max-shifted).
template <class T> void softmaxInPlace(Vec<T>& a) {
    a = (a.array() - a.maxCoeff()).exp();
    a /= a.sum();
}

/// Logistic loss of m scored targets: logit_t = O.col(t)·s + b_t, label y_t, weight
/// conf_t. Returns the summed loss and writes dL/ds, dL/dO (d x m) and dL/db.
template <class T>
T logisticTargets(const Vec<T>& s, const Mat<T>& o, const Vec<T>& b, const Vec<T>& y,
                  const Vec<T>& conf, Vec<T>& ds, Mat<T>& dO, Vec<T>& db) {
    T loss = 0;
    ds = Vec<T>::Zero(s.size());
    dO.resize(o.rows(), o.cols());
    db.resize(o.cols());
    for (Eigen::Index t = 0; t < o.cols(); ++t) {
        const T logit = o.col(t).dot(s) + b[t];
        const T g = logisticGrad(logit, y[t], conf[t]);
        loss += logisticLoss(logit, y[t], conf[t]);
        ds += g * o.col(t);
        dO.col(t) = g * s;
        db[t] = g;
    }
    return loss;
}

} // namespace recoscope::core::neural
