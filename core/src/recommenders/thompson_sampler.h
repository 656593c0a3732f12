#pragma once
// Private: exact Thompson sampling over Beta-Bernoulli item posteriors without a Beta draw
// per item (issue 17, decisions 0036 and 0043). Used by the item bandit's `thompson`.

#include "beta_draw.h"
#include "beta_tail.h"
#include "recoscope/core/request.h"
#include "recoscope/core/shop.h"
#include "recoscope/core/topk.h"
#include "recoscope/core/types.h"

#include <boost/math/special_functions/beta.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <vector>

namespace recoscope::core::kit {

/// One independent draw from Beta(prior_clicks + clicks, prior_skips + shown - clicks) per
/// eligible item, the top k of them offered to a TopK: exactly what drawing every item
/// would give in distribution, at a cost that grows with the items that can still enter.
///
/// - Never-clicked items are grouped by examined showings: a group's draws are iid, so its
///   largest are drawn as upper order statistics through the posterior's quantile, and the
///   rest of the group stops at the first that cannot enter.
/// - Clicked items (each its own posterior) are kept in order of mean + 3 sd, re-sorted
///   every kResortEvery examinations (the order only decides how fast the threshold
///   rises). The first block of kBlock is drawn directly (two gamma variates), before the
///   groups, so the threshold T is high early. Every other item's draw is read as
///   X = F^-1(1 - e^-E), E ~ Exp(1), and exceeds T only if E > D(T) = (a + b) KL(mean || T),
///   Chernoff's bound on P(X > T) for Beta(a, b) through its two gamma variates (decision
///   0043); D grows with T. Each block keeps min D at a reference threshold m_tRef (the
///   lowest T the pass started from since the last re-sort); when T >= m_tRef, runs of
///   Bernoulli(e^-Dr) trials by geometric jumps cross the blocks whose bound is >= Dr
///   (a hit's E is Dr + Exp(1), memoryless), so untouched items cost nothing; a hit is a
///   candidate when E > its own D(T), and a candidate's exact tail (BetaTail) decides
///   whether X, found by the exact quantile, can enter. Blocks with a bound below kDirect,
///   and every block when T < m_tRef, are read item by item with D at the current T.
///
/// Not thread-safe; owned by one core. Memory O(items).
class ThompsonSampler {
public:
    static constexpr std::size_t kBlock = 32;
    static constexpr std::size_t kResortEvery = 256;
    static constexpr double kRestart = 0.5; // a new run where e^-D halves: fewer trials
    static constexpr double kDirect = 1.0;  // e^-1: below, a direct draw is cheaper

    ThompsonSampler() = default;
    ThompsonSampler(std::size_t items, float priorClicks, float priorSkips);

    /// `item` was examined once more: it now has `clicks` clicks in `shown` examinations
    /// (integers; `clicksBefore`, `shownBefore` before this one).
    void examined(ItemId item, float clicksBefore, std::uint32_t shownBefore, float clicks,
                  float shown);

    template <class Rng>
    void topK(const ItemTable& items, const Request& request, TopK& topk, Rng& rng) {
        // The clicked items of the first block (the highest mean + 3 sd) first, drawn
        // directly: with the never-clicked groups' largest draws, drawn next, they set a
        // high threshold early, which the other clicked items' bounds then use.
        drawClicked(items, request, topk, rng, 0, std::min(kBlock, m_clicked.size()));
        drawUnclicked(items, request, topk, rng);
        const double t = below(topk);
        m_lowestStart = std::min(m_lowestStart, t);
        if (m_tRef > 0.0 && t >= m_tRef)
            drawClickedByBlocks(items, request, topk, rng);
        else
            drawClicked(items, request, topk, rng, std::min(kBlock, m_clicked.size()),
                        m_clicked.size());
    }

private:
    static constexpr std::uint32_t kUnclicked = std::numeric_limits<std::uint32_t>::max();
    struct Posterior {
        double a, b;     // Beta(a, b), as the float counts give them
        double mean;     // a / (a + b)
        double logLik;   // a ln(mean) + b ln(1 - mean): D(T) = logLik - a ln T - b ln(1 - T)
        float potential; // mean + 3 sd: the order of the clicked items
        BetaTail tail;
    };

    Posterior posterior(float clicks, float shown) const;

    void resort();

    // Chernoff's exponent D(t) = (a + b) KL(mean || t) for t > mean (0 otherwise), less a
    // slack for the rounding of the difference of large logs: P(X > t) <= e^-D(t).
    static double exponent(const Posterior& p, double t, double l1, double l2) {
        const double slack = 1e-9 * (1.0 + std::abs(l1) + std::abs(l2));
        return p.mean >= t ? 0.0 : p.logLik - p.a * l1 - p.b * l2 - slack * (p.a + p.b);
    }

