#pragma once
// Bandits: learn from slate feedback (observeSlate) which items get clicked, balancing
// exploration and exploitation. Feedback is counted with the cascade model (Craswell et
// al. 2008): positions up to the click (or the whole slate when nothing was clicked)
// were examined; positions below a click say nothing and are not counted as failures.
// Private: the item bandit behind `egreedy`, `ucb` and `thompson`.

#include "ranked_order.h"
#include "recoscope/core/introspection.h"
#include "showing_buckets.h"
#include "suite_kit.h"
#include "thompson_sampler.h"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>

namespace recoscope::core::kit {

enum class Policy { EpsilonGreedy, Ucb, Thompson };

// Multi-armed bandits with one arm per item. Arms are the items' click-through rates,
// estimated with a Beta(prior_clicks, prior_skips) prior so unseen items start at a
// plausible CTR instead of 0 or 1.
//   egreedy:  the best posterior means, each slot replaced by a uniformly random
//             eligible item with probability epsilon (Sutton & Barto).
//   ucb:      UCB1 (Auer et al. 2002): mean + c * sqrt(2 ln N / n_i).
//   thompson: Thompson sampling (Chapelle & Li 2011): one Beta draw per item, top k,
//             sampled exactly without drawing every item (ThompsonSampler).
// Per request: egreedy O(k + skipped) from the kept ranking of posterior means (issue 17;
// O(k log n) per slate to keep it), ucb O(groups of equal showings + read items), thompson
// O(groups + blocks of clicked items + the draws that may enter; decision 0043).
class ItemBandit final : public kit::SuiteCore, public ItemBanditProbe {
public:
    ItemBandit(const RecommenderContext& ctx, const ParamValues& p, Policy policy)
        : SuiteCore(ctx, 1), m_policy(policy), m_a0(static_cast<float>(p.number("prior_clicks"))),
          m_b0(static_cast<float>(p.number("prior_skips"))),
          m_param(static_cast<float>(policy == Policy::EpsilonGreedy ? p.number("epsilon")
                                     : policy == Policy::Ucb         ? p.number("exploration")
                                                                     : 0.0)),
          m_rng(static_cast<std::uint32_t>(kit::mixSeed(ctx.seed + 41))),
          m_clicks(ctx.items->size(), 0.0f), m_shown(ctx.items->size(), 0.0f) {
        // Every item starts with the prior's mean and no showing: the identity order is
        // already (key desc, id asc).
        if (m_policy == Policy::EpsilonGreedy)
            m_byMean.reset(m_items.size());
        if (m_policy == Policy::Ucb)
            m_byShowings = ShowingBuckets(m_items.size());
        if (m_policy == Policy::Thompson)
            m_thompson = ThompsonSampler(m_items.size(), m_a0, m_b0);
    }

    void observeSlate(const Request&, const Slate& slate, int clicked) override {
        const std::size_t examined =
            clicked >= 0 ? static_cast<std::size_t>(clicked) + 1 : slate.size();
        for (std::size_t p = 0; p < examined && p < slate.size(); ++p) {
            const ItemId i = slate[p].item;
            if (!m_items.contains(i))
                continue;
            const float clicksBefore = m_clicks[i];
            const auto shownBefore = static_cast<std::uint32_t>(m_shown[i]);
            m_shown[i] += 1.0f;
            m_total += 1.0;
            if (static_cast<int>(p) == clicked)
                m_clicks[i] += 1.0f;
            if (m_policy == Policy::EpsilonGreedy)
                m_byMean.update(i, [this](ItemId j) { return mean(j); });
            if (m_policy == Policy::Ucb)
                m_byShowings.set(i, shownBefore + 1, static_cast<std::uint32_t>(m_clicks[i]));
            if (m_policy == Policy::Thompson)
                m_thompson.examined(i, clicksBefore, shownBefore, m_clicks[i], m_shown[i]);
        }
    }

    // ItemBanditProbe (test-only, recoscope/core/introspection.h).
    State itemBanditState() const override {
        State st;
        st.priorClicks = m_a0;
        st.priorSkips = m_b0;
        st.clicks.assign(m_clicks.begin(), m_clicks.end());
        st.shown.assign(m_shown.begin(), m_shown.end());
        st.totalShown = m_total;
        return st;
    }

protected:
    void learn(const Event&, float) override {}

