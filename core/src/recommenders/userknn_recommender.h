#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `userknn`: user-based collaborative filtering learnt online: shoppers with similar
/// behaviour (cosine or Pearson), found incrementally through the items they share.
RecommenderEntry userKnnRecommenderEntry();
} // namespace recoscope::core
