#pragma once
// The simulation engine: a simulated clock, session arrivals, the shopper model, the
// recommender under test and the metrics. A plain class without timers or signals: the
// CLI and the tests drive it synchronously, the GUI from EngineWorker on a worker thread.
// Not thread-safe: one thread drives one Engine.

#include "recoscope/core/metrics.h"
#include "recoscope/core/onboarding_curve.h"
#include "recoscope/core/recommender.h"
#include "recoscope/core/registry.h"
#include "recoscope/core/shop.h"
#include "recoscope/core/surface_metrics.h"
#include "recoscope/sim/alias_table.h"
#include "recoscope/sim/arrival_rate.h"
#include "recoscope/sim/core_guard.h"
#include "recoscope/sim/event_queue.h"
#include "recoscope/sim/run_analysis.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/sim/session.h"
#include "recoscope/sim/shop_state.h"
#include "recoscope/sim/shopper_model.h"
#include "recoscope/sim/world.h"

#include <boost/random/mersenne_twister.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace recoscope::sim {

class PrivacyLayer;

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

/// Read-only view of one shopper for inspectors (GUI, CLI): profile, RFM, state.
struct UserSnapshot {
    core::UserId user = core::kNoUser;
    std::uint8_t ageBand = 0, gender = 0, occupation = 0, region = 0;
    core::SimTime joinTime = 0.0;
    int group = 0; ///< 0 = initial population, g = g-th cohort
    double activity = 0.0;
    float priceSensitivity = 0.0f;
    float brandLoyalty = 0.0f;
    int habitHour = 0;
    float returnWeight = 0.0f; ///< probability that a candidate visit happens
    bool churned = false;
    std::uint32_t sessions = 0;
    /// RFM: days since the last purchase (-1 = never bought), purchases, money spent.
    double recencyDays = -1.0;
    std::uint32_t frequency = 0;
    double monetary = 0.0;
    std::vector<core::ItemId> recentlyShown;  ///< newest first
    std::vector<core::ItemId> recentlyBought; ///< newest first
};

/// Read-only view of one item for inspectors.
struct ItemSnapshot {
    core::ItemId item = core::kNoItem;
    std::uint32_t category = 0, topCategory = 0, brand = 0;
    float listPrice = 0.0f;
    float discount = 0.0f;          ///< current (standing or promotion, whichever is larger)
    float promotionDiscount = 0.0f; ///< from a running promotion, 0 if none
    core::SimTime launchTime = 0.0;
    bool launched = false;
    bool available = false;
    std::int32_t stock = -1; ///< -1 = unlimited
    std::int32_t initialStock = -1;
    std::uint32_t sold = 0;
    std::uint64_t exposure = 0; ///< impressions so far
    bool consumable = false;
    float quality = 0.0f; ///< hidden appeal (the inspector shows the truth)
    std::vector<core::ItemId> successors;
};

struct RunLimits {
    std::uint64_t maxEvents = 0; ///< 0 = no limit
    double maxDays = 0.0;        ///< simulated days; 0 = the scenario's duration
    /// Wall-clock budget of one recommend() call in microseconds; a slower call stops the
    /// core (StopReason::CoreFailed). 0 = no budget (the default: runs stay reproducible).
    double latencyBudgetUs = 0.0;
    /// The longest run the CLI accepts: ten simulated years, as scenario files allow.
    static constexpr double kMaxDays = 3650.0;
};

/// CoreFailed: the recommender threw, answered with a malformed slate or exceeded its
/// latency budget (CoreGuard); RunOutcome::error says which and when.
enum class StopReason { Finished, EventLimit, Cancelled, SinkFailed, CoreFailed };

struct RunOutcome {
    StopReason reason = StopReason::Finished;
    std::string error; ///< for SinkFailed and CoreFailed
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
    /// `horizonDays` longer than the scenario's duration lets the clock run on past it
    /// (the shop and its timeline stay as the scenario defines them; the daily and weekly
    /// rhythm repeats); a shorter or zero horizon changes nothing. The first
    /// `duration_days` are identical either way.
    Engine(Scenario scenario, std::uint64_t seed, double horizonDays = 0.0);
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
    /// recommend() slower than this stops the run as CoreFailed; zero = no budget.
    void setLatencyBudget(std::chrono::nanoseconds budget) { m_guard.setLatencyBudget(budget); }
    /// The recommender's first fault (it threw, a malformed slate, over budget), or empty.
    /// After a fault the engine generates nothing more: finished() turns true.
    const std::string& coreFault() const { return m_guard.fault(); }

