#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `itemknn`: incremental item-item co-occurrence similarity co/sqrt(n_i n_j) (a cosine only
/// when each item occurs once per history) over users' recent histories.
RecommenderEntry itemKnnRecommenderEntry();
} // namespace recoscope::core
