#include "recoscope/sim/engine.h"

#include <algorithm>
#include <cmath>

namespace recoscope::sim {

// The shop's side of the clock: availability, promotions, stock shocks, restocks, sales.

void Engine::setAvailable(core::ItemId item, bool available) {
    core::ItemTable& t = m_world.items;
    const std::uint8_t v = available ? 1 : 0;
    if (t.available[item] == v)
        return;
    t.available[item] = v;
    if (available)
        ++t.availableCount;
    else
        --t.availableCount;
}

void Engine::applyPromotions() {
    // A promotion covers the items of its category (any level of the tree) and/or brand;
    // an item's discount is the larger of its standing discount and any running promotion.
    core::ItemTable& t = m_world.items;
    m_state.promoted.clear();
    std::vector<const TimelineEvent*> running;
    for (std::size_t k = 0; k < m_scenario.timeline.size(); ++k)
        if (m_promotionActive[k])
            running.push_back(&m_scenario.timeline[k]);
    for (core::ItemId i = 0; i < t.size(); ++i) {
        float promo = 0.0f;
        for (const TimelineEvent* p : running) {
            const TimelineEvent& e = *p;
            if (e.category >= 0 && !m_world.inCategory(i, static_cast<std::uint32_t>(e.category)))
                continue;
            if (e.brand >= 0 && t.brand[i] != static_cast<std::uint32_t>(e.brand))
                continue;
            promo = std::max(promo, static_cast<float>(e.discount));
        }
        m_state.promotionDiscount[i] = promo;
        t.discount[i] = std::max(m_world.itemBaseDiscount[i], promo);
        if (promo > 0.0f)
            m_state.promoted.push_back(i);
    }
}

core::SimTime Engine::nextTimelineChange() const {
    core::SimTime due = std::numeric_limits<core::SimTime>::infinity();
    if (m_nextLaunch < m_launches.size())
        due = std::min(due, m_launches[m_nextLaunch].first);
    if (!m_restocks.empty())
        due = std::min(due, m_restocks.front().time);
    if (m_nextChange < m_changes.size())
        due = std::min(due, m_changes[m_nextChange].time);
    return due;
}

void Engine::applyDueTimeline(core::SimTime t) {
    // New items appear (available unless stocked out by a shock before launch).
    while (m_nextLaunch < m_launches.size() && m_launches[m_nextLaunch].first <= t) {
        const core::ItemId item = m_launches[m_nextLaunch++].second;
        if (m_state.stock[item] != 0)
            setAvailable(item, true);
    }
    // Restocks due.
    while (!m_restocks.empty() && m_restocks.front().time <= t) {
        std::pop_heap(m_restocks.begin(), m_restocks.end(), restockLater);
        const core::ItemId item = m_restocks.back().item;
        m_restocks.pop_back();
        m_state.stock[item] = m_world.itemStock[item];
        ++m_state.restocked[item];
        if (m_world.items.launchTime[item] <= t)
            setAvailable(item, true);
    }
    bool promotionsChanged = false;
    while (m_nextChange < m_changes.size() && m_changes[m_nextChange].time <= t) {
        const Change c = m_changes[m_nextChange++];
        const TimelineEvent& e = m_scenario.timeline[c.entry];
        if (e.kind == TimelineEvent::Kind::Promotion) {
            m_promotionActive[c.entry] = c.start ? 1 : 0;
            promotionsChanged = true;
        } else if (e.kind == TimelineEvent::Kind::StockShock) {
            // One draw per matching item whatever its state, so the timeline stream stays
            // aligned across recommenders.
            boost::random::uniform_01<double> uniform;
            for (core::ItemId i = 0; i < m_world.items.size(); ++i) {
                if (e.category >= 0 &&
                    !m_world.inCategory(i, static_cast<std::uint32_t>(e.category)))
                    continue;
                const double draw = uniform(m_timelineRng);
                if (draw >= e.fraction || m_state.stock[i] == 0)
                    continue;
                m_state.stock[i] = 0;
                ++m_state.stockOuts;
                setAvailable(i, false);
                m_restocks.push_back({c.time + m_world.itemRestockLead[i], i});
                std::push_heap(m_restocks.begin(), m_restocks.end(), restockLater);
            }
        }
    }
    if (promotionsChanged)
        applyPromotions();
    // Each loop above stopped at its first entry after t, so nothing is due before this.
    m_timelineDue = nextTimelineChange();
}

bool Engine::buy(core::ItemId item, core::UserId user, core::SimTime t) {
    if (!m_world.items.isAvailable(item) || m_state.stock[item] == 0)
        return false;
    if (m_state.stock[item] > 0 && --m_state.stock[item] == 0) {
        // Sold out: unbuyable and not recommendable until the restock.
        ++m_state.stockOuts;
        setAvailable(item, false);
        const core::SimTime restockAt = t + m_world.itemRestockLead[item];
        m_restocks.push_back({restockAt, item});
        std::push_heap(m_restocks.begin(), m_restocks.end(), restockLater);
        m_timelineDue = std::min(m_timelineDue, restockAt);
    }
    ++m_state.sold[item];
    m_state.lastPurchase[user] = t;
    ++m_state.purchases[user];
    m_state.monetary[user] += m_model.pricePaid(item);
    m_state.rememberPurchase(user, item, static_cast<float>(t / core::kSecondsPerHour));
    return true;
}

} // namespace recoscope::sim
