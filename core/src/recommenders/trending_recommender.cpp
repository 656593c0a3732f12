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
        const float* rs = m_short.rawValues().data();
        const float* rl = m_long.rawValues().data();
        // The trend of every item first, in a loop without branches or lookups that the
        // compiler vectorises: the division per item was most of a request's cost. Then
        // the category factor, the same expression per category instead of per item, so
        // every score has the bits it had when both were computed item by item.
        const std::size_t n = m_items.size();
        m_trend.resize(n);
        float* trend = m_trend.data();
        for (std::size_t i = 0; i < n; ++i) {
            const float s = rs[i] * fs;
            trend[i] = s * s / (rl[i] * fl + m_prior);
        }
        m_factor.resize(m_catAffinity.size());
        for (std::size_t c = 0; c < m_catAffinity.size(); ++c)
            m_factor[c] = 1.0f + m_categoryWeight * m_catAffinity[c] * inv;
        scanAll(request, topk,
                [&](ItemId i) { return trend[i] * m_factor[m_items.topCategory[i]]; });
    }

    // rank()'s arithmetic again for one item: trend t = s^2 / (l + prior) with the short
    // count s and the scaled long count l as of m_now, plus the category boost
    // t * weight * (the shopper's share of interest in the item's top category).
    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        const ItemId item = entry.item;
        const std::uint32_t top = m_items.topCategory[item];
        float total = 0.0f, mine = 0.0f;
        if (const kit::HistoryRing* h = historyOf(request.user))
            for (const kit::Interaction& x : h->raw()) {
                mine += m_items.topCategory[x.item] == top ? x.weight : 0.0f;
                total += x.weight;
            }
        if (m_items.contains(request.contextItem)) {
            mine += m_items.topCategory[request.contextItem] == top ? total + 1.0f : 0.0f;
            total += total + 1.0f;
        }
        const float share = total > 0.0f ? mine * (1.0f / total) : 0.0f;
        const float s = m_short.raw(item) * static_cast<float>(m_short.scaleAt(m_now));
        const float l = m_long.raw(item) * static_cast<float>(m_long.scaleAt(m_now) * m_ratio);
        const float t = s * s / (l + m_prior);
        const float boost = t * m_categoryWeight * share;
        ExplanationBuilder b;
        b.item(m_items, item)
            .text(" is trending in ")
            .name(m_items.categoryName[top])
            .text(": recent activity ")
            .fact("recent activity (short half-life count)", s, Quantity::Weight, 2)
            .text(" against a baseline of ")
            .fact("baseline (long half-life count, rescaled)", l, Quantity::Weight, 2)
            .text(" gives a trend of ")
            .fact("recent activity", s, Quantity::Weight, 2)
            .text(" squared / (")
            .fact("baseline", l, Quantity::Weight, 2)
            .text(" + prior ")
            .fact("prior", m_prior, Quantity::Weight, 2)
            .text(") = ")
            .addend("trend", t, 3);
        if (share > 0.0f && m_categoryWeight > 0.0f)
            b.text("; your share of interest in its department, ")
                .percent("share of your recent interest in this top category", share,
                         Quantity::Share, 0)
                .text(", adds x")
                .fact("category weight", m_categoryWeight, Quantity::Weight, 1)
                .text(" of it: ")
                .addend("category boost", boost, 3);
        return b.text("; score ").total("score", entry.score, Quantity::Weight, 3).text(".").take();
    }

private:
    kit::DecayedCounter m_short;
    kit::DecayedCounter m_long;
    float m_prior;
    double m_ratio;
    float m_categoryWeight;
    std::vector<float> m_catAffinity;
    std::vector<float> m_trend;  // per item, scratch of rank()
    std::vector<float> m_factor; // per category, scratch of rank()
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
