#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `tail-floor`: re-ranker that reserves a share of every slate for long-tail items
/// (fairness to items and sellers, issue 16).
RecommenderEntry tailFloorRecommenderEntry();
} // namespace recoscope::core
