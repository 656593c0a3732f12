// An example recommender plugin: `price-neighbours`, "recently viewed, by similar price".
//
// For each shopper it remembers the last few items they looked at (a fixed-size ring, so
// memory grows with users, never with events). A slate holds items of the same leaf
// categories as those recent views, scored by how close their current price is to the
// price of the viewed item (on a log scale: 20 vs 25 is as close as 200 vs 250), weighted
// by how recent the view is. Shoppers who have viewed nothing yet, or whose categories run
// dry, get fill-ins from a seeded permutation of the catalogue (core::fillSlate).
//
// Built out of tree with find_package(Recoscope) (CMakeLists.txt beside this file) and
// loaded with `recoscope-cli run --plugin libprice_neighbours.so --recommender
// price-neighbours`; docs/plugins.md explains every step.

#include <recoscope/core/candidates.h>
#include <recoscope/core/plugin_api.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace {

using namespace recoscope::core;

class PriceNeighboursRecommender final : public Recommender {
public:
    PriceNeighboursRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : m_items(*ctx.items), m_users(*ctx.users), m_seed(ctx.seed),
          m_history(static_cast<std::size_t>(p.integer("history"))),
          m_bandwidth(static_cast<float>(p.number("price_bandwidth"))),
          m_tau(p.number("half_life_hours") * kSecondsPerHour / std::log(2.0)) {}

    void observe(const Event& event) override {
        // Views (organic or after a click) say what the shopper is looking for; unknown ids
        // are ignored, as the contract asks.
        if (event.kind != EventKind::View && event.kind != EventKind::Click)
            return;
        if (!m_users.contains(event.user) || !m_items.contains(event.item))
            return;
        if (m_recent.size() <= event.user)
            m_recent.resize(static_cast<std::size_t>(event.user) + 1);
        std::vector<View>& ring = m_recent[event.user];
        ring.erase(std::remove_if(ring.begin(), ring.end(),
                                  [&](const View& v) { return v.item == event.item; }),
                   ring.end());
        ring.push_back({event.item, event.time});
        if (ring.size() > m_history)
            ring.erase(ring.begin());
    }

    void recommend(const Request& request, Slate& out) override {
        out.clear();
        const auto k = static_cast<std::size_t>(std::max(request.k, 0));
        if (k == 0)
            return;
        indexCategories();
        m_scored.clear();
        for (const View& v : recentOf(request.user))
            for (ItemId item : m_byCategory[m_items.category[v.item]])
                if (isEligible(m_items, request, item))
                    m_scored.push_back({item, scoreOf(v, item, request.time)});
        // Best score per item (an item near two recent views keeps the better one), then
        // the k best; ties by the smaller id so that the slate never depends on scan order.
        std::sort(m_scored.begin(), m_scored.end(), [](const SlateEntry& a, const SlateEntry& b) {
            return a.item != b.item ? a.item < b.item : a.score > b.score;
        });
        m_scored.erase(
            std::unique(m_scored.begin(), m_scored.end(),
                        [](const SlateEntry& a, const SlateEntry& b) { return a.item == b.item; }),
            m_scored.end());
        const std::size_t keep = std::min(k, m_scored.size());
        std::partial_sort(m_scored.begin(), m_scored.begin() + static_cast<std::ptrdiff_t>(keep),
                          m_scored.end(), [](const SlateEntry& a, const SlateEntry& b) {
                              return a.score != b.score ? a.score > b.score : a.item < b.item;
                          });
        out.assign(m_scored.begin(), m_scored.begin() + static_cast<std::ptrdiff_t>(keep));
        // Own scores lie in (0, 1]; fill-ins get -1, below all of them.
        fillSlate(m_items, request, out, m_seed ^ (0x9e3779b97f4a7c15ull * (request.user + 1ull)),
                  kFillScore);
    }

