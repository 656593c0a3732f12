#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `hybrid-blend`: weighted rank-based blend of any registered cores (e.g.
/// itemknn:0.5,content:0.3,popularity:0.2), with no calibration between score scales.
RecommenderEntry hybridBlendRecommenderEntry();
} // namespace recoscope::core
