#include "itemknn_recommender.h"

#include "event_weights.h"
#include "recoscope/core/candidates.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace recoscope::core {

namespace {

// Item-based CF, learnt online (Sarwar et al. 2001; Linden et al. 2003, "also bought").
// When a user interacts with item i, i co-occurs with every item in the user's last
// `history` interactions: co(i,j) += min(w_i, w_j). Similarity is co(i,j) / sqrt(n_i n_j)
// with n_i the item's total weight: the cosine of the two items' user vectors when each
// shopper touches each item once, but repeated interactions (a shopper coming back to i
// after j) add to co(i,j) again and can push it above 1, so explanations call it a
// co-occurrence similarity, not a cosine. A request sums the similarities of the seeds:
// the viewed product (weight 2) and the user's last `history` interactions, the n-th most
// recent weighing 0.9^n sqrt(w).
// Memory stays bounded by users and items: each user keeps a fixed-size history ring and
// each item at most `neighbours` co-occurrence slots; when full, the weakest slot is
// replaced (space-saving style), so strong pairs survive and the state never grows with
// the number of events.
class ItemKnnRecommender final : public Recommender {
public:
    ItemKnnRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : m_items(*ctx.items), m_historyLength(static_cast<std::size_t>(p.integer("history"))),
          m_maxNeighbours(static_cast<std::size_t>(p.integer("neighbours"))), m_seed(ctx.seed),
          m_weight(ctx.items->size(), 0.0f), m_neighbours(ctx.items->size()),
          m_scratch(ctx.items->size(), 0.0f) {}

    void observe(const Event& e) override {
        const float w = implicitWeight(e.kind);
        if (w <= 0.0f || !m_items.contains(e.item) || e.user == kNoUser)
            return;
        m_weight[e.item] += w;
        ++m_popularDirty;
        History& h = history(e.user);
        for (const auto& [j, wj] : h.entries) {
            if (j == e.item)
                continue;
            const float c = std::min(w, wj);
            bump(e.item, j, c);
            bump(j, e.item, c);
        }
        h.push({e.item, w}, m_historyLength);
    }

    void recommend(const Request& request, Slate& out) override {
        out.clear();
        const std::size_t k = static_cast<std::size_t>(std::max(request.k, 0));
        // Seeds: the context item (strongest), then the user's history, most recent first.
        m_touched.clear();
        if (m_items.contains(request.contextItem))
            accumulate(request.contextItem, 2.0f);
        if (request.user < m_users.size()) {
            const History& h = m_users[request.user];
            float recency = 1.0f;
            for (std::size_t n = 0; n < h.entries.size(); ++n) {
                const auto& [item, w] =
                    h.entries[(h.next + h.entries.size() - 1 - n) % h.entries.size()];
                accumulate(item, recency * std::sqrt(w));
                recency *= 0.9f;
            }
        }
        m_topk.reset(k);
        for (ItemId c : m_touched) {
            const float s = m_scratch[c];
            m_scratch[c] = 0.0f;
            // What the shopper saw or bought may come back (re-consideration); what must
            // not is in request.exclude, which isEligible honours.
            if (s > 0.0f && m_topk.admits(s, c) && isEligible(m_items, request, c))
                m_topk.offer(c, s);
        }
        m_topk.drainInto(out);
        m_rankedCount = out.size();
        if (out.size() < k)
            fillWithPopular(request, out, k);
        m_popularEnd = out.size();
        if (out.size() < k)
            fillSlate(m_items, request, out, m_seed ^ request.user, -1.0f);
        m_lastItems.clear();
        for (const SlateEntry& e : out)
            m_lastItems.push_back(e.item);
    }

