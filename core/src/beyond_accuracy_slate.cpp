// BeyondAccuracy's pass over a served slate (the per-slate half of beyond_accuracy.cpp):
// the simulator serves about a million slates a second, so this is the accumulator's hot
// path; the per-event and per-bucket halves are in beyond_accuracy.cpp.
#include "recoscope/core/beyond_accuracy.h"

#include <Eigen/Core>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <numbers>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace recoscope::core {

inline std::uint32_t BeyondAccuracy::ItemState::tailAndUnit() const {
    static_assert(offsetof(ItemState, unit) == offsetof(ItemState, tail) + sizeof(std::uint16_t));
    static_assert(sizeof(ItemState) == 32, "half a cache line per item");
    // One load for two adjacent fields: copied from the record's bytes (the object
    // representation), not read through a pointer to `tail`.
    std::uint32_t word;
    std::memcpy(&word, reinterpret_cast<const unsigned char*>(this) + offsetof(ItemState, tail),
                sizeof word);
    if constexpr (std::endian::native == std::endian::big)
        word = (word >> 16) | (word << 16);
    return word;
}

// log2Total() and log2TotalAt() are only called by serve() (below), once per slate: inline
// there. In the default run C changes before about two slates in three (views count), so
// the series below is the common case, and the call around it cost as much as the series.
inline double BeyondAccuracy::log2Total() {
    // log2(T), T = C + n, for every slate: exact at an anchor T0, then log2(T0) + log2(1 + x),
    // x = (T - T0) / T0, by its series to the fourth power while x <= 1/256 (what is left
    // is below x^5 / (5 ln 2) < 3e-13). One logarithm per ~T0/256 interactions instead of
    // one per slate, which was a fifth of the accumulator's time.
    // Cached while C stays the same: with the same T and anchor the expression below gives
    // the same bits again, so the cache changes no value.
    if (m_countSum == m_log2TotalAt)
        return m_log2Total;
    m_log2TotalAt = m_countSum;
    m_log2Total = log2TotalAt(static_cast<double>(m_countSum) + m_itemCount);
    return m_log2Total;
}

inline double BeyondAccuracy::log2TotalAt(double t) {
    const double k = t - m_anchor;
    if (k < 0.0 || k * 256.0 > m_anchor || m_anchor <= 0.0) [[unlikely]]
        return reanchor(t);
    const double x = k / m_anchor;
    return m_anchorLog2 +
           x * (1.0 - x * (1.0 / 2.0 - x * (1.0 / 3.0 - x * (1.0 / 4.0)))) / std::numbers::ln2;
}

void BeyondAccuracy::noteServed(Sums& s, UserId user) {
    if (std::find(s.servedUsers.begin(), s.servedUsers.end(), user) == s.servedUsers.end())
        s.servedUsers.push_back(user);
}

void BeyondAccuracy::noteServedInBucket(UserId user) {
    // A bucket's first 64 users take ~250 slates to find on `default` (shoppers come back
    // within the hour): a bit per user instead of a search of the list for each.
    const std::size_t word = user / 64;
    if (word >= m_servedBits.size())
        m_servedBits.resize(word + 1, 0);
    const std::uint64_t bit = std::uint64_t(1) << (user % 64);
    if (m_servedBits[word] & bit)
        return;
    m_servedBits[word] |= bit;
    m_bucket.servedUsers.push_back(user);
}

void BeyondAccuracy::restartCategoryStamps() {
    std::fill(m_catCount.begin(), m_catCount.end(), 0);
    m_catStamp = std::uint64_t(1) << 32;
}

