#pragma once
// The interface every recommendation core implements.

#include "recoscope/core/event.h"
#include "recoscope/core/params.h"
#include "recoscope/core/request.h"
#include "recoscope/core/slate.h"

#include <string>

namespace recoscope::core {

/// One instance serves one run, driven from a single thread: observe() and recommend()
/// are never called concurrently. No hidden global state: two instances created with the
/// same context and parameters, fed the same calls, give the same slates.
///
/// Memory must grow with users and items, never with the number of events.
class Recommender {
public:
    virtual ~Recommender() = default;

    /// Learns from one shopper action as it happens (events arrive in time order).
    virtual void observe(const Event& event) = 0;

    /// Feedback on a slate that was shown: `clicked` is the clicked position or -1.
    /// Called after the shopper reacted and before the next request. Bandits use it;
    /// the default ignores it.
    virtual void observeSlate(const Request& request, const Slate& slate, int clicked);

    /// Fills `out` (cleared first) with up to request.k distinct items in display order:
    /// exactly k when at least k available items are not excluded; never an excluded or
    /// unavailable item. Users and items never seen before must be answered, not refused.
    virtual void recommend(const Request& request, Slate& out) = 0;

    /// One sentence on why `item` is (or would be) recommended for this request, e.g.
    /// "Bought together with Red Kettle by 12 shoppers". Never empty.
    virtual std::string explain(const Request& request, ItemId item) const;

    /// The complete parameter set the core was created with (defaults included), as
    /// validated by the registry. Empty for cores built outside the registry.
    const ParamValues& parameters() const { return m_parameters; }

private:
    friend class RecommenderRegistry; // sets m_parameters after the factory ran
    ParamValues m_parameters;
};

} // namespace recoscope::core
