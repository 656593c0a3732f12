#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `content`: TF-IDF of titles and tags plus category, brand and price band, matched to a
/// decayed profile of what the shopper touched. Needs no co-occurrence, so it answers new
/// items from the first request.
RecommenderEntry contentRecommenderEntry();
} // namespace recoscope::core
