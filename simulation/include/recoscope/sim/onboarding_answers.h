#pragma once
// The signup questionnaire's answers (docs/use-cases.md, "New-user onboarding";
// decisions/0031): which leaf categories each newcomer says they like.

#include "recoscope/core/types.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/sim/world.h"

#include <cstdint>
#include <vector>

namespace recoscope::sim {

/// A shopper's true affinity to each leaf category, in the order of world.leafCategories:
/// their hidden vector dotted with the mean hidden vector of the leaf's items (0 for an
/// empty leaf). What the shopper's taste for a category is, before price and appeal.
std::vector<float> leafAffinities(const World& world, core::UserId user);

/// Per user, the stated leaf categories (ItemTable::category values), empty for shoppers
/// of the initial population and for newcomers who skip the questionnaire; all empty when
/// spec.enabled() is false. A newcomer answers with probability spec.share; the answer is
/// their spec.categories leaves of highest affinity (ties: lower leaf id), most liked
/// first, each replaced with probability spec.noise by a uniformly drawn leaf that is not
/// in the answer (so a replaced entry is never one of the true favourites). Every
/// newcomer takes the same number of draws from the named stream "onboarding", whatever
/// the outcome, so no other stream moves and changing noise or share keeps the dice.
/// Requires spec.categories < the number of leaves (the scenario parser checks it).
std::vector<std::vector<std::uint32_t>>
drawStatedCategories(const World& world, const OnboardingSpec& spec, std::uint64_t runSeed);

} // namespace recoscope::sim
