#pragma once
// Private building blocks shared by the recommender suite (not installed, no Eigen):
// per-user history rings, time-decayed per-item counters, a base class that honours the
// slate contract (eligibility, exactly k, popularity then permutation fill-in, an
// explanation for every item), and small helpers for entries and explanations.
//
// Memory: every structure here is sized by users or items, never by events.

#include "event_weights.h"
#include "exclusion_marks.h"
#include "recoscope/core/candidates.h"
#include "recoscope/core/registry.h"
#include "recoscope/core/shop.h"
#include "recoscope/core/topk.h"
#include "suite_counters.h"

#include <boost/random/uniform_int_distribution.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace recoscope::core::kit {

/// "0.42": fixed decimals, for parameter values quoted in messages.
inline std::string fmt(double v, int decimals = 2) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

using Role = ExplanationTerm::Role;

/// Users beyond the shop's table (unknown to the simulator) are still answered; state is
/// only kept for ids within a bounded margin above the table so that a stray id (such as
/// kNoUser) can never make a per-user array explode.
inline bool trackableUser(const UserTable& users, UserId user) {
    return user != kNoUser && user < users.size() + 65536u;
}

/// splitmix64: derives independent sub-seeds from the context seed.
inline std::uint64_t mixSeed(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

struct Interaction {
    ItemId item = kNoItem;
    float weight = 0.0f;
    SimTime time = 0.0;
    EventKind kind = EventKind::View;
};

/// A fixed-capacity ring of a user's latest positive interactions.
class HistoryRing {
public:
    void push(const Interaction& x, std::size_t cap) {
        if (cap == 0)
            return;
        if (m_entries.size() < cap) {
            m_entries.push_back(x);
            m_next = m_entries.size() % cap;
        } else {
            m_entries[m_next] = x;
            m_next = (m_next + 1) % cap;
        }
    }
    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    /// n = 0 is the latest interaction.
    const Interaction& recent(std::size_t n) const {
        const std::size_t s = m_entries.size();
        return m_entries[(m_next + s - 1 - n) % s];
    }
    bool contains(ItemId item) const {
        return std::any_of(m_entries.begin(), m_entries.end(),
                           [item](const Interaction& e) { return e.item == item; });
    }
    const std::vector<Interaction>& raw() const { return m_entries; }

private:
    std::vector<Interaction> m_entries;
    std::size_t m_next = 0;
};

/// A uniformly drawn item other than `avoid` when possible: one redraw on a collision
/// (the negative sampling of every learning core; with many items a second collision is
/// rare enough not to matter). `items` must be at least 1.
template <class Rng> ItemId sampleOtherItem(Rng& rng, std::size_t items, ItemId avoid) {
    boost::random::uniform_int_distribution<ItemId> pick(0, static_cast<ItemId>(items - 1));
    ItemId j = pick(rng);
    if (j == avoid)
        j = pick(rng);
    return j;
}

/// The items of a shopper's current session, oldest first: the interactions of `ring`
/// (may be null) no more than `gap` seconds before `now` — none at all when the latest
/// is older — then `extra` (the viewed product) when it is an item of `items`. Shared by
/// the sequence cores (attn-lite, gru4rec, sasrec).
inline void sessionItems(const HistoryRing* ring, const ItemTable& items, ItemId extra, SimTime now,
                         double gap, std::vector<ItemId>& out) {
    out.clear();
    if (ring && !ring->empty() && now - ring->recent(0).time <= gap)
        for (std::size_t n = ring->size(); n-- > 0;)
            if (now - ring->recent(n).time <= gap)
                out.push_back(ring->recent(n).item);
    if (items.contains(extra))
        out.push_back(extra);
}

/// Per-user rings, grown on demand up to the largest user id seen.
class UserHistories {
public:
    UserHistories(const UserTable& users, std::size_t capacity) : m_users(users), m_cap(capacity) {
        m_rings.reserve(users.size());
    }
    const HistoryRing* find(UserId user) const {
        return user < m_rings.size() ? &m_rings[user] : nullptr;
    }
    /// Interaction count known for a user (0 for unknown users).
    std::size_t count(UserId user) const { return user < m_counts.size() ? m_counts[user] : 0; }
    void push(UserId user, const Interaction& x) {
        if (!trackableUser(m_users, user))
            return;
        if (user >= m_rings.size()) {
            m_rings.resize(static_cast<std::size_t>(user) + 1);
            m_counts.resize(static_cast<std::size_t>(user) + 1, 0);
        }
        m_rings[user].push(x, m_cap);
        ++m_counts[user];
    }
    std::size_t capacity() const { return m_cap; }

private:
    const UserTable& m_users;
    std::size_t m_cap;
    std::vector<HistoryRing> m_rings;
    std::vector<std::uint32_t> m_counts;
};

/// Base of the suite's cores. observe() keeps a global decayed popularity (the cold-start
/// answer) and each user's history ring, then hands the event to learn(). recommend()
/// lets rank() offer scored eligible candidates, then fills any missing places with
/// popular items and finally with a seeded permutation of the catalogue, so every core
/// returns exactly k distinct eligible items whenever that many exist.
class SuiteCore : public Recommender {
public:
    SuiteCore(const RecommenderContext& ctx, std::size_t historyLength,
              double popularityHalfLifeHours = 72.0)
        : m_items(*ctx.items), m_users(*ctx.users), m_seed(ctx.seed),
          m_history(*ctx.users, historyLength),
          m_popular(ctx.items->size(), popularityHalfLifeHours) {}

    void observe(const Event& e) final {
        const float w = implicitWeight(e.kind);
        const bool validItem = m_items.contains(e.item);
        if (validItem && w > 0.0f)
            m_popular.add(e.item, w, e.time), ++m_popularDirty;
        learn(e, validItem ? w : 0.0f);
        if (validItem && w > 0.0f)
            m_history.push(e.user, {e.item, w, e.time, e.kind});
        m_now = std::max(m_now, e.time);
    }

    void recommend(const Request& request, Slate& out) final {
        out.clear();
        const std::size_t k = static_cast<std::size_t>(std::max(request.k, 0));
        if (k == 0) {
            m_lastItems.clear();
            return;
        }
        m_now = std::max(m_now, request.time);
        m_blocked.clear();
        blockedItems(request, m_blocked);
        if (m_blocked.empty()) {
            rankAndFill(request, out, k);
            return;
        }
        // The core's own exclusions join the request's, so ranking, inner cores and
        // both fill-ins all keep them out.
        m_excludeBuffer.assign(request.exclude.begin(), request.exclude.end());
        m_excludeBuffer.insert(m_excludeBuffer.end(), m_blocked.begin(), m_blocked.end());
        Request narrowed = request;
        narrowed.exclude = m_excludeBuffer;
        rankAndFill(narrowed, out, k);
    }

    Explanation explain(const Request& request, const SlateEntry& entry) const final {
        const ItemId item = entry.item;
        const auto at = std::find(m_lastItems.begin(), m_lastItems.end(), item);
        const std::size_t pos = static_cast<std::size_t>(at - m_lastItems.begin());
        if (at != m_lastItems.end() && pos < m_rankedCount)
            return reason(request, entry);
        ExplanationBuilder b(Explanation::Basis::Placeholder);
        if (at == m_lastItems.end()) {
            b.item(m_items, item)
                .text(" was not in the last slate this core served, so it has no explanation.");
            return b.take();
        }
        const double pop = m_popular.at(item, m_now);
        if (pos < m_popularEnd && pop > 0.0)
            return b.item(m_items, item)
                .text(" fills the slate as a popular choice right now (recent interaction "
                      "score ")
                .fact("recent interaction score", pop, Quantity::Weight, 1)
                .text("): this strategy had no candidate of its own left for this place.")
                .take();
        return b.item(m_items, item)
            .text(" fills the slate: no interactions point to it yet, so it is shown to explore "
                  "the catalogue.")
            .take();
    }

protected:
    /// Learns from one event; `w` is its implicit weight (0 for unknown items). Called
    /// before the event enters the user's history ring.
    virtual void learn(const Event& e, float w) = 0;
    /// Offers scored candidates to `topk` (already reset to k). Use offer() or
    /// selectTopK-style scans; only eligible items may be offered.
    virtual void rank(const Request& request, TopK& topk) = 0;
    /// Optional re-ordering hook after ranking (before fill-ins).
    virtual void postRank(const Request&, Slate&) {}
    /// Items this core must not show for `request` on top of request.exclude (fatigue:
    /// items already shown `cap` times today). They are kept out of the ranking, of the
    /// inner cores' answers and of the popularity and catalogue fill-ins alike, so the
    /// slate may be shorter than k when fewer than k other eligible items remain.
    virtual void blockedItems(const Request&, std::vector<ItemId>&) const {}
    /// Why the core's own ranking put `entry` in the last slate (never a fill-in): the
    /// contract of Recommender::explain, Score basis, composed from the same state.
    virtual Explanation reason(const Request& request, const SlateEntry& entry) const = 0;
    /// Called from rank() or postRank() by a core that sampled this slate in a way whose
    /// per-position probabilities have no closed form: every entry is then logged with
    /// kUnknownPropensity (slate.h). Cleared before each request.
    void markPropensityUnknown() { m_propensityUnknown = true; }

    void offer(const Request& request, TopK& topk, ItemId item, float score) const {
        if (std::isfinite(score) && topk.admits(score, item) && m_items.isAvailable(item) &&
            !m_exclusions.excludes(request, item))
            topk.offer(item, score);
    }
    /// Dense scan of the catalogue (available, non-excluded items only).
    template <class ScoreFn>
    void scanAll(const Request& request, TopK& topk, ScoreFn&& score) const {
        const std::size_t n = m_items.size();
        for (ItemId item = 0; item < n; ++item) {
            if (!m_items.available[item])
                continue;
            const float s = score(item);
            if (topk.admits(s, item) && !request.excludes(item))
                topk.offer(item, s);
        }
    }

    const HistoryRing* historyOf(UserId user) const { return m_history.find(user); }
    std::size_t interactionCount(UserId user) const { return m_history.count(user); }

    const ItemTable& m_items;
    const UserTable& m_users;
    std::uint64_t m_seed;
    UserHistories m_history;
    DecayedCounter m_popular;
    SimTime m_now = 0.0;

private:
    void rankAndFill(const Request& request, Slate& out, std::size_t k) {
        m_propensityUnknown = false;
        m_exclusions.reset(request, m_items.size());
        m_topk.reset(k);
        rank(request, m_topk);
        m_topk.drainInto(out);
        postRank(request, out);
        m_rankedCount = out.size();
        if (out.size() < k)
            fillPopular(request, out, k);
        m_popularEnd = out.size();
        if (out.size() < k)
            fillSlate(m_items, request, out, m_seed ^ mixSeed(request.user), -2.0f);
        if (m_propensityUnknown)
            for (SlateEntry& e : out)
                e.propensity = kUnknownPropensity;
        // Which places the ranking filled, for explain(): O(k), nothing else is kept.
        m_lastItems.clear();
        for (const SlateEntry& e : out)
            m_lastItems.push_back(e.item);
        m_exclusions.release();
    }

    void fillPopular(const Request& request, Slate& out, std::size_t k) {
        // The popular list is cached and refreshed after enough new events, so cold-start
        // requests cost O(list) instead of a catalogue scan each time.
        if (m_popularDirty > 256 || m_popularList.empty()) {
            TopK top(64);
            const auto& v = m_popular.rawValues();
            for (ItemId i = 0; i < v.size(); ++i)
                if (v[i] > 0.0f && m_items.isAvailable(i))
                    top.offer(i, v[i]);
            m_popularList.clear();
            top.drainInto(m_popularList);
            m_popularDirty = 0;
        }
        float score = -1.0f;
        for (const SlateEntry& e : m_popularList) {
            if (out.size() >= k)
                break;
            if (!m_items.isAvailable(e.item) || m_exclusions.excludes(request, e.item))
                continue;
            if (std::any_of(out.begin(), out.end(),
                            [&](const SlateEntry& s) { return s.item == e.item; }))
                continue;
            out.push_back({e.item, score, 1.0f});
            score -= 1e-3f;
        }
    }

    TopK m_topk;
    kit::ExclusionMarks m_exclusions; // the request of rankAndFill (fatigue's long lists)
    bool m_propensityUnknown = false;
    std::vector<ItemId> m_blocked;       // blockedItems() of the current request
    std::vector<ItemId> m_excludeBuffer; // request.exclude + m_blocked
    Slate m_popularList;
    std::size_t m_popularDirty = 0;
    // The last slate: its items, how many the ranking placed, where the popular fill ended.
    std::vector<ItemId> m_lastItems;
    std::size_t m_rankedCount = 0, m_popularEnd = 0;
};

/// Builds the factory of a core taking (ctx, params).
template <class Core> auto factoryOf() {
    return [](const RecommenderContext& ctx, const ParamValues& p,
              const RecommenderRegistry&) -> Result<std::unique_ptr<Recommender>> {
        return std::unique_ptr<Recommender>(new Core(ctx, p));
    };
}

inline ParamSpec intParam(std::string key, double min, double max, double fallback,
                          std::string help) {
    return {std::move(key), ParamKind::Integer, min, max, fallback, std::move(help), {}};
}
inline ParamSpec realParam(std::string key, double min, double max, double fallback,
                           std::string help) {
    return {std::move(key), ParamKind::Real, min, max, fallback, std::move(help), {}};
}
inline ParamSpec choiceParam(std::string key, std::vector<std::string> choices,
                             std::string fallback, std::string help) {
    return {std::move(key),  ParamKind::Choice, 0.0, 0.0, std::move(fallback),
            std::move(help), std::move(choices)};
}
inline ParamSpec textParam(std::string key, std::string fallback, std::string help) {
    return {std::move(key), ParamKind::Text, 0.0, 0.0, std::move(fallback), std::move(help), {}};
}

/// Same-category / same-brand affinity in [0, 1], the attribute similarity used by the
/// diversity re-ranker and explanations.
inline float attributeSimilarity(const ItemTable& items, ItemId a, ItemId b) {
    if (!items.contains(a) || !items.contains(b))
        return 0.0f;
    float s = 0.0f;
    if (items.category[a] == items.category[b])
        s += 0.6f;
    else if (items.topCategory[a] == items.topCategory[b])
        s += 0.3f;
    if (items.brand[a] == items.brand[b])
        s += 0.4f;
    return std::min(s, 1.0f);
}

} // namespace recoscope::core::kit
