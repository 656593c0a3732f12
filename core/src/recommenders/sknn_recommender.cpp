#include "sknn_recommender.h"

#include "suite_kit.h"

#include <functional>

namespace recoscope::core {

namespace {

// Session-kNN (Jannach & Ludewig 2017, the V-SKNN variant): the current session (events
// of a user separated by less than `session_gap_minutes`) is compared with recent past
// sessions that share an item, found through a ring of the last `item_sessions` sessions
// per item. Similarity is the binary cosine with the current session's items weighted
// linearly by recency; items of the `neighbours` most similar sessions are scored by the
// summed similarity. Each user keeps only the current and the previous session, so the
// state is bounded by users x session length and items x ring length.
class SessionKnnRecommender final : public kit::SuiteCore {
public:
    SessionKnnRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : SuiteCore(ctx, 1), m_gap(p.number("session_gap_minutes") * 60.0),
          m_len(static_cast<std::size_t>(p.integer("session_length"))),
          m_ringCap(static_cast<std::size_t>(p.integer("item_sessions"))),
          m_k(static_cast<std::size_t>(p.integer("neighbours"))), m_itemSessions(ctx.items->size()),
          m_itemScore(ctx.items->size(), 0.0f) {}

protected:
    void learn(const Event& e, float w) override {
        if (w <= 0.0f || !kit::trackableUser(m_users, e.user))
            return;
        if (e.user >= m_state.size()) {
            m_state.resize(static_cast<std::size_t>(e.user) + 1);
            m_slot.resize(2 * (static_cast<std::size_t>(e.user) + 1), -1);
        }
        UserSessions& us = m_state[e.user];
        if (us.current.items.empty() || e.time - us.lastTime > m_gap) {
            if (!us.current.items.empty())
                us.previous = std::move(us.current);
            us.current = Session{++m_serial, {}};
        }
        us.lastTime = e.time;
        auto& items = us.current.items;
        auto it = std::find(items.begin(), items.end(), e.item);
        if (it != items.end()) {
            items.erase(it); // move to the most recent position
            items.push_back(e.item);
            return;
        }
        if (items.size() >= m_len)
            items.erase(items.begin());
        items.push_back(e.item);
        Ring& ring = m_itemSessions[e.item];
        const SessionRef ref{e.user, us.current.serial};
        if (ring.refs.size() < m_ringCap)
            ring.refs.push_back(ref);
        else {
            ring.refs[ring.next] = ref;
            ring.next = (ring.next + 1) % m_ringCap;
        }
    }

    void rank(const Request& request, TopK& topk) override {
        findNeighbours(request);
        m_touched.clear();
        for (const Neighbour& n : m_neigh)
            for (ItemId j : n.session->items) {
                if (m_itemScore[j] == 0.0f)
                    m_touched.push_back(j);
                m_itemScore[j] += n.sim;
            }
        for (ItemId j : m_touched) {
            // Items of the running session stay candidates: shoppers often come back to
            // what they just looked at (the `recent` baseline shows how often).
            offer(request, topk, j, m_itemScore[j]);
            m_itemScore[j] = 0.0f;
        }
    }

    // rank()'s sum for one item: the similarities of the neighbour sessions that hold it.
    // findNeighbours() only refills scratch lists that rank() rebuilds anyway.
    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        auto* self = const_cast<SessionKnnRecommender*>(this);
        self->findNeighbours(request);
        // The neighbours share some item of the query, not necessarily its last one, so
        // the sentence names none of them.
        std::vector<float> sims;
        for (const Neighbour& nb : m_neigh)
            for (ItemId j : nb.session->items)
                if (j == entry.item)
                    sims.push_back(nb.sim);
        std::stable_sort(sims.begin(), sims.end(), std::greater<float>());
        ExplanationBuilder b;
        b.fact("similar sessions holding the item", static_cast<double>(sims.size()),
               Quantity::Count, 0)
            .text(sims.size() == 1 ? " recent shopping session similar to yours also included "
                                   : " recent shopping sessions similar to yours also included ")
            .item(m_items, entry.item)
            .text(": session similarity ");
        const std::size_t shown = std::min<std::size_t>(sims.size(), 3);
        for (std::size_t p = 0; p < shown; ++p) {
            if (p)
                b.text(" + ");
            b.addend("similarity of a neighbour session", sims[p], 3, Quantity::Similarity);
        }
        if (sims.size() > shown) {
            double rest = 0.0;
            for (std::size_t p = shown; p < sims.size(); ++p)
                rest += sims[p];
            b.text(" + ")
                .addend("similarities of the other sessions", rest, 3, Quantity::Similarity)
                .text(" (the others)");
        }
        return b.text(" = summed similarity ")
            .total("summed session similarity", entry.score, Quantity::Similarity, 3)
            .text(", the score.")
            .take();
    }

private:
    struct Session {
        std::uint64_t serial = 0;
        std::vector<ItemId> items;
    };
    struct UserSessions {
        Session current, previous;
        SimTime lastTime = 0.0;
    };
    struct SessionRef {
        UserId user;
        std::uint64_t serial;
    };
    struct Ring {
        std::vector<SessionRef> refs;
        std::size_t next = 0;
    };
    struct Neighbour {
        SessionRef ref;
        const Session* session; // valid until the next learn()
        float sim;
    };

