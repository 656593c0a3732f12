#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `ials`: implicit ALS over capped per-user profiles, retrained periodically, folding in
/// new users between retrains.
RecommenderEntry ialsRecommenderEntry();
} // namespace recoscope::core
