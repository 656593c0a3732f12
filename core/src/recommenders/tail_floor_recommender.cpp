#include "tail_floor_recommender.h"

#include "composite_core.h"
#include "ranked_order.h"

#include <cmath>

namespace recoscope::core {

namespace {

// An exposure floor for the long tail (docs/recommenders.md, `tail-floor`).
//
// The short head is what the beyond-accuracy figure tail_share calls it: the items this
// core has seen interacted with most that together hold `head_mass` of all interactions
// (views, clicks, favourites, cart additions, purchases: one each). Everything else is
// the long tail. A slate of k keeps the inner core's first k eligible items, except that
// while fewer than t = ceil(floor x k) of them are long-tail items its lowest-placed head
// items give way to (a) the best-placed long-tail items further down the inner answer
// (pool x k candidates), then (b) the most interacted-with long-tail items of the shop.
// Places keep the inner order: kept items, then promoted ones (a), then (b).
//
// The counts are kept ranked (kit::RankedOrder), so membership of the head is a position
// test; the head's size is re-measured by walking the ranked prefix whenever the
// interactions have grown by 1 % since the last walk (O(head) every 1 % of events,
// never per request).
class TailFloorRecommender final : public kit::CompositeCore {
public:
    TailFloorRecommender(const RecommenderContext& ctx, kit::CorePtr inner, std::string id,
                         const ParamValues& p)
        : CompositeCore(ctx, kit::onlyInner(std::move(inner)), {std::move(id)}),
          m_pool(static_cast<int>(p.integer("pool"))), m_floor(p.number("floor")),
          m_headMass(p.number("head_mass")), m_count(ctx.items->size(), 0.0f),
          m_order(ctx.items->size()) {}

protected:
    void learn(const Event& e, float w) override {
        CompositeCore::learn(e, w);
        if (w <= 0.0f)
            return;
        m_count[e.item] += 1.0f;
        m_order.update(e.item, Key{&m_count});
        m_total += 1.0;
    }

    void rank(const Request& request, TopK& topk) override {
        const int k = static_cast<int>(topk.k());
        const int m = std::max(k, k * m_pool);
        const Slate& cand = ask(0, request, m);
        measureHead();
        m_required = std::min(k, static_cast<int>(std::ceil(m_floor * k - 1e-9)));
        m_answerSize = static_cast<double>(cand.size());
        m_promoted.clear();
        m_extra.clear();

        // The inner core's first k eligible items, and how many are long-tail.
        std::vector<std::size_t> kept;
        std::size_t r = 0;
        for (; r < cand.size() && static_cast<int>(kept.size()) < k; ++r)
            if (isEligible(m_items, request, cand[r].item))
                kept.push_back(r);
        int tail = 0;
        for (std::size_t i : kept)
            tail += isTail(cand[i].item) ? 1 : 0;
        int need = m_required - tail;
        // (a) long-tail items further down the inner answer, best placed first.
        std::vector<std::size_t> promoted;
        for (; r < cand.size() && need > 0; ++r)
            if (isTail(cand[r].item) && isEligible(m_items, request, cand[r].item))
                promoted.push_back(r), --need;
        // (b) the most interacted-with long-tail items; a bounded walk keeps the request
        // O(k) when the tail is mostly unavailable.
        for (std::size_t p = m_headSize, steps = 0;
             p < m_order.size() && need > 0 && steps < kMaxWalk; ++p, ++steps) {
            const ItemId item = m_order.at(p);
            if (!isEligible(m_items, request, item) || inAnswer(cand, item))
                continue;
            m_extra.push_back(item), --need;
        }
        // The lowest-placed head items make room (none when the slate was short anyway).
        std::size_t surplus = kept.size() + promoted.size() + m_extra.size();
        surplus = surplus > static_cast<std::size_t>(k) ? surplus - static_cast<std::size_t>(k) : 0;
        for (std::size_t i = kept.size(); i-- > 0 && surplus > 0;)
            if (!isTail(cand[kept[i]].item))
                kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(i)), --surplus;

