#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `seq`: sequence model trained online with Eigen: a single self-attention block over the
/// shopper's recent items predicts the next one.
RecommenderEntry sequenceRecommenderEntry();
} // namespace recoscope::core
