#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `markov`: first-order Markov chain, what shoppers looked at next after the current item:
/// what the shopper does in this visit predicts the next item.
RecommenderEntry markovRecommenderEntry();
} // namespace recoscope::core