        for (std::size_t i : kept)
            offer(request, topk, cand[i].item, static_cast<float>(m_answerSize - i));
        for (std::size_t i : promoted) {
            m_promoted.push_back(cand[i].item);
            offer(request, topk, cand[i].item, static_cast<float>(m_answerSize - i));
        }
        for (std::size_t j = 0; j < m_extra.size(); ++j)
            offer(request, topk, m_extra[j], static_cast<float>(0.0 - static_cast<double>(j)));
    }

    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        const ItemId item = entry.item;
        ExplanationBuilder b;
        const auto extra = std::find(m_extra.begin(), m_extra.end(), item);
        if (extra != m_extra.end()) {
            b.item(m_items, item).text(" is not in the inner answer: it is added as the ");
            placeAndFloor(b, item);
            return b.text("; score: minus its order among such additions, ")
                .total("- order among additions",
                       0.0 - static_cast<double>(extra - m_extra.begin()), Quantity::Score, 0)
                .text(".")
                .take();
        }
        const int r = askedRank(0, item);
        b.quote(innerExplanation(0, request, item));
        const bool promoted =
            std::find(m_promoted.begin(), m_promoted.end(), item) != m_promoted.end();
        b.text(promoted ? " Promoted from place " : " Kept at place ")
            .fact("place in the inner answer", r + 1, Quantity::Count, 0)
            .text(" of ")
            .fact("inner answer size", m_answerSize, Quantity::Count, 0)
            .text(isTail(item) ? "; a long-tail item, " : "; a head item, ");
        placeAndFloor(b, item);
        return b.text("; score: answer size - place, ")
            .total("answer size - place", m_answerSize - r, Quantity::Count, 0)
            .text(".")
            .take();
    }

private:
    struct Key {
        const std::vector<float>* count;
        float operator()(ItemId i) const { return (*count)[i]; }
    };
    static constexpr std::size_t kMaxWalk = 4096;

    bool isTail(ItemId item) const { return m_order.positionOf(item) >= m_headSize; }
    static bool inAnswer(const Slate& cand, ItemId item) {
        return std::any_of(cand.begin(), cand.end(),
                           [item](const SlateEntry& e) { return e.item == item; });
    }

    void measureHead() {
        if (m_total < m_measuredAt * 1.01 && m_measuredAt > 0.0)
            return;
        m_measuredAt = m_total;
        const double target = m_headMass * m_total;
        double sum = 0.0;
        std::size_t p = 0;
        while (p < m_order.size() && sum < target)
            sum += m_count[m_order.at(p++)];
        m_headSize = p;
        m_headInteractions = sum;
    }

    // "... ranked #p by the N interactions seen, the head being the first H items (with
    // X of them); floor t of k places": the numbers the slate was built from.
    void placeAndFloor(ExplanationBuilder& b, ItemId item) const {
        b.text("item ranked ")
            .fact("rank by interactions seen", m_order.positionOf(item) + 1.0, Quantity::Count, 0)
            .text(" by its ")
            .fact("its interactions", m_count[item], Quantity::Count, 0)
            .text(" interactions; the head is the first ")
            .fact("head size (items)", static_cast<double>(m_headSize), Quantity::Count, 0)
            .text(" items, holding ")
            .fact("head interactions", m_headInteractions, Quantity::Count, 0)
            .text(" of ")
            .fact("interactions at the last count", m_measuredAt, Quantity::Count, 0)
            .text(" interactions; at least ")
            .fact("long-tail places required", m_required, Quantity::Count, 0)
            .text(" places go to the long tail");
    }

    int m_pool;
    double m_floor, m_headMass;
    std::vector<float> m_count;
    kit::RankedOrder m_order;
    double m_total = 0.0, m_measuredAt = 0.0, m_headInteractions = 0.0;
    std::size_t m_headSize = 0;
    // The last slate, for reason().
    int m_required = 0;
    double m_answerSize = 0.0;
    std::vector<ItemId> m_promoted, m_extra;
};

} // namespace

RecommenderEntry tailFloorRecommenderEntry() {
    RecommenderEntry e;
    e.id = "tail-floor";
    e.description = "Re-ranker: reserves a share of each slate for long-tail items (an "
                    "exposure floor for the catalogue's tail)";
    e.family = "re-ranker";
    e.params = {
        kit::textParam("inner", "popularity",
                       "Id of the core whose slates are re-ranked (built with its defaults)"),
        kit::intParam("pool", 1.0, 50.0, 3.0,
                      "Candidates asked from the inner core, as a multiple of k"),
        kit::realParam("floor", 0.0, 1.0, 0.3,
                       "Least share of each slate's places given to long-tail items"),
        kit::realParam("head_mass", 0.05, 0.99, 0.8,
                       "Share of all interactions held by the short head (the rest is the "
                       "long tail)"),
    };
    e.make = kit::makeOverInner<TailFloorRecommender>;
    return e;
}

} // namespace recoscope::core
