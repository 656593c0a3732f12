#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `itemknn`: incremental item-item cosine over co-occurrence in users' recent histories.
RecommenderEntry itemKnnRecommenderEntry();
} // namespace recoscope::core
