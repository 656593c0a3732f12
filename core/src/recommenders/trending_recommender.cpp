#include "trending_recommender.h"

#include "suite_kit.h"

namespace recoscope::core {

namespace {

// Trending: an item trends when its short-horizon activity is high relative to its
// long-horizon baseline (a ratio of two decayed counts, the "velocity" score used by
// trending lists). The ratio is damped by a prior so that one view of an unseen item is not
// a trend. Items are then weighted by the user's interest in their top category (from the
// recent history, or the product being viewed), so each shopper sees what trends in the
// categories they browse; a user without history sees what trends shop-wide.
class TrendingRecommender final : public kit::SuiteCore {
public:
    TrendingRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : SuiteCore(ctx, 20), m_short(ctx.items->size(), p.number("short_half_life_hours")),
          m_long(ctx.items->size(), p.number("long_half_life_hours")),
          m_prior(static_cast<float>(p.number("prior"))),
          m_ratio(p.number("short_half_life_hours") / p.number("long_half_life_hours")),
          m_categoryWeight(static_cast<float>(p.number("category_weight"))),
          m_catAffinity(ctx.items->categoryCount() + 1, 0.0f) {}

protected:
    void learn(const Event& e, float w) override {
        if (w <= 0.0f)
            return;
        m_short.add(e.item, w, e.time);
        m_long.add(e.item, w, e.time);
    }

    void rank(const Request& request, TopK& topk) override {
        std::fill(m_catAffinity.begin(), m_catAffinity.end(), 0.0f);
        float total = 0.0f;
        if (const kit::HistoryRing* h = historyOf(request.user))
            for (const kit::Interaction& x : h->raw()) {
                m_catAffinity[m_items.topCategory[x.item]] += x.weight;
                total += x.weight;
            }
        if (m_items.contains(request.contextItem)) {
            m_catAffinity[m_items.topCategory[request.contextItem]] += total + 1.0f;
            total += total + 1.0f;
        }
        const float inv = total > 0.0f ? 1.0f / total : 0.0f;
        const float fs = static_cast<float>(m_short.scaleAt(m_now));
        const float fl = static_cast<float>(m_long.scaleAt(m_now) * m_ratio);
        const auto& rs = m_short.rawValues();
        const auto& rl = m_long.rawValues();
        scanAll(request, topk, [&](ItemId i) {
            const float s = rs[i] * fs;
            const float t = s * s / (rl[i] * fl + m_prior);
            return t * (1.0f + m_categoryWeight * m_catAffinity[m_items.topCategory[i]] * inv);
        });
    }

    std::string reason(const Request&, ItemId item) const override {
        if (!m_items.contains(item) || m_short.at(item, m_now) <= 0.0)
            return {};
        return describeItem(m_items, item) + " is trending in " +
               m_items.categoryName[m_items.topCategory[item]] + ": recent activity " +
               kit::fmt(m_short.at(item, m_now), 1) + " against a baseline of " +
               kit::fmt(m_long.at(item, m_now) * m_ratio, 1) + ".";
    }

private:
    kit::DecayedCounter m_short;
    kit::DecayedCounter m_long;
    float m_prior;
    double m_ratio;
    float m_categoryWeight;
    std::vector<float> m_catAffinity;
};

} // namespace

RecommenderEntry trendingRecommenderEntry() {
    RecommenderEntry e;
    e.id = "trending";
    e.description =
        "Items whose recent activity outpaces their baseline, weighted by the shopper's categories";
    e.family = "baseline";
    e.params = {
        kit::realParam("short_half_life_hours", 0.1, 168.0, 3.0,
                       "Half-life of the 'recent activity' count (hours)"),
        kit::realParam("long_half_life_hours", 1.0, 2160.0, 72.0,
                       "Half-life of the baseline count (hours)"),
        kit::realParam("prior", 0.01, 1000.0, 2.0,
                       "Damping added to the baseline so a few views are not a trend"),
        kit::realParam(
            "category_weight", 0.0, 100.0, 20.0,
            "How much the shopper's share of interest in a top category boosts its items"),
    };
    e.make = kit::factoryOf<TrendingRecommender>();
    return e;
}

} // namespace recoscope::core
