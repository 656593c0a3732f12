#include "demographic_recommender.h"

#include "ranked_order.h"
#include "suite_kit.h"

namespace recoscope::core {

namespace {

// Demographic filtering: popularity within the user's segment (age band x gender, or a
// finer/coarser key), shrunk towards global popularity by `shrinkage` pseudo-events so
// that a thin segment does not follow three shoppers' whims. Answers a new user from the
// first request, which is what it is for.
//
// Issue 17: the score seg * fs + g * pop is non-decreasing in the segment's raw count and in
// the global raw count, so instead of scanning the catalogue rank() runs the threshold
// algorithm over two kept orders, the segment's items by raw count and the shop's items by
// raw popularity (RankedOrder, one item moved per event, sorted again after a decay rebase).
// Same slate and scores as the scan (tst_incremental_topk); 8 bytes per (segment, item).
class DemographicRecommender final : public kit::SuiteCore {
public:
    DemographicRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : SuiteCore(ctx, 1, p.number("half_life_hours")), m_key(p.text("segment")),
          m_shrinkage(static_cast<float>(p.number("shrinkage"))), m_segments(segmentCount()),
          m_counts(static_cast<std::size_t>(m_segments) * ctx.items->size(),
                   p.number("half_life_hours")),
          m_bySegment(static_cast<std::size_t>(m_segments), kit::RankedOrder(ctx.items->size())),
          m_byPopular(ctx.items->size()), m_stamp(ctx.items->size(), 0u) {}

protected:
    auto segmentKey(std::size_t seg) const {
        const std::size_t base = seg * m_items.size();
        return [this, base](ItemId i) { return m_counts.raw(base + i); };
    }

    void learn(const Event& e, float w) override {
        if (w <= 0.0f)
            return;
        // SuiteCore has just added the event to m_popular.
        const auto popular = [this](ItemId i) { return m_popular.raw(i); };
        if (m_popular.rebases() != m_popularRebases) {
            m_popularRebases = m_popular.rebases();
            m_byPopular.resort(popular);
        } else {
            m_byPopular.update(e.item, popular);
        }
        const int s = segmentOf(e.user);
        if (s < 0)
            return;
        m_counts.add(static_cast<std::size_t>(s) * m_items.size() + e.item, w, e.time);
        if (m_counts.rebases() != m_countRebases) {
            m_countRebases = m_counts.rebases();
            for (std::size_t seg = 0; seg < m_bySegment.size(); ++seg)
                m_bySegment[seg].resort(segmentKey(seg));
        } else {
            m_bySegment[static_cast<std::size_t>(s)].update(
                e.item, segmentKey(static_cast<std::size_t>(s)));
        }
        m_segTotal.resize(static_cast<std::size_t>(m_segments), 0.0);
        m_segTotal[static_cast<std::size_t>(s)] += w; // undecayed, only for the explanation
    }

    void rank(const Request& request, TopK& topk) override {
        const int s = segmentOf(request.user);
        if (s < 0)
            return;
        const auto& seg = m_counts.rawValues();
        const std::size_t base = static_cast<std::size_t>(s) * m_items.size();
        const float fs = static_cast<float>(m_counts.scaleAt(m_now));
        const float fg = static_cast<float>(m_popular.scaleAt(m_now));
        const double globalTotal = std::max(m_popular.totalAt(m_now), 1e-9);
        const float g = m_shrinkage * fg / static_cast<float>(globalTotal);
        const auto& pop = m_popular.rawValues();
        kit::thresholdTopK(
            m_bySegment[static_cast<std::size_t>(s)], m_byPopular, topk, m_stamp, m_generation,
            [&](ItemId i) { return seg[base + i] * fs + g * pop[i]; },
            [&](ItemId a, ItemId b) { return seg[base + a] * fs + g * pop[b]; },
            [&](ItemId i) { return isEligible(m_items, request, i); });
    }

