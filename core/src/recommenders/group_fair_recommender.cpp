#include "group_fair_recommender.h"

#include "composite_core.h"

#include <algorithm>

namespace recoscope::core {

namespace {

// Narrows the CTR gap between groups of shoppers (docs/recommenders.md#group-fair,
// decision 0033). In the simulator a group's lower CTR comes from which items it is shown
// (the oracle serves every age band alike), so the re-ranker spends relevance where the
// worse-served group gains most: on the items that group has been seen to click.
//
// From the slates shown (observeSlate, no ground truth) it counts per group g of one
// attribute impressions n_g and clicks c_g, and per (g, item i) impressions n_gi and
// clicks c_gi. With CTR_g = c_g / n_g and CTR = all clicks / all impressions:
//   lift_gi = (c_gi + a CTR_g) / ((n_gi + a) CTR_g)     the item's CTR among g's shoppers
//             against g's mean, shrunk to 1 by a = kPrior impressions (unseen items: 1)
//   w_g     = strength x (1 - CTR_g / CTR)               "lift": only when > 0 (groups
//             served worse than average); "level": signed, so groups served better
//             than average have the items they click most pushed down (a cost to them)
// and a candidate at place r of the inner core's m = pool x k answer scores
//   (1 - r / m) + w_g (lift_gi - 1).
// w_g is 0 until g has kWarmUp impressions (a rate from fewer is noise) and for shoppers
// outside the user table. strength 0: the inner order, so the inner core's slates.
// Memory: groups x items x 2 counts (the users' table bounds the groups).
class GroupFairRecommender final : public kit::CompositeCore {
public:
    static constexpr double kPrior = 50.0;
    static constexpr double kWarmUp = 1000.0;

    GroupFairRecommender(const RecommenderContext& ctx, kit::CorePtr inner, std::string id,
                         const ParamValues& p)
        : CompositeCore(ctx, kit::onlyInner(std::move(inner)), {std::move(id)}),
          m_pool(static_cast<int>(p.integer("pool"))), m_strength(p.number("strength")),
          m_level(p.text("design") == "level"), m_codes(codesOf(*ctx.users, p.text("attribute"))),
          m_groups(std::max<std::size_t>(1, groupCountOf(*ctx.users, p.text("attribute")))),
          m_impressions(m_groups, 0.0), m_clicks(m_groups, 0.0),
          m_itemImpressions(m_groups * ctx.items->size(), 0.0f),
          m_itemClicks(m_groups * ctx.items->size(), 0.0f) {}

protected:
    static const std::vector<std::uint8_t>& codesOf(const UserTable& u, const std::string& a) {
        if (a == "gender")
            return u.gender;
        if (a == "occupation")
            return u.occupation;
        if (a == "region")
            return u.region;
        return u.ageBand;
    }
    static std::size_t groupCountOf(const UserTable& u, const std::string& a) {
        if (a == "gender")
            return u.genderCount;
        if (a == "occupation")
            return u.occupationCount;
        if (a == "region")
            return u.regionCount;
        return u.ageBandCount;
    }
    // The shopper's group, or -1 for a shopper the table does not know.
    int groupOf(UserId user) const {
        if (user >= m_codes.size() || m_codes[user] >= m_groups)
            return -1;
        return m_codes[user];
    }

    void onSlate(const Request& request, const Slate& slate, int clicked) override {
        const int g = groupOf(request.user);
        if (g < 0)
            return;
        const auto gi = static_cast<std::size_t>(g);
        const double shown = static_cast<double>(slate.size());
        m_impressions[gi] += shown;
        m_allImpressions += shown;
        for (const SlateEntry& e : slate)
            if (m_items.contains(e.item))
                m_itemImpressions[gi * m_items.size() + e.item] += 1.0f;
        if (clicked < 0 || static_cast<std::size_t>(clicked) >= slate.size())
            return;
        m_clicks[gi] += 1.0;
        m_allClicks += 1.0;
        const ItemId item = slate[static_cast<std::size_t>(clicked)].item;
        if (m_items.contains(item))
            m_itemClicks[gi * m_items.size() + item] += 1.0f;
    }

