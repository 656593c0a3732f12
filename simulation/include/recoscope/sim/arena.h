#pragma once
// Arena: 1-4 recommender cores facing the same shoppers, run in lock-step on one thread.
// A plain class (no QObject, no timer, no thread): the CLI's `compare`, the tests and the
// GUI's EngineWorker drive the same code (docs/decisions/0011-arena-plain-class.md).
//
// One RunJob per core, all built from the same scenario and seed, so every core sees the
// same catalogue, population and per-session random streams (common random numbers,
// decisions/0004). advance() moves one core by one shopper action; callers always advance
// slowest(), the core whose simulated clock is furthest behind, so the cores stay aligned
// in time and their charts line up. A day limit stops exactly where Engine::run stops, so
// every core stores the same events as a `recoscope-cli run` of it (tst_engine_worker).
//
// Per core the arena keeps the figures a snapshot needs: closed metric buckets not yet
// handed out, the cold-start figures (core::ColdStartAccumulator), each shopper's outcomes
// (core::UserOutcomes, the units of the A/B statistics) and, when asked, the inspectors'
// ledger. Results leave as values (ArenaSnapshot). Errors come back as core::Status.
// Create, drive and destroy it on one thread (its RunStore connections belong to that
// thread; each RunJob writes its events through a writer thread of its own). Only
// advanceEach() and run(cancel, threads > 1) use more threads, internally: the cores share
// nothing mutable, so each core may act on a thread of its own between two joins
// (docs/decisions/0026-arena-threads.md).

#include "recoscope/core/cold_start_stats.h"
#include "recoscope/core/feedback_loop.h"
#include "recoscope/core/metrics.h"
#include "recoscope/core/registry.h"
#include "recoscope/core/result.h"
#include "recoscope/core/user_outcomes.h"
#include "recoscope/sim/ab_statistics.h"
#include "recoscope/sim/engine.h"
#include "recoscope/sim/inspection.h"
#include "recoscope/sim/scenario.h"

