#pragma once
// The simulation engine: a simulated clock, session arrivals, the shopper model, the
// recommender under test and the metrics. A plain class without timers or signals: the
// CLI and the tests drive it synchronously, the GUI from EngineWorker on a worker thread.
// Not thread-safe: one thread drives one Engine.

#include "recoscope/core/metrics.h"
#include "recoscope/core/recommender.h"
#include "recoscope/core/registry.h"
#include "recoscope/core/shop.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/sim/session.h"
#include "recoscope/sim/shopper_model.h"
#include "recoscope/sim/world.h"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/discrete_distribution.hpp>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace recoscope::sim {

/// Receives every event in order, in batches. A failing sink stops the run.
class EventSink {
public:
    virtual ~EventSink() = default;
    virtual core::Status consume(std::span<const core::Event> events) = 0;
};

/// One shopper action: the request, the slate shown, the click and the events it caused.
struct ActionRecord {
    std::uint64_t sessionId = 0;
    core::UserId user = core::kNoUser;
    core::SimTime time = 0.0;
    core::Request request;
    std::vector<core::ItemId> excluded; ///< request.exclude points here
    core::Slate slate;
    int clicked = -1;
    bool sessionStarted = false;
    bool sessionEnded = false;
    std::vector<core::Event> events;
};

struct RunLimits {
    std::uint64_t maxEvents = 0; ///< 0 = no limit
    double maxDays = 0.0;        ///< simulated days; 0 = the scenario's duration
};

enum class StopReason { Finished, EventLimit, Cancelled, SinkFailed };

struct RunOutcome {
    StopReason reason = StopReason::Finished;
    std::string error; ///< for SinkFailed
    double wallSeconds = 0.0;
};

struct Progress {
    std::uint64_t events = 0;
    core::SimTime simTime = 0.0;
    double fraction = 0.0; ///< of the event limit or of the simulated duration
};

class Engine : public core::TruthOracle {
public:
    /// Generates the world for (scenario, seed). `seed` overrides scenario.seed.
    Engine(Scenario scenario, std::uint64_t seed);
    ~Engine() override;

    /// Builds the engine and the recommender `recommenderId` from the registry.
    static core::Result<std::unique_ptr<Engine>>
    create(const Scenario& scenario, std::uint64_t seed, const core::RecommenderRegistry& registry,
           const std::string& recommenderId, const std::map<std::string, std::string>& params);

    /// What a core created for this engine receives (oracle included; the registry only
    /// passes it on to cores that declare needsOracle).
    core::RecommenderContext recommenderContext() const;
    void setRecommender(std::unique_ptr<core::Recommender> recommender);
    core::Recommender* recommender() const { return m_recommender.get(); }

    /// The sink receives events in batches; it must outlive the run.
    void setEventSink(EventSink* sink) { m_sink = sink; }

    /// Advances by exactly one event (teaching, tests); false once the scenario is over.
    bool nextEvent(core::Event* out = nullptr);
    /// Advances by one shopper action and reports it; false once the scenario is over.
    /// Its events are consumed (observed, counted, sunk) before it returns.
    bool nextAction(ActionRecord* out);

    /// Runs until a limit, the end of the scenario, or `cancel` becomes true. Checks
    /// `cancel` and reports progress every few thousand events.
    RunOutcome run(const RunLimits& limits, const std::atomic<bool>* cancel = nullptr,
                   const std::function<void(const Progress&)>& progress = {});

    /// Passes buffered events to the sink.
    core::Status flushSink();

    const Scenario& scenario() const { return m_scenario; }
    const World& world() const { return m_world; }
    World& world() { return m_world; }
    std::uint64_t seed() const { return m_seed; }
    core::SimTime now() const { return m_now; }
    core::SimTime endTime() const { return m_end; }
    bool finished() const { return m_finished && m_pending.empty(); }
    std::uint64_t eventsConsumed() const { return m_eventsConsumed; }

    const core::MetricsAccumulator& metrics() const { return m_metrics; }
    /// Buckets completed since the last call (for stores and live charts).
    std::vector<core::MetricPoint> takeFinishedBuckets();
    /// Closes the current bucket at the end of a run.
    std::vector<core::MetricPoint> flushBuckets();
    core::MetricPoint summary() const { return m_metrics.total(m_now); }

    /// TruthOracle: the shopper model's utility.
    float trueUtility(core::UserId user, core::ItemId item, core::SimTime time) const override;

private:
    void generateAction(ActionRecord* record);
    void startSession();
    void scheduleNextArrival();
    void consume(const core::Event& e);
    void schedule(std::uint32_t slot);

    Scenario m_scenario;
    std::uint64_t m_seed;
    World m_world;
    ShopperModel m_model;
    std::unique_ptr<core::Recommender> m_recommender;
    core::MetricsAccumulator m_metrics;
    EventSink* m_sink = nullptr;

    boost::random::mt19937 m_arrivalRng;
    boost::random::discrete_distribution<core::UserId, double> m_pickUser;
    std::vector<std::uint32_t> m_sessionCount; // per user: sessions started so far
    struct Due {
        core::SimTime time;
        std::uint64_t sessionId; // tie-break: earlier sessions first, deterministic
        std::uint32_t slot;
    };
    std::vector<Session> m_sessions; // slot pool of active sessions
    std::vector<std::uint32_t> m_freeSlots;
    std::vector<Due> m_due; // min-heap by (time, sessionId)
    std::uint64_t m_nextSessionId = 1;
    core::SimTime m_nextArrival = 0.0;
    core::SimTime m_now = 0.0;
    core::SimTime m_end = 0.0;
    bool m_finished = false;

    std::deque<core::Event> m_pending; // generated, not yet consumed
    std::vector<core::Event> m_sinkBuffer;
    std::uint64_t m_eventsConsumed = 0;
    std::vector<core::MetricPoint> m_buckets;
    ActionRecord m_scratch;
};

} // namespace recoscope::sim