    float mean(ItemId i) const { return (m_clicks[i] + m_a0) / (m_shown[i] + m_a0 + m_b0); }
    // UCB1's score; non-decreasing in `mean`, non-increasing in `shown` (m_param >= 0), in
    // float arithmetic too, which rank()'s threshold relies on.
    float ucb(float mean, float shown, float logN) const {
        return mean + m_param * std::sqrt(2.0f * logN / (shown + 1.0f));
    }
    void rank(const Request& request, TopK& topk) override {
        switch (m_policy) {
        case Policy::EpsilonGreedy:
            // m_byMean is the scan's order: its first k eligible items are the scan's top k.
            for (ItemId i : m_byMean.order()) {
                if (topk.full())
                    break;
                if (isEligible(m_items, request, i))
                    topk.offer(i, mean(i));
            }
            break;
        case Policy::Ucb: {
            // Items shown equally often share the bonus, so each group's best is its most
            // clicked item: the groups' heads are merged (ShowingBuckets) until the k-th score
            // beats every unread head. Scores are the scan's own float expression, item by
            // item, so slates and scores equal a scan's bit for bit (tst_incremental_topk).
            // The threshold algorithm over means and showings, tried first, read deeper than
            // the catalogue's worth of work, as the bonus makes the many rarely shown items
            // tie closely (docs/decisions/0023); a few hundred groups cost far less
            // (docs/decisions/0036).
            const float logN = static_cast<float>(std::log(std::max(m_total, 1.0)));
            m_byShowings.topK(
                topk, [&](ItemId i) { return ucb(mean(i), m_shown[i], logN); },
                [&](ItemId i) { return m_items.isAvailable(i); },
                [&](ItemId i) { return !request.excludes(i); });
            break;
        }
        case Policy::Thompson:
            // Exact Thompson sampling: the slate is the top k of one independent posterior
            // draw per eligible item, without drawing for every item (ThompsonSampler).
            // The former prune (skip items whose mean + 4 sd is below the k-th draw, in
            // item-id order) was not exact: ~0.6 % of Beta(1, 30) draws exceed that bound,
            // so on a cold catalogue of thousands of items the last ids, the launched
            // ones, were never drawn.
            m_thompson.topK(m_items, request, topk, m_rng);
            break;
        }
    }

    // Epsilon-greedy exploration and the exact marginal propensity of what it shows.
    // Slot k keeps its greedy item g_k with probability 1 - eps; otherwise it draws up to 64
    // catalogue items and takes the first that is eligible and not in the slate at that
    // moment (the slate always holds K distinct eligible items, so the pool has E - K items,
    // E = eligible count; a draw fails 64 times with probability f = (1 - (E-K)/n)^64 and
    // the slot keeps g_k). With q = eps (1 - f) / (E - K), the chance that a given slot
    // takes a given pooled item, the marginals are (docs/ope.md):
    //   g_k at k:                 1 - eps + eps f
    //   item outside the greedy list at k:  q (1 - q)^k   (not taken by slots 0..k-1)
    //   g_m (m < k) at k:        eps (1 - f) (1 - q)^(k-m-1) q   (freed when slot m explored)
    //   g_m (m > k) at k:        0 (still in the slate when slot k draws)
    // The former propensities (1 - eps + eps/avail, eps/avail) ignored the slate's own
    // items and the exclusions; tst_ope counts the true frequencies.
    void postRank(const Request& request, Slate& out) override {
        m_explored.clear();
        if (m_policy == Policy::Thompson)
            markPropensityUnknown(); // top k of posterior draws: no closed form
        if (m_policy != Policy::EpsilonGreedy || out.empty())
            return;
        const double eps = m_param;
        const double n = static_cast<double>(m_items.size());
        const double pool =
            static_cast<double>(eligibleCount(m_items, request)) - static_cast<double>(out.size());
        const double f = pool > 0.0 ? std::pow(1.0 - pool / n, 64.0) : 1.0;
        const double q = pool > 0.0 ? eps * (1.0 - f) / pool : 0.0;
        m_greedy.clear();
        for (const SlateEntry& e : out)
            m_greedy.push_back(e.item);
        boost::random::uniform_01<float> u01;
        boost::random::uniform_int_distribution<ItemId> pick(
            0, static_cast<ItemId>(m_items.size() - 1));
        for (std::size_t k = 0; k < out.size(); ++k) {
            SlateEntry& e = out[k];
            e.propensity = static_cast<float>(1.0 - eps + eps * f);
            if (u01(m_rng) >= m_param)
                continue;
            for (int tries = 0; tries < 64; ++tries) {
                const ItemId j = pick(m_rng);
                if (!isEligible(m_items, request, j) ||
                    std::any_of(out.begin(), out.end(),
                                [j](const SlateEntry& s) { return s.item == j; }))
                    continue;
                const auto g = std::find(m_greedy.begin(), m_greedy.begin() + k, j);
                const double p =
                    g == m_greedy.begin() + k
                        ? q * std::pow(1.0 - q, static_cast<double>(k))
                        : eps * (1.0 - f) * q *
                              std::pow(1.0 - q, static_cast<double>(k) -
                                                    static_cast<double>(g - m_greedy.begin()) -
                                                    1.0);
                e = {j, mean(j), static_cast<float>(p)};
                m_explored.push_back(j);
                break;
            }
        }
    }