template <int Dim, bool Expose>
[[gnu::always_inline]] inline BeyondAccuracy::SlateTally
BeyondAccuracy::tally(std::span<const SlateEntry> slate, Shown* shown,
                      [[maybe_unused]] std::uint64_t* exposure) {
    const std::size_t n = slate.size();
    // Raw pointers held in locals: the compiler cannot tell that the stores below leave the
    // vectors' buffers in place, and would reload them for every item.
    const ItemState* items = m_item.data();
    std::uint64_t* catCount = m_catCount.data();
    // Pairs in the same leaf category, counted as they arrive: O(k), not O(k^2). Each
    // category's counter carries the stamp of the slate that last counted it, so a counter
    // left by an earlier slate reads as 0 and nothing is reset afterwards.
    const std::uint64_t stamp = nextCategoryStamp();
    [[maybe_unused]] const float* vectors = m_vectors.data();
    [[maybe_unused]] const int dim = m_dim;
    // The common dimension of 16 sums in four registers with the row's size known at
    // compile time; the dynamic map spent more on its size and alignment checks than on
    // the 16 products. Same products, same additions in the same order: same bits.
#if defined(__SSE2__)
    // The same four lanes in four SSE registers, named: GCC kept Eigen's Row16 in registers
    // in the loop but went through the stack to square it afterwards (~40 instructions).
    [[maybe_unused]] __m128 s0 = _mm_setzero_ps(), s1 = s0, s2 = s0, s3 = s0;
#else
    using Row16 = Eigen::Matrix<float, 16, 1>;
    [[maybe_unused]] Row16 sum16 = Row16::Zero();
#endif
    // Eigen maps: the sum's lanes vectorise without an aliasing check per item.
    [[maybe_unused]] Eigen::Map<Eigen::VectorXf> sum(m_sum.data(), Dim < 0 ? dim : 0);
    if constexpr (Dim < 0)
        sum.setZero();
    SlateTally t;
    double logCounts = 0;
    std::uint64_t counts = 0, tail = 0, same = 0, unit = 0;
    // Dim 16: tail + (unit << 16) per item in one sum (serve() takes this path for slates
    // below kPairedSlate items, so the tails never carry): one load and one addition fewer
    // per item, and one register fewer, which the loop spilled.
    [[maybe_unused]] std::uint64_t tailAndUnit = 0;
    for (std::size_t a = 0; a < n; ++a) {
        const ItemId i = slate[a].item;
        const ItemState& it = items[i];
        shown[a] = {i, it.unexpected};
        const std::uint64_t seen = catCount[it.category];
        const std::uint64_t mine = ((seen ^ stamp) >> 32) == 0 ? seen : stamp;
        same += static_cast<std::uint32_t>(mine);
        catCount[it.category] = mine + 1;
        counts += it.count;
        logCounts += it.log2Count;
        if constexpr (Dim == 16)
            tailAndUnit += it.tailAndUnit();
        else
            tail += it.tail;
        if constexpr (Expose)
            ++exposure[i];
        if constexpr (Dim != 0) {
            // sum over pairs of u_a . u_b = (|sum of u|^2 - sum of |u|^2) / 2, u = v / |v|:
            // O(k dim) instead of O(k^2 dim), the same value up to rounding (floats: about
            // 1e-7 of a pair's distance). |u|^2 is 1 for a non-zero vector, else 0.
            if constexpr (Dim == 16) {
                const float* v = vectors + std::size_t(i) * 16;
#if defined(__SSE2__)
                // Lane by lane v * invNorm, then added to the lane's sum: Eigen's operations.
                const __m128 w = _mm_set1_ps(it.invNorm);
                s0 = _mm_add_ps(s0, _mm_mul_ps(_mm_loadu_ps(v), w));
                s1 = _mm_add_ps(s1, _mm_mul_ps(_mm_loadu_ps(v + 4), w));
                s2 = _mm_add_ps(s2, _mm_mul_ps(_mm_loadu_ps(v + 8), w));
                s3 = _mm_add_ps(s3, _mm_mul_ps(_mm_loadu_ps(v + 12), w));
#else
                sum16 += Eigen::Map<const Row16>(v) * it.invNorm;
#endif
            } else {
                unit += it.unit;
                sum += Eigen::Map<const Eigen::VectorXf>(vectors + std::size_t(i) * dim, dim) *
                       it.invNorm;
            }
        }
    }
    if constexpr (Dim == 16) {
        tail = tailAndUnit & 0xffff;
        unit = tailAndUnit >> 16;
    }
    if constexpr (Dim == 16) {
        // Eigen's cast<double>().squaredNorm() of the dynamic map, which this replaces,
        // squares each lane in double and adds the squares one after the other from lane 0:
        // the same operations in the same order, the squares two at a time (each is one
        // rounding either way), without the copy to m_sum.
#if defined(__SSE2__)
        // Lanes 0-1 and 2-3 of each register widened to double (exact), squared, then added
        // one by one from lane 0.
        double squared = 0;
        bool first = true;
        for (const __m128 s : {s0, s1, s2, s3}) {
            __m128d lo = _mm_cvtps_pd(s);
            __m128d hi = _mm_cvtps_pd(_mm_movehl_ps(s, s));
            lo = _mm_mul_pd(lo, lo);
            hi = _mm_mul_pd(hi, hi);
            squared = first ? _mm_cvtsd_f64(lo) : squared + _mm_cvtsd_f64(lo);
            first = false;
            squared += _mm_cvtsd_f64(_mm_unpackhi_pd(lo, lo));
            squared += _mm_cvtsd_f64(hi);
            squared += _mm_cvtsd_f64(_mm_unpackhi_pd(hi, hi));
        }
#else
        const Eigen::Matrix<double, 16, 1> squares = sum16.cast<double>().cwiseAbs2();
        double squared = squares[0];
        for (int l = 1; l < 16; ++l)
            squared += squares[l];
#endif
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

void BeyondAccuracy::onSlate(SimTime, UserId id, std::span<const SlateEntry> slate) {
    serve<false>(id, slate, nullptr);
}

void BeyondAccuracy::onSlate(SimTime, UserId id, std::span<const SlateEntry> slate,
                             std::uint64_t* exposure) {
    serve<true>(id, slate, exposure);
}

template <bool Expose>
void BeyondAccuracy::serve(UserId id, std::span<const SlateEntry> slate, std::uint64_t* exposure) {
    // The simulator serves about a million slates a second: one pass over the slate reads
    // each item's record once (tally, inlined here), and each figure is computed once, then
    // added to the bucket and to the run.
    UserState& u = user(id);
    const std::size_t n = slate.size();
    u.shown.resize(n);
    if (n == 0)
        return;
    const bool latent = m_dim > 0 && n > 1;
    Shown* shown = u.shown.data();
    // The branches on the vectors are taken once per slate, not once per item.
    // Dimension 16 adds tail and unit as one word (exact below kPairedSlate items); a longer
    // slate takes the any-dimension pass, which sums the same lanes in the same order.
    const SlateTally t = !latent ? tally<0, Expose>(slate, shown, exposure)
                         : m_dim == 16 && n < kPairedSlate
                             ? tally<16, Expose>(slate, shown, exposure)
                             : tally<-1, Expose>(slate, shown, exposure);
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
    // One flag test per slate instead of two size tests (m_sampleRoom: either list has room).
    if (m_sampleRoom) [[unlikely]] {
        if (m_bucket.servedUsers.size() < kHomogenisationUsers)
            noteServedInBucket(id);
        if (m_total.servedUsers.size() < kHomogenisationUsers)
            noteServed(m_total, id);
        m_sampleRoom = m_bucket.servedUsers.size() < kHomogenisationUsers ||
                       m_total.servedUsers.size() < kHomogenisationUsers;
    }
}

} // namespace recoscope::core