    // rank()'s two parts for one item: the segment's decayed interest in it, plus the
    // global popularity it is shrunk towards (shrinkage pseudo-events spread like the shop's).
    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        const ItemId item = entry.item;
        const int s = segmentOf(request.user);
        const std::size_t at = static_cast<std::size_t>(s) * m_items.size() + item;
        const float seg = m_counts.raw(at) * static_cast<float>(m_counts.scaleAt(m_now));
        const double globalTotal = std::max(m_popular.totalAt(m_now), 1e-9);
        const float g = m_shrinkage * static_cast<float>(m_popular.scaleAt(m_now)) /
                        static_cast<float>(globalTotal);
        const float pulled = g * m_popular.raw(item);
        ExplanationBuilder b;
        b.item(m_items, item).text(" is popular with shoppers like you (");
        segmentName(request.user, b);
        return b.text("): segment interest score ")
            .addend("segment's decayed interest", seg, 3, Quantity::Weight)
            .text(" + ")
            .addend("pulled towards shop-wide popularity", pulled, 3, Quantity::Weight)
            .text(" from shop-wide popularity (shrinkage ")
            .fact("shrinkage pseudo-events", m_shrinkage, Quantity::Weight, 1)
            .text(") = score ")
            .total("score", entry.score, Quantity::Weight, 3)
            .text(".")
            .take();
    }

private:
    int segmentCount() const {
        const int a = std::max<int>(m_users.ageBandCount, 1),
                  g = std::max<int>(m_users.genderCount, 1),
                  r = std::max<int>(m_users.regionCount, 1),
                  o = std::max<int>(m_users.occupationCount, 1);
        if (m_key == "age")
            return a;
        if (m_key == "age-gender")
            return a * g;
        if (m_key == "age-gender-region")
            return a * g * r;
        return o; // occupation
    }
    int segmentOf(UserId u) const {
        if (!m_users.contains(u))
            return -1;
        const int a = m_users.ageBand[u], g = m_users.gender[u], r = m_users.region[u],
                  o = m_users.occupation[u];
        const int gc = std::max<int>(m_users.genderCount, 1),
                  rc = std::max<int>(m_users.regionCount, 1);
        int s = 0;
        if (m_key == "age")
            s = a;
        else if (m_key == "age-gender")
            s = a * gc + g;
        else if (m_key == "age-gender-region")
            s = (a * gc + g) * rc + r;
        else
            s = o;
        return s < m_segments ? s : -1;
    }
    void segmentName(UserId u, ExplanationBuilder& b) const {
        if (m_key == "occupation") {
            b.text("occupation group ")
                .fact("occupation group", m_users.occupation[u], Quantity::Label, 0);
            return;
        }
        b.text("age band ").fact("age band", m_users.ageBand[u], Quantity::Label, 0);
        if (m_key != "age")
            b.text(", gender ").fact("gender", m_users.gender[u], Quantity::Label, 0);
        if (m_key == "age-gender-region")
            b.text(", region ").fact("region", m_users.region[u], Quantity::Label, 0);
    }

    std::string m_key;
    float m_shrinkage;
    int m_segments;
    kit::DecayedCounter m_counts;
    std::vector<double> m_segTotal;
    std::vector<kit::RankedOrder> m_bySegment; ///< per segment: items by raw count
    kit::RankedOrder m_byPopular;              ///< items by raw global popularity
    std::uint64_t m_popularRebases = 0, m_countRebases = 0;
    std::vector<std::uint32_t> m_stamp; ///< thresholdTopK's marks
    std::uint32_t m_generation = 0;
};

} // namespace

RecommenderEntry demographicRecommenderEntry() {
    RecommenderEntry e;
    e.id = "demographic";
    e.description = "Popularity within the shopper's demographic segment: the new-user answer";
    e.family = "demographic";
    e.params = {
        kit::choiceParam("segment", {"age", "age-gender", "age-gender-region", "occupation"},
                         "age-gender", "Demographic key that defines a segment"),
        kit::realParam("shrinkage", 0.0, 100000.0, 20.0,
                       "Pseudo-interactions pulling a segment towards global popularity"),
        kit::realParam("half_life_hours", 0.0, 8760.0, 168.0,
                       "Half-life of an interaction (hours); 0 = no decay"),
    };
    e.make = kit::factoryOf<DemographicRecommender>();
    return e;
}

} // namespace recoscope::core
