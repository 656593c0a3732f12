#include "recoscope/sim/engine.h"

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>

#include <limits>

namespace recoscope::sim {

// The arrival process: candidate visits drawn ahead of time, and on large populations their
// users' rows loaded while the steps before them run.
//
// Why ahead: the arrival stream (m_arrivalRng) is drawn from here only, one visit after
// another (its gap, its group, its user's dice, its accept draw), and none of those draws
// depends on the state of the shop: the rate is fixed when the engine is built. So drawing
// visits before they are due takes the same words in the same order as drawing each at its
// time; the results are the same bit for bit. The state a visit meets (its user's return
// weight, churn, habit) is read when it is due (startSession). On `large` about 70 % of
// the candidates are turned away, several in one step, each one a demand miss on its alias
// entry and on its user's rows when drawn at its time (docs/performance.md).

void Engine::drawArrivalsAhead() {
    const std::size_t ahead = m_prefetchSteps ? kArrivalsAhead : 1;
    while (m_arrivalCount < ahead && !m_arrivalsEnd)
        drawArrival();
    m_nextArrival = m_arrivalCount != 0 ? m_arrivals[m_arrivalFirst].time
                                        : std::numeric_limits<double>::infinity();
}

const Engine::Arrival& Engine::takeArrival() {
    Arrival& head = m_arrivals[m_arrivalFirst];
    if (head.stage >= 3) // due before prefetchArrivals() read its user's entry
        resolveArrival(head);
    m_arrivalFirst = (m_arrivalFirst + 1) % kArrivalRing;
    --m_arrivalCount;
    drawArrivalsAhead(); // writes the kArrivalsAhead slots after `head`, never `head`
    return head;
}

void Engine::drawArrival() {
    // Non-homogeneous Poisson process of candidate visits with a piecewise-constant rate
    // (by hour, day of week, season and joined cohorts): draw an exponential gap at the
    // current rate; if it crosses the next change, restart there (exact, by
    // memorylessness). Candidates are then thinned by habits and satisfaction.
    const double perSecond = m_scenario.behaviour.sessionsPerDay / core::kSecondsPerDay;
    core::SimTime t = m_drawClock;
    while (t < m_end) {
        core::SimTime until = 0.0;
        const double rate = perSecond * m_rate.factor(t, &until);
        if (rate > 0.0) {
            const double gap = boost::random::exponential_distribution<double>(rate)(m_arrivalRng);
            if (t + gap < until) {
                m_drawClock = t + gap;
                rollVisit(m_drawClock);
                return;
            }
        }
        t = until;
    }
    m_arrivalsEnd = true;
}

void Engine::rollVisit(core::SimTime t) {
    // Which group (among those joined), which user (by activity), and the draw against
    // which the visit is accepted.
    boost::random::uniform_01<double> uniform;
    // (Cached: t was drawn in the rate's current piece, ~13 instructions a step.)
    double r = uniform(m_arrivalRng) * m_rate.joinedActivityCached(t);
    std::size_t group = 0;
    for (std::size_t g = 0; g < m_groupActivity.size(); ++g) {
        if (m_world.groupJoinTime[g] > t)
            continue;
        group = g;
        if (r < m_groupActivity[g])
            break;
        r -= m_groupActivity[g];
    }
    Arrival& a = m_arrivals[(m_arrivalFirst + m_arrivalCount) % kArrivalRing];
    ++m_arrivalCount;
    const AliasTable<std::uint32_t>& pick = m_groupPick[group];
    a.time = t;
    a.group = static_cast<std::uint32_t>(group);
    a.dice = pick.roll(m_arrivalRng); // the same words as pick(m_arrivalRng)
    a.acceptDraw = uniform(m_arrivalRng);
    if (!m_prefetchSteps) {
        resolveArrival(a);
        return;
    }
    // Hints only (no value is read early): the table entry that names the user now, the
    // rows that decide the visit a step later, then, for a visit likely to happen, the
    // user's rows and the rows those point to (prefetchArrivals).
    pick.prefetch(a.dice);
    a.stage = 4;
}

void Engine::resolveArrival(Arrival& a) const {
    a.user = m_groupBegin[a.group] + m_groupPick[a.group].resolve(a.dice);
    a.stage = 0;
}

void Engine::prefetchArrivals() {
    // One stage a step, so that each stage's rows have arrived when the next reads them.
    // Most candidates on `large` are turned away (~70 %): only the rows that decide that
    // are asked for first, and the user's own rows (about twenty lines) only for a visit
    // the gate lets through as things stand. The guess reads the same fields as
    // startSession but may be stale by the visit's time (a session of the same user can end
    // in between); a wrong guess costs loads, never a value.
    for (std::size_t i = 0; i < m_arrivalCount; ++i) {
        Arrival& a = m_arrivals[(m_arrivalFirst + i) % kArrivalRing];
        switch (a.stage) {
        case 4: // rolled in this step's beginAction: its entry is on its way
            a.stage = 3;
            break;
        case 3: { // the entry has arrived: the rows that decide the visit
            resolveArrival(a);
            a.stage = 2;
            const core::UserId user = a.user;
            __builtin_prefetch(&m_sessionCount[user]);
            __builtin_prefetch(&m_state.returnWeight[user]);
            __builtin_prefetch(&m_state.churned[user]);
            __builtin_prefetch(&m_world.userHabitHour[user]);
            break;
        }
        case 2: { // those have arrived: the user's rows if the visit looks likely
            const core::UserId user = a.user;
            a.stage = 0;
            if (!visitHappens(user, a.time, a.acceptDraw))
                break;
            a.stage = 1;
            __builtin_prefetch(&m_state.sessions[user]);
            prefetchUserRows(user);
            break;
        }
        case 1: // the rows have arrived: the items and states they point to
            prefetchUserHistory(a.user);
            a.stage = 0;
            break;
        default:
            break;
        }
    }
}

} // namespace recoscope::sim
