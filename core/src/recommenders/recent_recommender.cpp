#include "recent_recommender.h"

#include "suite_kit.h"

namespace recoscope::core {

namespace {

// Recently viewed / re-buy: the shopper's own recent items, scored by implicit weight and
// recency; purchases of the same item come back (consumables), views come back as "you
// looked at this". Cost is O(history) per request, O(1) per event.
class RecentRecommender final : public kit::SuiteCore {
public:
    RecentRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : SuiteCore(ctx, static_cast<std::size_t>(p.integer("history"))),
          m_tau(p.number("half_life_hours") * kSecondsPerHour / std::log(2.0)),
          m_purchaseBoost(static_cast<float>(p.number("rebuy_weight"))) {}

protected:
    void learn(const Event&, float) override {}

    float scoreOf(const kit::Interaction& x, SimTime now) const {
        const float w = x.kind == EventKind::Purchase ? x.weight * m_purchaseBoost : x.weight;
        return w * static_cast<float>(std::exp(-std::max(0.0, now - x.time) / m_tau));
    }

    void rank(const Request& request, TopK& topk) override {
        const kit::HistoryRing* h = historyOf(request.user);
        if (!h)
            return;
        // Sum per distinct item (the ring is short, a quadratic merge is cheapest).
        m_acc.clear();
        for (const kit::Interaction& x : h->raw()) {
            auto it = std::find_if(m_acc.begin(), m_acc.end(),
                                   [&](const auto& a) { return a.first == x.item; });
            if (it == m_acc.end())
                m_acc.push_back({x.item, scoreOf(x, request.time)});
            else
                it->second += scoreOf(x, request.time);
        }
        for (const auto& [item, s] : m_acc)
            offer(request, topk, item, s);
    }

    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        const ItemId item = entry.item;
        const kit::HistoryRing* h = historyOf(request.user);
        ExplanationBuilder b;
        std::size_t found = 0;
        double rest = 0.0;
        for (std::size_t n = 0; h && n < h->size(); ++n) {
            const kit::Interaction& x = h->recent(n);
            if (x.item != item)
                continue;
            if (found++ > 0) {
                rest += scoreOf(x, request.time);
                continue;
            }
            // The latest interaction with the item, term by term as scoreOf() computes it.
            const double hours = std::max(0.0, request.time - x.time) / kSecondsPerHour;
            const float w = x.kind == EventKind::Purchase ? x.weight * m_purchaseBoost : x.weight;
            const float pull =
                static_cast<float>(std::exp(-std::max(0.0, request.time - x.time) / m_tau));
            // Whole phrases, not a verb spliced in: each choice is one fixed pattern.
            const char* verb = x.kind == EventKind::Purchase    ? "You bought "
                               : x.kind == EventKind::CartAdd   ? "You put in your cart "
                               : x.kind == EventKind::Favourite ? "You saved "
                                                                : "You looked at ";
            b.text(verb)
                .item(m_items, item)
                .text(" ")
                .fact("hours since the interaction", hours, Quantity::Duration, 1)
                .text(x.kind == EventKind::Purchase
                          ? " hours ago; time to buy it again? Its weight "
                          : " hours ago. Its weight ")
                .fact("interaction weight", w, Quantity::Weight, 2)
                .text(" x recency ")
                .fact("recency factor exp(-age / tau)", pull, Quantity::Share, 3)
                .text(" = ")
                .addend("latest interaction's pull", w * pull, 3);
        }
        if (found > 1)
            b.text(", plus ")
                .addend("pull of the earlier interactions with the item", rest, 3)
                .text(" from ")
                .fact("earlier interactions", static_cast<double>(found - 1), Quantity::Count, 0)
                .text(" earlier interactions with it");
        if (found == 0)
            b.item(m_items, item).text(" is one of your recent items");
        return b.text("; score ").total("score", entry.score, Quantity::Weight, 3).text(".").take();
    }

private:
    double m_tau;
    float m_purchaseBoost;
    std::vector<std::pair<ItemId, float>> m_acc;
};

} // namespace

RecommenderEntry recentRecommenderEntry() {
    RecommenderEntry e;
    e.id = "recent";
    e.description =
        "The shopper's own recently viewed, carted and bought items (re-view and re-buy)";
    e.family = "baseline";
    e.params = {
        kit::intParam("history", 1.0, 500.0, 30.0, "Interactions remembered per user"),
        kit::realParam("half_life_hours", 0.1, 8760.0, 24.0,
                       "Half-life of an interaction's pull (hours)"),
        kit::realParam("rebuy_weight", 0.0, 10.0, 1.0,
                       "Multiplier of purchases (0 = never suggest re-buying)"),
    };
    e.make = kit::factoryOf<RecentRecommender>();
    return e;
}

} // namespace recoscope::core
