#pragma once

// The shopper's step decisions that are one draw of the session's own stream each (go on,
// browse organically, the think time), inline: the engine makes them on every step, and a
// call per decision cost about as much as the draw itself (~35 instructions a step on
// `default`). ShopperModel::continues(), browsesOrganically() and thinkTime() are these
// functions; the engine calls them directly. Same draws, same order. Not installed.

#include "shopper_terms.h"

#include "recoscope/sim/scenario.h"
#include "recoscope/sim/session.h"

#include <boost/random/exponential_distribution.hpp>

namespace recoscope::sim::detail {

/// ShopperModel::continues(): one uniform draw against continue_probability.
inline bool continuesDraw(const BehaviourSpec& b, Session& s) {
    return uniform01(s) < b.continueProbability;
}

/// ShopperModel::browsesOrganically(): one uniform draw against organic_probability.
inline bool browsesOrganicallyDraw(const BehaviourSpec& b, Session& s) {
    return uniform01(s) < b.organicProbability;
}

/// ShopperModel::thinkTime(): simulated seconds to the next step, exponential with mean
/// step_seconds (Boost's distribution, the rate computed as before).
inline double thinkTimeDraw(const BehaviourSpec& b, Session& s) {
    return boost::random::exponential_distribution<double>(1.0 / b.stepSeconds)(s.rng);
}

} // namespace recoscope::sim::detail
