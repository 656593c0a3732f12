#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `attn-lite` (called `seq` before issue 11): the latest item attends over the shopper's
/// recent items — one head, no projections, positions or feed-forward block — and the
/// attended vector scores the next item; trained online with Eigen. A light ablation of
/// `sasrec`.
RecommenderEntry attnLiteRecommenderEntry();
} // namespace recoscope::core
