// Baselines beyond random and popularity: trending per category and recently viewed /
// re-buy. Both are cheap, explainable and the usual first lines of a shop's home page.

#include "suite_entries.h"
#include "suite_kit.h"

#include <array>

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

    std::string reason(const Request& request, ItemId item) const override {
        const kit::HistoryRing* h = historyOf(request.user);
        if (!h)
            return {};
        for (std::size_t n = 0; n < h->size(); ++n) {
            const kit::Interaction& x = h->recent(n);
            if (x.item != item)
                continue;
            const double hours = std::max(0.0, request.time - x.time) / kSecondsPerHour;
            const std::string verb = x.kind == EventKind::Purchase    ? "bought"
                                     : x.kind == EventKind::CartAdd   ? "put in your cart"
                                     : x.kind == EventKind::Favourite ? "saved"
                                                                      : "looked at";
            return "You " + verb + " " + describeItem(m_items, item) + " " + kit::fmt(hours, 1) +
                   " hours ago" + (x.kind == EventKind::Purchase ? "; time to buy it again?" : ".");
        }
        return {};
    }

private:
    double m_tau;
    float m_purchaseBoost;
    std::vector<std::pair<ItemId, float>> m_acc;
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
