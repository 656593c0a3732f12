#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `bpr`: Bayesian personalised ranking, latent factors learnt by pairwise SGD on
/// (bought/viewed, sampled) item pairs.
RecommenderEntry bprRecommenderEntry();
} // namespace recoscope::core
