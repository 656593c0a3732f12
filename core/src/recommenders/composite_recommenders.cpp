// Cores built from other cores: hybrids (switching, weighted blend) and re-rankers that
// wrap any registered core (diversity by MMR, fatigue cap, business rules). Inner cores
// are created through the registry with their default parameters; every event and slate
// feedback is forwarded to all of them so they keep learning whichever one answers.

#include "suite_entries.h"
#include "suite_kit.h"

#include <sstream>

namespace recoscope::core {

namespace {

using CorePtr = std::unique_ptr<Recommender>;

Result<CorePtr> makeInner(const RecommenderRegistry& registry, const RecommenderContext& ctx,
                          const std::string& id, const std::string& param, int depth) {
    // Wrappers of wrappers are allowed, but a chain deeper than a few levels is a
    // configuration mistake (and would recurse without end if a default pointed back).
    if (depth > 4)
        return Error{"parameter '" + param + "': cores wrapped more than 4 levels deep"};
    const RecommenderEntry* entry = registry.find(id);
    if (!entry)
        return Error{"parameter '" + param + "': " + registry.unknownIdMessage(id)};
    if (entry->needsOracle && !ctx.oracle)
        return Error{"parameter '" + param + "': core '" + id +
                     "' needs the simulator's ground truth"};
    return registry.create(id, std::map<std::string, std::string>{}, ctx);
}

/// A SuiteCore that owns inner cores and forwards learning to them.
class CompositeCore : public kit::SuiteCore {
public:
    CompositeCore(const RecommenderContext& ctx, std::vector<CorePtr> inner,
                  std::vector<std::string> ids)
        : SuiteCore(ctx, 1), m_inner(std::move(inner)), m_ids(std::move(ids)) {}

    void observeSlate(const Request& request, const Slate& slate, int clicked) override {
        for (CorePtr& c : m_inner)
            c->observeSlate(request, slate, clicked);
        onSlate(request, slate, clicked);
    }

protected:
    void learn(const Event& e, float) override {
        for (CorePtr& c : m_inner)
            c->observe(e);
    }
    virtual void onSlate(const Request&, const Slate&, int) {}

    /// Asks inner core `c` for `k` items (the wrapper's own exclusions apply).
    const Slate& ask(std::size_t c, const Request& request, int k) {
        Request r = request;
        r.k = k;
        m_inner[c]->recommend(r, m_tmp);
        return m_tmp;
    }

    std::vector<CorePtr> m_inner;
    std::vector<std::string> m_ids;
    Slate m_tmp;
};

// Switching hybrid (Burke 2002): demographic for a new user, content once a few
// interactions exist, collaborative filtering once the history is rich; on product pages
// a cold product (few interactions) goes to the content core, which needs none.
class SwitchRecommender final : public CompositeCore {
public:
    SwitchRecommender(const RecommenderContext& ctx, std::vector<CorePtr> inner,
                      std::vector<std::string> ids, const ParamValues& p)
        : CompositeCore(ctx, std::move(inner), std::move(ids)),
          m_warmAfter(static_cast<std::size_t>(p.integer("warm_after"))),
          m_hotAfter(static_cast<std::size_t>(p.integer("hot_after"))),
          m_itemHot(static_cast<float>(p.number("item_hot_after"))) {}

protected:
    std::size_t stage(const Request& request) const {
        const std::size_t n = interactionCount(request.user);
        std::size_t s = n >= m_hotAfter ? 2 : n >= m_warmAfter ? 1 : 0;
        if (m_items.contains(request.contextItem) && s == 2 &&
            m_popular.at(request.contextItem, m_now) < m_itemHot)
            s = 1; // the product on screen is too new for co-occurrence
        return s;
    }

    void rank(const Request& request, TopK& topk) override {
        const Slate& s =
            ask(stage(request), request, topk.k() > 0 ? static_cast<int>(topk.k()) : 0);
        float score = static_cast<float>(s.size());
        for (const SlateEntry& e : s)
            offer(request, topk, e.item, score--);
    }

    std::string reason(const Request& request, ItemId item) const override {
        static constexpr const char* why[] = {
            "you are new here", "we know a little about you",
            "your history is rich enough for collaborative filtering"};
        const std::size_t s = stage(request);
        return "[" + m_ids[s] + ", because " + why[s] + "] " + m_inner[s]->explain(request, item);
    }

private:
    std::size_t m_warmAfter, m_hotAfter;
    float m_itemHot;
};

// Weighted hybrid: each inner core proposes pool x k items; an item's score is the
// weighted sum over cores of (1 - rank / (pool x k)), a rank-based blend that needs no
// calibration between cores' score scales (Borda-style).
class BlendRecommender final : public CompositeCore {
public:
    BlendRecommender(const RecommenderContext& ctx, std::vector<CorePtr> inner,
                     std::vector<std::string> ids, std::vector<float> weights, int pool)
        : CompositeCore(ctx, std::move(inner), std::move(ids)), m_weights(std::move(weights)),
          m_pool(pool) {}

protected:
    void rank(const Request& request, TopK& topk) override {
        const int m = std::max(1, static_cast<int>(topk.k()) * m_pool);
        m_acc.clear();
        for (std::size_t c = 0; c < m_inner.size(); ++c) {
            const Slate& s = ask(c, request, m);
            for (std::size_t r = 0; r < s.size(); ++r) {
                const float v =
                    m_weights[c] * (1.0f - static_cast<float>(r) / static_cast<float>(m));
                auto it = std::find_if(m_acc.begin(), m_acc.end(),
                                       [&](const Contribution& x) { return x.item == s[r].item; });
                if (it == m_acc.end())
                    m_acc.push_back({s[r].item, v, c, v});
                else {
                    it->score += v;
                    if (v > it->best)
                        it->best = v, it->core = c;
                }
            }
        }
        for (const Contribution& x : m_acc)
            offer(request, topk, x.item, x.score);
        m_lastUser = request.user;
        m_lastTime = request.time;
    }

