#include "popularity_recommender.h"

#include "event_weights.h"
#include "recoscope/core/candidates.h"

#include <cmath>
#include <vector>

namespace recoscope::core {

namespace {

// Decayed counts are kept relative to a reference time t0: an event at t adds
// w * exp((t - t0) / tau). Multiplying every score by the same factor keeps the order, so
// the decay never has to be applied item by item; t0 moves forward (and every score is
// rescaled once) before the exponent could overflow.
class PopularityRecommender final : public Recommender {
public:
    PopularityRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : m_items(*ctx.items), m_halfLifeHours(p.number("half_life_hours")), m_seed(ctx.seed),
          m_score(ctx.items->size(), 0.0) {
        m_tau = m_halfLifeHours > 0.0 ? m_halfLifeHours * kSecondsPerHour / std::log(2.0) : 0.0;
    }

    void observe(const Event& e) override {
        const float w = implicitWeight(e.kind);
        if (w <= 0.0f || !m_items.contains(e.item))
            return;
        double add = w;
        if (m_tau > 0.0) {
            if ((e.time - m_t0) / m_tau > 300.0)
                rebase(e.time);
            add *= std::exp((e.time - m_t0) / m_tau);
        }
        m_score[e.item] += add;
    }

    void recommend(const Request& request, Slate& out) override {
        out.clear();
        selectTopK(m_items, request, static_cast<std::size_t>(std::max(request.k, 0)), m_topk,
                   [this](ItemId item) { return static_cast<float>(m_score[item]); });
        m_topk.drainInto(out);
        if (static_cast<int>(out.size()) < request.k)
            fillSlate(m_items, request, out, m_seed ^ static_cast<std::uint64_t>(request.user),
                      -1.0f);
    }

    std::string explain(const Request& request, ItemId item) const override {
        if (!m_items.contains(item) || m_score[item] <= 0.0)
            return describeItem(m_items, item) +
                   " fills the slate: no shopper has interacted with it yet.";
        const double now =
            m_tau > 0.0 ? m_score[item] * std::exp((m_t0 - request.time) / m_tau) : m_score[item];
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.1f", now);
        std::string why = describeItem(m_items, item) +
                          " is among the most popular items (weighted interaction score " + buf +
                          ")";
        if (m_tau > 0.0)
            why += ", recent interactions counting more (half-life " +
                   std::to_string(static_cast<int>(m_halfLifeHours)) + " h)";
        return why + ".";
    }

private:
    void rebase(SimTime t) {
        const double factor = std::exp((m_t0 - t) / m_tau);
        for (double& s : m_score)
            s *= factor;
        m_t0 = t;
    }

    const ItemTable& m_items;
    double m_halfLifeHours;
    double m_tau = 0.0;
    std::uint64_t m_seed;
    SimTime m_t0 = 0.0;
    std::vector<double> m_score;
    TopK m_topk;
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
