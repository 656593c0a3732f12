#include "screened_item_index.h"

#include "recoscope/core/candidates.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>

namespace recoscope::core::kit {

namespace {

constexpr std::size_t kChunkBlocks = 128; // 2,048 items: dot products and bounds stay in L1
constexpr float kEta = 0x1p-110f;         // absolute slack for underflow (see below)
constexpr float kBig = 0x1p100f;          // beyond this the plain scan answers (see below)
constexpr double kEps = 0x1p-24;          // unit roundoff of float
constexpr double kMargin = 1.0 + 0x1p-20; // on the per-request constants, see below
constexpr int kMaxDim = 256;              // the derivation below assumes dim <= 256

float roundUp(double x) {
    float f = static_cast<float>(x);
    if (static_cast<double>(f) < x)
        f = std::nextafter(f, std::numeric_limits<float>::infinity());
    return f;
}

inline float roundNearest(float x) { // as in quantised_factors.cpp, |x| <= 2^22
    constexpr float kMagic = 12582912.0f;
    return (x + kMagic) - kMagic;
}

} // namespace

// The bound. Notation for one item: q_j its factors, b its bias, s its scale, q8_j its
// int8 factors; u_j the query, u16_j its int16 factors, t its scale, L1 = ||u||_1,
// g = max_j |u_j - t u16_j| (computed exactly, in double), n = dim, eps = 2^-24. In real
// numbers, with D = q . u and A = q8 . u16 (an exact integer):
//   D - s t A = sum_j (q_j - s q8_j) u_j + s sum_j q8_j (u_j - t u16_j),
// so |D - s t A| <= s (0.5 + 255 eps) L1 + s ||q8||_1 g <= s (0.5 L1 + 127 n g) + 255 eps s L1
// (quantised_factors.cpp for the residual; using ||q8||_1 <= 127 n rather than each item's
// own norm adds 127 n g <= 127 n t / 2 ~ 0.0019 n max|u_j|, about 1 % of 0.5 L1 for a
// typical query, L1 ~ n max|u_j| / 3, and saves a load and a multiply per item). For
// n <= kMaxDim = 256 (the cores' largest `factors`; larger: the plain scan answers), float
// rounding, with M = 130 s L1, which bounds both
// P = sum_j |q_j u_j| (<= max|q_j| L1 <= 127.01 s L1) and |s t A| (<= 128.2 s L1, since
// |s q8_j| <= |q_j| + 0.51 s and n t <= 256 max|u_j| / 32767):
// - exactScore sums n rounded products in order, then adds b: its float result is within
//   (n + 2) eps M + eps |b| of D + b (the classic gamma_n bound on recursive summation);
// - a = fl(fl(float(A) fl(s t)) + b): three relative roundings on s t A, one on the sum:
//   within 4.1 eps M + eps |b| of s t A + b;
// - lo = fl(a - e) and hi = fl(a + e): eps (|a| + e) <= eps (1.05 M + 1.01 |b|) each;
// - the quantisation residual's 255 eps s L1 above is 2 eps M.
// That is at most (n + 9.2) eps M + 3.01 eps |b|; the slack used, (2n + 20) eps (M + |b|),
// is about twice it. Gradual underflow, where the relative bounds above fail: each
// operation is then off by at most 2^-150, except that fl(s t) may be subnormal and its
// 2^-150 is multiplied by |A| < 2^30; in all below 2^-119, under kEta = 2^-110. The
// per-request constants are computed in double and
// rounded up with a 2^-20 relative margin, which also covers the few roundings of e
// itself (nonnegative terms, at most 3 eps relative). So, per item:
//   e = s K + |b| R + kEta,  K = 0.5 L1 + 127 n g + (2n + 20) eps 130 L1,  R = (2n + 20) eps,
// and lo <= exactScore <= hi holds bit for bit. Above kBig (|a| + e > 2^100) the plain
// scan answers: s L1 <= 2 e then keeps every partial sum of exactScore below 2^108, so no
// overflow can slip between the bound and the exact score.
bool ScreenedItemIndex::prepareQuery(const float* u) {
    const int n = m_store.dim();
    if (n > kMaxDim)
        return false;
    double l1 = 0.0;
    float umax = 0.0f;
    for (int j = 0; j < n; ++j) {
        const float a = std::fabs(u[j]);
        if (!(a <= FLT_MAX))
            return false;
        l1 += static_cast<double>(a);
        umax = std::max(umax, a);
    }
    std::vector<int>& v = m_u16;
    v.assign(static_cast<std::size_t>(n) + 1, 0); // + 1: dim odd pads a zero
    double g = 0.0;
    if (umax == 0.0f) {
        m_t = 0.0f;
    } else {
        m_t = umax / static_cast<float>(QuantisedFactors::kMaxU);
        if (!(m_t >= FLT_MIN))
            return false; // 1 / t would overflow; such a query is answered by the plain scan
        const float inv = 1.0f / m_t;
        for (int j = 0; j < n; ++j) {
            const int x = std::clamp(static_cast<int>(roundNearest(u[j] * inv)),
                                     -QuantisedFactors::kMaxU, QuantisedFactors::kMaxU);
            v[static_cast<std::size_t>(j)] = x;
            g = std::max(g, std::fabs(static_cast<double>(u[j]) -
                                      static_cast<double>(m_t) * static_cast<double>(x)));
        }
    }
    m_uPairs.resize(m_store.pairs());
    for (std::size_t p = 0; p < m_store.pairs(); ++p)
        m_uPairs[p] = (static_cast<std::uint32_t>(v[2 * p]) & 0xffffu) |
                      (static_cast<std::uint32_t>(v[2 * p + 1]) << 16);
    const double slack = (2.0 * n + 20.0) * kEps;
    m_k = roundUp((0.5 * l1 + QuantisedFactors::kMaxQ * n * g + slack * 130.0 * l1) * kMargin);
    m_r = roundUp(slack * kMargin);
    return m_k <= FLT_MAX;
}

// The per-item loops, built for AVX2 and the x86-64 baseline (GNU ifunc picks one at load
// time; bitwise results do not matter here beyond the bound, which every clone keeps: the
// project compiles with -ffp-contract=off, so both compute the same roundings anyway).
// External linkage: ifunc resolvers of internal functions are fragile across compilers.
namespace screening {

/// lo and hi of `count` items from their dot products `acc`, scales `s` and biases `b`
/// (null: none); false if any bound is unusable (|a| + e > kBig, NaN).
__attribute__((target_clones("avx2", "default"))) bool bounds(const std::int32_t* acc,
                                                              const float* s, const float* b,
                                                              std::size_t count, float t, float k,
                                                              float r, float* lo, float* hi) {
    int good = 1;
    if (b) {
        for (std::size_t i = 0; i < count; ++i) {
            const float a = static_cast<float>(acc[i]) * (s[i] * t) + b[i];
            const float e = s[i] * k + std::fabs(b[i]) * r + kEta;
            lo[i] = a - e;
            hi[i] = a + e;
            good &= static_cast<int>(std::fabs(a) + e <= kBig); // false for NaN
        }
    } else {
        for (std::size_t i = 0; i < count; ++i) {
            const float a = static_cast<float>(acc[i]) * (s[i] * t);
            const float e = s[i] * k + kEta;
            lo[i] = a - e;
            hi[i] = a + e;
            good &= static_cast<int>(std::fabs(a) + e <= kBig);
        }
    }
    return good != 0;
}

/// The first i in [from, to) with x[i] >= bar, or `to`: 32 at a time (their maximum
/// against the bar), so the items the bar rules out cost about half an instruction each.
/// A NaN may be skipped: bounds() has then returned false and the plain scan answers.
__attribute__((target_clones("avx2", "default"))) std::size_t
firstAtLeast(const float* x, std::size_t from, std::size_t to, float bar) {
    using F8 = float __attribute__((vector_size(32)));
    using I8 = std::int32_t __attribute__((vector_size(32)));
    const F8 b = F8{} + bar;
    std::size_t i = from;
    for (; i + 32 <= to; i += 32) {
        F8 v0, v1, v2, v3; // named: an array of vectors went through the stack (GCC 12)
        std::memcpy(&v0, x + i, sizeof v0);
        std::memcpy(&v1, x + i + 8, sizeof v1);
        std::memcpy(&v2, x + i + 16, sizeof v2);
        std::memcpy(&v3, x + i + 24, sizeof v3);
        const F8 m01 = v0 > v1 ? v0 : v1;
        const F8 m23 = v2 > v3 ? v2 : v3;
        const I8 m = (m01 > m23 ? m01 : m23) >= b;
        std::uint64_t w[4];
        std::memcpy(w, &m, sizeof w);
        if ((w[0] | w[1] | w[2] | w[3]) != 0)
            break;
    }
    for (; i < to; ++i)
        if (x[i] >= bar)
            return i;
    return to;
}

} // namespace screening

ScreenedItemIndex::ScreenedItemIndex(std::size_t items, int dim) {
    m_store.reset(items, dim);
}

void ScreenedItemIndex::topK(const ItemTable& items, const Request& request, TopK& topk,
                             const float* q, const float* bias, const float* u) {
    m_store.sync(q);
    const std::size_t n = std::min(m_store.items(), items.size());
    const std::size_t k = topk.k();
    if (k == 0 || n == 0)
        return; // the plain scan offers nothing either: a 0-slot TopK admits nothing
    if (m_store.nonFinite() > 0 || !prepareQuery(u)) {
        ++m_fallbacks;
        plainScan(items, request, topk, q, n, bias, u);
        return;
    }
    // Pass 1, chunk by chunk: bounds of every item; T = the k-th largest lower bound of
    // the eligible items (a k-slot min-heap whose smallest entry is `floor`; eligibility is
    // tested only for a bound that would enter). An item with hi < floor at its turn has
    // hi < T (floor only rises to T), so only the others are kept as candidates: a few
    // dozen of 10,000 items, plus every item while the heap is still filling.
    constexpr std::size_t lanes = QuantisedFactors::kLanes;
    const std::size_t blocks = (n + lanes - 1) / lanes;
    m_acc.resize(kChunkBlocks * lanes);
    m_lo.resize(kChunkBlocks * lanes);
    m_hi.resize(kChunkBlocks * lanes);
    m_lowest.clear();
    m_candidates.clear();
    const auto lower = std::greater<float>();
    float floor = -std::numeric_limits<float>::infinity();
    bool good = true;
    for (std::size_t b0 = 0; b0 < blocks; b0 += kChunkBlocks) {
        const std::size_t nb = std::min(kChunkBlocks, blocks - b0);
        m_store.dots(b0, nb, m_uPairs.data(), m_acc.data());
        const std::size_t first = b0 * lanes;
        const std::size_t count = std::min(n, first + nb * lanes) - first;
        good =
            screening::bounds(m_acc.data(), m_store.scales() + first, bias ? bias + first : nullptr,
                              count, m_t, m_k, m_r, m_lo.data(), m_hi.data()) &&
            good;
        for (std::size_t r = screening::firstAtLeast(m_hi.data(), 0, count, floor); r < count;
             r = screening::firstAtLeast(m_hi.data(), r + 1, count, floor)) {
            const auto id = static_cast<ItemId>(first + r);
            m_candidates.push_back({id, m_hi[r]});
            const float lo = m_lo[r];
            if (!(lo > floor) || !items.available[id] || request.excludes(id))
                continue;
            if (m_lowest.size() < k) {
                m_lowest.push_back(lo);
                std::push_heap(m_lowest.begin(), m_lowest.end(), lower);
                if (m_lowest.size() == k)
                    floor = m_lowest.front();
            } else {
                std::pop_heap(m_lowest.begin(), m_lowest.end(), lower);
                m_lowest.back() = lo;
                std::push_heap(m_lowest.begin(), m_lowest.end(), lower);
                floor = m_lowest.front();
            }
        }
    }
    if (!good) {
        ++m_fallbacks;
        plainScan(items, request, topk, q, n, bias, u);
        return;
    }
    // T: k eligible items score at least their lower bound, so the k-th best exact score
    // is >= T; fewer than k eligible items: T = -inf, every eligible item is scored.
    const float cut = m_lowest.size() == k ? floor : -std::numeric_limits<float>::infinity();
    // Pass 2, over the candidates: one with hi < T scores below the k-th best; one with hi
    // below the TopK's current threshold would not be admitted either. Everything else is
    // scored exactly and offered: the TopK's result does not depend on the order of offers.
    const int dim = m_store.dim();
    float bar = std::max(cut, topk.threshold());
    for (const Candidate& c : m_candidates) {
        if (c.hi < bar)
            continue;
        if (!items.available[c.id] || request.excludes(c.id))
            continue;
        ++m_rescored;
        const float sc =
            exactScore(q + static_cast<std::size_t>(c.id) * static_cast<std::size_t>(dim), u, dim,
                       bias ? bias[c.id] : 0.0f);
        if (!topk.admits(sc, c.id))
            continue;
        topk.offer(c.id, sc);
        bar = std::max(cut, topk.threshold());
    }
}

// The scan ExactItemIndex does, from the row-major factors: same scores (exactScore is
// that scan's summation order), same offers in the same id order, so even NaN scores,
// which TopK admits only while it is not full, come out as they do there.
void ScreenedItemIndex::plainScan(const ItemTable& items, const Request& request, TopK& topk,
                                  const float* q, std::size_t n, const float* bias,
                                  const float* u) const {
    const int dim = m_store.dim();
    for (std::size_t i = 0; i < n; ++i) {
        const auto id = static_cast<ItemId>(i);
        if (!items.available[id] || request.excludes(id))
            continue;
        const float sc =
            exactScore(q + i * static_cast<std::size_t>(dim), u, dim, bias ? bias[i] : 0.0f);
        if (topk.admits(sc, id))
            topk.offer(id, sc);
    }
}

bool ScreenedItemIndex::bounds(const float* q, const float* bias, const float* u, std::size_t n,
                               std::vector<float>& lo, std::vector<float>& hi) {
    m_store.sync(q);
    n = std::min(n, m_store.items());
    if (m_store.nonFinite() > 0 || !prepareQuery(u))
        return false;
    constexpr std::size_t lanes = QuantisedFactors::kLanes;
    const std::size_t blocks = (n + lanes - 1) / lanes;
    m_acc.resize(blocks * lanes);
    m_lo.resize(blocks * lanes);
    m_hi.resize(blocks * lanes);
    m_store.dots(0, blocks, m_uPairs.data(), m_acc.data());
    const bool good = screening::bounds(m_acc.data(), m_store.scales(), bias, n, m_t, m_k, m_r,
                                        m_lo.data(), m_hi.data());
    lo.assign(m_lo.begin(), m_lo.begin() + static_cast<std::ptrdiff_t>(n));
    hi.assign(m_hi.begin(), m_hi.begin() + static_cast<std::ptrdiff_t>(n));
    return good;
}

} // namespace recoscope::core::kit
