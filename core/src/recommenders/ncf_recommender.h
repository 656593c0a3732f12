#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `ncf`: neural collaborative filtering, NeuMF-style embeddings + MLP trained online with
/// Eigen in mini-batches.
RecommenderEntry ncfRecommenderEntry();
} // namespace recoscope::core