    /// The sink receives events in batches; it must outlive the run.
    void setEventSink(EventSink* sink) { m_sink = sink; }

    /// Advances by exactly one event (teaching, tests); false once the scenario is over.
    bool nextEvent(core::Event* out = nullptr);
    /// Advances by one shopper action and reports it; false once the scenario is over.
    /// Its events are consumed (observed, counted, sunk) before it returns.
    bool nextAction(ActionRecord* out);

    /// Stepping driven from outside the engine (the Python Simulator, docs/python.md):
    /// prepareAction() consumes what is pending, advances to the next shopper step and
    /// fills out->request (false once the scenario is over); the caller puts its answer in
    /// out->slate and calls serveAction(), which refuses a malformed slate (slateFault(), an
    /// unavailable or excluded item; the step then stays open for another answer), else
    /// lets the shopper react, counts `latency` as the slate's and consumes the step's
    /// events (out->events) before it returns. The step is the one nextAction() takes
    /// (beginAction + completeAction), so the same seed gives the same shoppers. A
    /// recommender must be set; it only observes. Nothing else may drive the engine while a
    /// step is open.
    bool prepareAction(ActionRecord* out);
    core::Status serveAction(ActionRecord* out, std::chrono::nanoseconds latency);

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
    /// Simulated time of the next scheduled happening (a session arrival or a shopper's
    /// next step), +inf when nothing is scheduled. Read-only: lets a driver that steps with
    /// nextAction() stop at a day limit exactly where run() stops.
    core::SimTime nextScheduledTime() const { return std::min(m_nextArrival, nextDueTime()); }

    const core::MetricsAccumulator& metrics() const { return m_metrics; }
    /// The same shop figures per surface (core/surface_metrics.h): what each surface's core
    /// (SurfaceRouter) did, or the one core on each surface.
    const core::SurfaceMetrics& surfaceMetrics() const { return m_surfaceMetrics; }
    /// Buckets completed since the last call (for stores and live charts).
    std::vector<core::MetricPoint> takeFinishedBuckets();
    /// Closes the current bucket at the end of a run.
    std::vector<core::MetricPoint> flushBuckets();
    core::MetricPoint summary() const { return m_metrics.total(m_now); }

    /// TruthOracle: the shopper model's full utility for the user at `time` (fatigue,
    /// discount, brand loyalty, repurchase as of now, decayed to `time`; the sequence
    /// bonus of the user's active session, if any).
    float trueUtility(core::UserId user, core::ItemId item, core::SimTime time) const override;

    /// The changing shop (stock, promotions, per-user history) and read-only snapshots.
    const ShopState& state() const { return m_state; }
    const ShopperModel& shopper() const { return m_model; }
    /// The coupon desk and its ledger (CouponDesk), null when scenario.coupons.policy is
    /// "none".
    const CouponDesk* coupons() const { return m_coupons.get(); }
    /// The privacy layer between the engine and the core (PrivacyLayer), null while the
    /// scenario's privacy object is off. setRecommender() puts the core behind it and
    /// recommenderContext() gives the user table and oracle it allows.
    const PrivacyLayer* privacy() const { return m_privacy.get(); }
    /// The questionnaire's answers per user (onboarding_answers.h), all empty when the
    /// scenario asks none, and how newcomers caught up (core::OnboardingCurve, every run).
    const std::vector<std::vector<std::uint32_t>>& statedCategories() const { return m_stated; }
    const core::OnboardingCurve& onboarding() const { return m_onboarding; }
    UserSnapshot userSnapshot(core::UserId user) const;
    ItemSnapshot itemSnapshot(core::ItemId item) const;

