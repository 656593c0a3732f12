#include "recoscope/sim/engine.h"

#include "recoscope/sim/onboarding_answers.h"
#include "recoscope/sim/privacy_layer.h"

#include "recoscope/sim/seeds.h"
#include "recoscope/sim/vector_state.h"

#include "recoscope/core/huge_pages.h"
#include "recoscope/core/prefetch_policy.h"
#include "recoscope/core/slate_check.h"

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>

namespace recoscope::sim {

namespace {

constexpr std::size_t kSinkBatch = 8192;

bool laterDue(core::SimTime at, std::uint64_t aid, core::SimTime bt, std::uint64_t bid) {
    return at > bt || (at == bt && aid > bid);
}

} // namespace

Engine::Engine(Scenario scenario, std::uint64_t seed, double horizonDays)
    : m_scenario(std::move(scenario)), m_seed(seed), m_world(generateWorld(m_scenario, seed)),
      m_model(m_scenario, m_world, &m_state),
      m_metrics(m_world.items, m_scenario.bucketHours * core::kSecondsPerHour, m_world.itemVectors,
                m_world.dim),
      m_arrivalRng(makeComponentEngine(streamSeed(seed, "arrivals"))),
      m_timelineRng(makeComponentEngine(streamSeed(seed, "timeline"))) {
    // Only the end of the clock moves: the world (launch days, cohorts, default timeline
    // windows) was generated from the scenario's own duration, so the first
    // duration_days of a longer run are the scenario's run, event for event.
    m_end = std::max(m_scenario.durationDays, horizonDays) * core::kSecondsPerDay;
    m_scenario.seed = seed;
    if (m_scenario.coupons.policy != QLatin1String("none")) {
        m_coupons = std::make_unique<CouponDesk>(m_scenario.coupons, m_world, seed);
        m_model.setCouponDesk(m_coupons.get());
    }
    // Privacy mode (decisions/0032): off builds nothing, so cores see what they always did.
    if (m_scenario.privacy.active()) {
        m_privacy =
            std::make_unique<PrivacyLayer>(m_scenario.privacy, m_world.users, m_world.items, seed);
        m_privacyOracle = m_privacy->oracle(this);
    }
    // Drawn from their own stream ("onboarding"), so asking changes no other draw.
    m_stated = drawStatedCategories(m_world, m_scenario.onboarding, seed);
    m_onboarding =
        core::OnboardingCurve(m_world.users, m_scenario.onboarding.enabled() ? &m_stated : nullptr);
    const BehaviourSpec& b = m_scenario.behaviour;
    const std::size_t items = m_world.items.size();
    const std::size_t users = m_world.users.size();
    m_state.resize(items, users, b.fatigueMemory);
    core::assignOnHugePages(m_sessionCount, users, 0); // read at random per arrival
    for (std::size_t i = 0; i < items; ++i) {
        m_state.stock[i] = m_world.itemStock[i];
        if (m_world.items.launchTime[i] > 0.0)
            m_launches.push_back({m_world.items.launchTime[i], static_cast<core::ItemId>(i)});
    }
    std::sort(m_launches.begin(), m_launches.end());

    // Timeline changes in time order; arrival-rate changes separately.
    ArrivalRate::Spec rate;
    m_promotionActive.assign(m_scenario.timeline.size(), 0);
    for (std::size_t k = 0; k < m_scenario.timeline.size(); ++k) {
        const TimelineEvent& e = m_scenario.timeline[k];
        const core::SimTime start = e.startDay * core::kSecondsPerDay;
        const core::SimTime stop = e.endDay * core::kSecondsPerDay;
        switch (e.kind) {
        case TimelineEvent::Kind::Promotion:
            m_changes.push_back({start, static_cast<std::uint32_t>(k), true});
            m_changes.push_back({stop, static_cast<std::uint32_t>(k), false});
            break;
        case TimelineEvent::Kind::StockShock:
            m_changes.push_back({start, static_cast<std::uint32_t>(k), true});
            break;
        case TimelineEvent::Kind::Season:
            rate.rateChanges.push_back(start);
            rate.rateChanges.push_back(stop);
            rate.seasons.push_back({start, stop, e.factor});
            break;
        case TimelineEvent::Kind::Cohort:
            rate.rateChanges.push_back(start);
            break;
        case TimelineEvent::Kind::Launch:
            break;
        }
    }
    std::stable_sort(m_changes.begin(), m_changes.end(), [](const Change& x, const Change& y) {
        return x.time < y.time || (x.time == y.time && !x.start && y.start); // ends before starts
    });
    std::sort(rate.rateChanges.begin(), rate.rateChanges.end());

    // Population groups (initial users, then each cohort) for arrivals.
    const std::size_t groups = m_world.groupJoinTime.size();
    // The generator appends each group's users after the previous group's, so group g
    // is the id range [m_groupBegin[g], m_groupBegin[g+1]).
    m_groupBegin.assign(groups + 1, 0);
    m_groupActivity.assign(groups, 0.0);
    for (std::size_t u = 0; u < users; ++u)
        ++m_groupBegin[m_world.userGroup[u] + 1u];
    for (std::size_t g = 0; g < groups; ++g)
        m_groupBegin[g + 1] += m_groupBegin[g];
    for (std::size_t g = 0; g < groups; ++g) {
        const auto first = m_world.userActivity.begin() + m_groupBegin[g];
        const auto last = m_world.userActivity.begin() + m_groupBegin[g + 1];
        for (auto it = first; it != last; ++it)
            m_groupActivity[g] += *it;
        m_groupPick.emplace_back(first == last ? std::vector<double>{1.0}
                                               : std::vector<double>(first, last));
    }

    // Rhythm: hourly and weekly weights normalised to mean 1; habits thin the arrivals,
    // so the candidate rate is raised by the activity-weighted mean acceptance of each
    // hour (initial return weight 0.5 included): sessions_per_day keeps its meaning.
    double hourlyTotal = 0.0, weeklyTotal = 0.0;
    for (double h : b.hourly)
        hourlyTotal += h;
    for (double w : b.weekly)
        weeklyTotal += w;
    for (int h = 0; h < 24; ++h)
        rate.hourly[h] = b.hourly[h] * 24.0 / hourlyTotal;
    for (int d = 0; d < 7; ++d)
        rate.weekly[d] = b.weekly[d] * 7.0 / weeklyTotal;
    const std::size_t base = m_groupBegin.size() > 1 ? m_groupBegin[1] : users;
    for (int h = 0; h < 24; ++h) {
        double sum = 0.0, weight = 0.0;
        for (std::size_t u = 0; u < base; ++u) {
            sum += m_world.userActivity[u] * habitAcceptance(m_scenario.population.habitStrength,
                                                             m_world.userHabitHour[u], h);
            weight += m_world.userActivity[u];
        }
        rate.habitMean[h] = std::max(1e-3, weight > 0.0 ? sum / weight : 1.0);
    }
    rate.groupJoinTime = m_world.groupJoinTime;
    rate.groupActivity = m_groupActivity;
    m_rate = ArrivalRate(std::move(rate));
    m_habit = HabitTable(m_scenario.population.habitStrength);
    applyTimeline(0.0);
    scheduleNextArrival();
}

Engine::~Engine() = default;

core::Result<std::unique_ptr<Engine>>
Engine::create(const Scenario& scenario, std::uint64_t seed,
               const core::RecommenderRegistry& registry, const std::string& recommenderId,
               const std::map<std::string, std::string>& params) {
    if (!registry.find(recommenderId))
        return core::Error{registry.unknownIdMessage(recommenderId)};
    auto engine = std::make_unique<Engine>(scenario, seed);
    auto rec = registry.create(recommenderId, params, engine->recommenderContext());
    if (!rec)
        return core::Error{rec.error()};
    engine->setRecommender(std::move(rec).value());
    return engine;
}

core::RecommenderContext Engine::recommenderContext() const {
    core::RecommenderContext ctx;
    ctx.items = &m_world.items;
    ctx.users = m_privacy ? &m_privacy->coreUsers() : &m_world.users;
    ctx.oracle = m_privacy ? m_privacyOracle : this;
    ctx.seed = streamSeed(m_seed, "core");
    ctx.stock = &m_state.stock;
    // Answers are indexed by the real user ids: a pseudonymising privacy layer would hand
    // them to the wrong shoppers, so privacy mode withholds them (decisions/0031, 0032).
    if (m_scenario.onboarding.enabled() && !m_privacy)
        ctx.statedCategories = &m_stated;
    return ctx;
}

void Engine::setRecommender(std::unique_ptr<core::Recommender> recommender) {
    m_recommender =
        m_privacy && recommender ? m_privacy->wrap(std::move(recommender)) : std::move(recommender);
}

float Engine::trueUtility(core::UserId user, core::ItemId item, core::SimTime time) const {
    if (!m_world.users.contains(user) || !m_world.items.contains(item))
        return -1e30f;
    const core::ItemId context = m_state.activeContext(user);
    OracleCache& c = m_oracleCache;
    if (c.user != user || c.time != time || c.context != context ||
        c.version != m_state.historyVersion) {
        m_model.prepare(user, time, context, c.history);
        c.user = user;
        c.time = time;
        c.context = context;
        c.version = m_state.historyVersion;
    }
    return m_model.utilityCached(user, item, c.history);
}

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

void Engine::scheduleNextArrival() {
    // Non-homogeneous Poisson process of candidate visits with a piecewise-constant rate
    // (by hour, day of week, season and joined cohorts): draw an exponential gap at the
    // current rate; if it crosses the next change, restart there (exact, by
    // memorylessness). Candidates are then thinned by habits and satisfaction.
    const double perSecond = m_scenario.behaviour.sessionsPerDay / core::kSecondsPerDay;
    core::SimTime t = m_nextArrival;
    while (t < m_end) {
        core::SimTime until = 0.0;
        const double rate = perSecond * m_rate.factor(t, &until);
        if (rate > 0.0) {
            const double gap = boost::random::exponential_distribution<double>(rate)(m_arrivalRng);
            if (t + gap < until) {
                m_nextArrival = t + gap;
                return;
            }
        }
        t = until;
    }
    m_nextArrival = std::numeric_limits<double>::infinity();
}

void Engine::schedule(std::uint32_t slot) {
    m_due.push_back({m_sessions[slot].nextTime, m_sessions[slot].id, slot});
    std::push_heap(m_due.begin(), m_due.end(), [](const Due& a, const Due& b) {
        return laterDue(a.time, a.sessionId, b.time, b.sessionId);
    });
}

void Engine::prefetchNextSteps() const {
    // On `large` each step is a different one of a million users, and every row of theirs
    // is a cache miss (~25 per step). The engine knows who comes next before it runs this
    // step: the due queue's root is the next step unless an arrival or this session comes
    // first, and the root's earlier child the one after. So the rows of the step after
    // next start loading now, and a step later, with them in cache, the rows they point
    // to (the categories of the remembered items, the latest slate): both arrive while a
    // whole step of other work runs. Hints only: a wrong guess costs a few loads, never a
    // value (results are the same; docs/decisions/0045). Below prefetchPays users every
    // row stays in cache: no call at all (each hint would return at once, but five calls
    // were 114 instructions a step on `default`).
    if (m_due.empty() || !core::prefetchPays(m_world.users.size()))
        return;
    const core::UserId next = m_sessions[m_due.front().slot].user;
    m_model.prefetchHistory(next);
    m_metrics.prefetchUser(next, true);
    if (m_due.size() < 2)
        return;
    std::size_t child = 1;
    if (m_due.size() > 2 &&
        laterDue(m_due[1].time, m_due[1].sessionId, m_due[2].time, m_due[2].sessionId))
        child = 2;
    const core::UserId after = m_sessions[m_due[child].slot].user;
    m_model.prefetchUser(after);
    m_metrics.prefetchUser(after, false);
    m_onboarding.prefetch(after);
}

void Engine::startSession() {
    // A candidate visit: which group (among those joined), which user (by activity), and
    // whether the visit happens. The same draws are made whatever happens, and the
    // session number counts candidates, so every recommender faces the same dice.
    const core::SimTime t = m_nextArrival;
    boost::random::uniform_01<double> uniform;
    double r = uniform(m_arrivalRng) * m_rate.joinedActivity(t);
    std::size_t group = 0;
    for (std::size_t g = 0; g < m_groupActivity.size(); ++g) {
        if (m_world.groupJoinTime[g] > t)
            continue;
        group = g;
        if (r < m_groupActivity[g])
            break;
        r -= m_groupActivity[g];
    }
    const core::UserId user = m_groupBegin[group] + m_groupPick[group](m_arrivalRng);
    const double acceptDraw = uniform(m_arrivalRng);
    const std::uint32_t sessionNo = m_sessionCount[user]++;
    const double accept =
        m_state.returnWeight[user] * m_habit(m_world.userHabitHour[user], hourOfDay(t));
    if (m_state.churned[user] || acceptDraw >= accept) {
        ++m_skippedVisits;
        scheduleNextArrival();
        return;
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
    schedule(slot);
    scheduleNextArrival();
}

std::uint64_t Engine::regretDraw(const Session& s) const {
    return mix64(mix64(m_seed ^ 0x5eed5eedull) ^
                 (s.id * 0x9E3779B97F4A7C15ull + static_cast<std::uint64_t>(s.steps)));
}

void Engine::measureRegret(Session& s, const ActionRecord& a,
                           const std::vector<float>& shownUtility) {
    // Regret of a slate = click probability of the best possible slate (the k available,
    // non-excluded items of highest true utility, best first) minus that of the slate
    // shown. Exact but O(catalogue), hence sampled.
    const core::ItemTable& t = m_world.items;
    const std::size_t k = static_cast<std::size_t>(std::max(a.request.k, 0));
    m_allUtility.clear();
    HistoryCache cache;
    m_model.prepare(s.user, a.time, a.request.contextItem, cache);
    for (core::ItemId i = 0; i < t.size(); ++i)
        if (t.available[i] && !a.request.excludes(i))
            m_allUtility.push_back(m_model.utilityCached(s.user, i, cache));
    const std::size_t best = std::min(k, m_allUtility.size());
    std::partial_sort(m_allUtility.begin(),
                      m_allUtility.begin() + static_cast<std::ptrdiff_t>(best), m_allUtility.end(),
                      std::greater<>());
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
    const double churnDraw = ShopperModel::uniform(s);
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
    // Arrivals before the next due step start sessions (no event of their own).
    while (!m_finished) {
        const bool arrivalFirst =
            m_due.empty() ||
            laterDue(m_due.front().time, m_due.front().sessionId, m_nextArrival, m_nextSessionId);
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
        startSession();
    }
    if (m_finished)
        return false;

    std::pop_heap(m_due.begin(), m_due.end(), [](const Due& x, const Due& y) {
        return laterDue(x.time, x.sessionId, y.time, y.sessionId);
    });
    const std::uint32_t slot = m_due.back().slot;
    m_due.pop_back();
    m_stepSlot = slot;
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
    // On a large catalogue every slate item's metric state is a cache miss: start loading
    // it now, while the shopper model works (docs/performance.md, "large").
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
        if (m_model.browsesOrganically(s)) {
            // Organic next step: follow the current item's successors (sequence), search,
            // or browse the shop's pages.
            const double r = ShopperModel::uniform(s);
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
    if (!s.cart.empty() && ShopperModel::uniform(s) < 0.15) {
        s.surface = core::Surface::Cart;
        s.contextItem = s.cart.back().item;
    }
    m_state.setActiveContext(s.user, s.contextItem);
    if (!m_guard.failed()) {
        m_guard.observeSlate(*m_recommender, a.request, a.slate, a.clicked);
        m_finished = m_finished || m_guard.failed();
    }

    ++s.steps;
    if (m_model.continues(s)) {
        s.nextTime = t + m_model.thinkTime(s);
        schedule(slot);
    } else {
        endSession(s, t, a);
        m_freeSlots.push_back(slot);
    }
    if (m_actionObserver)
        m_actionObserver(a, s);
    m_pending.append(a.events);
}

void Engine::generateAction(ActionRecord* record) {
    ActionRecord& a = record ? *record : m_scratch;
    if (!beginAction(a))
        return;
    const std::chrono::nanoseconds latency =
        m_guard.recommend(*m_recommender, a.request, a.slate, m_world.items.size());
    completeAction(a, latency);
}

void Engine::consume(const core::Event& e) {
    if (m_analysis)
        m_analysis->addEvent(e);
    if (!m_guard.failed()) {
        m_guard.observe(*m_recommender, e);
        m_finished = m_finished || m_guard.failed();
    }
    m_metrics.onEvent(e);
    m_surfaceMetrics.onEvent(e);
    ++m_eventsConsumed;
    if (m_sink)
        m_sinkBuffer.push_back(e);
}

bool Engine::nextEvent(core::Event* out) {
    while (m_pending.empty() && !m_finished)
        generateAction(nullptr);
    if (m_pending.empty())
        return false;
    const core::Event e = m_pending.front();
    m_pending.pop();
    consume(e);
    if (out)
        *out = e;
    return true;
}

bool Engine::nextAction(ActionRecord* out) {
    // Finish the events of an action left half-consumed by nextEvent first.
    while (!m_pending.empty())
        nextEvent(nullptr);
    if (m_finished)
        return false;
    generateAction(out);
    if (m_finished && m_pending.empty())
        return false;
    while (!m_pending.empty())
        nextEvent(nullptr);
    return true;
}

bool Engine::prepareAction(ActionRecord* out) {
    while (!m_pending.empty())
        nextEvent(nullptr);
    if (m_finished || m_guard.failed())
        return false;
    m_actionOpen = beginAction(*out);
    return m_actionOpen;
}

core::Status Engine::serveAction(ActionRecord* out, std::chrono::nanoseconds latency) {
    if (!m_actionOpen)
        return core::Error{"no shopper is waiting for a slate: call prepareAction() first"};
    const core::Request& r = out->request;
    std::string fault = core::slateFault(r, out->slate, m_world.items.size());
    for (std::size_t i = 0; fault.empty() && i < out->slate.size(); ++i) {
        // A driver outside the engine has no fill-in helper: its slate is checked for
        // eligibility as well, which slateFault() leaves to the contract suite.
        const core::ItemId item = out->slate[i].item;
        if (!m_world.items.isAvailable(item))
            fault = "item " + std::to_string(item) + " at position " + std::to_string(i) +
                    " is not available (not launched or out of stock)";
        else if (r.excludes(item))
            fault = "item " + std::to_string(item) + " at position " + std::to_string(i) +
                    " is excluded from this request (in the cart or the context item)";
    }
    if (!fault.empty())
        return core::Error{fault}; // the step stays open for a corrected slate
    m_actionOpen = false;
    completeAction(*out, latency);
    while (!m_pending.empty())
        nextEvent(nullptr);
    return core::Ok{};
}

core::Status Engine::flushSink() {
    if (!m_sink || m_sinkBuffer.empty())
        return core::Ok{};
    core::Status st = m_sink->consume(m_sinkBuffer);
    m_sinkBuffer.clear();
    return st;
}

RunOutcome Engine::run(const RunLimits& limits, const std::atomic<bool>* cancel,
                       const std::function<void(const Progress&)>& progress) {
    RunOutcome outcome;
    const auto wallStart = std::chrono::steady_clock::now();
    const core::SimTime stopTime =
        limits.maxDays > 0.0 ? std::min(m_end, limits.maxDays * core::kSecondsPerDay) : m_end;
    const std::uint64_t startEvents = m_eventsConsumed;
    auto report = [&] {
        if (!progress)
            return;
        Progress p;
        p.events = m_eventsConsumed;
        p.simTime = m_now;
        p.fraction = limits.maxEvents
                         ? double(m_eventsConsumed - startEvents) / double(limits.maxEvents)
                         : std::min(1.0, m_now / stopTime);
        progress(p);
    };
    const std::uint64_t target = limits.maxEvents ? startEvents + limits.maxEvents : 0;
    std::uint64_t sinceCheck = 0;
    for (;;) {
        if (m_guard.failed()) {
            outcome.reason = StopReason::CoreFailed;
            outcome.error = m_guard.fault();
            break;
        }
        if (target && m_eventsConsumed >= target) {
            outcome.reason = StopReason::EventLimit;
            break;
        }
        if (m_pending.empty()) {
            if (m_finished || m_now >= stopTime) {
                outcome.reason = StopReason::Finished;
                break;
            }
            // A day limit stops the clock at the limit: nothing due before it is left.
            const core::SimTime nextDue =
                m_due.empty() ? m_nextArrival : std::min(m_nextArrival, m_due.front().time);
            if (stopTime < m_end && nextDue >= stopTime) {
                m_now = std::max(m_now, stopTime);
                outcome.reason = StopReason::Finished;
                break;
            }
            generateAction(nullptr);
            continue;
        }
        const core::Event e = m_pending.front();
        m_pending.pop();
        consume(e);
        if (m_sinkBuffer.size() >= kSinkBatch) {
            core::Status st = flushSink();
            if (!st) {
                outcome.reason = StopReason::SinkFailed;
                outcome.error = st.error();
                break;
            }
        }
        if (++sinceCheck >= 4096) {
            sinceCheck = 0;
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                outcome.reason = StopReason::Cancelled;
                break;
            }
            report();
        }
    }
    if (outcome.reason != StopReason::SinkFailed) {
        core::Status st = flushSink();
        if (!st) {
            outcome.reason = StopReason::SinkFailed;
            outcome.error = st.error();
        }
    }
    report();
    outcome.wallSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    return outcome;
}

std::vector<core::MetricPoint> Engine::takeFinishedBuckets() {
    std::vector<core::MetricPoint> out;
    m_metrics.takeFinishedBuckets(m_now, out);
    return out;
}

std::vector<core::MetricPoint> Engine::flushBuckets() {
    std::vector<core::MetricPoint> out;
    m_metrics.flush(m_now, out);
    return out;
}

} // namespace recoscope::sim