#include <QJsonObject>
#include <QString>
#include <QtGlobal>

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace recoscope::sim {

class InspectorLedger;
class RunJob;
class RunStore;

/// What to run: the same scenario and seed for every core.
struct ArenaSpec {
    struct Core {
        std::string recommender;
        std::map<std::string, std::string> params;
        /// This core's strategy per surface, replacing the scenario's `surfaces` when set
        /// (the arena then compares whole per-surface configurations on the same shoppers).
        std::optional<SurfaceAssignments> surfaces = std::nullopt;
    };
    Scenario scenario;
    std::uint64_t seed = 1;
    std::vector<Core> cores; ///< 1..4
    RunLimits limits;        ///< per core
    /// SQLite run store; empty = do not store (tests, previews).
    QString dbPath;
    QString label;
    /// Keep the inspectors' ledger (GUI); the CLI does without it.
    bool inspectors = true;
    /// Threads the GUI's worker runs the cores on (EngineWorker; 1 = lock-step on its own
    /// thread). Results never depend on it (Arena::advanceEach).
    int threads = 1;
    /// RunSpec::coreStream of each core (missing = 0): a non-zero value gives a stochastic
    /// core an independent random stream on the same shoppers (A/A replicates); such
    /// arenas cannot be stored.
    std::vector<std::uint64_t> coreStreams;
    /// Coupon policy of each core's shop (missing = the scenario's): `compare
    /// --coupon-policies` puts two policies side by side on the same shoppers.
    std::vector<QString> couponPolicies;
    /// Onboarding questionnaire of each core's shop (missing = the scenario's): `compare
    /// --onboarding off,on` runs without and with it on the same shoppers.
    std::vector<QString> onboarding;
};

using ColdStartStats = core::ColdStartStats;

/// One core's part of a snapshot.
struct CoreSnapshot {
    qint64 runId = 0;                       ///< 0 when not stored
    std::vector<core::MetricPoint> buckets; ///< buckets closed since the previous snapshot
    /// The open bucket so far (MetricsAccumulator::openBucket: counters since the last
    /// closed bucket; coverage, Gini and latency of the whole run so far).
    core::MetricPoint partial;
    bool hasPartial = false;
    core::MetricPoint total; ///< whole run so far (total.beyond: beyond-accuracy figures)
    ColdStartStats coldStart;
    /// Retention by cohort so far (BeyondAccuracy::retentionTable, kRetentionDays days).
    core::RetentionTable retention;
    /// Shop figures per surface so far (core::SurfaceMetrics), whichever core served it.
    core::SurfaceTotals surfaces;
    /// Which core serves each surface: its own spec, or empty for this core (normalised).
    SurfaceAssignments surfaceCores;
    /// Why this core was stopped (Engine::coreFault: it threw, a malformed slate, over its
    /// latency budget), or empty. A stopped core's figures stay as they were; the others go on.
    std::string fault;
    /// The coupons block so far (coupon_report.h); empty when the core's shop has no
    /// coupon policy.
    QJsonObject coupons;
    /// The feedback loop by day so far (core::FeedbackLoop over the slates served and the
    /// views, as `report` recomputes it from the store: the same figures at the end).
    std::vector<core::FeedbackDay> feedbackDays;
    /// The onboarding block so far (onboarding_report.h): newcomers' CTR by session.
    QJsonObject onboarding;
};

struct ArenaSnapshot {
    std::vector<CoreSnapshot> cores;
    std::uint64_t events = 0;    ///< behavioural events, all cores together
    core::SimTime simTime = 0.0; ///< simulated clock of the slowest core
    core::SimTime endTime = 0.0; ///< where the run stops (scenario end or day limit)
    double fraction = 0.0;       ///< 0..1
    bool finished = false;
    /// With withStatistics: every core i >= 1 against core 0, per user (ab_statistics.h,
    /// Holm over those pairs). Left empty, and hasComparisons false, otherwise.
    std::vector<PairComparison> comparisons;
    bool hasComparisons = false;
};

class Arena {
public:
    /// Builds every core (and opens the store when spec.dbPath is set, recording each run
    /// as "running" under `experimentId`). Errors: no core, unknown core,
    /// bad parameters, database failures. The registry is only read during create().
    static core::Result<std::unique_ptr<Arena>> create(const ArenaSpec& spec,
                                                       const core::RecommenderRegistry& registry,
                                                       qint64 experimentId = 0);
    ~Arena();
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;

    std::size_t size() const { return m_cores.size(); }
    /// The unfinished core whose simulated clock is furthest behind (first on ties); -1
    /// when every core is done.
    int slowest() const;
    /// Advances core `i` by one shopper action and returns it (valid until the next call
    /// for that core), or nullptr once the core is done. With `record` (teaching mode) and
    /// a ledger, the action is described there with the core's explanations, composed when
    /// the slate was served (before the shopper reacted and the core learnt from it).
    const ActionRecord* advance(std::size_t i, StepRecord* record = nullptr);
    enum class Seek { Found, Budget, Done };
    /// Follow mode: advances core `i` until `user` acts, describing that action in
    /// `record` (as advance() does) and counting the other actions in record.passed.
    /// Found: record holds it; Budget: `budget` actions went by, call again; Done: the
    /// core's run ended first (record stays invalid).
    Seek seek(std::size_t i, core::UserId user, StepRecord& record, std::uint64_t budget);
    /// The shopper whose slates every core explains when served, so that the shopper
    /// inspector shows serve-time explanations (core::kNoUser: nobody). Costs one
    /// comparison per action otherwise.
    void watchUser(core::UserId user) { m_watched = user; }
    bool done(std::size_t i) const;
    bool allDone() const;
    /// Flushes every core's event sink and takes the buckets its engine closed: they are
    /// stored with their cold-start rows (when storing) and kept for the next snapshot.
    core::Status collect();
    /// Advances every unfinished core until its simulated clock reaches `horizon` or it is
    /// done, at most `maxActions` advance() calls each, and stops early once `wallBudgetMs`
    /// of wall-clock time went by (0 = no limit; checked every 32 actions). The cores are
    /// spread over `threads` threads, this one included (1 = all here, one after the other);
    /// every thread is joined before it returns. Each core's actions are exactly those
    /// advance() gives it in any order, because the cores share nothing mutable: the
    /// results never depend on `threads` (tst_arena_threads). Returns the advance() calls
    /// made on each core (StepTape::recordRunEach replays them). `firstCoreUsers`, when
    /// given, receives the shopper of each action of core 0, in order. An exception thrown
    /// by a core is rethrown here after the join.
    std::vector<std::uint64_t> advanceEach(core::SimTime horizon, std::uint64_t maxActions,
                                           int threads, qint64 wallBudgetMs = 0,
                                           std::vector<core::UserId>* firstCoreUsers = nullptr);
    /// Advances until every core is done (or `cancel` is set), collecting as it goes. The
    /// CLI's and the tests' way; finish() afterwards. threads <= 1: slowest() first, on
    /// this thread; more: advanceEach() rounds on that many threads. Same results.
    core::Status run(const std::atomic<bool>* cancel = nullptr, int threads = 1);

    /// Values for charts: buckets closed since the last snapshot (handed out once), the
    /// open bucket, totals, cold-start figures, progress. Call after collect().
    /// `withStatistics` adds the paired comparisons: O(users) per core, so callers that
    /// snapshot often compute them less often.
    ArenaSnapshot takeSnapshot(bool finished, bool withStatistics = false);

    struct Finish {
        std::vector<qint64> runIds;      ///< in core order, 0 when not stored
        bool cancelled = false;          ///< stopped before every core was done
        std::vector<std::string> errors; ///< store failures, one per failing core
        /// "core 2 (itemknn) stopped: <Engine::coreFault>", one per stopped core; their runs
        /// are stored as "failed" with the fault in the summary (core_fault).
        std::vector<std::string> coreFailures;
    };
    /// Closes and stores each core's last bucket and summary; marks the runs finished, or
    /// cancelled when `cancelled` and some core was not done. The last buckets go to the
    /// next snapshot. Call once.
    Finish finish(bool cancelled);
    /// Marks every run "failed" (after an error); the arena is over.
    void fail();

    core::SimTime endTime() const { return m_endTime; }
    const Engine& engine(std::size_t i) const;
    const RunJob& job(std::size_t i) const;
    const core::UserOutcomes& outcomes(std::size_t i) const;
    /// The inspectors' answers; valid = false with an error without a ledger.
    UserInspection inspectUser(std::size_t i, core::UserId user) const;
    ItemInspection inspectItem(std::size_t i, core::ItemId item) const;

private:
    struct Core;
    Arena();
    // One action of `c`; describes it in `record` when given and (`only` = kNoUser or
    // the action is `only`'s), with the explanations composed when its slate was served.
    const ActionRecord* act(Core& c, StepRecord* record, core::UserId only);

    std::unique_ptr<RunStore> m_store; // the arena's own connection: metric buckets
    std::vector<std::unique_ptr<Core>> m_cores;
    core::SimTime m_endTime = 0.0;
    std::uint64_t m_maxEvents = 0;
    core::UserId m_watched = core::kNoUser;
};

} // namespace recoscope::sim