    std::string reason(const Request& request, ItemId item) const override {
        std::size_t core = 0;
        for (std::size_t c = 1; c < m_weights.size(); ++c)
            if (m_weights[c] > m_weights[core])
                core = c;
        float score = 0.0f;
        if (request.user == m_lastUser && request.time == m_lastTime)
            for (const Contribution& x : m_acc)
                if (x.item == item)
                    core = x.core, score = x.score;
        return "Blend score " + kit::fmt(score) + ", mostly from " + m_ids[core] + " (weight " +
               kit::fmt(m_weights[core]) + "): " + m_inner[core]->explain(request, item);
    }

private:
    struct Contribution {
        ItemId item;
        float score;
        std::size_t core;
        float best;
    };
    std::vector<float> m_weights;
    int m_pool;
    std::vector<Contribution> m_acc;
    UserId m_lastUser = kNoUser;
    SimTime m_lastTime = -1.0;
};

enum class Rerank { Mmr, Fatigue, Rules };

// Re-rankers over one inner core's pool x k candidates.
//   mmr:     maximal marginal relevance (Carbonell & Goldstein 1998): greedily take the
//            candidate maximising lambda * relevance - (1 - lambda) * max similarity to
//            those already taken; relevance is rank-based, similarity is shared
//            category / brand (kit::attributeSimilarity).
//   fatigue: drop items already shown to this user `cap` times today (simulated day),
//            counted from the slates actually shown (observeSlate); per user a capped
//            list of (item, day, count).
//   rules:   business rules: unavailable items never pass (as for every core), items on
//            promotion (discount >= min_discount) get a relevance boost.
class RerankRecommender final : public CompositeCore {
public:
    RerankRecommender(const RecommenderContext& ctx, CorePtr inner, std::string id, Rerank kind,
                      const ParamValues& p)
        : CompositeCore(ctx, vec(std::move(inner)), {std::move(id)}), m_kind(kind),
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
    static std::vector<CorePtr> vec(CorePtr c) {
        std::vector<CorePtr> v;
        v.push_back(std::move(c));
        return v;
    }

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
            else if (list.size() < kTracked)
                list.push_back({e.item, day, 1});
        }
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
            float score = static_cast<float>(cand.size());
            for (const SlateEntry& e : cand) {
                if (shownToday(request, e.item) < m_cap)
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

    std::string reason(const Request& request, ItemId item) const override {
        const std::string inner = m_inner[0]->explain(request, item);
        switch (m_kind) {
        case Rerank::Mmr:
            return inner + " Kept in a slate diversified by maximal marginal relevance (lambda " +
                   kit::fmt(m_lambda) + ").";
        case Rerank::Fatigue:
            return inner + " Shown to you " + std::to_string(shownToday(request, item)) +
                   " times today (cap " + std::to_string(m_cap) + ").";
        case Rerank::Rules:
            return inner + (promoted(item)
                                ? " Boosted: on promotion (" +
                                      kit::fmt(100.0 * m_items.discount[item], 0) + "% off)."
                                : " In stock and not on promotion.");
        }
        return inner;
    }

private:
    struct Shown {
        ItemId item;
        std::uint32_t day;
        std::uint32_t count;
    };
    static constexpr std::size_t kTracked = 256;
    Rerank m_kind;
    int m_pool;
    float m_lambda = 0.7f;
    std::uint32_t m_cap = 3;
    float m_minDiscount = 0.1f, m_boost = 0.3f;
    std::vector<std::vector<Shown>> m_shown;
    std::vector<ItemId> m_picked;
};

Result<std::vector<std::pair<std::string, float>>> parseBlend(const std::string& text) {
    // "itemknn:0.5, content:0.3, popularity:0.2"
    std::vector<std::pair<std::string, float>> out;
    std::stringstream ss(text);
    std::string part;
    while (std::getline(ss, part, ',')) {
        part.erase(0, part.find_first_not_of(" \t"));
        part.erase(part.find_last_not_of(" \t") + 1);
        if (part.empty())
            continue;
        const auto colon = part.find(':');
        const std::string id = part.substr(0, colon);
        float w = 1.0f;
        if (colon != std::string::npos) {
            try {
                std::size_t used = 0;
                w = std::stof(part.substr(colon + 1), &used);
                if (used != part.size() - colon - 1)
                    throw std::invalid_argument("trailing");
            } catch (const std::exception&) {
                return Error{"parameter 'cores': weight of '" + id +
                             "' is not a number (expected id:weight, ...)"};
            }
        }
        if (!(w >= 0.0f && w <= 1000.0f))
            return Error{"parameter 'cores': weight of '" + id + "' must be in [0, 1000]"};
        out.push_back({id, w});
    }
    if (out.empty())
        return Error{
            "parameter 'cores': name at least one core, e.g. 'itemknn:0.6,popularity:0.4'"};
    return out;
}

std::vector<ParamSpec> rerankParams(Rerank kind) {
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

} // namespace

RecommenderEntry hybridSwitchRecommenderEntry() {
    RecommenderEntry e;
    e.id = "hybrid-switch";
    e.description = "Switching hybrid: demographic for new shoppers, then content, then "
                    "collaborative filtering";
    e.family = "hybrid";
    e.params = {
        kit::textParam("cold", "demographic",
                       "Core for shoppers with fewer than warm_after interactions"),
        kit::textParam("warm", "content",
                       "Core for shoppers between warm_after and hot_after, and for new products"),
        kit::textParam("hot", "itemknn", "Core once a shopper has hot_after interactions"),
        kit::intParam("warm_after", 0.0, 10000.0, 5.0,
                      "Interactions after which the warm core answers"),
        kit::intParam("hot_after", 0.0, 10000.0, 10.0,
                      "Interactions after which the hot core answers"),
        kit::realParam(
            "item_hot_after", 0.0, 100000.0, 5.0,
            "Recent interactions a viewed product needs before the hot core may answer for it"),
    };
    e.make = [](const RecommenderContext& ctx, const ParamValues& p,
                const RecommenderRegistry& registry) -> Result<CorePtr> {
        if (p.integer("hot_after") < p.integer("warm_after"))
            return Error{"parameter 'hot_after' must be at least 'warm_after' (" +
                         std::to_string(p.integer("warm_after")) + ")"};
        std::vector<CorePtr> inner;
        std::vector<std::string> ids;
        for (const char* key : {"cold", "warm", "hot"}) {
            auto c = makeInner(registry, ctx, p.text(key), key, 0);
            if (!c)
                return Error{c.error()};
            inner.push_back(std::move(c).value());
            ids.push_back(p.text(key));
        }
        return CorePtr(new SwitchRecommender(ctx, std::move(inner), std::move(ids), p));
    };
    return e;
}

RecommenderEntry hybridBlendRecommenderEntry() {
    RecommenderEntry e;
    e.id = "hybrid-blend";
    e.description = "Weighted blend of any registered cores by rank (e.g. "
                    "itemknn:0.5,content:0.3,popularity:0.2)";
    e.family = "hybrid";
    e.params = {
        kit::textParam("cores", "itemknn:0.5,content:0.3,popularity:0.2",
                       "Cores and weights, 'id:weight' separated by commas"),
        kit::intParam("pool", 1.0, 50.0, 3.0,
                      "Candidates asked from each core, as a multiple of k"),
    };
    e.make = [](const RecommenderContext& ctx, const ParamValues& p,
                const RecommenderRegistry& registry) -> Result<CorePtr> {
        auto spec = parseBlend(p.text("cores"));
        if (!spec)
            return Error{spec.error()};
        std::vector<CorePtr> inner;
        std::vector<std::string> ids;
        std::vector<float> weights;
        for (const auto& [id, w] : spec.value()) {
            auto c = makeInner(registry, ctx, id, "cores", 0);
            if (!c)
                return Error{c.error()};
            inner.push_back(std::move(c).value());
            ids.push_back(id);
            weights.push_back(w);
        }
        return CorePtr(new BlendRecommender(ctx, std::move(inner), std::move(ids),
                                            std::move(weights), p.integer("pool")));
    };
    return e;
}

RecommenderEntry mmrRecommenderEntry() {
    RecommenderEntry e;
    e.id = "mmr";
    e.description = "Re-ranker: diversifies any core's slate by maximal marginal relevance";
    e.family = "re-ranker";
    e.params = rerankParams(Rerank::Mmr);
    e.make = makeRerank<Rerank::Mmr>;
    return e;
}

RecommenderEntry fatigueRecommenderEntry() {
    RecommenderEntry e;
    e.id = "fatigue";
    e.description = "Re-ranker: never shows an item to a shopper more than N times a day";
    e.family = "re-ranker";
    e.params = rerankParams(Rerank::Fatigue);
    e.make = makeRerank<Rerank::Fatigue>;
    return e;
}

RecommenderEntry businessRulesRecommenderEntry() {
    RecommenderEntry e;
    e.id = "rules";
    e.description =
        "Re-ranker: business rules on any core (drop out-of-stock, boost promoted items)";
    e.family = "re-ranker";
    e.params = rerankParams(Rerank::Rules);
    e.make = makeRerank<Rerank::Rules>;
    return e;
}

} // namespace recoscope::core