    // Block b's smallest D(m_tRef), a lower bound of every D(t) of its items for t >=
    // m_tRef (D grows with t), and ln(1 - e^-min) for its geometric jumps.
    void refreshBlock(std::size_t b);

    // The largest float below the threshold (-inf while the top k is not full): a draw X
    // with X <= this, in double, becomes a float below the threshold, which TopK refuses
    // whatever the ids.
    static double below(const TopK& topk);

    // ln t and ln(1 - t) of the threshold below(), kept while it does not move.
    struct Logs {
        double t = -1.0, l1 = 0.0, l2 = 0.0;
        void at(double now) {
            if (now == t)
                return;
            t = now;
            l1 = std::log(now);
            l2 = std::log1p(-now);
        }
    };

    template <class Rng>
    void offerDirect(const Request& request, TopK& topk, std::size_t k, Rng& rng) {
        const ItemId i = m_clicked[k];
        const float draw = betaDraw(m_post[k].a, m_post[k].b, rng);
        if (topk.admits(draw, i) && !request.excludes(i))
            topk.offer(i, draw);
    }

    template <class Rng>
    void drawClicked(const ItemTable& items, const Request& request, TopK& topk, Rng& rng,
                     std::size_t from, std::size_t m) {
        boost::random::exponential_distribution<double> exp1;
        double dmark[kBlock];
        for (std::size_t start = from; start < m; start += kBlock) {
            const std::size_t end = std::min(m, start + kBlock);
            if (!topk.full()) {
                for (std::size_t k = start; k < end; ++k)
                    if (items.available[m_clicked[k]])
                        offerDirect(request, topk, k, rng);
                continue;
            }
            // D(T) for every item of the block, with T the threshold as the block starts
            // (it only rises, so a D computed with it stays a valid bound). The slack
            // covers the rounding of the difference of large logs.
            const double t = below(topk);
            const double l1 = std::log(t), l2 = std::log1p(-t);
            const double slack = 1e-9 * (1.0 + std::abs(l1) + std::abs(l2));
            double dmin = std::numeric_limits<double>::infinity();
            for (std::size_t k = start; k < end; ++k) {
                dmark[k - start] = -1.0;
                if (!items.available[m_clicked[k]])
                    continue;
                const Posterior& p = m_post[k];
                const double d =
                    p.mean >= t ? 0.0 : p.logLik - p.a * l1 - p.b * l2 - slack * (p.a + p.b);
                if (d < kDirect) {
                    offerDirect(request, topk, k, rng);
                    continue;
                }
                dmark[k - start] = d;
                dmin = std::min(dmin, d);
            }
            if (dmin == std::numeric_limits<double>::infinity())
                continue;
            // Bernoulli(e^-dmin) trials on the block's positions by geometric jumps; trials
            // on items drawn directly or unavailable are ignored.
            const double logMiss = std::log1p(-std::exp(-dmin));
            if (!(logMiss < 0.0))
                continue; // e^-dmin below 1e-308: no hit in any 32-bit uniform's reach
            for (std::size_t k = start;;) {
                const double jump = std::floor(exp1(rng) / -logMiss); // failures before a hit
                if (jump >= static_cast<double>(end - k))
                    break;
                k += static_cast<std::size_t>(jump);
                const double d = dmark[k - start];
                if (d >= 0.0) {
                    const double e = dmin + exp1(rng); // E given E > dmin
                    if (e > d)
                        offerCandidate(request, topk, k, e);
                }
                ++k;
            }
        }
    }