    double groupCtr(int g) const {
        const auto gi = static_cast<std::size_t>(g);
        return m_impressions[gi] > 0.0 ? m_clicks[gi] / m_impressions[gi] : 0.0;
    }
    double weight(int g) const {
        if (g < 0 || m_impressions[static_cast<std::size_t>(g)] < kWarmUp || m_allClicks <= 0.0 ||
            groupCtr(g) <= 0.0)
            return 0.0;
        const double w = m_strength * (1.0 - groupCtr(g) / (m_allClicks / m_allImpressions));
        return m_level ? w : std::max(0.0, w);
    }
    double lift(int g, ItemId item) const {
        const double ctr = groupCtr(g);
        if (g < 0 || ctr <= 0.0 || !m_items.contains(item))
            return 1.0;
        const std::size_t at = static_cast<std::size_t>(g) * m_items.size() + item;
        return (m_itemClicks[at] + kPrior * ctr) / ((m_itemImpressions[at] + kPrior) * ctr);
    }
    static double relevance(std::size_t r, std::size_t m) {
        return 1.0 - static_cast<double>(r) / static_cast<double>(std::max<std::size_t>(m, 1));
    }

    void rank(const Request& request, TopK& topk) override {
        const int k = static_cast<int>(topk.k());
        const Slate& cand = ask(0, request, std::max(k, k * m_pool));
        const int g = groupOf(request.user);
        const double w = weight(g);
        for (std::size_t r = 0; r < cand.size(); ++r) {
            const double s =
                relevance(r, cand.size()) + (w != 0.0 ? w * (lift(g, cand[r].item) - 1.0) : 0.0);
            offer(request, topk, cand[r].item, static_cast<float>(s));
        }
    }

    // The inner core's explanation, then the arithmetic of rank() from the same counts
    // (explain() runs before the slate's feedback reaches them).
    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        const int r = askedRank(0, entry.item);
        const std::size_t m = m_asked.empty() ? 0 : m_asked[0].size();
        const int g = groupOf(request.user);
        const double w = weight(g);
        ExplanationBuilder b;
        b.quote(innerExplanation(0, request, entry.item));
        b.text(" Relevance from place ")
            .fact("place in the inner answer", r + 1, Quantity::Count, 0)
            .text(" of ")
            .fact("inner answer size", static_cast<double>(m), Quantity::Count, 0)
            .text(": ")
            .addend("1 - place / answer size",
                    relevance(static_cast<std::size_t>(std::max(r, 0)), m), 3);
        if (w != 0.0) {
            const double l = lift(g, entry.item);
            b.text(" + your group's term ")
                .addend("group weight x (item lift - 1)", w * (l - 1.0), 3)
                .text(" (your group's CTR ")
                .percent("group CTR", groupCtr(g), Quantity::Share, 2)
                .text(" against ")
                .percent("CTR of all shoppers", m_allClicks / m_allImpressions, Quantity::Share, 2)
                .text(" gives weight ")
                .fact("group weight", w, Quantity::Score, 3)
                .text("; your group clicks this item ")
                .fact("item lift", l, Quantity::Weight, 2)
                .text(" times its average)");
        } else {
            b.text(" (no group term: your group is served at least as well as all shoppers, or "
                   "too few of its slates were seen yet)");
        }
        return b.text(" = score ").total("score", entry.score, Quantity::Score, 3).text(".").take();
    }

private:
    int m_pool;
    double m_strength;
    bool m_level;
    const std::vector<std::uint8_t>& m_codes;
    std::size_t m_groups;
    std::vector<double> m_impressions, m_clicks;
    double m_allImpressions = 0.0, m_allClicks = 0.0;
    std::vector<float> m_itemImpressions, m_itemClicks; // group-major: [g * items + item]
};

} // namespace

RecommenderEntry groupFairRecommenderEntry() {
    RecommenderEntry e;
    e.id = "group-fair";
    e.description = "Re-ranker: narrows the CTR gap between groups of shoppers by re-ranking "
                    "the slates of worse-served groups with what their group clicks";
    e.family = "re-ranker";
    e.params = {
        kit::textParam("inner", "popularity",
                       "Id of the core whose slates are re-ranked (built with its defaults)"),
        kit::intParam("pool", 1.0, 50.0, 5.0,
                      "Candidates asked from the inner core, as a multiple of k"),
        kit::choiceParam("attribute", {"age_band", "gender", "occupation", "region"}, "age_band",
                         "Which groups of shoppers to even out"),
        kit::realParam("strength", 0.0, 20.0, 4.0,
                       "Weight of the group's clicks per unit of its CTR shortfall (0 = "
                       "inner order)"),
        kit::choiceParam("design", {"lift", "level"}, "lift",
                         "lift: only groups served worse than average are re-ranked; level: "
                         "groups served better also lose the items they click most"),
    };
    e.make = kit::makeOverInner<GroupFairRecommender>;
    return e;
}

} // namespace recoscope::core
