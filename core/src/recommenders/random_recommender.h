#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `random`: uniform over available items; the floor every learning core must beat.
RecommenderEntry randomRecommenderEntry();
} // namespace recoscope::core
