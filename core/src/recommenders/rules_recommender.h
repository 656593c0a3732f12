#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `rules`: re-ranker applying business rules to any core: out-of-stock items never pass,
/// promoted items get a relevance boost.
RecommenderEntry businessRulesRecommenderEntry();
} // namespace recoscope::core
