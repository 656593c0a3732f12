#pragma once
// Bandits: learn from slate feedback (observeSlate) which items get clicked, balancing
// exploration and exploitation. Feedback is counted with the cascade model (Craswell et
// al. 2008): positions up to the click (or the whole slate when nothing was clicked)
// were examined; positions below a click say nothing and are not counted as failures.
// Private: the item bandit behind `egreedy`, `ucb` and `thompson`.

#include "suite_kit.h"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>

namespace recoscope::core::kit {

enum class Policy { EpsilonGreedy, Ucb, Thompson };

// Gamma(alpha, 1) by Marsaglia & Tsang (2000): one normal and one uniform per draw in
// ~98 % of cases; alpha < 1 through Gamma(alpha + 1) * U^(1/alpha). About 2.5x
// cheaper than constructing boost::random::beta_distribution for every item, which
// dominated Thompson sampling's request time. Built on Boost.Random's normal and
// uniform_01 (reproducible draws), like every other random choice in core.
template <class Rng> double gammaDraw(double alpha, Rng& rng) {
    boost::random::uniform_01<double> u01;
    if (alpha < 1.0)
        return gammaDraw(alpha + 1.0, rng) * std::pow(u01(rng), 1.0 / alpha);
    boost::random::normal_distribution<double> normal;
    const double d = alpha - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
        const double x = normal(rng);
        double v = 1.0 + c * x;
        if (v <= 0.0)
            continue;
        v = v * v * v;
        const double u = u01(rng);
        if (u < 1.0 - 0.0331 * x * x * x * x ||
            std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v)))
            return d * v;
    }
}

template <class Rng> float betaDraw(double a, double b, Rng& rng) {
    const double x = gammaDraw(a, rng), y = gammaDraw(b, rng);
    return static_cast<float>(x / (x + y));
}

// Multi-armed bandits with one arm per item. Arms are the items' click-through rates,
// estimated with a Beta(prior_clicks, prior_skips) prior so unseen items start at a
// plausible CTR instead of 0 or 1.
//   egreedy:  the best posterior means, each slot replaced by a uniformly random
//             eligible item with probability epsilon (Sutton & Barto).
//   ucb:      UCB1 (Auer et al. 2002): mean + c * sqrt(2 ln N / n_i).
//   thompson: Thompson sampling (Chapelle & Li 2011): one Beta draw per item, top k.
// Per request O(items); per slate O(k).
class ItemBandit final : public kit::SuiteCore {
public:
    ItemBandit(const RecommenderContext& ctx, const ParamValues& p, Policy policy)
        : SuiteCore(ctx, 1), m_policy(policy), m_a0(static_cast<float>(p.number("prior_clicks"))),
          m_b0(static_cast<float>(p.number("prior_skips"))),
          m_param(static_cast<float>(policy == Policy::EpsilonGreedy ? p.number("epsilon")
                                     : policy == Policy::Ucb         ? p.number("exploration")
                                                                     : 0.0)),
          m_rng(static_cast<std::uint32_t>(kit::mixSeed(ctx.seed + 41))),
          m_clicks(ctx.items->size(), 0.0f), m_shown(ctx.items->size(), 0.0f) {}

    void observeSlate(const Request&, const Slate& slate, int clicked) override {
        const std::size_t examined =
            clicked >= 0 ? static_cast<std::size_t>(clicked) + 1 : slate.size();
        for (std::size_t p = 0; p < examined && p < slate.size(); ++p) {
            const ItemId i = slate[p].item;
            if (!m_items.contains(i))
                continue;
            m_shown[i] += 1.0f;
            m_total += 1.0;
            if (static_cast<int>(p) == clicked)
                m_clicks[i] += 1.0f;
            if (i < m_bound.size())
                m_bound[i] = bound(i);
        }
    }

protected:
    void learn(const Event&, float) override {}

    float mean(ItemId i) const { return (m_clicks[i] + m_a0) / (m_shown[i] + m_a0 + m_b0); }
    float bound(ItemId i) const {
        const float a = m_clicks[i] + m_a0, b = m_shown[i] - m_clicks[i] + m_b0;
        const float sd = std::sqrt(a * b / ((a + b) * (a + b) * (a + b + 1.0f)));
        return std::min(1.0f, a / (a + b) + 4.0f * sd);
    }
    void refreshBounds() {
        m_bound.resize(m_items.size());
        for (ItemId i = 0; i < m_items.size(); ++i)
            m_bound[i] = bound(i);
    }

