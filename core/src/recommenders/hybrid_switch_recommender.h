#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `hybrid-switch`: switching hybrid over registered cores: demographic for new shoppers,
/// then content, then collaborative filtering once the history is rich.
RecommenderEntry hybridSwitchRecommenderEntry();
} // namespace recoscope::core