    Explanation explain(const Request& request, const SlateEntry& entry) const override {
        const ItemId item = entry.item;
        const auto at = std::find(m_lastItems.begin(), m_lastItems.end(), item);
        const std::size_t pos = static_cast<std::size_t>(at - m_lastItems.begin());
        if (at != m_lastItems.end() && pos < m_rankedCount)
            return explainRanked(request, entry);
        ExplanationBuilder b(Explanation::Basis::Placeholder);
        if (at == m_lastItems.end())
            return b.item(m_items, item)
                .text(" was not in the last slate this core served, so it has no explanation.")
                .take();
        if (pos < m_popularEnd)
            return b.item(m_items, item)
                .text(" is a popular fallback (interaction weight ")
                .fact("total interaction weight", m_weight[item], Quantity::Weight, 1)
                .text("): nothing you interacted with has been bought or viewed together with it "
                      "yet, and its score only keeps the order.")
                .take();
        return b.item(m_items, item)
            .text(" fills the slate: no shopper has interacted with it yet.")
            .take();
    }

private:
    struct Slot {
        ItemId item;
        float count;
    };
    struct History {
        std::vector<std::pair<ItemId, float>> entries;
        std::size_t next = 0;
        void push(std::pair<ItemId, float> e, std::size_t cap) {
            if (entries.size() < cap) {
                entries.push_back(e);
                next = entries.size() % cap;
            } else {
                entries[next] = e;
                next = (next + 1) % cap;
            }
        }
    };

    History& history(UserId user) {
        if (user >= m_users.size())
            m_users.resize(static_cast<std::size_t>(user) + 1);
        return m_users[user];
    }

    void bump(ItemId i, ItemId j, float c) {
        std::vector<Slot>& slots = m_neighbours[i];
        for (Slot& s : slots)
            if (s.item == j) {
                s.count += c;
                return;
            }
        if (slots.size() < m_maxNeighbours) {
            slots.push_back({j, c});
            return;
        }
        auto weakest =
            std::min_element(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) {
                return a.count < b.count || (a.count == b.count && a.item > b.item);
            });
        // Space-saving replacement: the newcomer inherits the evicted count, which bounds
        // the overestimate and lets a rising pair climb.
        weakest->item = j;
        weakest->count += c;
    }

    // The score of a ranked item, seed by seed, in recommend()'s order and float arithmetic:
    // the seeds' weights (context 2, history 0.9^n sqrt(w)) times their co-occurrence
    // similarity with the item, summed. The same seed item met twice adds its weights.
    Explanation explainRanked(const Request& request, const SlateEntry& entry) const {
        struct Part {
            ItemId seed;
            float weight = 0.0f, sim = 0.0f;
            double value = 0.0;
            bool context = false;
        };
        std::vector<Part> parts;
        auto add = [&](ItemId seed, float w, bool context) {
            const float sim = similarity(seed, entry.item);
            if (sim <= 0.0f)
                return;
            auto it = std::find_if(parts.begin(), parts.end(),
                                   [&](const Part& p) { return p.seed == seed; });
            if (it == parts.end())
                it = parts.insert(parts.end(), Part{seed, 0.0f, sim, 0.0, context});
            it->weight += w;
            it->value += static_cast<double>(w * sim);
        };
        if (m_items.contains(request.contextItem))
            add(request.contextItem, 2.0f, true);
        if (request.user < m_users.size()) {
            const History& h = m_users[request.user];
            float recency = 1.0f;
            for (std::size_t n = 0; n < h.entries.size(); ++n) {
                const auto& [seed, w] =
                    h.entries[(h.next + h.entries.size() - 1 - n) % h.entries.size()];
                add(seed, recency * std::sqrt(w), false);
                recency *= 0.9f;
            }
        }
        std::stable_sort(parts.begin(), parts.end(),
                         [](const Part& a, const Part& b) { return a.value > b.value; });
        ExplanationBuilder b;
        if (parts.empty()) // cannot happen for a ranked item; said plainly if it does
            return b.item(m_items, entry.item)
                .text(" was ranked with score ")
                .total("score", entry.score, Quantity::Similarity, 2)
                .text(" although none of your items co-occurs with it.")
                .take();
        b.text("Shoppers who interacted with ")
            .item(m_items, parts[0].seed)
            .text(parts[0].context ? " (the product you are looking at) also interacted with "
                                   : " also interacted with ")
            .item(m_items, entry.item)
            .text(": ");
        const std::size_t shown = std::min<std::size_t>(parts.size(), 2);
        for (std::size_t p = 0; p < shown; ++p) {
            const Part& x = parts[p];
            if (p > 0)
                b.text("; plus ")
                    .item(m_items, x.seed)
                    .text(x.context ? " (the product you are looking at): " : ": ");
            b.text("co-occurrence similarity ")
                .fact("co-occurrence similarity co/sqrt(n_i n_j)", x.sim, Quantity::Similarity, 2)
                .text(" x seed weight ")
                .fact("seed weight", x.weight, Quantity::Weight, 2)
                .text(" = ")
                .addend("weighted similarity", x.value, 3, Quantity::Similarity);
        }
        if (parts.size() > shown) {
            double rest = 0.0;
            for (std::size_t p = shown; p < parts.size(); ++p)
                rest += parts[p].value;
            b.text("; plus ")
                .addend("weighted similarities of the other seeds", rest, 3, Quantity::Similarity)
                .text(" from ")
                .fact("other seeds", static_cast<double>(parts.size() - shown), Quantity::Count, 0)
                .text(" more of your items");
        }
        return b.text(". Score ")
            .total("summed weighted co-occurrence similarity", entry.score, Quantity::Similarity, 3)
            .text(
                ", a sum of weighted similarities (co-occurrences can repeat, so a similarity may "
                "exceed one; none is a cosine).")
            .take();
    }

