#include "stock_aware_recommender.h"

#include "composite_core.h"

#include "recoscope/core/demand_forecaster.h"

#include <algorithm>
#include <cmath>

namespace recoscope::core {

namespace {

// Re-ranks one inner core's pool x k candidates by
//   score = (1 - rank / pool size) - demotion x risk,   risk = max(0, 1 - cover / horizon),
// cover = stock / forecast daily sales (DemandForecaster, fed the events the core observes).
// An item with a day of cover left on a 3-day horizon loses two thirds of `demotion`; one
// with more than the horizon keeps its inner place. Without stock figures (a log replay:
// RecommenderContext::stock unset) nothing is demoted and the inner order stands.
class StockAwareRecommender final : public kit::CompositeCore {
public:
    StockAwareRecommender(const RecommenderContext& ctx, kit::CorePtr inner, std::string id,
                          const ParamValues& p)
        : CompositeCore(ctx, kit::onlyInner(std::move(inner)), {std::move(id)}), m_stock(ctx.stock),
          m_pool(p.integer("pool")), m_demotion(static_cast<float>(p.number("demotion"))),
          m_forecaster(ctx.items->size(), settings(p)) {}

protected:
    static ForecastSettings settings(const ParamValues& p) {
        ForecastSettings s;
        s.alpha = p.number("alpha");
        s.horizonDays = p.number("horizon_days");
        return s;
    }

    void learn(const Event& e, float w) override {
        m_forecaster.observe(e);
        CompositeCore::learn(e, w);
    }

    struct Risk {
        std::int32_t stock = -1;
        double rate = 0.0, cover = 0.0;
        float risk = 0.0f;
    };
    Risk riskOf(ItemId item, SimTime t) const {
        Risk r;
        if (!m_stock || item >= m_stock->size())
            return r;
        r.stock = (*m_stock)[item];
        if (r.stock < 0)
            return r; // unlimited stock
        r.rate = m_forecaster.rate(item, t);
        r.cover = DemandForecaster::daysOfCover(r.stock, r.rate);
        const double h = m_forecaster.settings().horizonDays;
        r.risk = static_cast<float>(std::max(0.0, 1.0 - r.cover / h));
        return r;
    }

    void rank(const Request& request, TopK& topk) override {
        const int k = static_cast<int>(topk.k());
        m_forecaster.advanceTo(request.time);
        const Slate& cand = ask(0, request, std::max(k, k * m_pool));
        const float denom = static_cast<float>(std::max<std::size_t>(cand.size(), 1));
        for (std::size_t r = 0; r < cand.size(); ++r) {
            const float rel = 1.0f - static_cast<float>(r) / denom;
            offer(request, topk, cand[r].item,
                  rel - m_demotion * riskOf(cand[r].item, request.time).risk);
        }
    }

    // The inner core's explanation, then the same arithmetic as rank().
    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        const int r = askedRank(0, entry.item);
        const auto m =
            static_cast<float>(m_asked.empty() ? 1 : std::max<std::size_t>(m_asked[0].size(), 1));
        const float rel = 1.0f - static_cast<float>(r) / m;
        const Risk risk = riskOf(entry.item, request.time);
        ExplanationBuilder b;
        b.quote(innerExplanation(0, request, entry.item));
        b.text(" Relevance from place ")
            .fact("place in the inner answer", r + 1, Quantity::Count, 0)
            .text(": ")
            .addend("1 - rank / answer size", rel, 3);
        if (risk.stock < 0) {
            b.text(" (stock unlimited or unknown: not demoted)");
        } else {
            b.text("; ")
                .fact("units in stock", risk.stock, Quantity::Count, 0)
                .text(" in stock at ")
                .fact("forecast units sold per day", risk.rate, Quantity::Count, 2)
                .text(" a day: ");
            if (std::isfinite(risk.cover))
                b.fact("days of cover", risk.cover, Quantity::Duration, 1).text(" days of cover");
            else
                b.text("no sale forecast");
            b.text(" (horizon ")
                .fact("horizon in days", m_forecaster.settings().horizonDays, Quantity::Duration, 1)
                .text(" days), demoted by ")
                .addend("- demotion x sell-out risk", -m_demotion * risk.risk, 3);
        }
        return b.text(" = score ").total("score", entry.score, Quantity::Score, 3).text(".").take();
    }

private:
    const std::vector<std::int32_t>* m_stock;
    int m_pool;
    float m_demotion;
    DemandForecaster m_forecaster;
};

} // namespace

RecommenderEntry stockAwareRecommenderEntry() {
    RecommenderEntry e;
    e.id = "stock-aware";
    e.description = "Re-ranker: demotes items forecast to sell out within a horizon of days";
    e.family = "re-ranker";
    e.params = {
        kit::textParam("inner", "popularity",
                       "Id of the core whose slates are re-ranked (built with its defaults)"),
        kit::intParam("pool", 1.0, 50.0, 3.0,
                      "Candidates asked from the inner core, as a multiple of k"),
        kit::realParam("horizon_days", 0.1, 60.0, 3.0,
                       "Items with fewer days of cover than this are demoted"),
        kit::realParam("demotion", 0.0, 10.0, 1.0,
                       "Relevance taken from an item about to sell out (rank-based, 0..1)"),
        kit::realParam("alpha", 0.01, 1.0, 0.3,
                       "Smoothing weight of the newest day in the daily sales forecast"),
    };
    e.make = kit::makeOverInner<StockAwareRecommender>;
    return e;
}

} // namespace recoscope::core
