#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `demographic`: popularity within the shopper's demographic segment, shrunk towards global
/// popularity. Needs no co-occurrence, so it answers new users from the first request.
RecommenderEntry demographicRecommenderEntry();
} // namespace recoscope::core
