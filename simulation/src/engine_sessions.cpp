#include "recoscope/sim/engine.h"

#include "due_heap.h"
#include "engine_order.h"
#include "regret_scan.h"
#include "session_draws.h"

#include "recoscope/sim/seeds.h"

#include "recoscope/core/huge_pages.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace recoscope::sim {

// Sessions: the pending-step heap and its prefetches, session start and end, regret samples
// (the arrival process that feeds startSession is engine_arrivals.cpp).

core::SimTime Engine::nextDueTime() const {
    const std::size_t n = m_due.size();
    if (!m_stepInHeap)
        return n ? m_due.front().time : std::numeric_limits<double>::infinity();
    // The root is the open step: the next one is the earlier of its children.
    core::SimTime t = std::numeric_limits<double>::infinity();
    for (std::size_t c = 1; c < 3 && c < n; ++c)
        t = std::min(t, m_due[c].time);
    return t;
}

void Engine::prefetchNextSteps() {
    // On `large` each step is a different one of a million users, and every row of theirs
    // is a cache miss (~25 per step). The engine knows who comes next before it runs this
    // step: the earliest pending step other than this one (the heap's root, or the root's
    // earlier child when this step is the root) unless an arrival or this session comes
    // first, and the one after it. So the rows of the step after next start loading now,
    // and a step later, with them in cache, the rows they point to (the categories of the
    // remembered items, the latest slate): both arrive while a whole step of other work
    // runs. Hints only: a wrong guess costs a few loads, never a value (results are the
    // same; docs/decisions/0045). Below prefetchPays users every row stays in cache:
    // beginAction does not call this at all (m_prefetchSteps; five calls were 114
    // instructions a step on `default`).
    prefetchArrivals(); // the next candidate visits' users, a stage a step
    const std::size_t n = m_due.size();
    // The earlier of two heap positions, either of them possibly past the end (n).
    auto earlier = [&](std::size_t x, std::size_t y) {
        if (y >= n)
            return x;
        if (x >= n)
            return y;
        return detail::laterDue(m_due[x].time, m_due[x].sessionId, m_due[y].time,
                                m_due[y].sessionId)
                   ? y
                   : x;
    };
    std::size_t first = 0, second = earlier(1, 2);
    if (m_stepInHeap) {
        // Without the root: the earlier child, then the earliest of the other child and
        // the earlier child's children.
        first = second;
        second = earlier(first == 1 ? 2 : 1, earlier(2 * first + 1, 2 * first + 2));
    }
    if (first >= n)
        return;
    prefetchUserHistory(m_sessions[m_due[first].slot].user);
    if (second >= n)
        return;
    prefetchUserRows(m_sessions[m_due[second].slot].user);
}

void Engine::prefetchUserRows(core::UserId user) const {
    m_model.prefetchUser(user);
    m_metrics.prefetchUser(user, false);
    m_onboarding.prefetch(user);
}

void Engine::prefetchUserHistory(core::UserId user) const {
    m_model.prefetchHistory(user);
    m_metrics.prefetchUser(user, true);
}

bool Engine::startSession() {
    // The candidate visit drawn with its gap (drawArrival): whether it happens. The same
    // draws are made whatever happens, and the session number counts candidates, so every
    // recommender faces the same dice.
    const Arrival& visit = takeArrival();
    const core::SimTime t = visit.time;
    const core::UserId user = visit.user;
    const double acceptDraw = visit.acceptDraw;
    const std::uint32_t sessionNo = m_sessionCount[user]++;
    if (!visitHappens(user, t, acceptDraw)) {
        ++m_skippedVisits;
        return false;
    }

    std::uint32_t slot;
    if (!m_freeSlots.empty()) {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
    } else {
        slot = static_cast<std::uint32_t>(m_sessions.size());
        m_sessions.emplace_back();
    }
    Session& s = m_sessions[slot];
    s.id = m_nextSessionId++;
    s.user = user;
    s.rng = makeSessionEngine(m_seed, user, sessionNo);
    s.nextTime = t;
    s.steps = 0;
    s.surface = core::Surface::Home;
    s.contextItem = core::kNoItem;
    s.cart.clear();
    s.exclusions.clear();
    s.slates = s.slatesWithoutClick = s.clicks = s.purchases = 0;
    s.lostCarts = s.lostRequests = 0;
    s.regret = 0.0;
    s.regretSamples = 0;
    s.startSurface = m_model.startSurface(s);
    ++m_state.sessions[user];
    m_metrics.onSessionStart(t);
    m_stepSlot = slot; // its first step is due at once: beginAction takes it
    return true;
}

void Engine::measureRegret(Session& s, const ActionRecord& a,
                           const std::vector<float>& shownUtility) {
    // Regret of a slate = click probability of the best possible slate (the k available,
    // non-excluded items of highest true utility, best first) minus that of the slate
    // shown. Exact but O(catalogue), hence sampled. Only the k best values are kept
    // (RegretScan: the values, best first, that the full list and partial_sort gave).
    const std::size_t k = static_cast<std::size_t>(std::max(a.request.k, 0));
    m_allUtility.resize(k);
    HistoryCache cache;
    m_model.prepare(s.user, a.time, a.request.contextItem, cache);
    const std::size_t best = RegretScan(m_scenario, m_world, m_model)
                                 .best(s.user, a.request, cache, k, m_allUtility.data());
    const double regret = m_model.clickProbability(m_allUtility.data(), best) -
                          m_model.clickProbability(shownUtility.data(), shownUtility.size());
    s.regret += regret;
    ++s.regretSamples;
    m_regretSum += regret;
    ++m_regretSamples;
}

void Engine::endSession(Session& s, core::SimTime t, ActionRecord& a) {
    m_model.checkout(s, t, a.events, [&](core::ItemId item) { return buy(item, s.user, t); });
    m_state.lostCarts += static_cast<std::uint64_t>(s.lostCarts);
    m_state.lostRequests += static_cast<std::uint64_t>(s.lostRequests);
    a.sessionEnded = true;
    m_state.setActiveContext(s.user, core::kNoItem);
    // Satisfaction: a session with a click or a purchase raises the user's return weight,
    // one of two or more slates without any click lowers it and may end in churn.
    const BehaviourSpec& b = m_scenario.behaviour;
    float& rw = m_state.returnWeight[s.user];
    const double churnDraw = detail::uniform01(s);
    if (s.clicks > 0 || s.purchases > 0) {
        rw += static_cast<float>(b.satisfactionGain) * (1.0f - rw);
    } else if (s.slatesWithoutClick >= 2) {
        rw -= static_cast<float>(b.satisfactionLoss) * rw;
        if (churnDraw < b.churnProbability && !m_state.churned[s.user]) {
            m_state.churned[s.user] = 1;
            rw = 0.0f;
            ++m_churnedUsers;
        }
    }
    ++m_sessionsEnded;
    // Regret per session is a Horvitz-Thompson estimate: each slate is measured
    // independently with probability p = regret_sample, so sum(sampled regret) / p is an
    // unbiased estimate of the session's total regret, and sessions without a sample
    // contribute their (zero-sample) estimate of 0 *and* count in the denominator. Scaling
    // a session's samples by slates / samples instead and dividing by every session (the
    // first version) left the sessions without a sample at 0: about 300x too low at
    // p = 0.0005. Dividing by the sessions with a sample would favour long sessions,
    // which are more likely to hold one. docs/metrics.md states the estimator.
    if (s.regretSamples > 0 && b.regretSample > 0.0)
        m_sessionRegretSum += s.regret / b.regretSample;
}

} // namespace recoscope::sim
