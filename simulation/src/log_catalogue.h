#pragma once
// Private: the catalogue and population a core sees when it runs on an imported log.

#include "recoscope/core/event.h"
#include "recoscope/core/shop.h"
#include "recoscope/sim/log_replay.h"

#include <QLatin1String>

#include <vector>

namespace recoscope::sim {

// A log knows nothing of the items but their ids: one category, one brand, no words.
// Prices are those paid where the log has them (YOOCHOOSE buys), else 0.
inline core::ItemTable blankItems(std::size_t n) {
    core::ItemTable t;
    t.category.assign(n, 0);
    t.topCategory.assign(n, 0);
    t.brand.assign(n, 0);
    t.price.assign(n, 0.0f);
    t.discount.assign(n, 0.0f);
    t.launchTime.assign(n, 0.0);
    t.available.assign(n, 0);
    t.tagOffsets.assign(n + 1, 0);
    t.categoryParent = {0};
    t.categoryName = {"all"};
    t.brandCount = 1;
    return t;
}

inline core::UserTable blankUsers(std::size_t n) {
    core::UserTable u;
    u.ageBand.assign(n, 0);
    u.gender.assign(n, 0);
    u.occupation.assign(n, 0);
    u.region.assign(n, 0);
    u.joinTime.assign(n, 0.0);
    u.ageBandCount = u.genderCount = u.occupationCount = u.regionCount = 1;
    return u;
}

/// core::eventKindName as a Qt string view (JSON keys, messages).
inline QLatin1String kindName(core::EventKind kind) {
    const std::string_view n = core::eventKindName(kind);
    return QLatin1String(n.data(), static_cast<qsizetype>(n.size()));
}

} // namespace recoscope::sim
