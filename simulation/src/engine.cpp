#include "recoscope/sim/engine.h"

#include "recoscope/sim/onboarding_answers.h"
#include "recoscope/sim/privacy_layer.h"

#include "recoscope/sim/seeds.h"

#include "recoscope/core/huge_pages.h"
#include "recoscope/core/prefetch_policy.h"
#include "recoscope/core/slate_check.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>

namespace recoscope::sim {

namespace {

constexpr std::size_t kSinkBatch = 8192;

} // namespace

Engine::Engine(Scenario scenario, std::uint64_t seed, double horizonDays)
    : m_scenario(std::move(scenario)), m_seed(seed), m_regretKey(mix64(seed ^ 0x5eed5eedull)),
      m_world(generateWorld(m_scenario, seed)), m_model(m_scenario, m_world, &m_state),
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
    // The accumulators' per-user tables at their final size now: grown to the largest id
    // seen, on `large` they zeroed fresh pages and moved a million states during the run.
    m_metrics.reserveUsers(users);
    m_surfaceMetrics.reserveUsers(users);
    m_prefetchSteps = core::prefetchPays(users);
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
    drawArrivalsAhead();
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

void Engine::generateAction(ActionRecord* record) {
    ActionRecord& a = record ? *record : m_scratch;
    if (!beginAction(a))
        return;
    const std::chrono::nanoseconds latency =
        m_guard.recommend(*m_recommender, a.request, a.slate, m_world.items.size());
    completeAction(a, latency);
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

// Here, beside run() and step(), its only callers, and inline: a call per event otherwise
// (GCC did not inline it on its own).
inline void Engine::consume(const core::Event& e) {
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
            // (No step is open here: the root is a pending step.)
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