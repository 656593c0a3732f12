#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `sknn`: session-kNN, the items of past sessions most similar to the running one
/// (recency-weighted): what the shopper does in this visit predicts the next item.
RecommenderEntry sessionKnnRecommenderEntry();
} // namespace recoscope::core
