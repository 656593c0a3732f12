#include "recoscope/core/user_outcomes.h"

namespace recoscope::core {

// Users joining later (cohorts) have ids inside the population table, sized at start;
// anything beyond it is ignored rather than grown, so a row never moves under a reader.
UserOutcomes::Row* UserOutcomes::row(UserId user) {
    return user < m_rows.size() ? &m_rows[user] : nullptr;
}

void UserOutcomes::onSessionStart(UserId user) {
    if (Row* r = row(user))
        ++r->sessions;
}

void UserOutcomes::onSlate(UserId user, std::size_t size, int clicked) {
    if (Row* r = row(user)) {
        r->impressions += size;
        if (clicked >= 0 && static_cast<std::size_t>(clicked) < size)
            ++r->clicks;
    }
}

void UserOutcomes::onEvent(const Event& e) {
    Row* r = row(e.user);
    if (!r)
        return;
    ++r->events;
    if (e.kind == EventKind::Purchase) {
        r->revenue += e.price;
        if (e.fromRecommendation) {
            ++r->recPurchases;
            r->recRevenue += e.price;
        }
    }
}

std::uint32_t UserOutcomes::sessions(UserId user) const {
    return user < m_rows.size() ? m_rows[user].sessions : 0;
}

} // namespace recoscope::core