    Explanation explain(const Request& request, const SlateEntry& entry) const override {
        // The view that gave the entry its score, found again exactly as recommend() did.
        const View* best = nullptr;
        float bestScore = 0.0f;
        for (const View& v : recentOf(request.user))
            if (m_items.category[v.item] == m_items.category[entry.item]) {
                const float s = scoreOf(v, entry.item, request.time);
                if (!best || s > bestScore) {
                    best = &v;
                    bestScore = s;
                }
            }
        if (!best || entry.score == kFillScore)
            return ExplanationBuilder(Explanation::Basis::Placeholder)
                .item(m_items, entry.item)
                .text(" fills the slate: nothing you viewed recently is in its category.")
                .take();
        const double hours = std::max(0.0, request.time - best->time) / kSecondsPerHour;
        return ExplanationBuilder()
            .item(m_items, entry.item)
            .text(" costs about as much as ")
            .item(m_items, best->item)
            .text(", which you viewed ")
            .fact("hours since the view", hours, Quantity::Duration, 1)
            .text(" hours ago: price closeness ")
            .fact("price closeness exp(-|log price ratio| / bandwidth)",
                  priceCloseness(best->item, entry.item), Quantity::Share, 3)
            .text(" x recency ")
            .fact("recency factor exp(-age / tau)", recency(best->time, request.time),
                  Quantity::Share, 3)
            .text(" = score ")
            .total("score", entry.score, Quantity::Share, 3)
            .text(".")
            .take();
    }

private:
    struct View {
        ItemId item;
        SimTime time;
    };
    static constexpr float kFillScore = -1.0f;

    const std::vector<View>& recentOf(UserId user) const {
        static const std::vector<View> none;
        return user < m_recent.size() ? m_recent[user] : none;
    }

    float priceCloseness(ItemId viewed, ItemId item) const {
        const float a = std::max(m_items.price[viewed] * (1.0f - m_items.discount[viewed]), 0.01f);
        const float b = std::max(m_items.price[item] * (1.0f - m_items.discount[item]), 0.01f);
        return std::exp(-std::abs(std::log(b / a)) / m_bandwidth);
    }
    float recency(SimTime viewed, SimTime now) const {
        return static_cast<float>(std::exp(-std::max(0.0, now - viewed) / m_tau));
    }
    float scoreOf(const View& v, ItemId item, SimTime now) const {
        // At least a hair above 0, so that an own score always beats a fill-in.
        return std::max(priceCloseness(v.item, item) * recency(v.time, now), 1e-6f);
    }

    // Items by leaf category; rebuilt when the catalogue grows.
    void indexCategories() {
        if (m_indexed == m_items.size())
            return;
        m_byCategory.assign(m_items.categoryCount(), {});
        for (ItemId i = 0; i < m_items.size(); ++i)
            m_byCategory[m_items.category[i]].push_back(i);
        m_indexed = m_items.size();
    }

    const ItemTable& m_items;
    const UserTable& m_users;
    std::uint64_t m_seed;
    std::size_t m_history;
    float m_bandwidth;
    double m_tau;
    std::vector<std::vector<View>> m_recent;
    std::vector<std::vector<ItemId>> m_byCategory;
    std::size_t m_indexed = 0;
    std::vector<SlateEntry> m_scored;
};

RecommenderEntry priceNeighboursEntry() {
    RecommenderEntry e;
    e.id = "price-neighbours";
    e.description = "Items of the categories the shopper viewed recently, at a similar price "
                    "(example plugin)";
    e.family = "content";
    ParamSpec history;
    history.key = "history";
    history.kind = ParamKind::Integer;
    history.min = 1;
    history.max = 50;
    history.fallback = 5.0;
    history.help = "Recent views remembered per shopper";
    ParamSpec bandwidth;
    bandwidth.key = "price_bandwidth";
    bandwidth.kind = ParamKind::Real;
    bandwidth.min = 0.01;
    bandwidth.max = 5.0;
    bandwidth.fallback = 0.3;
    bandwidth.help = "How fast closeness falls with the log price ratio (smaller = stricter)";
    ParamSpec halfLife;
    halfLife.key = "half_life_hours";
    halfLife.kind = ParamKind::Real;
    halfLife.min = 0.1;
    halfLife.max = 8760.0;
    halfLife.fallback = 24.0;
    halfLife.help = "Half-life of a view's pull (hours)";
    e.params = {history, bandwidth, halfLife};
    e.make = [](const RecommenderContext& ctx, const ParamValues& p,
                const RecommenderRegistry&) -> Result<std::unique_ptr<Recommender>> {
        return std::unique_ptr<Recommender>(std::make_unique<PriceNeighboursRecommender>(ctx, p));
    };
    return e;
}

} // namespace

RECOSCOPE_PLUGIN_INFO("price-neighbours example", "1.0")

extern "C" RECOSCOPE_PLUGIN_EXPORT void
recoscope_plugin_v1(std::vector<recoscope::core::RecommenderEntry>* cores) {
    cores->push_back(priceNeighboursEntry());
}
