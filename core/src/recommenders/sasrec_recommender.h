#pragma once

#include "recoscope/core/registry.h"

namespace recoscope::core {
/// `sasrec`: self-attentive sequential recommendation (Kang & McAuley 2018): one
/// transformer block with learned positions, projections and a feed-forward layer over
/// the shopper's recent items, trained online with the full gradient.
RecommenderEntry sasrecRecommenderEntry();
} // namespace recoscope::core