    /// Regret: click probability lost against the best possible slate, averaged over the
    /// sampled slates (behaviour.regret_sample = p), and per ended session: the
    /// Horvitz-Thompson estimate sum(sampled regret) / p / sessions ended, unbiased for
    /// the mean total regret of a session (docs/metrics.md). Both are exact when p = 1.
    double meanSlateRegret() const {
        return m_regretSamples ? m_regretSum / double(m_regretSamples) : 0.0;
    }
    double meanSessionRegret() const {
        return m_sessionsEnded ? m_sessionRegretSum / double(m_sessionsEnded) : 0.0;
    }
    std::uint64_t regretSamples() const { return m_regretSamples; }
    /// Candidate visits that did not happen (habits, satisfaction) and users churned.
    std::uint64_t skippedVisits() const { return m_skippedVisits; }
    std::uint64_t churnedUsers() const { return m_churnedUsers; }
    /// Times an item's stock reached zero (sales and stock shocks), and sales lost to
    /// stock-outs (ShopState): cart lines that found the item sold out at checkout, and
    /// browsing / search choices whose first choice was sold out; lostSales() = both.
    std::uint64_t stockOuts() const { return m_state.stockOuts; }
    std::uint64_t lostCarts() const { return m_state.lostCarts; }
    std::uint64_t lostRequests() const { return m_state.lostRequests; }
    std::uint64_t lostSales() const { return m_state.lostCarts + m_state.lostRequests; }

    /// Live analyses (RunAnalysis: activity, funnel, paths, segments, RFM, timeline
    /// effects), off by default because they cost a little per event. Enable before the
    /// first event; analysisJson() is empty while disabled.
    void setAnalysisEnabled(bool enabled);
    const RunAnalysis* analysis() const { return m_analysis.get(); }
    QJsonObject analysisJson() const;

    /// Called for every generated action after the shopper reacted (analyses, GUI);
    /// null to stop. Runs on the engine's thread.
    void setActionObserver(std::function<void(const ActionRecord&, const Session&)> observer) {
        m_actionObserver = std::move(observer);
    }

