#include "recoscope/sim/inspector_ledger.h"

#include "recoscope/sim/shop_state.h"

#include <QCoreApplication>

#include <algorithm>

namespace recoscope::sim {

namespace {
// Per-item time bins: at most 8M counters (32 MB) per core; catalogues too large for 8
// bins per item keep totals only.
constexpr std::size_t kMaxBinCells = 8u * 1024u * 1024u;
// The inspectors' messages keep the context they had in EngineWorker (spelt out for
// lupdate), so the existing translations still apply.
} // namespace

InspectorLedger::InspectorLedger(const World& w, core::SimTime duration)
    : m_itemTable(w.items), m_users(w.users.size()), m_items(w.items.size()) {
    if (w.items.size()) {
        m_bins = std::clamp<std::size_t>(kMaxBinCells / (w.items.size() * 3), 0, 96);
        if (m_bins < 8)
            m_bins = 0; // huge catalogues: totals only
    }
    if (m_bins) {
        m_binSeconds = std::max(1.0, duration) / static_cast<double>(m_bins);
        m_binCells.assign(w.items.size() * m_bins * 3, 0);
    }
}

void InspectorLedger::bump(core::ItemId item, core::SimTime t, int which) {
    if (!m_bins)
        return;
    const auto bin =
        std::min(m_bins - 1, static_cast<std::size_t>(std::max(0.0, t / m_binSeconds)));
    ++m_binCells[(static_cast<std::size_t>(item) * m_bins + bin) * 3 +
                 static_cast<std::size_t>(which)];
}

void InspectorLedger::track(const ActionRecord& a, const std::vector<core::Explanation>* served) {
    for (const core::SlateEntry& e : a.slate) {
        if (e.item >= m_items.size())
            continue;
        ++m_items[e.item].impressions;
        bump(e.item, a.time, 0);
    }
    UserDetail& d = m_details[a.user];
    d.slate = a.slate;
    d.slateTime = a.time;
    d.surface = a.request.surface;
    d.contextItem = a.request.contextItem;
    d.explained.clear();
    if (served)
        d.explained = entries(m_itemTable, a.slate, served);
    for (const core::Event& e : a.events) {
        UserDetail& ed = e.user == a.user ? d : m_details[e.user];
        ed.ring[ed.count % kRecentEvents] = e;
        ++ed.count;
        if (e.item >= m_items.size())
            continue;
        if (e.kind == core::EventKind::Click) {
            ++m_items[e.item].clicks;
            bump(e.item, e.time, 1);
        } else if (e.kind == core::EventKind::Purchase) {
            UserStats& eu = m_users[e.user];
            ++eu.purchases;
            eu.spent += e.price;
            eu.lastPurchase = e.time;
            ++m_items[e.item].purchases;
            bump(e.item, e.time, 2);
        }
    }
}

std::vector<ExplainedEntry> InspectorLedger::entries(const core::ItemTable& items,
                                                     const core::Slate& slate,
                                                     const std::vector<core::Explanation>* served) {
    std::vector<ExplainedEntry> out;
    for (std::size_t n = 0; n < slate.size(); ++n) {
        const core::SlateEntry& e = slate[n];
        ExplainedEntry x;
        x.item = e.item;
        x.score = e.score;
        if (items.contains(e.item)) {
            x.itemDescription = QString::fromStdString(core::describeItem(items, e.item));
            x.itemCategory = QString::fromStdString(core::describeItemCategory(items, e.item));
        }
        if (served && n < served->size()) {
            const core::Explanation& why = (*served)[n];
            x.explanation = QString::fromStdString(why.text);
            x.why = why;
            x.placeholder = why.basis == core::Explanation::Basis::Placeholder;
            if (const core::ExplanationTerm* total = why.total())
                x.scoreText = QString::fromStdString(core::formatTerm(*total));
        }
        out.push_back(std::move(x));
    }
    return out;
}

void InspectorLedger::describe(const Engine& engine, const ActionRecord& a,
                               const std::vector<core::Explanation>* served,
                               StepRecord& record) const {
    record.valid = true;
    record.user = a.user;
    record.time = a.time;
    record.surface = a.request.surface;
    record.contextItem = a.request.contextItem;
    record.clicked = a.clicked;
    record.sessionStarted = a.sessionStarted;
    record.sessionEnded = a.sessionEnded;
    record.events = a.events;
    record.slate = entries(engine.world().items, a.slate, served);
    auto it = m_details.find(a.user);
    if (it != m_details.end() && it->second.slateTime >= 0.0)
        record.previousSlate = !it->second.explained.empty()
                                   ? it->second.explained
                                   : entries(engine.world().items, it->second.slate, nullptr);
}

UserInspection InspectorLedger::inspectUser(const Engine& engine,
                                            const core::UserOutcomes& outcomes,
                                            core::UserId user) const {
    UserInspection r;
    r.user = user;
    const core::UserTable& users = engine.world().users;
    if (!users.contains(user)) {
        r.error = QCoreApplication::translate("recoscope::sim::EngineWorker",
                                              "There is no shopper %1; ids run from 0 to %2.")
                      .arg(user)
                      .arg(users.size() - 1);
        return r;
    }
    r.valid = true;
    r.ageBand = users.ageBand[user];
    r.gender = users.gender[user];
    r.occupation = users.occupation[user];
    r.region = users.region[user];
    r.joinTime = users.joinTime.size() > user ? users.joinTime[user] : 0.0;
    const UserStats& s = m_users[user];
    if (user < outcomes.rows().size()) {
        r.sessions = outcomes.rows()[user].sessions;
        r.events = outcomes.rows()[user].events;
    }
    r.frequency = s.purchases;
    r.monetary = s.spent;
    const core::SimTime now = engine.now();
    r.recencyDays = s.lastPurchase >= 0.0 ? (now - s.lastPurchase) / core::kSecondsPerDay : -1.0;
    const ShopState& state = engine.state();
    if (user < state.returnWeight.size())
        r.returnWeight = state.returnWeight[user];
    if (user < state.churned.size())
        r.churned = state.churned[user] != 0;
    // Segments from simple RFM rules, as shop CRM dashboards use them.
    if (s.purchases == 0)
        r.segment = r.sessions <= 2 ? QStringLiteral("new") : QStringLiteral("browser");
    else if (r.recencyDays > 3.0)
        r.segment = QStringLiteral("at-risk");
    else if (s.purchases >= 3)
        r.segment = QStringLiteral("champion");
    else
        r.segment = QStringLiteral("loyal");
    auto it = m_details.find(user);
    if (it != m_details.end()) {
        const UserDetail& d = it->second;
        const std::size_t n = std::min(d.count, kRecentEvents);
        const core::ItemTable& items = engine.world().items;
        for (std::size_t i = d.count - n; i < d.count; ++i) {
            const core::Event& e = d.ring[i % kRecentEvents];
            r.recentEvents.push_back(e);
            // Named from the catalogue, so the list reads "item 42 · Sneakers, …".
            UserInspection::ItemBrief brief;
            if (e.item != core::kNoItem && items.contains(e.item)) {
                if (items.category[e.item] < items.categoryName.size())
                    brief.category =
                        QString::fromStdString(items.categoryName[items.category[e.item]]);
                brief.brand = items.brand[e.item];
                brief.price = items.price[e.item];
            }
            r.recentItems.push_back(brief);
        }
        if (d.slateTime >= 0.0) {
            r.slateTime = d.slateTime;
            r.slate = !d.explained.empty() ? d.explained
                                           : entries(engine.world().items, d.slate, nullptr);
        }
    }
    return r;
}

ItemInspection InspectorLedger::inspectItem(const Engine& engine, core::ItemId item) const {
    ItemInspection r;
    r.item = item;
    const core::ItemTable& items = engine.world().items;
    if (!items.contains(item)) {
        r.error = QCoreApplication::translate("recoscope::sim::EngineWorker",
                                              "There is no item %1; ids run from 0 to %2.")
                      .arg(item)
                      .arg(items.size() - 1);
        return r;
    }
    r.valid = true;
    r.description = QString::fromStdString(core::describeItem(items, item));
    r.categoryPath = QString::fromStdString(core::describeItemCategory(items, item));
    if (item < items.category.size() && items.category[item] < items.categoryName.size())
        r.category = QString::fromStdString(items.categoryName[items.category[item]]);
    r.brand = items.brand[item];
    r.price = items.price[item];
    r.discount = items.discount[item];
    r.available = items.isAvailable(item);
    r.launchTime = items.launchTime[item];
    const ShopState& state = engine.state();
    if (item < state.stock.size()) {
        r.stock = state.stock[item];
        r.sold = state.sold[item];
        r.restocked = state.restocked[item];
        r.promotionDiscount = state.promotionDiscount[item];
    }
    const ItemStats& s = m_items[item];
    r.impressions = s.impressions;
    r.clicks = s.clicks;
    r.purchases = s.purchases;
    if (m_bins) {
        r.binSeconds = m_binSeconds;
        const std::size_t lastBin =
            std::min(m_bins, static_cast<std::size_t>(engine.now() / m_binSeconds) + 1);
        for (std::size_t b = 0; b < lastBin; ++b) {
            const std::size_t at = (static_cast<std::size_t>(item) * m_bins + b) * 3;
            r.impressionBins.push_back(m_binCells[at]);
            r.clickBins.push_back(m_binCells[at + 1]);
            r.purchaseBins.push_back(m_binCells[at + 2]);
        }
    }
    return r;
}

} // namespace recoscope::sim
