#pragma once
// The interface every recommendation core implements.

#include "recoscope/core/event.h"
#include "recoscope/core/explanation.h"
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

    /// Why `entry` is in the slate the last recommend() call returned for `request`,
    /// composed from the state that scored it: call it after that recommend() and before
    /// the next observe(), observeSlate() or recommend() (the engine does so when the slate
    /// is served, before the shopper reacts). Never changes what later calls return.
    /// The explanation shows the numbers of entry.score (explanation.h): a Score-basis
    /// explanation's Total is entry.score and its addends sum to it; a fill-in says that
    /// its score only keeps the order. An entry that was not in that slate gets a sentence
    /// saying so. The default names the score and nothing else.
    virtual Explanation explain(const Request& request, const SlateEntry& entry) const;

    /// The complete parameter set the core was created with (defaults included), as
    /// validated by the registry. Empty for cores built outside the registry.
    const ParamValues& parameters() const { return m_parameters; }

private:
    friend class RecommenderRegistry; // sets m_parameters after the factory ran
    ParamValues m_parameters;
};

} // namespace recoscope::core