    float similarity(ItemId i, ItemId j) const {
        if (!m_items.contains(i) || !m_items.contains(j))
            return 0.0f;
        for (const Slot& s : m_neighbours[i])
            if (s.item == j)
                return s.count /
                       std::sqrt(std::max(m_weight[i], 1e-6f) * std::max(m_weight[j], 1e-6f));
        return 0.0f;
    }

    void accumulate(ItemId seed, float seedWeight) {
        const float ni = std::max(m_weight[seed], 1e-6f);
        for (const Slot& s : m_neighbours[seed]) {
            const float sim = s.count / std::sqrt(ni * std::max(m_weight[s.item], 1e-6f));
            if (m_scratch[s.item] == 0.0f)
                m_touched.push_back(s.item);
            m_scratch[s.item] += seedWeight * sim;
        }
    }

    void fillWithPopular(const Request& request, Slate& out, std::size_t k) {
        // Cold users and items: fall back to the most-weighted items (global popularity).
        // The candidates are the 64 heaviest items, recomputed after 256 new events, so a
        // cold request costs O(64) instead of a catalogue scan; the permutation fill-in
        // covers the rare case where 64 are not enough.
        if (m_popularDirty > 256 || m_popularList.empty()) {
            m_fill.reset(64);
            for (ItemId item = 0; item < m_items.size(); ++item)
                if (m_weight[item] > 0.0f)
                    m_fill.offer(item, m_weight[item]);
            m_popularList.clear();
            m_fill.drainInto(m_popularList);
            m_popularDirty = 0;
        }
        for (const SlateEntry& p : m_popularList) {
            if (out.size() >= k)
                break;
            if (!isEligible(m_items, request, p.item) ||
                std::any_of(out.begin(), out.end(),
                            [&p](const SlateEntry& e) { return e.item == p.item; }))
                continue;
            out.push_back({p.item, -1.0f / (1.0f + p.score),
                           1.0f}); // below every similarity score, order kept
        }
    }

    const ItemTable& m_items;
    std::size_t m_historyLength;
    std::size_t m_maxNeighbours;
    std::uint64_t m_seed;
    std::vector<float> m_weight;
    std::vector<std::vector<Slot>> m_neighbours;
    std::vector<History> m_users;
    std::vector<float> m_scratch;
    std::vector<ItemId> m_touched;
    TopK m_topk;
    TopK m_fill;
    Slate m_popularList;
    std::size_t m_popularDirty = 0;
    // The last slate: its items, how many the ranking placed, where the popular fill ended.
    std::vector<ItemId> m_lastItems;
    std::size_t m_rankedCount = 0, m_popularEnd = 0;
};

} // namespace

RecommenderEntry itemKnnRecommenderEntry() {
    RecommenderEntry e;
    e.id = "itemknn";
    e.description = "Item-item co-occurrence similarity co/sqrt(n_i n_j) in shoppers' recent "
                    "histories, learnt online (also-bought)";
    e.family = "neighbourhood";
    e.params = {
        {"history",
         ParamKind::Integer,
         1.0,
         200.0,
         20.0,
         "Recent interactions per user that a new interaction co-occurs with",
         {}},
        {"neighbours",
         ParamKind::Integer,
         5.0,
         1000.0,
         100.0,
         "Co-occurrence slots kept per item (bounds memory; weakest replaced)",
         {}},
    };
    e.make = [](const RecommenderContext& ctx, const ParamValues& p,
                const RecommenderRegistry&) -> Result<std::unique_ptr<Recommender>> {
        return std::unique_ptr<Recommender>(new ItemKnnRecommender(ctx, p));
    };
    return e;
}

} // namespace recoscope::core