    const Session* sessionOf(const SessionRef& r) const {
        if (r.user >= m_state.size())
            return nullptr;
        const UserSessions& us = m_state[r.user];
        if (us.current.serial == r.serial)
            return &us.current;
        if (us.previous.serial == r.serial)
            return &us.previous;
        return nullptr; // overwritten since: forgotten
    }

    void findNeighbours(const Request& request) {
        m_neigh.clear();
        m_query.clear();
        std::uint64_t ownSerial = 0;
        if (request.user < m_state.size()) {
            const UserSessions& us = m_state[request.user];
            // The running session; at the start of a visit, the last one (returning
            // shoppers pick up where they left off).
            m_query = us.current.items;
            ownSerial = us.current.serial;
        }
        if (m_items.contains(request.contextItem)) {
            auto it = std::find(m_query.begin(), m_query.end(), request.contextItem);
            if (it != m_query.end())
                m_query.erase(it);
            m_query.push_back(request.contextItem);
        }
        if (m_query.empty())
            return;
        m_cand.clear();
        const float qn = static_cast<float>(m_query.size());
        for (std::size_t p = 0; p < m_query.size(); ++p) {
            const float wq = static_cast<float>(p + 1) / qn; // linear recency weight
            for (const SessionRef& r : m_itemSessions[m_query[p]].refs) {
                if (r.user == request.user && r.serial == ownSerial)
                    continue;
                const Session* s = sessionOf(r);
                if (!s)
                    continue;
                const std::size_t key = 2 * static_cast<std::size_t>(r.user) +
                                        (m_state[r.user].current.serial == r.serial ? 0 : 1);
                int& slot = m_slot[key];
                if (slot < 0) {
                    slot = static_cast<int>(m_cand.size());
                    m_cand.push_back({r, s, 0.0f});
                }
                m_cand[static_cast<std::size_t>(slot)].sim += wq;
            }
        }
        for (Neighbour& c : m_cand) {
            m_slot[2 * static_cast<std::size_t>(c.ref.user) +
                   (m_state[c.ref.user].current.serial == c.ref.serial ? 0 : 1)] = -1;
            c.sim /= std::sqrt(qn * static_cast<float>(c.session->items.size()));
        }
        const std::size_t k = std::min(m_k, m_cand.size());
        std::partial_sort(m_cand.begin(), m_cand.begin() + static_cast<std::ptrdiff_t>(k),
                          m_cand.end(), [](const Neighbour& a, const Neighbour& b) {
                              return a.sim > b.sim ||
                                     (a.sim == b.sim &&
                                      (a.ref.user < b.ref.user ||
                                       (a.ref.user == b.ref.user && a.ref.serial < b.ref.serial)));
                          });
        m_neigh.assign(m_cand.begin(), m_cand.begin() + static_cast<std::ptrdiff_t>(k));
    }

    double m_gap;
    std::size_t m_len, m_ringCap, m_k;
    std::uint64_t m_serial = 0;
    std::vector<UserSessions> m_state;
    std::vector<int> m_slot;
    std::vector<Ring> m_itemSessions;
    std::vector<float> m_itemScore;
    std::vector<ItemId> m_touched;
    std::vector<ItemId> m_query;
    std::vector<Neighbour> m_cand, m_neigh;
};

} // namespace

RecommenderEntry sessionKnnRecommenderEntry() {
    RecommenderEntry e;
    e.id = "sknn";
    e.description =
        "Session-kNN: items of past sessions most similar to the running one (recency-weighted)";
    e.family = "session";
    e.params = {
        kit::realParam("session_gap_minutes", 1.0, 1440.0, 30.0,
                       "Inactivity that ends a session (minutes)"),
        kit::intParam("session_length", 2.0, 200.0, 20.0, "Latest distinct items kept per session"),
        kit::intParam("item_sessions", 2.0, 2000.0, 100.0, "Recent sessions remembered per item"),
        kit::intParam("neighbours", 1.0, 2000.0, 50.0, "Most similar past sessions used"),
    };
    e.make = kit::factoryOf<SessionKnnRecommender>();
    return e;
}

} // namespace recoscope::core