    // The score rank() (or postRank()) gave the item: the posterior mean (epsilon-greedy,
    // also for explored places), mean + bonus (UCB), or the posterior draw (Thompson: the
    // draw is the entry's score itself; explain() is told it, it is not kept).
    Explanation reason(const Request&, const SlateEntry& entry) const override {
        const ItemId item = entry.item;
        ExplanationBuilder b;
        b.item(m_items, item)
            .text(" was clicked ")
            .fact("clicks", m_clicks[item], Quantity::Count, 0)
            .text(" times in ")
            .fact("examined showings", m_shown[item], Quantity::Count, 0)
            .text(" examined showings");
        const double ctr = mean(item);
        switch (m_policy) {
        case Policy::EpsilonGreedy:
            if (std::find(m_explored.begin(), m_explored.end(), item) != m_explored.end())
                b.text("; this place was explored: with probability ")
                    .fact("epsilon", m_param, Quantity::Probability, 2)
                    .text(" a place shows a random item instead of the best estimated rate");
            else
                b.text("; epsilon-greedy shows the best estimated rates and explores at random "
                       "with probability ")
                    .fact("epsilon", m_param, Quantity::Probability, 2);
            return b.text(". Score: estimated click-through rate ")
                .total("posterior mean CTR", ctr, Quantity::Probability, 4)
                .text(" (with the Beta prior).")
                .take();
        case Policy::Ucb: {
            const float logN = static_cast<float>(std::log(std::max(m_total, 1.0)));
            const float bonus = ucb(0.0f, m_shown[item], logN);
            return b.text(": estimated click-through rate ")
                .addend("posterior mean CTR", ctr, 4)
                .text(" + UCB1 optimism bonus for items shown rarely ")
                .addend("exploration bonus c sqrt(2 ln N / (n + 1))", bonus, 4)
                .text(" = score ")
                .total("upper confidence bound", entry.score, Quantity::Score, 4)
                .text(".")
                .take();
        }
        case Policy::Thompson:
            return b.text(" (estimated click-through rate ")
                .percent("posterior mean CTR", ctr, Quantity::Probability, 1)
                .text("); Thompson sampling drew a plausible click-through rate of ")
                .total("click-through rate drawn from the posterior", entry.score,
                       Quantity::Probability, 4)
                .text(" for it from Beta(")
                .fact("posterior alpha", m_clicks[item] + m_a0, Quantity::Weight, 1)
                .text(", ")
                .fact("posterior beta", m_shown[item] - m_clicks[item] + m_b0, Quantity::Weight, 1)
                .text("), the score.")
                .take();
        }
        return b.take();
    }

private:
    Policy m_policy;
    float m_a0, m_b0, m_param;
    boost::random::mt19937 m_rng;
    std::vector<float> m_clicks, m_shown;
    ThompsonSampler m_thompson;   // thompson: the groups and clicked items it draws from
    std::vector<ItemId> m_greedy; // egreedy: the slate before exploration (scratch)
    kit::RankedOrder m_byMean;    // egreedy: every item by posterior mean (desc, then id)
    ShowingBuckets m_byShowings;  // ucb: every item by showings, then clicks (desc), then id
    double m_total = 0.0;
    std::vector<ItemId> m_explored; // epsilon-greedy: the random picks of the last slate
};

inline std::vector<ParamSpec> priorParams() {
    return {
        kit::realParam("prior_clicks", 0.01, 1000.0, 1.0,
                       "Beta prior: pseudo-clicks of an unseen item"),
        kit::realParam("prior_skips", 0.01, 100000.0, 30.0,
                       "Beta prior: pseudo-skips of an unseen item"),
    };
}

/// The policy's own parameter `own`, then the Beta prior's. Built by appending rather than by
/// inserting in front: with one insert per file, GCC 12 inlines vector's reallocation path
/// and reports a false -Wnull-dereference inside libstdc++.
inline std::vector<ParamSpec> withPriorParams(ParamSpec own) {
    std::vector<ParamSpec> p{std::move(own)};
    for (ParamSpec& s : priorParams())
        p.push_back(std::move(s));
    return p;
}

template <Policy P>
Result<std::unique_ptr<Recommender>> makeBandit(const RecommenderContext& ctx, const ParamValues& p,
                                                const RecommenderRegistry&) {
    return std::unique_ptr<Recommender>(new ItemBandit(ctx, p, P));
}

} // namespace recoscope::core::kit
