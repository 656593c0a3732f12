#include "hybrid_switch_recommender.h"

#include "composite_core.h"

namespace recoscope::core {

namespace {

// Switching hybrid (Burke 2002): demographic for a new user, content once a few
// interactions exist, collaborative filtering once the history is rich; on product pages
// a cold product (few interactions) goes to the content core, which needs none.
class SwitchRecommender final : public kit::CompositeCore {
public:
    SwitchRecommender(const RecommenderContext& ctx, std::vector<kit::CorePtr> inner,
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
        m_lastStage = stage(request);
        const Slate& s = ask(m_lastStage, request, topk.k() > 0 ? static_cast<int>(topk.k()) : 0);
        float score = static_cast<float>(s.size());
        for (const SlateEntry& e : s)
            offer(request, topk, e.item, score--);
    }

    // rank() keeps the answering core's order: score = answer size - place.
    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        static constexpr const char* why[] = {
            ", because you are new here] Place ", ", because we know a little about you] Place ",
            ", because your history is rich enough for collaborative filtering] Place "};
        const std::size_t s = m_lastStage;
        const int r = askedRank(s, entry.item);
        const auto n = static_cast<double>(m_asked[s].size());
        return ExplanationBuilder()
            .text("[")
            .name(m_ids[s])
            .text(why[s])
            .fact("place in the answering core's slate", r + 1, Quantity::Count, 0)
            .text(" of ")
            .fact("items the answering core returned", n, Quantity::Count, 0)
            .text(" in ")
            .name(m_ids[s])
            .text("'s answer, kept in order (switch score ")
            .total("items returned - place", n - r, Quantity::Count, 0)
            .text("): ")
            .quote(innerExplanation(s, request, entry.item))
            .take();
    }

private:
    std::size_t m_warmAfter, m_hotAfter;
    float m_itemHot;
    std::size_t m_lastStage = 0; // the core that answered the last request
};

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
                const RecommenderRegistry& registry) -> Result<kit::CorePtr> {
        if (p.integer("hot_after") < p.integer("warm_after"))
            return Error{"parameter 'hot_after' must be at least 'warm_after' (" +
                         std::to_string(p.integer("warm_after")) + ")"};
        std::vector<kit::CorePtr> inner;
        std::vector<std::string> ids;
        for (const char* key : {"cold", "warm", "hot"}) {
            auto c = kit::makeInner(registry, ctx, p.text(key), key, 0);
            if (!c)
                return Error{c.error()};
            inner.push_back(std::move(c).value());
            ids.push_back(p.text(key));
        }
        return kit::CorePtr(new SwitchRecommender(ctx, std::move(inner), std::move(ids), p));
    };
    return e;
}

} // namespace recoscope::core