    /// Called right after the core served a slate, before the shopper reacts to it and
    /// before the core learns anything (teaching mode composes the explanations there,
    /// from the state that scored the slate); null to stop. The observer must not change
    /// the core's state. Runs on the engine's thread.
    void setServeObserver(std::function<void(const core::Request&, const core::Slate&)> observer) {
        m_serveObserver = std::move(observer);
    }

private:
    void generateAction(ActionRecord* record);
    // generateAction = beginAction (up to the request) + the core's answer +
    // completeAction (the shopper's reaction); split so that prepareAction/serveAction
    // take the very same step.
    bool beginAction(ActionRecord& a);
    void completeAction(ActionRecord& a, std::chrono::nanoseconds latency);
    const HistoryCache& stepHistory(const Session& s, core::SimTime t);
    void organicView(Session& s, ActionRecord& a, core::ItemId item, core::Surface surface,
                     core::SimTime t);
    void organicSearch(Session& s, ActionRecord& a, core::SimTime t);
    /// A candidate visit; true when it became a session, whose slot is then m_stepSlot:
    /// its first step is the next one (see beginAction).
    bool startSession();
    /// The time of the earliest pending step other than an open one (+inf when none).
    core::SimTime nextDueTime() const;
    /// Applies what the timeline has due by `t` (launches, restocks, promotions, shocks).
    /// Called twice a step and almost never due: the inline test against the earliest
    /// pending change keeps the call out of the step (applyDueTimeline does the work).
    void applyTimeline(core::SimTime t) {
        if (t >= m_timelineDue)
            applyDueTimeline(t);
    }
    void applyDueTimeline(core::SimTime t);
    /// The earliest of the next launch, restock and timeline change (+inf when none).
    core::SimTime nextTimelineChange() const;
    void setAvailable(core::ItemId item, bool available);
    bool buy(core::ItemId item, core::UserId user, core::SimTime t);
    void applyPromotions();
    void endSession(Session& s, core::SimTime t, ActionRecord& a);
    void measureRegret(Session& s, const ActionRecord& a, const std::vector<float>& shownUtility);
    std::uint64_t regretDraw(const Session& s) const;
    void consume(const core::Event& e);
    /// Software pipeline on large populations: hints for the users of the next two due
    /// steps (after the open step, which is at the heap's root) and of the pending
    /// candidate visits (prefetchArrivals), so their misses overlap this step. Called only
    /// where they pay (m_prefetchSteps).
    void prefetchNextSteps();
    /// A user's own rows (model, metrics, onboarding), then, a step later, the rows those
    /// point to (remembered items' categories, the latest slate). Hints only.
    void prefetchUserRows(core::UserId user) const;
    void prefetchUserHistory(core::UserId user) const;
    /// A candidate visit, drawn ahead of its time (engine_arrivals.cpp). Its user is valid
    /// when stage < 3 (4: rolled this step, 3: table entry asked for, 2: the rows that
    /// decide the visit asked for, 1: the user's rows asked for, 0: nothing more to ask).
    struct Arrival {
        core::SimTime time = 0.0;
        AliasTable<std::uint32_t>::Dice dice{};
        double acceptDraw = 0.0;
        core::UserId user = 0;
        std::uint32_t group = 0;
        std::uint32_t stage = 0;
    };
    /// Draws visits until one (small shops) or kArrivalsAhead (m_prefetchSteps) are
    /// pending (or the run's end), and sets m_nextArrival to the first one's time (+inf
    /// when none).
    void drawArrivalsAhead();
    /// The first pending visit, its user resolved; the queue is topped up. The reference
    /// stays valid until the next call (the top-up writes the kArrivalsAhead slots after
    /// it, and the ring is larger than that).
    const Arrival& takeArrival();
    void drawArrival();
    void rollVisit(core::SimTime t);
    void resolveArrival(Arrival& a) const;
    /// Whether a candidate visit of `user` at `t` with accept draw `acceptDraw` happens,
    /// given the user's state now (churn, return weight, habit hour): startSession's test,
    /// and the arrival pipeline's guess at it for a visit drawn ahead.
    bool visitHappens(core::UserId user, core::SimTime t, double acceptDraw) const {
        const double accept =
            m_state.returnWeight[user] * m_habit(m_world.userHabitHour[user], hourOfDay(t));
        return !(m_state.churned[user] || acceptDraw >= accept);
    }
    /// On large populations: each pending visit one stage further (see Arrival).
    void prefetchArrivals();

    Scenario m_scenario;
    std::uint64_t m_seed;
    /// mix64(seed ^ 0x5eed5eed): the run's half of regretDraw's hash, computed once.
    std::uint64_t m_regretKey;
    World m_world;
    ShopperModel m_model;
    std::unique_ptr<core::Recommender> m_recommender;
    CoreGuard m_guard;
    core::MetricsAccumulator m_metrics;
    core::SurfaceMetrics m_surfaceMetrics;
    EventSink* m_sink = nullptr;

    boost::random::mt19937 m_arrivalRng;
    std::vector<std::uint32_t> m_sessionCount; // per user: candidate visits so far (CRN)
    struct Due {
        core::SimTime time;
        std::uint64_t sessionId; // tie-break: earlier sessions first, deterministic
        std::uint32_t slot;
    };
    std::vector<Session> m_sessions; // slot pool of active sessions
    std::vector<std::uint32_t> m_freeSlots;
    // Min-heap by (time, sessionId) of the pending steps. While a step is open (from
    // beginAction to completeAction) its entry stays at the root (m_stepInHeap), and
    // completeAction replaces it by the session's next step or removes it (due_heap.h,
    // replaceTopDue). A session's first step never enters the heap: it is due at once
    // (beginAction takes it right after startSession), so it is open outside the heap and
    // completeAction pushes the session's second step.
    std::vector<Due> m_due;
    bool m_stepInHeap = false;
    // prefetchPays(users): whether prefetchNextSteps() is called at all (a call that
    // returns at once was ~19 instructions a step on `default`).
    bool m_prefetchSteps = false;
    std::uint64_t m_nextSessionId = 1;
    core::SimTime m_nextArrival = 0.0;
    // Pending candidate visits, first at m_arrivalFirst: one, or kArrivalsAhead where the
    // prefetches pay (m_prefetchSteps). m_drawClock is the time of the last one drawn.
    static constexpr std::size_t kArrivalRing = 8, kArrivalsAhead = 4;
    static_assert(kArrivalsAhead < kArrivalRing);
    std::array<Arrival, kArrivalRing> m_arrivals{};
    std::size_t m_arrivalFirst = 0, m_arrivalCount = 0;
    core::SimTime m_drawClock = 0.0;
    bool m_arrivalsEnd = false;
    core::SimTime m_now = 0.0;
    core::SimTime m_end = 0.0;
    bool m_finished = false;

