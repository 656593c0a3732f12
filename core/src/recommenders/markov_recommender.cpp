#include "markov_recommender.h"

#include "suite_kit.h"

namespace recoscope::core {

namespace {

// First-order Markov chain over consecutive items of a shopper (Rendle et al. 2010 use
// it inside FPMC; alone it is the classic next-item baseline): transition counts
// i -> j between successive interactions less than `session_gap_minutes` apart, kept in
// `successors` Space-Saving slots per item. The next-item distribution of the current
// item (the product on screen, else the user's last item) ranks candidates; the item
// before it adds a damped second opinion.
class MarkovRecommender final : public kit::SuiteCore {
public:
    MarkovRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : SuiteCore(ctx, 2), m_gap(p.number("session_gap_minutes") * 60.0),
          m_next(ctx.items->size(), static_cast<std::size_t>(p.integer("successors"))),
          m_secondWeight(static_cast<float>(p.number("second_order_weight"))) {}

protected:
    void learn(const Event& e, float w) override {
        if (w <= 0.0f)
            return;
        const kit::HistoryRing* h = historyOf(e.user);
        if (!h || h->empty())
            return;
        const kit::Interaction& prev = h->recent(0);
        if (prev.item == e.item || e.time - prev.time > m_gap)
            return;
        m_next.add(prev.item, e.item, 1.0f);
    }

    void rank(const Request& request, TopK& topk) override {
        ItemId seeds[2] = {kNoItem, kNoItem};
        seedsOf(request, seeds);
        m_acc.clear();
        for (int s = 0; s < 2; ++s) {
            if (seeds[s] == kNoItem)
                continue;
            const float total = std::max(m_next.total(seeds[s]), 1e-9f);
            const float wgt = s == 0 ? 1.0f : m_secondWeight;
            for (const auto& slot : m_next.slots(seeds[s])) {
                auto it = std::find_if(m_acc.begin(), m_acc.end(),
                                       [&](const auto& a) { return a.first == slot.item; });
                const float v = wgt * slot.count / total;
                if (it == m_acc.end())
                    m_acc.push_back({slot.item, v});
                else
                    it->second += v;
            }
        }
        for (const auto& [item, s] : m_acc)
            offer(request, topk, item, s);
    }

    // rank()'s sum for one item: per seed (the current item, then the one before), its
    // share of the seed's next steps times the seed's weight (1, then second_order_weight).
    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        ItemId seeds[2] = {kNoItem, kNoItem};
        seedsOf(request, seeds);
        ExplanationBuilder b;
        bool first = true;
        for (int s = 0; s < 2; ++s) {
            if (seeds[s] == kNoItem)
                continue;
            const float c = m_next.count(seeds[s], entry.item);
            if (c <= 0.0f)
                continue;
            const float total = std::max(m_next.total(seeds[s]), 1e-9f);
            const float wgt = s == 0 ? 1.0f : m_secondWeight;
            b.text(first ? "After " : "; after ")
                .item(m_items, seeds[s])
                .text(", shoppers went on to ")
                .item(m_items, entry.item)
                .text(" ")
                .fact("transitions seed -> item", c, Quantity::Count, 0)
                .text(" times (")
                .percent("share of the seed's next steps", c / total, Quantity::Share, 0)
                .text(" of ")
                .fact("next steps after the seed", total, Quantity::Count, 0)
                .text(" next steps) x weight ")
                .fact(s == 0 ? "weight of the current item" : "second-order weight", wgt,
                      Quantity::Weight, 2)
                .text(" = ")
                .addend("weighted transition frequency", wgt * c / total, 3, Quantity::Weight);
            first = false;
        }
        return b.text(". Score ").total("score", entry.score, Quantity::Weight, 3).text(".").take();
    }

private:
    void seedsOf(const Request& request, ItemId* seeds) const {
        int n = 0;
        if (m_items.contains(request.contextItem))
            seeds[n++] = request.contextItem;
        if (const kit::HistoryRing* h = historyOf(request.user))
            for (std::size_t i = 0; i < h->size() && n < 2; ++i)
                if (h->recent(i).item != seeds[0])
                    seeds[n++] = h->recent(i).item;
    }

    double m_gap;
    kit::CappedCounts m_next;
    float m_secondWeight;
    std::vector<std::pair<ItemId, float>> m_acc;
};

} // namespace

RecommenderEntry markovRecommenderEntry() {
    RecommenderEntry e;
    e.id = "markov";
    e.description = "First-order Markov chain: what shoppers looked at next after the current item";
    e.family = "session";
    e.params = {
        kit::realParam("session_gap_minutes", 1.0, 1440.0, 30.0,
                       "Longest gap between two steps of a transition (minutes)"),
        kit::intParam("successors", 2.0, 2000.0, 50.0,
                      "Next-item slots kept per item (weakest replaced)"),
        kit::realParam("second_order_weight", 0.0, 1.0, 0.3,
                       "Weight of the item before the current one"),
    };
    e.make = kit::factoryOf<MarkovRecommender>();
    return e;
}

} // namespace recoscope::core
