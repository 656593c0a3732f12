// BeyondAccuracy's pass over a served slate (the per-slate half of beyond_accuracy.cpp):
// the simulator serves about a million slates a second, so this is the accumulator's hot
// path; the per-event and per-bucket halves are in beyond_accuracy.cpp.
#include "recoscope/core/beyond_accuracy.h"

#include <Eigen/Core>

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace recoscope::core {

void BeyondAccuracy::onSlate(SimTime, UserId id, std::span<const SlateEntry> slate) {
    // The simulator serves about a million slates a second: one pass over the slate reads
    // each item's record once (tally), and each figure is computed once, then added to the
    // bucket and to the run.
    UserState& u = user(id);
    const std::size_t n = slate.size();
    u.shown.resize(n);
    if (n == 0)
        return;
    const bool latent = m_dim > 0 && n > 1;
    // The branches on the vectors are taken once per slate, not once per item.
    const SlateTally t = !latent       ? tally<0>(slate, u.shown.data())
                         : m_dim == 16 ? tally<16>(slate, u.shown.data())
                                       : tally<-1>(slate, u.shown.data());
    const std::uint64_t pairs = n * (n - 1) / 2;
    double distance = 0;
    if (latent)
        distance = static_cast<double>(pairs) - (t.squared - static_cast<double>(t.unit)) / 2.0;
    // -log2((c + 1) / (C + n)) = log2(C + n) - log2(c + 1), the latter kept per item.
    const double novelty = static_cast<double>(n) * log2Total() - t.logCounts;
    const double p = static_cast<double>(pairs);
    const double ildCategory = pairs ? static_cast<double>(pairs - t.same) / p : 0.0;
    const double ildLatent = pairs ? distance / p : 0.0;
    const double popularity = static_cast<double>(t.counts) / static_cast<double>(n);
    // The bucket's and the run's sums: each double its own sum of the same per-slate values
    // in serving order, as when each computed them anew (same bits).
    for (Sums* s : {&m_bucket, &m_total}) {
        ++s->slates;
        s->impressions += n;
        s->ildCategory += ildCategory;
        s->ildLatent += ildLatent;
        s->popularity += popularity;
        s->novelty += novelty;
        s->tail += t.tail;
    }
    // The first users of the bucket and of the run; the rest of the time both are full.
    if (m_bucket.servedUsers.size() < kHomogenisationUsers)
        noteServed(m_bucket, id);
    if (m_total.servedUsers.size() < kHomogenisationUsers)
        noteServed(m_total, id);
}

void BeyondAccuracy::noteServed(Sums& s, UserId user) {
    if (std::find(s.servedUsers.begin(), s.servedUsers.end(), user) == s.servedUsers.end())
        s.servedUsers.push_back(user);
}

template <int Dim>
BeyondAccuracy::SlateTally BeyondAccuracy::tally(std::span<const SlateEntry> slate, Shown* shown) {
    const std::size_t n = slate.size();
    // Raw pointers held in locals: the compiler cannot tell that the stores below leave the
    // vectors' buffers in place, and would reload them for every item.
    const ItemState* items = m_item.data();
    std::uint32_t* catCount = m_catCount.data();
    // A slate's categories, to reset their counts after it: on the stack for any usual slate.
    constexpr std::size_t kLocalCats = 32;
    std::uint32_t local[kLocalCats];
    if (n > kLocalCats)
        m_cats.resize(n);
    std::uint32_t* cats = n > kLocalCats ? m_cats.data() : local;
    [[maybe_unused]] const float* vectors = m_vectors.data();
    [[maybe_unused]] const int dim = m_dim;
    // The common dimension of 16 sums in four registers with the row's size known at
    // compile time; the dynamic map spent more on its size and alignment checks than on
    // the 16 products. Same products, same additions in the same order: same bits.
    using Row16 = Eigen::Matrix<float, 16, 1>;
    [[maybe_unused]] Row16 sum16 = Row16::Zero();
    // Eigen maps: the sum's lanes vectorise without an aliasing check per item.
    [[maybe_unused]] Eigen::Map<Eigen::VectorXf> sum(m_sum.data(), Dim < 0 ? dim : 0);
    if constexpr (Dim < 0)
        sum.setZero();
    SlateTally t;
    double logCounts = 0;
    std::uint64_t counts = 0, tail = 0, same = 0, unit = 0;
    for (std::size_t a = 0; a < n; ++a) {
        const ItemId i = slate[a].item;
        const ItemState& it = items[i];
        shown[a] = {i, it.unexpected};
        // Pairs in the same leaf category, counted as they arrive: O(k), not O(k^2).
        const std::uint32_t c = it.category;
        cats[a] = c;
        same += catCount[c]++;
        counts += it.count;
        logCounts += it.log2Count;
        tail += it.tail;
        if constexpr (Dim != 0) {
            // sum over pairs of u_a . u_b = (|sum of u|^2 - sum of |u|^2) / 2, u = v / |v|:
            // O(k dim) instead of O(k^2 dim), the same value up to rounding (floats: about
            // 1e-7 of a pair's distance). |u|^2 is 1 for a non-zero vector, else 0.
            unit += it.unit;
            if constexpr (Dim == 16)
                sum16 += Eigen::Map<const Row16>(vectors + std::size_t(i) * 16) * it.invNorm;
            else
                sum += Eigen::Map<const Eigen::VectorXf>(vectors + std::size_t(i) * dim, dim) *
                       it.invNorm;
        }
    }
    for (std::size_t a = 0; a < n; ++a)
        catCount[cats[a]] = 0;
    if constexpr (Dim == 16) {
        // Eigen's cast<double>().squaredNorm() of the dynamic map, which this replaces,
        // squares each lane in double and adds the squares one after the other from lane 0:
        // the same operations in the same order, the squares two at a time (each is one
        // rounding either way), without the copy to m_sum.
        const Eigen::Matrix<double, 16, 1> squares = sum16.cast<double>().cwiseAbs2();
        double squared = squares[0];
        for (int l = 1; l < 16; ++l)
            squared += squares[l];
        t.squared = squared;
    } else if constexpr (Dim < 0) {
        t.squared = sum.cast<double>().squaredNorm();
    }
    t.counts = counts;
    t.tail = tail;
    t.same = same;
    t.unit = unit;
    t.logCounts = logCounts;
    return t;
}

} // namespace recoscope::core
