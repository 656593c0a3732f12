#include "popularity_recommender.h"

#include "event_weights.h"
#include "exclusion_marks.h"
#include "ranked_order.h"
#include "recoscope/core/candidates.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace recoscope::core {

namespace {

// Decayed counts are kept relative to a reference time t0: an event at t adds
// w * exp((t - t0) / tau). Multiplying every score by the same factor keeps the order, so
// the decay never has to be applied item by item; t0 moves forward (and every score is
// rescaled once) before the scores could overflow — as floats, since the ranking compares
// float scores: exp(60) = 1.1e26 leaves 1e12 of headroom below FLT_MAX for the sums (the
// rebase used to wait for exp(300), by which time every busy item scored +inf and ranked by
// id; tst_popularity_internals caught it).
//
// The ranking is kept, not recomputed: m_order (kit::RankedOrder) holds every item by
// (float score desc, id asc) — exactly selectTopK's order — and an event only raises one
// item's score, so the item moves up past the few it overtakes. recommend() then reads the first k
// eligible items: O(k) instead of a scan of the catalogue (what makes a prequential replay run at
// millions of events per second). A rebase can merge float ties, so it re-sorts.
class PopularityRecommender final : public Recommender {
public:
    PopularityRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : m_items(*ctx.items), m_halfLifeHours(p.number("half_life_hours")), m_seed(ctx.seed),
          m_score(ctx.items->size(), 0.0), m_order(ctx.items->size()) {
        m_tau = m_halfLifeHours > 0.0 ? m_halfLifeHours * kSecondsPerHour / std::log(2.0) : 0.0;
    }

    void observe(const Event& e) override {
        const float w = implicitWeight(e.kind);
        if (w <= 0.0f || !m_items.contains(e.item))
            return;
        double add = w;
        if (m_tau > 0.0) {
            if ((e.time - m_t0) / m_tau > kMaxExponent)
                rebase(e.time);
            add *= std::exp((e.time - m_t0) / m_tau);
        }
        m_score[e.item] += add;
        m_order.update(e.item, key());
    }

    void recommend(const Request& request, Slate& out) override {
        out.clear();
        m_now = request.time;
        const std::size_t k = static_cast<std::size_t>(std::max(request.k, 0));
        // The walk passes every excluded item ranked above the k-th: with `fatigue`'s long
        // lists, marks instead of a search per item (kit::ExclusionMarks).
        m_excluded.reset(request, m_items.size());
        for (std::size_t i = 0; i < m_order.size() && out.size() < k; ++i) {
            const ItemId item = m_order.at(i);
            if (m_items.isAvailable(item) && !m_excluded.excludes(item))
                out.push_back({item, static_cast<float>(m_score[item]), 1.0f});
        }
        m_excluded.release();
        if (static_cast<int>(out.size()) < request.k)
            fillSlate(m_items, request, out, m_seed ^ static_cast<std::uint64_t>(request.user),
                      -1.0f);
    }

    Explanation explain(const Request&, const SlateEntry& entry) const override {
        const ItemId item = entry.item;
        if (!m_items.contains(item))
            return ExplanationBuilder(Explanation::Basis::Placeholder)
                .item(m_items, item)
                .text(" is not in this shop's catalogue.")
                .take();
        // Every eligible item is ranked (m_order holds the whole catalogue), so the score
        // is always m_score, as a float, as recommend() read it; fillSlate only runs when
        // fewer than k items are eligible at all, and then finds nothing more to add.
        const double score = static_cast<float>(m_score[item]);
        ExplanationBuilder b;
        b.item(m_items, item)
            .text(score > 0.0 ? " is among the most popular items: weighted interaction score "
                              : " has no interactions yet: weighted interaction score ");
        b.total("weighted interaction score", score, Quantity::Weight, 1)
            .text(" (view ")
            .fact("view weight", implicitWeight(EventKind::View), Quantity::Weight, 0)
            .text(", favourite ")
            .fact("favourite weight", implicitWeight(EventKind::Favourite), Quantity::Weight, 0)
            .text(", cart ")
            .fact("cart weight", implicitWeight(EventKind::CartAdd), Quantity::Weight, 0)
            .text(", purchase ")
            .fact("purchase weight", implicitWeight(EventKind::Purchase), Quantity::Weight, 0);
        if (m_tau <= 0.0)
            return b.text(").").take();
        // Decayed counts live on the core's reference clock (see above): the score is the
        // sum as of m_t0; as of the request it is smaller by the same factor for every item.
        return b.text("; each interaction halves every ")
            .fact("half-life (hours)", m_halfLifeHours, Quantity::Duration, 1)
            .text(" h of age, counted at the core's reference time, hour ")
            .fact("reference time (hours)", m_t0 / kSecondsPerHour, Quantity::Duration, 1)
            .text("; as of now it is worth ")
            .fact("weighted interactions as of the request",
                  m_score[item] * std::exp((m_t0 - m_now) / m_tau), Quantity::Weight, 1)
            .text(").")
            .take();
    }

private:
    // The ranking key: the float the slate reports (kit::RankedOrder breaks ties by id).
    struct Key {
        const std::vector<double>* score;
        float operator()(ItemId i) const { return static_cast<float>((*score)[i]); }
    };
    Key key() const { return {&m_score}; }

    void rebase(SimTime t) {
        const double factor = std::exp((m_t0 - t) / m_tau);
        for (double& s : m_score)
            s *= factor;
        m_t0 = t;
        m_order.resort(key());
    }

    static constexpr double kMaxExponent = 60.0;

    const ItemTable& m_items;
    double m_halfLifeHours;
    double m_tau = 0.0;
    std::uint64_t m_seed;
    SimTime m_t0 = 0.0;
    SimTime m_now = 0.0; ///< time of the last request (explain)
    std::vector<double> m_score;
    kit::RankedOrder m_order;       ///< every item, best first
    kit::ExclusionMarks m_excluded; ///< the current request's exclusions
};

} // namespace

RecommenderEntry popularityRecommenderEntry() {
    RecommenderEntry e;
    e.id = "popularity";
    e.description = "Most interacted-with items (view 1, favourite 2, cart 3, purchase 5), "
                    "optionally time-decayed";
    e.family = "baseline";
    e.params = {
        {"half_life_hours",
         ParamKind::Real,
         0.0,
         8760.0,
         0.0,
         "Half-life of an interaction's weight in simulated hours; 0 = no decay (all-time counts)",
         {}}};
    e.make = [](const RecommenderContext& ctx, const ParamValues& p,
                const RecommenderRegistry&) -> Result<std::unique_ptr<Recommender>> {
        return std::unique_ptr<Recommender>(new PopularityRecommender(ctx, p));
    };
    return e;
}

} // namespace recoscope::core
