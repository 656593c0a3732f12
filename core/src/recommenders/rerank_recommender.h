#pragma once
// Private: the re-ranker behind `mmr`, `fatigue` and `rules`, over one inner core's
// candidates (composite_core.h).

#include "composite_core.h"

namespace recoscope::core::kit {

enum class Rerank { Mmr, Fatigue, Rules };

// Re-rankers over one inner core's pool x k candidates.
//   mmr:     maximal marginal relevance (Carbonell & Goldstein 1998): greedily take the
//            candidate maximising lambda * relevance - (1 - lambda) * max similarity to
//            those already taken; relevance is rank-based, similarity is shared
//            category / brand (kit::attributeSimilarity).
//   fatigue: drop items already shown to this user `cap` times today (simulated day),
//            counted from the slates actually shown (observeSlate); per user the list
//            of (item, day, count) shown today, cleared when the day changes (so at
//            most one entry per item). Capped items are blocked for the fill-ins too
//            (blockedItems), so the cap holds even when the inner core runs dry.
//   rules:   business rules: unavailable items never pass (as for every core), items on
//            promotion (discount >= min_discount) get a relevance boost.
class RerankRecommender final : public CompositeCore {
public:
    RerankRecommender(const RecommenderContext& ctx, CorePtr inner, std::string id, Rerank kind,
                      const ParamValues& p)
        : CompositeCore(ctx, onlyInner(std::move(inner)), {std::move(id)}), m_kind(kind),
          m_pool(p.integer("pool")) {
        if (kind == Rerank::Mmr)
            m_lambda = static_cast<float>(p.number("lambda"));
        if (kind == Rerank::Fatigue)
            m_cap = static_cast<std::uint32_t>(p.integer("cap"));
        if (kind == Rerank::Rules) {
            m_minDiscount = static_cast<float>(p.number("min_discount"));
            m_boost = static_cast<float>(p.number("boost"));
        }
    }

protected:
    void onSlate(const Request& request, const Slate& slate, int) override {
        if (m_kind != Rerank::Fatigue || !kit::trackableUser(m_users, request.user))
            return;
        if (request.user >= m_shown.size())
            m_shown.resize(static_cast<std::size_t>(request.user) + 1);
        auto& list = m_shown[request.user];
        const auto day = static_cast<std::uint32_t>(request.time / kSecondsPerDay);
        std::erase_if(list, [day](const Shown& s) { return s.day != day; });
        for (const SlateEntry& e : slate) {
            auto it = std::find_if(list.begin(), list.end(),
                                   [&](const Shown& s) { return s.item == e.item; });
            if (it != list.end())
                ++it->count;
            else
                list.push_back({e.item, day, 1});
        }
    }

    void blockedItems(const Request& request, std::vector<ItemId>& out) const override {
        if (m_kind != Rerank::Fatigue || request.user >= m_shown.size())
            return;
        const auto day = static_cast<std::uint32_t>(request.time / kSecondsPerDay);
        for (const Shown& s : m_shown[request.user])
            if (s.day == day && s.count >= m_cap)
                out.push_back(s.item);
    }

    std::uint32_t shownToday(const Request& request, ItemId item) const {
        if (request.user >= m_shown.size())
            return 0;
        const auto day = static_cast<std::uint32_t>(request.time / kSecondsPerDay);
        for (const Shown& s : m_shown[request.user])
            if (s.item == item && s.day == day)
                return s.count;
        return 0;
    }

    void rank(const Request& request, TopK& topk) override {
        const int k = static_cast<int>(topk.k());
        const int m = std::max(k, k * m_pool);
        const Slate& cand = ask(0, request, m);
        const float denom = static_cast<float>(std::max<std::size_t>(cand.size(), 1));
        switch (m_kind) {
        case Rerank::Fatigue: {
            // Items at their cap are already in request.exclude (blockedItems), so the
            // inner core answered without them: keep its order.
            float score = static_cast<float>(cand.size());
            for (const SlateEntry& e : cand) {
                offer(request, topk, e.item, score);
                score -= 1.0f;
            }
            break;
        }
        case Rerank::Rules:
            for (std::size_t r = 0; r < cand.size(); ++r) {
                const ItemId i = cand[r].item;
                const float rel = 1.0f - static_cast<float>(r) / denom;
                offer(request, topk, i, rel + (promoted(i) ? m_boost : 0.0f));
            }
            break;
        case Rerank::Mmr: {
            m_lastK = k;
            m_picked.clear();
            std::vector<char> taken(cand.size(), 0);
            for (int slot = 0; slot < k && static_cast<std::size_t>(slot) < cand.size(); ++slot) {
                float best = -1e30f;
                std::size_t bestR = cand.size();
                for (std::size_t r = 0; r < cand.size(); ++r) {
                    if (taken[r] || !isEligible(m_items, request, cand[r].item))
                        continue;
                    float sim = 0.0f;
                    for (ItemId p : m_picked)
                        sim = std::max(sim, kit::attributeSimilarity(m_items, p, cand[r].item));
                    const float v =
                        m_lambda * (1.0f - static_cast<float>(r) / denom) - (1.0f - m_lambda) * sim;
                    if (v > best)
                        best = v, bestR = r;
                }
                if (bestR == cand.size())
                    break;
                taken[bestR] = 1;
                m_picked.push_back(cand[bestR].item);
                offer(request, topk, cand[bestR].item, static_cast<float>(k - slot));
            }
            break;
        }
        }
    }

