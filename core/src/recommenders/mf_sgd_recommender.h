#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `mf-sgd`: online matrix factorisation learnt from implicit feedback, one SGD step per
/// event with sampled negatives.
RecommenderEntry mfSgdRecommenderEntry();
} // namespace recoscope::core
