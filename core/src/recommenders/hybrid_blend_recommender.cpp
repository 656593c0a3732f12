#include "hybrid_blend_recommender.h"

#include "composite_core.h"

#include <sstream>

namespace recoscope::core {

namespace {

// Weighted hybrid: each inner core proposes pool x k items; an item's score is the
// weighted sum over cores of (1 - rank / (pool x k)), a rank-based blend that needs no
// calibration between cores' score scales (Borda-style).
class BlendRecommender final : public kit::CompositeCore {
public:
    BlendRecommender(const RecommenderContext& ctx, std::vector<kit::CorePtr> inner,
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
                    m_acc.push_back({s[r].item, v});
                else
                    it->score += v;
            }
        }
        for (const Contribution& x : m_acc)
            offer(request, topk, x.item, x.score);
    }

    // rank()'s blend for one item, from the inner answers it was blended from: per core
    // that proposed it, weight x (1 - rank / m); the core adding most explains itself.
    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        ExplanationBuilder b;
        b.text("Blend of the cores' rankings: ");
        std::size_t main = 0;
        float mainValue = -1.0f;
        bool first = true;
        for (std::size_t c = 0; c < m_inner.size(); ++c) {
            const int r = askedRank(c, entry.item);
            if (r < 0)
                continue;
            const int m = m_askedK[c];
            const float v = m_weights[c] * (1.0f - static_cast<float>(r) / static_cast<float>(m));
            if (!first)
                b.text(" + ");
            b.name(m_ids[c])
                .text(" places it ")
                .fact("place in the core's answer", r + 1, Quantity::Count, 0)
                .text(" of ")
                .fact("candidates asked from the core", m, Quantity::Count, 0)
                .text(" (weight ")
                .fact("blend weight", m_weights[c], Quantity::Weight, 2)
                .text("): ")
                .addend("weight x (1 - rank / candidates)", v, 3);
            first = false;
            if (v > mainValue)
                mainValue = v, main = c;
        }
        b.text(" = blend score ")
            .total("blend score", entry.score, Quantity::Weight, 3)
            .text(", mostly from ")
            .name(m_ids[main])
            .text(": ");
        return b.quote(innerExplanation(main, request, entry.item)).take();
    }

private:
    struct Contribution {
        ItemId item;
        float score;
    };
    std::vector<float> m_weights;
    int m_pool;
    std::vector<Contribution> m_acc;
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

} // namespace

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
                const RecommenderRegistry& registry) -> Result<kit::CorePtr> {
        auto spec = parseBlend(p.text("cores"));
        if (!spec)
            return Error{spec.error()};
        std::vector<kit::CorePtr> inner;
        std::vector<std::string> ids;
        std::vector<float> weights;
        for (const auto& [id, w] : spec.value()) {
            auto c = kit::makeInner(registry, ctx, id, "cores", 0);
            if (!c)
                return Error{c.error()};
            inner.push_back(std::move(c).value());
            ids.push_back(id);
            weights.push_back(w);
        }
        return kit::CorePtr(new BlendRecommender(ctx, std::move(inner), std::move(ids),
                                                 std::move(weights), p.integer("pool")));
    };
    return e;
}

} // namespace recoscope::core