    EventQueue m_pending; // generated, not yet consumed
    std::vector<core::Event> m_sinkBuffer;
    std::uint64_t m_eventsConsumed = 0;
    std::vector<core::MetricPoint> m_buckets;
    ActionRecord m_scratch;

    ShopState m_state;
    std::unique_ptr<CouponDesk> m_coupons;   // null for policy "none"
    std::unique_ptr<PrivacyLayer> m_privacy; // null while privacy is off
    const core::TruthOracle* m_privacyOracle = nullptr;
    std::vector<std::vector<std::uint32_t>> m_stated; // onboarding answers per user
    core::OnboardingCurve m_onboarding;
    // Arrivals by population group (the initial users, then each cohort): users of group
    // g are the contiguous ids [m_groupBegin[g], m_groupBegin[g+1]).
    std::vector<std::uint32_t> m_groupBegin;
    std::vector<double> m_groupActivity;
    std::vector<AliasTable<std::uint32_t>> m_groupPick; // Boost's draws, on huge pages
    ArrivalRate m_rate; // the candidate visits' rate by hour, day, season and cohort
    HabitTable m_habit; // habit acceptance by the distance to the user's favourite hour
    // Timeline: item launches in time order, then the other timed changes.
    std::vector<std::pair<core::SimTime, core::ItemId>> m_launches;
    std::size_t m_nextLaunch = 0;
    struct Change {
        core::SimTime time;
        std::uint32_t entry; // index into scenario.timeline
        bool start;
    };
    std::vector<Change> m_changes;
    std::size_t m_nextChange = 0;
    std::vector<std::uint8_t> m_promotionActive; // per timeline entry
    struct Restock {
        core::SimTime time;
        core::ItemId item;
    };
    std::vector<Restock> m_restocks; // min-heap by (time, item)
    static bool restockLater(const Restock& a, const Restock& b) {
        return a.time > b.time || (a.time == b.time && a.item > b.item);
    }
    boost::random::mt19937 m_timelineRng;
    // nextTimelineChange() as of the last applyDueTimeline(), lowered by every restock
    // scheduled since: applyTimeline(t) with t below it has nothing to do.
    core::SimTime m_timelineDue = -std::numeric_limits<core::SimTime>::infinity();
    std::vector<float> m_shownUtility;
    std::vector<float> m_allUtility;
    double m_regretSum = 0.0;
    std::uint64_t m_regretSamples = 0;
    double m_sessionRegretSum = 0.0;
    std::uint64_t m_sessionsEnded = 0;
    std::uint64_t m_skippedVisits = 0;
    std::uint64_t m_churnedUsers = 0;
    std::function<void(const ActionRecord&, const Session&)> m_actionObserver;
    std::function<void(const core::Request&, const core::Slate&)> m_serveObserver;
    std::unique_ptr<RunAnalysis> m_analysis;
    // trueUtility() is called for every item of the catalogue with the same (user, time)
    // by the bound cores: the user's prepared history is kept for the last such call.
    struct OracleCache {
        core::UserId user = core::kNoUser;
        core::SimTime time = -1.0;
        core::ItemId context = core::kNoItem;
        std::uint64_t version = ~std::uint64_t(0);
        HistoryCache history;
    };
    mutable OracleCache m_oracleCache;
    HistoryCache m_stepHistory; // the stepping user's history, prepared once per step
    bool m_stepHistoryReady = false;
    std::uint32_t m_stepSlot = 0; // the session of the step begun by beginAction()
    bool m_actionOpen = false;    // prepareAction() waits for serveAction()
};

} // namespace recoscope::sim
