#include "recoscope/sim/engine.h"

#include "recoscope/sim/seeds.h"

#include <boost/random/exponential_distribution.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace recoscope::sim {

namespace {

constexpr std::size_t kSinkBatch = 8192;

bool laterDue(core::SimTime at, std::uint64_t aid, core::SimTime bt, std::uint64_t bid) {
    return at > bt || (at == bt && aid > bid);
}

} // namespace

Engine::Engine(Scenario scenario, std::uint64_t seed)
    : m_scenario(std::move(scenario)), m_seed(seed), m_world(generateWorld(m_scenario, seed)),
      m_model(m_scenario, m_world), m_metrics(m_world.items, m_scenario.bucketHours * core::kSecondsPerHour),
      m_arrivalRng(makeComponentEngine(streamSeed(seed, "arrivals"))),
      m_pickUser(m_world.userActivity.begin(), m_world.userActivity.end()),
      m_sessionCount(m_world.users.size(), 0) {
    m_end = m_scenario.durationDays * core::kSecondsPerDay;
    m_scenario.seed = seed;
    scheduleNextArrival();
}

Engine::~Engine() = default;

core::Result<std::unique_ptr<Engine>> Engine::create(const Scenario& scenario, std::uint64_t seed,
                                                     const core::RecommenderRegistry& registry,
                                                     const std::string& recommenderId,
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
    ctx.users = &m_world.users;
    ctx.oracle = this;
    ctx.seed = streamSeed(m_seed, "core");
    return ctx;
}

void Engine::setRecommender(std::unique_ptr<core::Recommender> recommender) { m_recommender = std::move(recommender); }

float Engine::trueUtility(core::UserId user, core::ItemId item, core::SimTime) const {
    if (!m_world.users.contains(user) || !m_world.items.contains(item))
        return -1e30f;
    return m_model.utility(user, item);
}

void Engine::scheduleNextArrival() {
    // Non-homogeneous Poisson process with a piecewise-constant hourly rate: draw an
    // exponential gap at the current hour's rate; if it crosses the hour, restart at the
    // boundary (exact, by memorylessness).
    const BehaviourSpec& b = m_scenario.behaviour;
    double hourlyTotal = 0.0;
    for (double h : b.hourly)
        hourlyTotal += h;
    core::SimTime t = m_nextArrival;
    for (int guard = 0; guard < 24 * 366 * 10; ++guard) {
        const auto hour = static_cast<std::size_t>(std::fmod(std::floor(t / core::kSecondsPerHour), 24.0));
        const double rate = b.sessionsPerDay * (b.hourly[hour] / hourlyTotal) * 24.0 / core::kSecondsPerDay;
        const core::SimTime boundary = (std::floor(t / core::kSecondsPerHour) + 1.0) * core::kSecondsPerHour;
        if (rate > 0.0) {
            const double gap = boost::random::exponential_distribution<double>(rate)(m_arrivalRng);
            if (t + gap < boundary) {
                m_nextArrival = t + gap;
                return;
            }
        }
        t = boundary;
    }
    m_nextArrival = std::numeric_limits<double>::infinity();
}

void Engine::schedule(std::uint32_t slot) {
    m_due.push_back({m_sessions[slot].nextTime, m_sessions[slot].id, slot});
    std::push_heap(m_due.begin(), m_due.end(),
                   [](const Due& a, const Due& b) { return laterDue(a.time, a.sessionId, b.time, b.sessionId); });
}

void Engine::startSession() {
    const core::UserId user = m_pickUser(m_arrivalRng);
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
    s.rng = makeSessionEngine(m_seed, user, m_sessionCount[user]++);
    s.nextTime = m_nextArrival;
    s.steps = 0;
    s.surface = core::Surface::Home;
    s.contextItem = core::kNoItem;
    s.cart.clear();
    s.exclusions.clear();
    m_metrics.onSessionStart(m_nextArrival);
    schedule(slot);
    scheduleNextArrival();
}

