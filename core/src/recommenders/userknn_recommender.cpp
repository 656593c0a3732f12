// User-based collaborative filtering, learnt online.

#include "userknn_recommender.h"

#include "suite_kit.h"

namespace recoscope::core {

namespace {

// User-kNN (Resnick et al. 1994; Herlocker et al. 1999). Each user's behaviour vector is
// the capped set of their `history` strongest items with summed implicit weights; each
// item keeps a ring of the last `item_users` users who touched it with their weight. A
// request finds candidate neighbours through those rings (users who share an item),
// accumulates cosine or Pearson statistics over co-interacted items in one pass
// (O(history x item_users)), keeps the `neighbours` most similar, and scores their items
// by similarity-weighted preference. Nothing is ever recomputed over all users.
class UserKnnRecommender final : public kit::SuiteCore {
public:
    UserKnnRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : SuiteCore(ctx, 1), m_cap(static_cast<std::size_t>(p.integer("history"))),
          m_ringCap(static_cast<std::size_t>(p.integer("item_users"))),
          m_k(static_cast<std::size_t>(p.integer("neighbours"))),
          m_pearson(p.text("similarity") == "pearson"), m_itemUsers(ctx.items->size()),
          m_itemScore(ctx.items->size(), 0.0f) {}

protected:
    void learn(const Event& e, float w) override {
        if (w <= 0.0f || !kit::trackableUser(m_users, e.user))
            return;
        if (e.user >= m_profiles.size()) {
            m_profiles.resize(static_cast<std::size_t>(e.user) + 1);
            m_slot.resize(static_cast<std::size_t>(e.user) + 1, -1);
        }
        Profile& prof = m_profiles[e.user];
        float updated = w;
        auto it = std::find_if(prof.items.begin(), prof.items.end(),
                               [&](const auto& x) { return x.first == e.item; });
        if (it != prof.items.end()) {
            it->second += w;
            updated = it->second;
        } else if (prof.items.size() < m_cap) {
            prof.items.push_back({e.item, w});
        } else {
            auto weakest =
                std::min_element(prof.items.begin(), prof.items.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
            *weakest = {e.item, w};
        }
        prof.refresh();
        // The item's ring of recent users, with this user's current weight.
        Ring& ring = m_itemUsers[e.item];
        auto r = std::find_if(ring.users.begin(), ring.users.end(),
                              [&](const auto& x) { return x.first == e.user; });
        if (r != ring.users.end())
            r->second = updated;
        else if (ring.users.size() < m_ringCap)
            ring.users.push_back({e.user, updated});
        else {
            ring.users[ring.next] = {e.user, updated};
            ring.next = (ring.next + 1) % m_ringCap;
        }
    }

    void rank(const Request& request, TopK& topk) override {
        findNeighbours(request);
        if (m_neigh.empty())
            return;
        m_touched.clear();
        for (const auto& [v, sim] : m_neigh)
            for (const auto& [j, w] : m_profiles[v].items) {
                if (m_itemScore[j] == 0.0f)
                    m_touched.push_back(j);
                m_itemScore[j] += sim * w;
            }
        for (ItemId j : m_touched) {
            offer(request, topk, j, m_itemScore[j]);
            m_itemScore[j] = 0.0f;
        }
    }

    // rank()'s sum for one item: each neighbour's similarity times the weight of the item
    // in that neighbour's profile. findNeighbours() only refills scratch lists that rank()
    // rebuilds anyway, so calling it here changes nothing later.
    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        auto* self = const_cast<UserKnnRecommender*>(this);
        self->findNeighbours(request);
        struct Part {
            UserId user;
            float sim, weight;
        };
        std::vector<Part> parts;
        for (const auto& [v, sim] : m_neigh)
            for (const auto& [j, w] : m_profiles[v].items)
                if (j == entry.item)
                    parts.push_back({v, sim, w});
        std::stable_sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) {
            return a.sim * a.weight > b.sim * b.weight;
        });
        const char* measure = m_pearson ? "Pearson correlation" : "cosine similarity";
        ExplanationBuilder b;
        b.fact("neighbours who chose the item", static_cast<double>(parts.size()), Quantity::Count,
               0)
            .text(parts.size() == 1 ? " shopper with tastes like yours chose "
                                    : " shoppers with tastes like yours chose ")
            .item(m_items, entry.item)
            .text(": ");
        const std::size_t shown = std::min<std::size_t>(parts.size(), 2);
        for (std::size_t p = 0; p < shown; ++p) {
            const Part& x = parts[p];
            b.text(p ? "; shopper " : "shopper ")
                .fact("neighbour", x.user, Quantity::Label, 0)
                .text(m_pearson ? " (Pearson correlation " : " (cosine similarity ")
                .fact(measure, x.sim, Quantity::Cosine, 2)
                .text(") with weight ")
                .fact("the item's weight in the neighbour's profile", x.weight, Quantity::Weight, 1)
                .text(": ")
                .addend("weighted similarity", static_cast<double>(x.sim * x.weight), 3,
                        Quantity::Similarity);
        }
        if (parts.size() > shown) {
            double rest = 0.0;
            for (std::size_t p = shown; p < parts.size(); ++p)
                rest += static_cast<double>(parts[p].sim * parts[p].weight);
            b.text("; the others ")
                .addend("weighted similarities of the other neighbours", rest, 3,
                        Quantity::Similarity);
        }
        return b.text(". Score ")
            .total("similarity-weighted sum", entry.score, Quantity::Similarity, 3)
            .text(".")
            .take();
    }

private:
    struct Profile {
        std::vector<std::pair<ItemId, float>> items;
        float norm = 0.0f, mean = 0.0f;
        void refresh() {
            float s = 0.0f, ss = 0.0f;
            for (const auto& x : items) {
                s += x.second;
                ss += x.second * x.second;
            }
            norm = std::sqrt(ss);
            mean = items.empty() ? 0.0f : s / static_cast<float>(items.size());
        }
    };
    struct Ring {
        std::vector<std::pair<UserId, float>> users;
        std::size_t next = 0;
    };
    struct Acc {
        UserId user;
        float xy = 0, x = 0, y = 0, xx = 0, yy = 0;
        int n = 0;
    };

