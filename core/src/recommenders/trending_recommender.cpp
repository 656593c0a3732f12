#include "trending_recommender.h"

#include "category_blocks.h"
#include "recoscope/core/introspection.h"
#include "suite_kit.h"

namespace recoscope::core {

namespace {

// Trending: an item trends when its short-horizon activity is high relative to its
// long-horizon baseline (a ratio of two decayed counts, the "velocity" score used by
// trending lists). The ratio is damped by a prior so that one view of an unseen item is not
// a trend. Items are then weighted by the user's interest in their top category (from the
// recent history, or the product being viewed), so each shopper sees what trends in the
// categories they browse; a user without history sees what trends shop-wide.
class TrendingRecommender final : public kit::SuiteCore, public FullScanProbe {
public:
    TrendingRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : SuiteCore(ctx, 20), m_layout(*ctx.items),
          m_short(m_layout.positions(), p.number("short_half_life_hours")),
          m_long(m_layout.positions(), p.number("long_half_life_hours")),
          m_prior(static_cast<float>(p.number("prior"))),
          m_ratio(p.number("short_half_life_hours") / p.number("long_half_life_hours")),
          m_categoryWeight(static_cast<float>(p.number("category_weight"))),
          m_catAffinity(ctx.items->categoryCount() + 1, 0.0f) {}

    // FullScanProbe (test-only): score every item through SuiteCore::scanAll, the path
    // before decision 0043.
    void setFullScan(bool on) override { m_fullScan = on; }

protected:
    void learn(const Event& e, float w) override {
        if (w <= 0.0f)
            return;
        // The counters are kept by layout position (items grouped by top category) so a
        // request can bound whole blocks; every slot's arithmetic is what it was by item.
        const std::uint32_t p = m_layout.positionOf(e.item);
        m_short.add(p, w, e.time);
        m_long.add(p, w, e.time);
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
        // The trend of every position first (the counters are kept in m_layout's order),
        // in a loop without branches or lookups that the compiler vectorises, with each
        // block's largest trend. Then the category factor, the same expression per category
        // instead of per item, so every score has the bits it had when both were computed
        // item by item, in item order (tests/golden/cores.csv).
        m_layout.setValues([&](std::size_t p) {
            const float s = rs[p] * fs;
            return s * s / (rl[p] * fl + m_prior);
        });
        m_factor.resize(m_catAffinity.size());
        for (std::size_t c = 0; c < m_catAffinity.size(); ++c)
            m_factor[c] = 1.0f + m_categoryWeight * m_catAffinity[c] * inv;
        if (m_fullScan) {
            // The reference: every item's trend again, one by one, times its factor.
            scanAll(request, topk, [&](ItemId i) {
                const std::uint32_t p = m_layout.positionOf(i);
                const float s = rs[p] * fs;
                return s * s / (rl[p] * fl + m_prior) * m_factor[m_items.topCategory[i]];
            });
            return;
        }
        // Then only the blocks of the layout whose largest trend times their category's
        // factor can still enter, best bound first (kit::CategoryBlocks): trends are >= 0
        // (a square over a positive sum, the prior being > 0; padding has zero counts) and
        // factors >= 1, as the bound requires. The per-item threshold, availability and
        // exclusion tests of a scan over all 10,000 items were most of what was left
        // (decision 0043).
        m_layout.topK(m_items, request, m_factor.data(), topk);
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
        const std::uint32_t pos = m_layout.positionOf(item);
        const float s = m_short.raw(pos) * static_cast<float>(m_short.scaleAt(m_now));
        const float l = m_long.raw(pos) * static_cast<float>(m_long.scaleAt(m_now) * m_ratio);
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
    kit::CategoryBlocks m_layout; // before the counters, which are indexed by its positions
    kit::DecayedCounter m_short;
    kit::DecayedCounter m_long;
    float m_prior;
    double m_ratio;
    float m_categoryWeight;
    std::vector<float> m_catAffinity;
    std::vector<float> m_factor; // per category, scratch of rank()
    bool m_fullScan = false;
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
