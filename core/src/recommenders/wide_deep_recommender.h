#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `wide-deep`: Wide & Deep learning (Cheng et al. 2016): a linear model over crossed
/// categorical features plus an MLP over user and item embeddings, trained jointly online.
RecommenderEntry wideDeepRecommenderEntry();
} // namespace recoscope::core
