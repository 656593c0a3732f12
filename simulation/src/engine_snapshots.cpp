// Engine's read-only snapshots for the inspectors, apart from engine.cpp (the simulator's
// loop) to keep that file within bounds.

#include "recoscope/sim/engine.h"

namespace recoscope::sim {

UserSnapshot Engine::userSnapshot(core::UserId user) const {
    UserSnapshot u;
    if (!m_world.users.contains(user))
        return u;
    const core::UserTable& t = m_world.users;
    u.user = user;
    u.ageBand = t.ageBand[user];
    u.gender = t.gender[user];
    u.occupation = t.occupation[user];
    u.region = t.region[user];
    u.joinTime = t.joinTime[user];
    u.group = m_world.userGroup[user];
    u.activity = m_world.userActivity[user];
    u.priceSensitivity = m_world.userPriceSensitivity[user];
    u.brandLoyalty = m_world.userBrandLoyalty[user];
    u.habitHour = m_world.userHabitHour[user];
    u.returnWeight = m_state.returnWeight[user];
    u.churned = m_state.churned[user] != 0;
    u.sessions = m_state.sessions[user];
    u.recencyDays = m_state.lastPurchase[user] < 0.0
                        ? -1.0
                        : (m_now - m_state.lastPurchase[user]) / core::kSecondsPerDay;
    u.frequency = m_state.purchases[user];
    u.monetary = m_state.monetary[user];
    const auto shown = m_state.shown(user);
    for (int k = 1; k <= m_state.memory; ++k) {
        const core::ItemId i =
            shown[(m_state.shownNext(user) + m_state.memory - k) % m_state.memory];
        if (i != core::kNoItem)
            u.recentlyShown.push_back(i);
    }
    const auto bought = m_state.bought(user);
    for (int k = 1; k <= ShopState::kBought; ++k) {
        const core::ItemId i =
            bought[(m_state.boughtNext(user) + ShopState::kBought - k) % ShopState::kBought];
        if (i != core::kNoItem)
            u.recentlyBought.push_back(i);
    }
    return u;
}

ItemSnapshot Engine::itemSnapshot(core::ItemId item) const {
    ItemSnapshot s;
    const core::ItemTable& t = m_world.items;
    if (!t.contains(item))
        return s;
    s.item = item;
    s.category = t.category[item];
    s.topCategory = t.topCategory[item];
    s.brand = t.brand[item];
    s.listPrice = t.price[item];
    s.discount = t.discount[item];
    s.promotionDiscount = m_state.promotionDiscount[item];
    s.launchTime = t.launchTime[item];
    s.launched = t.launchTime[item] <= m_now;
    s.available = t.available[item] != 0;
    s.stock = m_state.stock[item];
    s.initialStock = m_world.itemStock[item];
    s.sold = m_state.sold[item];
    s.exposure = item < m_metrics.exposure().size() ? m_metrics.exposure()[item] : 0;
    s.consumable = m_world.itemConsumable[item] != 0;
    s.quality = m_world.itemQuality[item];
    const auto next = m_world.successors(item);
    s.successors.assign(next.begin(), next.end());
    return s;
}

} // namespace recoscope::sim