    void rank(const Request& request, TopK& topk) override {
        switch (m_policy) {
        case Policy::EpsilonGreedy:
            scanAll(request, topk, [&](ItemId i) { return mean(i); });
            break;
        case Policy::Ucb: {
            const float logN = static_cast<float>(std::log(std::max(m_total, 1.0)));
            scanAll(request, topk, [&](ItemId i) {
                return mean(i) + m_param * std::sqrt(2.0f * logN / (m_shown[i] + 1.0f));
            });
            break;
        }
        case Policy::Thompson: {
            // Draw only where the draw could matter. A Beta sample rarely exceeds its mean
            // plus four standard deviations (kept per item in m_bound), so once the k-slot
            // heap holds k draws, items whose bound is below its threshold are skipped
            // without drawing. A first pass over every 16th item sets a realistic
            // threshold early; the second pass visits the rest. Each item is drawn at
            // most once, so the slate is a Thompson draw up to the 4-sigma truncation.
            const std::size_t n = m_items.size();
            if (m_bound.size() != n)
                refreshBounds();
            auto visit = [&](ItemId i) {
                if (!m_items.available[i] || m_bound[i] < topk.threshold())
                    return;
                const float a = m_clicks[i] + m_a0, b = m_shown[i] - m_clicks[i] + m_b0;
                const float draw = betaDraw(a, b, m_rng);
                if (topk.admits(draw, i) && !request.excludes(i))
                    topk.offer(i, draw);
            };
            constexpr ItemId kStride = 16;
            for (ItemId i = 0; i < n; i += kStride)
                visit(i);
            for (ItemId i = 0; i < n; ++i)
                if (i % kStride != 0)
                    visit(i);
            break;
        }
        }
    }

    void postRank(const Request& request, Slate& out) override {
        if (m_policy != Policy::EpsilonGreedy || out.empty())
            return;
        const float avail = static_cast<float>(std::max<std::size_t>(m_items.availableCount, 1));
        boost::random::uniform_01<float> u01;
        boost::random::uniform_int_distribution<ItemId> pick(
            0, static_cast<ItemId>(m_items.size() - 1));
        for (SlateEntry& e : out) {
            e.propensity = 1.0f - m_param + m_param / avail;
            if (u01(m_rng) >= m_param)
                continue;
            for (int tries = 0; tries < 64; ++tries) {
                const ItemId j = pick(m_rng);
                if (!isEligible(m_items, request, j) ||
                    std::any_of(out.begin(), out.end(),
                                [j](const SlateEntry& s) { return s.item == j; }))
                    continue;
                e = {j, mean(j), m_param / avail};
                break;
            }
        }
    }

    std::string reason(const Request&, ItemId item) const override {
        if (!m_items.contains(item))
            return {};
        const std::string stats =
            "clicked " + kit::fmt(m_clicks[item], 0) + " times in " + kit::fmt(m_shown[item], 0) +
            " examined showings (estimated CTR " + kit::fmt(100.0 * mean(item), 1) + "%)";
        switch (m_policy) {
        case Policy::EpsilonGreedy:
            return describeItem(m_items, item) + " was " + stats +
                   "; epsilon-greedy shows the best rates and explores at random with "
                   "probability " +
                   kit::fmt(m_param) + ".";
        case Policy::Ucb:
            return describeItem(m_items, item) + " was " + stats +
                   "; UCB1 adds an optimism bonus for items shown rarely.";
        case Policy::Thompson:
            return describeItem(m_items, item) + " was " + stats +
                   "; Thompson sampling drew a high plausible CTR for it.";
        }
        return {};
    }

private:
    Policy m_policy;
    float m_a0, m_b0, m_param;
    boost::random::mt19937 m_rng;
    std::vector<float> m_clicks, m_shown;
    std::vector<float> m_bound; // Thompson: mean + 4 sd per item
    double m_total = 0.0;
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
