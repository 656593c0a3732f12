#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `gru4rec`: a GRU over the shopper's session (Hidasi et al. 2016) predicts the next
/// item; trained online with a softmax over sampled negatives.
RecommenderEntry gru4recRecommenderEntry();
} // namespace recoscope::core