    // The clicked items after the first block when the threshold t is at least m_tRef:
    // one run of Bernoulli(e^-Dr) trials by geometric jumps over consecutive blocks whose
    // bound is at least Dr (so e^-Dr bounds every item's e^-D(t)), a fresh run where a
    // block's bound is lower, or a whole unit higher (fewer trials); blocks with a bound
    // below kDirect are drawn item by item. A hit's E is Dr + Exp(1) (memoryless), a
    // candidate when above its own D(t).
    template <class Rng>
    void drawClickedByBlocks(const ItemTable& items, const Request& request, TopK& topk, Rng& rng) {
        boost::random::exponential_distribution<double> exp1; // ziggurat: cheaper than a log
        const std::size_t m = m_clicked.size(), blocks = m_blockMin.size();
        Logs logs;
        std::size_t b = 1;
        while (b < blocks) {
            const double dr = m_blockMin[b];
            if (dr < kDirect) {
                drawClicked(items, request, topk, rng, b * kBlock, std::min(m, (b + 1) * kBlock));
                ++b;
                continue;
            }
            const double logMiss = m_blockLogMiss[b];
            if (!(logMiss < 0.0)) {
                ++b; // e^-dr below 1e-308
                continue;
            }
            std::size_t k = b * kBlock;
            std::size_t restartAt = blocks;
            for (;;) {
                const double jump = std::floor(exp1(rng) / -logMiss); // failures before a hit
                // Walk the blocks the jump crosses; stop at one that needs a new run.
                const double target = static_cast<double>(k) + jump;
                std::size_t c = k / kBlock + 1;
                while (c < blocks && static_cast<double>(c * kBlock) <= target &&
                       m_blockMin[c] >= dr && m_blockMin[c] < dr + kRestart)
                    ++c;
                if (c < blocks && static_cast<double>(c * kBlock) <= target) {
                    restartAt = c;
                    break;
                }
                if (target >= static_cast<double>(m))
                    break;
                k = static_cast<std::size_t>(target);
                if (items.available[m_clicked[k]]) {
                    const double e = dr + exp1(rng);
                    logs.at(below(topk));
                    if (e > exponent(m_post[k], logs.t, logs.l1, logs.l2))
                        offerCandidate(request, topk, k, e);
                }
                ++k;
                if (k >= m)
                    break;
                if (k % kBlock == 0) { // entering block k / kBlock with a fresh jump
                    const std::size_t nb = k / kBlock;
                    if (m_blockMin[nb] < dr || m_blockMin[nb] >= dr + kRestart) {
                        restartAt = nb;
                        break;
                    }
                }
            }
            b = restartAt;
        }
    }

    // X = F^-1(1 - e^-E) for the k-th clicked item, known to exceed the bound's T only
    // with probability <= e^-D: its exact tail at the current threshold decides first.
    void offerCandidate(const Request& request, TopK& topk, std::size_t k, double e);

    // The never-clicked items, grouped by examined showings (the unseen items are group
    // 0): within a group every posterior is Beta(a0, b0 + shown), so the group's draws are
    // iid and only its largest can enter the top k. Those are drawn directly as the upper
    // order statistics of the group's m uniforms (U_(m) = V1^(1/m), U_(m-j) = U_(m-j+1)
    // V^(1/(m-j)), kept as log U, read through the posterior's quantile function) and
    // given to distinct members chosen uniformly at random (a partial Fisher-Yates shuffle
    // of the group); a member that is unavailable or excluded just drops its draw, as the
    // exact sampler would. The rest of a group is smaller than the first order statistic
    // that cannot enter, so stopping there is exact.
    template <class Rng>
    void drawUnclicked(const ItemTable& items, const Request& request, TopK& topk, Rng& rng) {
        boost::random::uniform_01<double> u01;
        for (auto& [shown, group] : m_groups) {
            const std::size_t m = group.size();
            double logU = 0.0;
            for (std::size_t j = 0; j < m; ++j) {
                logU += std::log1p(-u01(rng)) / static_cast<double>(m - j);
                const float draw = unclickedUpperQuantile(-std::expm1(logU), shown);
                if (draw < topk.threshold())
                    break;
                boost::random::uniform_int_distribution<std::size_t> pick(j, m - 1);
                const std::size_t r = pick(rng);
                std::swap(group[j], group[r]);
                m_groupPos[group[j]] = static_cast<std::uint32_t>(j);
                m_groupPos[group[r]] = static_cast<std::uint32_t>(r);
                const ItemId i = group[j];
                if (items.available[i] && topk.admits(draw, i) && !request.excludes(i))
                    topk.offer(i, draw);
            }
        }
    }

    // The x with P(X > x) = tail for X ~ Beta(prior_clicks, prior_skips + shown), the
    // posterior of an item shown `shown` times without a click. Closed form for
    // prior_clicks = 1 (the default): P(X > x) = (1 - x)^b.
    float unclickedUpperQuantile(double tail, std::uint32_t shown) const;

    void leaveGroup(ItemId i, std::uint32_t shown);

    float m_a0 = 1.0f, m_b0 = 1.0f;
    // Never-clicked items by examined showings, each one's place in its group.
    std::map<std::uint32_t, std::vector<ItemId>> m_groups;
    std::vector<std::uint32_t> m_groupPos;
    // Clicked items (in order of potential as of the last resort()), their posteriors,
    // and each item's place in m_clicked (kUnclicked for the others).
    std::vector<ItemId> m_clicked;
    std::vector<Posterior> m_post;
    std::vector<std::uint32_t> m_where;
    std::vector<std::uint32_t> m_order; // scratch of resort()
    std::size_t m_sinceSort = 0;
    // The blocks' bounds (kBlock clicked items each, in m_clicked's order) at m_tRef.
    double m_tRef = 0.0, m_lowestStart = std::numeric_limits<double>::infinity();
    std::vector<double> m_blockMin, m_blockLogMiss;
};

} // namespace recoscope::core::kit
