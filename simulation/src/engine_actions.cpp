#include "recoscope/sim/engine.h"

#include "due_heap.h"
#include "engine_order.h"
#include "session_draws.h"

#include "recoscope/sim/seeds.h"

#include "recoscope/sim/vector_state.h"

#include "recoscope/core/slate_check.h"

#include <algorithm>
#include <cmath>

namespace recoscope::sim {

// One step of a session: the organic actions, the slate's outcome, and each event's consumers.

std::uint64_t Engine::regretDraw(const Session& s) const {
    return mix64(m_regretKey ^
                 (s.id * 0x9E3779B97F4A7C15ull + static_cast<std::uint64_t>(s.steps)));
}

const HistoryCache& Engine::stepHistory(const Session& s, core::SimTime t) {
    if (!m_stepHistoryReady) {
        m_model.prepare(s.user, t, core::kNoItem, m_stepHistory);
        m_stepHistoryReady = true;
    }
    return m_stepHistory;
}

void Engine::organicView(Session& s, ActionRecord& a, core::ItemId item, core::Surface surface,
                         core::SimTime t) {
    a.events.push_back({t, s.user, item, core::EventKind::View, surface, -1, false, 0.0f});
    m_model.afterView(s, item, false, -1, t, a.events, &stepHistory(s, t));
    s.contextItem = item;
    s.surface = core::Surface::Product;
}

void Engine::organicSearch(Session& s, ActionRecord& a, core::SimTime t) {
    // A search names a category or tags; its results are organic (not the core's):
    // the event carries the first result the shopper opened.
    const core::ItemId found = m_model.organicItem(s, &stepHistory(s, t));
    if (found == core::kNoItem)
        return;
    a.events.push_back(
        {t, s.user, found, core::EventKind::Search, core::Surface::Search, -1, false, 0.0f});
    s.surface = core::Surface::Search;
    organicView(s, a, found, core::Surface::Search, t);
}

bool Engine::beginAction(ActionRecord& a) {
    // Whatever ran on this thread before (Qt's QHash), the step's SSE code runs clean.
    clearUpperVectorState();
    // Arrivals before the next due step start sessions (no event of their own). A session
    // that starts is due at once: its key (the arrival's time, the next session id) comes
    // before every pending step's, and the next arrival's comes after it, so its first
    // step is this one. It is taken as it is, without a trip through the heap (a push to
    // the root and a pop from it were ~40 instructions a step on `default`).
    bool fresh = false;
    while (!m_finished) {
        const bool arrivalFirst =
            m_due.empty() || detail::laterDue(m_due.front().time, m_due.front().sessionId,
                                              m_nextArrival, m_nextSessionId);
        const core::SimTime next = arrivalFirst ? m_nextArrival : m_due.front().time;
        if (next >= m_end) {
            m_finished = true;
            m_now = m_end;
            return false;
        }
        if (!arrivalFirst)
            break;
        m_now = m_nextArrival;
        applyTimeline(m_now);
        if (startSession()) { // sets m_stepSlot
            fresh = true;
            break;
        }
    }
    if (m_finished)
        return false;

    // A step of the heap stays at its root until completeAction() knows whether the
    // session goes on: then one pass replaces it by the next step (or a pop removes it),
    // where a pop here and a push there took two (due_heap.h, replaceTopDue).
    if (!fresh)
        m_stepSlot = m_due.front().slot;
    m_stepInHeap = !fresh;
    const std::uint32_t slot = m_stepSlot;
    if (m_prefetchSteps)
        prefetchNextSteps();
    Session& s = m_sessions[slot];
    const core::SimTime t = s.nextTime;
    m_now = t;
    applyTimeline(t);

    a.sessionId = s.id;
    a.user = s.user;
    a.time = t;
    a.sessionStarted = s.steps == 0;
    a.sessionEnded = false;
    a.events.clear();
    a.clicked = -1;

    // The user's history (fatigue, purchases) does not change during the step: what the
    // step shows is remembered at its end. So it is prepared once, lazily (stepHistory()),
    // and shared by the organic moves, the slate choice and the decisions after a view.
    m_stepHistoryReady = false;
    if (s.steps == 0) {
        switch (s.startSurface) {
        case core::Surface::Home:
            s.surface = core::Surface::Home;
            break;
        case core::Surface::Search:
            organicSearch(s, a, t);
            break;
        case core::Surface::Product: {
            // Landing on a product page from outside (an ad, a shared link).
            const core::ItemId found = m_model.organicItem(s, &stepHistory(s, t));
            if (found != core::kNoItem)
                organicView(s, a, found, core::Surface::Product, t);
            break;
        }
        case core::Surface::Cart: {
            // Back to the shop after a purchase: the cart / order page suggests
            // accessories and consumables for the last thing bought.
            const auto bought = m_state.bought(s.user);
            const core::ItemId last =
                bought[(m_state.boughtNext(s.user) + ShopState::kBought - 1) % ShopState::kBought];
            s.surface = last != core::kNoItem ? core::Surface::Cart : core::Surface::Home;
            s.contextItem = last;
            break;
        }
        }
    }
    m_state.setActiveContext(s.user, s.contextItem);

    // The slate: on the product and cart pages it relates to the item, else the home feed.
    a.excluded.clear();
    for (const CartLine& line : s.cart)
        a.excluded.push_back(line.item);
    a.request = core::Request{};
    a.request.user = s.user;
    a.request.time = t;
    a.request.surface = s.surface;
    a.request.k = m_scenario.slateSize;
    a.request.contextItem = s.contextItem;
    a.request.exclude = a.excluded;
    return true;
}

void Engine::completeAction(ActionRecord& a, std::chrono::nanoseconds latency) {
    const std::uint32_t slot = m_stepSlot;
    Session& s = m_sessions[slot];
    const core::SimTime t = a.time;
    const BehaviourSpec& b = m_scenario.behaviour;
    HistoryCache& history = m_stepHistory;
    if (m_guard.failed())
        m_finished = true; // the action completes with an empty slate; nothing after it
    // On a large catalogue every slate item's rows are cache misses: start loading what
    // the shopper reads, then the metric state, now, while the step's history is prepared
    // and the shopper model works (docs/performance.md, "large").
    m_model.prefetchSlate(a.slate);
    m_metrics.prefetch(a.slate);
    if (m_serveObserver)
        m_serveObserver(a.request, a.slate);
    if (m_analysis)
        m_analysis->addSlate(s.user, a.slate.size());
    const bool sampleRegret = b.regretSample > 0.0 &&
                              static_cast<double>(regretDraw(s) >> 11) * 0x1.0p-53 < b.regretSample;
    // The slate is judged with the step's context item: set it on the prepared history
    // in place (only the successors change) rather than copying the whole cache, and
    // take it off again for the decisions after a view.
    stepHistory(s, t);
    m_model.setContext(history, s.contextItem);
    a.clicked =
        m_model.chooseFromSlate(s, a.slate, t, sampleRegret ? &m_shownUtility : nullptr, &history);
    m_model.setContext(history, core::kNoItem);
    if (sampleRegret)
        measureRegret(s, a, m_shownUtility);
    ++s.slates;
    // Counted after the shopper judged the slate: its items' vectors are then in cache.
    m_metrics.onSlate(t, a.slate, static_cast<std::uint64_t>(latency.count()), s.user);
    m_surfaceMetrics.onSlate(a.request.surface, a.slate.size(),
                             static_cast<std::uint64_t>(latency.count()));
    m_onboarding.onSlate(s.user, s.id, t, a.slate.size(), a.clicked);

    if (a.clicked >= 0) {
        const core::ItemId item = a.slate[static_cast<std::size_t>(a.clicked)].item;
        const auto pos = static_cast<std::int16_t>(a.clicked);
        a.events.push_back({t, s.user, item, core::EventKind::Click, s.surface, pos, true, 0.0f});
        ++s.clicks;
        m_model.afterView(s, item, true, pos, t, a.events, &stepHistory(s, t));
        s.contextItem = item;
        s.surface = core::Surface::Product;
    } else {
        ++s.slatesWithoutClick;
        if (detail::browsesOrganicallyDraw(b, s)) {
            // Organic next step: follow the current item's successors (sequence), search,
            // or browse the shop's pages.
            const double r = detail::uniform01(s);
            const core::ItemId next =
                r < b.sequenceStrength ? m_model.successorItem(s, s.contextItem) : core::kNoItem;
            if (next != core::kNoItem) {
                organicView(s, a, next, core::Surface::Product, t);
            } else if (r < b.sequenceStrength + (1.0 - b.sequenceStrength) * 0.4) {
                organicSearch(s, a, t);
            } else {
                const core::ItemId item = m_model.organicItem(s, &stepHistory(s, t));
                if (item != core::kNoItem)
                    organicView(s, a, item, s.surface, t);
            }
        } else {
            s.surface = core::Surface::Home;
            s.contextItem = core::kNoItem;
        }
    }
    // What was shown tires the shopper for the next steps (not for this one's decisions).
    const float hour = static_cast<float>(t / core::kSecondsPerHour);
    m_state.rememberSlate(s.user, a.slate, hour);
    // Now and then the shopper opens the cart page.
    if (!s.cart.empty() && detail::uniform01(s) < 0.15) {
        s.surface = core::Surface::Cart;
        s.contextItem = s.cart.back().item;
    }
    m_state.setActiveContext(s.user, s.contextItem);
    if (!m_guard.failed()) {
        m_guard.observeSlate(*m_recommender, a.request, a.slate, a.clicked);
        m_finished = m_finished || m_guard.failed();
    }

    ++s.steps;
    // The model's continues() and thinkTime(), inline (session_draws.h).
    // The step's entry is still the heap's root, unless it was the session's first
    // (beginAction).
    if (detail::continuesDraw(b, s)) {
        s.nextTime = t + detail::thinkTimeDraw(b, s);
        if (m_stepInHeap)
            detail::replaceTopDue(m_due, Due{s.nextTime, s.id, slot});
        else
            detail::pushDue(m_due, Due{s.nextTime, s.id, slot});
    } else {
        endSession(s, t, a);
        if (m_stepInHeap)
            detail::popDue(m_due);
        m_freeSlots.push_back(slot);
    }
    m_stepInHeap = false;
    if (m_actionObserver)
        m_actionObserver(a, s);
    m_pending.append(a.events);
}

} // namespace recoscope::sim
