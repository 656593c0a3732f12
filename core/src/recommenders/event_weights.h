#pragma once
// Implicit-feedback weights shared by the learning cores: view < favourite < cart < purchase.

#include "recoscope/core/event.h"

namespace recoscope::core {

/// Preference weight of an event kind (view 1, click 1, search 0, favourite 2, cart 3,
/// cart-remove -1, purchase 5), the common weighting from the literature (docs/recommenders.md).
inline float implicitWeight(EventKind kind) {
    switch (kind) {
    case EventKind::View:
        return 1.0f;
    case EventKind::Click:
        return 1.0f;
    case EventKind::Search:
        return 0.0f;
    case EventKind::Favourite:
        return 2.0f;
    case EventKind::CartAdd:
        return 3.0f;
    case EventKind::CartRemove:
        return -1.0f;
    case EventKind::Purchase:
        return 5.0f;
    }
    return 0.0f;
}

} // namespace recoscope::core
