#include "recoscope/sim/inventory_monitor.h"

#include "recoscope/sim/scenario.h"
#include "recoscope/sim/seeds.h"
#include "recoscope/sim/world.h"

#include <boost/random/uniform_01.hpp>

#include <algorithm>

namespace recoscope::sim {

namespace {

bool dueLater(core::SimTime at, core::ItemId ai, core::SimTime bt, core::ItemId bi) {
    return at > bt || (at == bt && ai > bi);
}

} // namespace

InventoryMonitor::InventoryMonitor(const Scenario& scenario, const World& world, std::uint64_t seed,
                                   core::ForecastSettings settings)
    : m_world(world), m_forecaster(world.items.size(), settings), m_stock(world.itemStock),
      m_timelineRng(makeComponentEngine(streamSeed(seed, "timeline"))) {
    // The engine's timeline stream draws for stock shocks only, one draw per matching item
    // in start order (Engine::applyTimeline): the same draws here give the same emptied
    // items, so the ledger matches the shop without reading it.
    for (const TimelineEvent& e : scenario.timeline)
        if (e.kind == TimelineEvent::Kind::StockShock)
            m_shocks.push_back({e.startDay * core::kSecondsPerDay, e.category, e.fraction});
    std::stable_sort(m_shocks.begin(), m_shocks.end(),
                     [](const Shock& a, const Shock& b) { return a.time < b.time; });
}

std::int32_t InventoryMonitor::stock(core::ItemId item) const {
    return item < m_stock.size() ? m_stock[item] : -1;
}

void InventoryMonitor::empty(core::ItemId item, core::SimTime t, bool shock) {
    m_stock[item] = 0;
    m_stockOuts.push_back({item, t, shock});
    m_restocks.push_back({t + m_world.itemRestockLead[item], item});
    std::push_heap(m_restocks.begin(), m_restocks.end(), [](const Due& a, const Due& b) {
        return dueLater(a.time, a.item, b.time, b.item);
    });
}

void InventoryMonitor::applyDue(core::SimTime t) {
    // Restocks first, then shocks: the engine's order within one applyTimeline().
    auto later = [](const Due& a, const Due& b) {
        return dueLater(a.time, a.item, b.time, b.item);
    };
    while (!m_restocks.empty() && m_restocks.front().time <= t) {
        std::pop_heap(m_restocks.begin(), m_restocks.end(), later);
        const core::ItemId item = m_restocks.back().item;
        m_restocks.pop_back();
        m_stock[item] = m_world.itemStock[item];
    }
    while (m_nextShock < m_shocks.size() && m_shocks[m_nextShock].time <= t) {
        const Shock& s = m_shocks[m_nextShock++];
        boost::random::uniform_01<double> uniform;
        for (core::ItemId i = 0; i < m_world.items.size(); ++i) {
            if (s.category >= 0 && !m_world.inCategory(i, static_cast<std::uint32_t>(s.category)))
                continue;
            const double draw = uniform(m_timelineRng);
            if (draw >= s.fraction || m_stock[i] == 0)
                continue;
            empty(i, s.time, true);
        }
    }
}

void InventoryMonitor::closeDay() {
    const core::SimTime end =
        static_cast<double>(m_forecaster.openDay() + 1) * core::kSecondsPerDay;
    applyDue(end);
    m_forecaster.closeDay();
    // Items not launched yet are not in the shop: nothing to warn about.
    m_overstocked = 0;
    const core::ItemTable& items = m_world.items;
    for (core::ItemId i = 0; i < items.size(); ++i) {
        if (items.launchTime[i] > end)
            continue;
        switch (m_forecaster.classify(i, m_stock[i])) {
        case core::StockFlag::SellOut:
            m_warnings.push_back({i, end, m_forecaster.forecast(i), m_stock[i]});
            break;
        case core::StockFlag::Overstock:
            ++m_overstocked;
            break;
        case core::StockFlag::None:
            break;
        }
    }
}

void InventoryMonitor::addEvent(const core::Event& e) {
    while ((static_cast<double>(m_forecaster.openDay()) + 1.0) * core::kSecondsPerDay <= e.time)
        closeDay();
    applyDue(e.time);
    if (e.kind == core::EventKind::Purchase && e.item < m_stock.size()) {
        std::int32_t& s = m_stock[e.item];
        if (s == 0)
            ++m_unmatched;
        else if (s > 0 && --s == 0)
            empty(e.item, e.time, false);
    }
    m_forecaster.observe(e);
}

void InventoryMonitor::finish(core::SimTime end) {
    while ((static_cast<double>(m_forecaster.openDay()) + 1.0) * core::kSecondsPerDay <= end)
        closeDay();
    applyDue(end);
}

} // namespace recoscope::sim
