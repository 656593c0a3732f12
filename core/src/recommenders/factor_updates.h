#pragma once
// Private: the learning steps of the factor cores, written once for any scalar type so
// that the cores run them in float and tst_factor_internals checks them in double
// against finite differences of the losses below and against dense closed forms.
//
// Conventions: p is the user vector, q (qi, qj) item vectors, b item biases; every step
// is one simultaneous gradient step, param -= lr * dL/dparam, with all gradients taken
// at the parameters before the step.

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace recoscope::core::kit {

/// Vectors of at most 256 entries on the stack: a step allocates nothing.
template <class S> using StepVector = Eigen::Matrix<S, Eigen::Dynamic, 1, 0, 256, 1>;

/// mf-sgd's loss for one (user, item, target) sample:
///   L = conf/2 (target - p·q - b)^2 + reg/2 (|p|^2 + |q|^2 + b^2).
template <class S, class P, class Q>
S squaredLoss(const Eigen::MatrixBase<P>& p, const Eigen::MatrixBase<Q>& q, S b, S target, S conf,
              S reg) {
    const S e = target - (p.dot(q) + b);
    return conf / 2 * e * e + reg / 2 * (p.squaredNorm() + q.squaredNorm() + b * b);
}

/// One SGD step on squaredLoss (targets 1 for the event's item, 0 for sampled negatives).
template <class S, class P, class Q>
void squaredLossStep(Eigen::MatrixBase<P>& p, Eigen::MatrixBase<Q>& q, S& b, S target, S conf, S lr,
                     S reg) {
    const S err = conf * (target - (p.dot(q) + b));
    const StepVector<S> p0 = p;
    p += lr * (err * q - reg * p);
    q += lr * (err * p0 - reg * q);
    b += lr * (err - reg * b);
}

/// bpr's loss for one pair (positive i, sampled j), x = p·(qi - qj) + bi - bj:
///   L = -conf ln sigmoid(x) + reg/2 (|p|^2 + |qi|^2 + |qj|^2 + bi^2 + bj^2).
template <class S, class P, class Q>
S bprLoss(const Eigen::MatrixBase<P>& p, const Eigen::MatrixBase<Q>& qi,
          const Eigen::MatrixBase<Q>& qj, S bi, S bj, S conf, S reg) {
    const S x = p.dot(qi - qj) + bi - bj;
    // -ln sigmoid(x) = ln(1 + e^-x), written to stay finite for large |x|.
    const S nll = x > 0 ? std::log1p(std::exp(-x)) : -x + std::log1p(std::exp(x));
    return conf * nll +
           reg / 2 * (p.squaredNorm() + qi.squaredNorm() + qj.squaredNorm() + bi * bi + bj * bj);
}

/// One SGD step on bprLoss.
template <class S, class P, class Q>
void bprStep(Eigen::MatrixBase<P>& p, Eigen::MatrixBase<Q>& qi, Eigen::MatrixBase<Q>& qj, S& bi,
             S& bj, S conf, S lr, S reg) {
    const S x = p.dot(qi - qj) + bi - bj;
    const S g = conf / (1 + std::exp(x)); // conf * sigmoid(-x) = -dL/dx
    const StepVector<S> p0 = p;
    p += lr * (g * (qi - qj) - reg * p);
    qi += lr * (g * p0 - reg * qi);
    qj += lr * (-g * p0 - reg * qj);
    bi += lr * (g - reg * bi);
    bj += lr * (-g - reg * bj);
}

/// One row of implicit ALS (Hu, Koren & Volinsky 2008): the weighted ridge solution
///   x = (F^T C F + reg I)^-1 F^T C p,  C = diag(1 + alpha r_k) on the observed rows k
/// (1 elsewhere), p = 1 on the observed rows (0 elsewhere), computed with the Gram
/// trick: F^T C F = gram + sum_k alpha r_k f_k f_k^T, where gram = F^T F over all rows.
/// `factors` is row-major (rows x d); [first, last) lists the observed (row, r) pairs.
template <class S, class Weight, class Index>
void ialsSolveRow(const Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>& gram, const S* factors,
                  int d, const std::pair<Index, Weight>* first,
                  const std::pair<Index, Weight>* last, S alpha, S reg, S* out) {
    Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic> a = gram;
    Eigen::Matrix<S, Eigen::Dynamic, 1> rhs = Eigen::Matrix<S, Eigen::Dynamic, 1>::Zero(d);
    for (const auto* it = first; it != last; ++it) {
        const auto& [row, r] = *it;
        const Eigen::Map<const Eigen::Matrix<S, Eigen::Dynamic, 1>> f(
            factors + static_cast<std::size_t>(row) * static_cast<std::size_t>(d), d);
        const S c = 1 + alpha * static_cast<S>(r);
        a.noalias() += (c - 1) * f * f.transpose();
        rhs += c * f;
    }
    a.diagonal().array() += reg;
    Eigen::Map<Eigen::Matrix<S, Eigen::Dynamic, 1>>(out, d) = a.ldlt().solve(rhs);
}

/// One full ALS sweep: every user with a non-empty profile is solved against all items
/// (gram = Y^T Y), then every item with evidence against those users (gram = X^T X over
/// them); items without evidence keep their vectors. `x` is users x d and `y` items x d,
/// both row-major; profiles[u] lists (item, summed implicit weight).
template <class S, class Weight, class Item>
void ialsSweep(S* x, S* y, std::size_t items, int d,
               const std::vector<std::vector<std::pair<Item, Weight>>>& profiles, S alpha, S reg) {
    using Matrix = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;
    using ItemRows = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    const Eigen::Map<const ItemRows> ym(y, static_cast<Eigen::Index>(items), d);
    const Matrix yty = ym.transpose() * ym;
    for (std::size_t u = 0; u < profiles.size(); ++u)
        if (!profiles[u].empty())
            ialsSolveRow(yty, y, d, profiles[u].data(), profiles[u].data() + profiles[u].size(),
                         alpha, reg, x + u * static_cast<std::size_t>(d));

    // Transposed profiles (item -> users) in one flat array with offsets, bounded by the
    // profiles' total size, and X^T X over the users that have a profile.
    std::vector<std::uint32_t> offsets(items + 1, 0);
    for (const auto& prof : profiles)
        for (const auto& e : prof)
            ++offsets[static_cast<std::size_t>(e.first) + 1];
    for (std::size_t i = 0; i < items; ++i)
        offsets[i + 1] += offsets[i];
    std::vector<std::pair<std::uint32_t, Weight>> byItem(offsets[items]);
    std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
    Matrix xtx = Matrix::Zero(d, d);
    for (std::size_t u = 0; u < profiles.size(); ++u) {
        if (profiles[u].empty())
            continue;
        const Eigen::Map<const Eigen::Matrix<S, Eigen::Dynamic, 1>> xu(
            x + u * static_cast<std::size_t>(d), d);
        xtx.noalias() += xu * xu.transpose();
        for (const auto& [i, r] : profiles[u])
            byItem[fill[static_cast<std::size_t>(i)]++] = {static_cast<std::uint32_t>(u), r};
    }
    for (std::size_t i = 0; i < items; ++i)
        if (offsets[i] != offsets[i + 1]) // no evidence: keep the current vector
            ialsSolveRow(xtx, x, d, byItem.data() + offsets[i], byItem.data() + offsets[i + 1],
                         alpha, reg, y + i * static_cast<std::size_t>(d));
}

} // namespace recoscope::core::kit
