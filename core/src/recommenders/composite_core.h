#pragma once
// Cores built from other cores: hybrids (switching, weighted blend) and re-rankers that
// wrap any registered core (diversity by MMR, fatigue cap, business rules). Inner cores
// are created through the registry with their default parameters; every event and slate
// feedback is forwarded to all of them so they keep learning whichever one answers.
// Private base of `hybrid-switch`, `hybrid-blend` and the re-rankers (rerank_recommender.h).

#include "suite_kit.h"

namespace recoscope::core::kit {

using CorePtr = std::unique_ptr<Recommender>;

inline Result<CorePtr> makeInner(const RecommenderRegistry& registry, const RecommenderContext& ctx,
                                 const std::string& id, const std::string& param, int depth) {
    // Wrappers of wrappers are allowed, but a chain deeper than a few levels is a
    // configuration mistake (and would recurse without end if a default pointed back).
    if (depth > 4)
        return Error{"parameter '" + param + "': cores wrapped more than 4 levels deep"};
    const RecommenderEntry* entry = registry.find(id);
    if (!entry)
        return Error{"parameter '" + param + "': " + registry.unknownIdMessage(id)};
    if (entry->needsOracle && !ctx.oracle)
        return Error{"parameter '" + param + "': core '" + id +
                     "' needs the simulator's ground truth"};
    return registry.create(id, std::map<std::string, std::string>{}, ctx);
}

/// The one inner core of a re-ranker, in the list CompositeCore takes.
inline std::vector<CorePtr> onlyInner(CorePtr c) {
    std::vector<CorePtr> v;
    v.push_back(std::move(c));
    return v;
}

/// The registry factory of a re-ranker `Core` over the core named by its `inner`
/// parameter: Core(ctx, inner, inner id, params).
template <class Core>
Result<CorePtr> makeOverInner(const RecommenderContext& ctx, const ParamValues& p,
                              const RecommenderRegistry& registry) {
    const std::string id = p.text("inner");
    auto inner = makeInner(registry, ctx, id, "inner", 0);
    if (!inner)
        return Error{inner.error()};
    return CorePtr(new Core(ctx, std::move(inner).value(), id, p));
}

/// A SuiteCore that owns inner cores and forwards learning to them.
class CompositeCore : public kit::SuiteCore {
public:
    CompositeCore(const RecommenderContext& ctx, std::vector<CorePtr> inner,
                  std::vector<std::string> ids)
        : SuiteCore(ctx, 1), m_inner(std::move(inner)), m_ids(std::move(ids)) {}

    void observeSlate(const Request& request, const Slate& slate, int clicked) override {
        for (CorePtr& c : m_inner)
            c->observeSlate(request, slate, clicked);
        onSlate(request, slate, clicked);
    }

protected:
    void learn(const Event& e, float) override {
        for (CorePtr& c : m_inner)
            c->observe(e);
    }
    virtual void onSlate(const Request&, const Slate&, int) {}

    /// Asks inner core `c` for `k` items (the wrapper's own exclusions apply). The answer
    /// stays available (asked()) until the next ask of the same core. An inner answer drawn
    /// at random (any propensity other than 1) makes this slate random too, in a way that has
    /// no closed form: its propensities are logged as unknown.
    const Slate& ask(std::size_t c, const Request& request, int k) {
        if (m_asked.size() != m_inner.size()) {
            m_asked.resize(m_inner.size());
            m_askedK.resize(m_inner.size(), 0);
        }
        Request r = request;
        r.k = k;
        m_inner[c]->recommend(r, m_asked[c]);
        m_askedK[c] = k;
        if (std::any_of(m_asked[c].begin(), m_asked[c].end(),
                        [](const SlateEntry& e) { return e.propensity != 1.0f; }))
            markPropensityUnknown();
        return m_asked[c];
    }
    /// Position of `item` in inner core c's last answer, or -1.
    int askedRank(std::size_t c, ItemId item) const {
        if (c >= m_asked.size())
            return -1;
        for (std::size_t r = 0; r < m_asked[c].size(); ++r)
            if (m_asked[c][r].item == item)
                return static_cast<int>(r);
        return -1;
    }
    /// Inner core c's own explanation of `item` in its last answer (the inner core has
    /// learnt nothing since: explain() runs before any feedback reaches it).
    Explanation innerExplanation(std::size_t c, const Request& request, ItemId item) const {
        const int r = askedRank(c, item);
        Request asked = request;
        asked.k = c < m_askedK.size() ? m_askedK[c] : request.k;
        const SlateEntry entry =
            r >= 0 ? m_asked[c][static_cast<std::size_t>(r)] : SlateEntry{item, 0.0f, 1.0f};
        return m_inner[c]->explain(asked, entry);
    }

    std::vector<CorePtr> m_inner;
    std::vector<std::string> m_ids;
    std::vector<Slate> m_asked; // per inner core, its last answer
    std::vector<int> m_askedK;
};

} // namespace recoscope::core::kit