void Engine::generateAction(ActionRecord* record) {
    // Arrivals before the next due step start sessions (no event of their own).
    while (!m_finished) {
        const bool arrivalFirst =
            m_due.empty() || laterDue(m_due.front().time, m_due.front().sessionId, m_nextArrival, m_nextSessionId);
        const core::SimTime next = arrivalFirst ? m_nextArrival : m_due.front().time;
        if (next >= m_end) {
            m_finished = true;
            m_now = m_end;
            return;
        }
        if (!arrivalFirst)
            break;
        m_now = m_nextArrival;
        startSession();
    }
    if (m_finished)
        return;

    std::pop_heap(m_due.begin(), m_due.end(),
                  [](const Due& a, const Due& b) { return laterDue(a.time, a.sessionId, b.time, b.sessionId); });
    const std::uint32_t slot = m_due.back().slot;
    m_due.pop_back();
    Session& s = m_sessions[slot];
    const core::SimTime t = s.nextTime;
    m_now = t;

    ActionRecord& a = record ? *record : m_scratch;
    a.sessionId = s.id;
    a.user = s.user;
    a.time = t;
    a.sessionStarted = s.steps == 0;
    a.sessionEnded = false;
    a.events.clear();
    a.clicked = -1;

    // Some sessions open with a search; its results are organic (not the core's slate).
    if (s.steps == 0 && m_model.searchesFirst(s)) {
        const core::ItemId found = m_model.organicItem(s);
        if (found != core::kNoItem) {
            s.surface = core::Surface::Search;
            a.events.push_back({t, s.user, found, core::EventKind::Search, core::Surface::Search, -1, false, 0.0f});
            a.events.push_back({t, s.user, found, core::EventKind::View, core::Surface::Search, -1, false, 0.0f});
            m_model.afterView(s, found, false, -1, t, a.events);
            s.contextItem = found;
            s.surface = core::Surface::Product;
        }
    }

    // The slate: on the product page it is "related to the item", else the home feed.
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

    const auto started = std::chrono::steady_clock::now();
    m_recommender->recommend(a.request, a.slate);
    const auto latency = std::chrono::steady_clock::now() - started;
    m_metrics.onSlate(t, a.slate, static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(latency).count()));

    a.clicked = m_model.chooseFromSlate(s, a.slate);
    if (a.clicked >= 0) {
        const core::ItemId item = a.slate[static_cast<std::size_t>(a.clicked)].item;
        const auto pos = static_cast<std::int16_t>(a.clicked);
        a.events.push_back({t, s.user, item, core::EventKind::Click, s.surface, pos, true, 0.0f});
        m_model.afterView(s, item, true, pos, t, a.events);
        s.contextItem = item;
        s.surface = core::Surface::Product;
    } else if (m_model.browsesOrganically(s)) {
        const core::ItemId item = m_model.organicItem(s);
        if (item != core::kNoItem) {
            a.events.push_back({t, s.user, item, core::EventKind::View, s.surface, -1, false, 0.0f});
            m_model.afterView(s, item, false, -1, t, a.events);
            s.contextItem = item;
            s.surface = core::Surface::Product;
        }
    }
    m_recommender->observeSlate(a.request, a.slate, a.clicked);

    ++s.steps;
    if (m_model.continues(s)) {
        s.nextTime = t + m_model.thinkTime(s);
        schedule(slot);
    } else {
        m_model.checkout(s, t, a.events);
        a.sessionEnded = true;
        m_freeSlots.push_back(slot);
    }
    m_pending.insert(m_pending.end(), a.events.begin(), a.events.end());
}

void Engine::consume(const core::Event& e) {
    m_recommender->observe(e);
    m_metrics.onEvent(e);
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
    m_pending.pop_front();
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
        p.fraction = limits.maxEvents ? double(m_eventsConsumed - startEvents) / double(limits.maxEvents)
                                      : std::min(1.0, m_now / stopTime);
        progress(p);
    };
    const std::uint64_t target = limits.maxEvents ? startEvents + limits.maxEvents : 0;
    std::uint64_t sinceCheck = 0;
    for (;;) {
        if (target && m_eventsConsumed >= target) {
            outcome.reason = StopReason::EventLimit;
            break;
        }
        if (m_pending.empty()) {
            if (m_finished || m_now >= stopTime) {
                outcome.reason = StopReason::Finished;
                break;
            }
            generateAction(nullptr);
            if (m_now > stopTime && stopTime < m_end) {
                // The action generated past the time limit still completes: its events
                // are consumed below, then the loop stops.
            }
            continue;
        }
        const core::Event e = m_pending.front();
        m_pending.pop_front();
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
    outcome.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
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