    void findNeighbours(const Request& request) {
        m_neigh.clear();
        m_acc.clear();
        // The query: the user's profile plus, on product pages, the viewed product.
        m_query.clear();
        float qnorm2 = 0.0f, qmean = 0.0f;
        if (request.user < m_profiles.size()) {
            m_query = m_profiles[request.user].items;
        }
        if (m_items.contains(request.contextItem) &&
            std::none_of(m_query.begin(), m_query.end(),
                         [&](const auto& x) { return x.first == request.contextItem; }))
            m_query.push_back({request.contextItem, 3.0f});
        if (m_query.empty())
            return;
        for (const auto& x : m_query) {
            qnorm2 += x.second * x.second;
            qmean += x.second;
        }
        qmean /= static_cast<float>(m_query.size());
        for (const auto& [h, wu] : m_query)
            for (const auto& [v, wv] : m_itemUsers[h].users) {
                if (v == request.user)
                    continue;
                int& slot = m_slot[v];
                if (slot < 0) {
                    slot = static_cast<int>(m_acc.size());
                    m_acc.push_back({v});
                }
                Acc& a = m_acc[static_cast<std::size_t>(slot)];
                const float x = m_pearson ? wu - qmean : wu;
                const float y = m_pearson ? wv - m_profiles[v].mean : wv;
                a.xy += x * y;
                a.xx += x * x;
                a.yy += y * y;
                ++a.n;
            }
        const float qnorm = std::sqrt(qnorm2);
        for (const Acc& a : m_acc) {
            m_slot[a.user] = -1;
            float sim;
            if (m_pearson) {
                // Pearson over co-interacted items, with significance weighting
                // min(n, 5) / 5 (Herlocker et al.) so one shared item is weak evidence.
                sim = a.xx > 0.0f && a.yy > 0.0f ? a.xy / std::sqrt(a.xx * a.yy) : 0.0f;
                sim *= static_cast<float>(std::min(a.n, 5)) / 5.0f;
            } else {
                sim = a.xy / std::max(qnorm * m_profiles[a.user].norm, 1e-9f);
            }
            if (sim > 0.0f)
                m_neigh.push_back({a.user, sim});
        }
        const std::size_t k = std::min(m_k, m_neigh.size());
        std::partial_sort(m_neigh.begin(), m_neigh.begin() + static_cast<std::ptrdiff_t>(k),
                          m_neigh.end(), [](const auto& a, const auto& b) {
                              return a.second > b.second ||
                                     (a.second == b.second && a.first < b.first);
                          });
        m_neigh.resize(k);
    }

    std::size_t m_cap, m_ringCap, m_k;
    bool m_pearson;
    std::vector<Profile> m_profiles;
    std::vector<int> m_slot;
    std::vector<Ring> m_itemUsers;
    std::vector<float> m_itemScore;
    std::vector<ItemId> m_touched;
    std::vector<Acc> m_acc;
    std::vector<std::pair<UserId, float>> m_neigh;
    std::vector<std::pair<ItemId, float>> m_query;
};

} // namespace

RecommenderEntry userKnnRecommenderEntry() {
    RecommenderEntry e;
    e.id = "userknn";
    e.description = "Shoppers with similar behaviour (cosine or Pearson), found incrementally "
                    "through shared items";
    e.family = "neighbourhood";
    e.params = {
        kit::choiceParam("similarity", {"cosine", "pearson"}, "cosine",
                         "Similarity between behaviour vectors"),
        kit::intParam("neighbours", 1.0, 1000.0, 30.0,
                      "Most similar shoppers whose choices are used"),
        kit::intParam("history", 2.0, 1000.0, 50.0,
                      "Strongest items kept per shopper's behaviour vector"),
        kit::intParam("item_users", 2.0, 1000.0, 50.0,
                      "Recent shoppers remembered per item (candidate neighbours)"),
    };
    e.make = kit::factoryOf<UserKnnRecommender>();
    return e;
}

} // namespace recoscope::core