    bool promoted(ItemId i) const {
        return m_items.contains(i) && m_items.discount[i] >= m_minDiscount;
    }

    // The inner core's own explanation, then how the re-ranking scored the item (the
    // same arithmetic as rank(), from the inner answer it re-ranked).
    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        const ItemId item = entry.item;
        const int r = askedRank(0, item);
        const auto m = static_cast<double>(m_asked.empty() ? 0 : m_asked[0].size());
        ExplanationBuilder b;
        b.quote(innerExplanation(0, request, item));
        switch (m_kind) {
        case Rerank::Mmr: {
            const auto slot = static_cast<double>(
                std::find(m_picked.begin(), m_picked.end(), item) - m_picked.begin());
            return b.text(" Picked ")
                .fact("pick order", slot + 1, Quantity::Count, 0)
                .text(" for a slate diversified by maximal marginal relevance (lambda ")
                .fact("lambda", m_lambda, Quantity::Share, 2)
                .text(") from place ")
                .fact("place in the inner answer", r + 1, Quantity::Count, 0)
                .text(" of the inner answer; score ")
                .total("slate size - pick order", m_lastK - slot, Quantity::Count, 0)
                .text(".")
                .take();
        }
        case Rerank::Fatigue:
            return b.text(" Shown to you ")
                .fact("times shown today", shownToday(request, item), Quantity::Count, 0)
                .text(" times today (cap ")
                .fact("cap", m_cap, Quantity::Count, 0)
                .text("); place ")
                .fact("place in the inner answer", r + 1, Quantity::Count, 0)
                .text(" of ")
                .fact("inner answer size", m, Quantity::Count, 0)
                .text(", kept in order: score ")
                .total("answer size - place", m - r, Quantity::Count, 0)
                .text(".")
                .take();
        case Rerank::Rules: {
            const float rel = 1.0f - static_cast<float>(r) / static_cast<float>(std::max(m, 1.0));
            b.text(" Relevance from place ")
                .fact("place in the inner answer", r + 1, Quantity::Count, 0)
                .text(" of ")
                .fact("inner answer size", m, Quantity::Count, 0)
                .text(": ")
                .addend("1 - rank / answer size", rel, 3);
            if (promoted(item))
                b.text(" + promotion boost ")
                    .addend("boost", m_boost, 3)
                    .text(" (")
                    .percent("discount", m_items.discount[item], Quantity::Share, 0)
                    .text(" off)");
            else
                b.text(" (in stock, not on promotion)");
            return b.text(" = score ")
                .total("score", entry.score, Quantity::Score, 3)
                .text(".")
                .take();
        }
        }
        return b.take();
    }

private:
    struct Shown {
        ItemId item;
        std::uint32_t day;
        std::uint32_t count;
    };
    Rerank m_kind;
    int m_pool;
    float m_lambda = 0.7f;
    std::uint32_t m_cap = 3;
    float m_minDiscount = 0.1f, m_boost = 0.3f;
    std::vector<std::vector<Shown>> m_shown;
    std::vector<ItemId> m_picked;
    double m_lastK = 0; // mmr: k of the last request
};

inline std::vector<ParamSpec> rerankParams(Rerank kind) {
    std::vector<ParamSpec> p = {
        kit::textParam("inner", "popularity",
                       "Id of the core whose slates are re-ranked (built with its defaults)"),
        kit::intParam("pool", 1.0, 50.0, 3.0,
                      "Candidates asked from the inner core, as a multiple of k"),
    };
    if (kind == Rerank::Mmr)
        p.push_back(kit::realParam("lambda", 0.0, 1.0, 0.7,
                                   "Relevance against diversity (1 = inner order kept)"));
    if (kind == Rerank::Fatigue)
        p.push_back(kit::intParam("cap", 1.0, 1000.0, 3.0,
                                  "Most times an item is shown to one user per day"));
    if (kind == Rerank::Rules) {
        p.push_back(kit::realParam("min_discount", 0.0, 0.9, 0.1,
                                   "Discount from which an item counts as promoted"));
        p.push_back(kit::realParam("boost", 0.0, 10.0, 0.3,
                                   "Relevance added to promoted items (rank-based, 0..1)"));
    }
    return p;
}

template <Rerank K>
Result<CorePtr> makeRerank(const RecommenderContext& ctx, const ParamValues& p,
                           const RecommenderRegistry& registry) {
    const std::string id = p.text("inner");
    auto inner = makeInner(registry, ctx, id, "inner", 0);
    if (!inner)
        return Error{inner.error()};
    return CorePtr(new RerankRecommender(ctx, std::move(inner).value(), id, K, p));
}

} // namespace recoscope::core::kit
