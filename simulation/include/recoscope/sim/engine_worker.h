#pragma once
// EngineWorker: runs an A/B arena (1-4 recommender cores facing the same shoppers) on a
// worker thread for the GUI. Lives on a QThread owned by ui::RunController; every slot is
// called through queued connections and every result leaves as a value-type snapshot,
// so no data is shared with the GUI thread while mutable.
//
// Arena: one RunJob per core, all built from the same scenario and seed, so each core sees
// the same catalogue, the same population and the same per-session random streams (common
// random numbers). The worker advances the cores in lock-step of simulated time (always
// the core whose clock is furthest behind), so their charts line up.
//
// Slices: a slice runs for at most ~20 ms of wall-clock time (about 1,000-20,000 events
// depending on the core), then the next slice is queued with a zero-delay timer, so pause,
// stop, step, speed and inspector requests get through between slices. A SnapshotBatch is
// emitted at most every 50 ms; between two emissions the closed metric buckets accumulate
// in the pending batch, so a slow GUI never makes the queue grow beyond one batch per 50 ms.
//
// Every batch and report carries the generation number given to start(): the controller
// drops anything from a superseded run. Errors never cross the event loop as exceptions:
// they arrive as runFailed(generation, message).

#include "recoscope/core/event.h"
#include "recoscope/core/metrics.h"
#include "recoscope/core/registry.h"
#include "recoscope/sim/engine.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/scenario.h"

#include <QElapsedTimer>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <map>
#include <memory>
#include <string>
#include <vector>

class QTimer;

namespace recoscope::sim {

class RunStore;
class RunJob;

/// What to run: the same scenario and seed for every core.
struct ArenaSpec {
    struct Core {
        std::string recommender;
        std::map<std::string, std::string> params;
    };
    Scenario scenario;
    std::uint64_t seed = 1;
    std::vector<Core> cores; ///< 1..4
    RunLimits limits;        ///< per core
    /// SQLite run store; empty = do not store (tests, previews).
    QString dbPath;
    QString label;
};

/// Cold-start view of one core so far. "New user": in their first two sessions. "New
/// item": launched less than 24 simulated hours ago (items of the opening catalogue,
/// launched at time 0, are established from the start).
struct ColdStartStats {
    std::uint64_t newUserImpressions = 0, newUserClicks = 0;
    std::uint64_t oldUserImpressions = 0, oldUserClicks = 0;
    std::uint64_t newItemImpressions = 0, newItemClicks = 0;
    std::uint64_t oldItemImpressions = 0, oldItemClicks = 0;
    /// Items launched after time 0 and already in the shop.
    std::uint64_t launchedItems = 0;
    std::uint64_t launchedWithImpression = 0, launchedWithPurchase = 0;
    /// Mean simulated hours from launch to the first impression / purchase (of the items
    /// that reached it); 0 when none did.
    double meanHoursToFirstImpression = 0.0, meanHoursToFirstPurchase = 0.0;
};

// Stored cold-start figures (docs/metrics.md, names `cold_*`): for every metric bucket the
// worker stores, a ColdStartStats whose impression and click counts are that bucket's and
// whose launch figures are cumulative up to the bucket's end, plus the four CTRs of the
// bucket. Folding the buckets in time order with addColdStartBucket() gives back the
// whole-run figures the live panel showed.

/// The `metrics` rows of one bucket.
std::vector<MetricRow> coldStartRows(core::SimTime bucketEnd, const ColdStartStats& bucket);
/// True for every name coldStartRows() writes.
bool isColdStartMetric(const QString& name);
/// Sets the field of `bucket` stored under `name`; false for the derived CTRs and for names
/// that are not cold-start metrics.
bool setColdStartMetric(ColdStartStats& bucket, const QString& name, double value);
/// Folds the next bucket into `total`: counts add up, launch figures are replaced.
void addColdStartBucket(ColdStartStats& total, const ColdStartStats& bucket);

/// One core's part of a batch.
struct CoreSnapshot {
    qint64 runId = 0;                       ///< 0 when not stored
    std::vector<core::MetricPoint> buckets; ///< buckets closed since the previous batch
    /// The open bucket so far (counters since the last closed bucket; coverage and Gini
    /// cumulative; latency of the whole run so far).
    core::MetricPoint partial;
    bool hasPartial = false;
    core::MetricPoint total; ///< whole run so far
    ColdStartStats coldStart;
};

struct SnapshotBatch {
    quint64 generation = 0;
    std::vector<CoreSnapshot> cores;
    std::uint64_t events = 0;              ///< behavioural events, all cores together
    core::SimTime simTime = 0.0;           ///< simulated clock of the slowest core
    core::SimTime endTime = 0.0;           ///< where the run stops (scenario end or day limit)
    double fraction = 0.0;                 ///< 0..1
    std::vector<core::UserId> activeUsers; ///< users of the most recent actions, newest first
    bool finished = false;
};

/// A slate entry as the inspectors and teaching mode show it.
struct ExplainedEntry {
    core::ItemId item = core::kNoItem;
    float score = 0.0f;
    QString itemDescription; ///< "item 42 (Kitchen > Kettles)"
    QString explanation;     ///< the core's own sentence
};

/// One shopper action of one core (Step, teaching mode).
struct StepRecord {
    int core = 0;
    bool valid = false; ///< false once the core's run is over
    core::UserId user = core::kNoUser;
    core::SimTime time = 0.0;
    core::Surface surface = core::Surface::Home;
    core::ItemId contextItem = core::kNoItem;
    std::vector<ExplainedEntry> slate;
    /// The previous slate served to the same user (empty if none): what moved.
    std::vector<ExplainedEntry> previousSlate;
    int clicked = -1;
    bool sessionStarted = false, sessionEnded = false;
    std::vector<core::Event> events;
};

struct StepReport {
    quint64 generation = 0;
    std::vector<StepRecord> cores;
};

struct UserInspection {
    quint64 generation = 0;
    int core = 0;
    core::UserId user = core::kNoUser;
    bool valid = false;
    QString error;
    int ageBand = 0, gender = 0, occupation = 0, region = 0;
    core::SimTime joinTime = 0.0;
    std::uint64_t sessions = 0, events = 0;
    /// RFM: days since the last purchase (-1 = never), purchases, money spent.
    double recencyDays = -1.0;
    std::uint64_t frequency = 0;
    double monetary = 0.0;
    /// Segment key (RFM rules, see engine_worker.cpp): "new", "browser", "champion",
    /// "loyal", "at-risk".
    QString segment;
    /// Probability that the shopper's next candidate visit happens (satisfaction), and
    /// whether the shopper has churned (from the engine's ShopState).
    double returnWeight = 0.0;
    bool churned = false;
    std::vector<core::Event> recentEvents; ///< newest last
    core::SimTime slateTime = -1.0;        ///< when the current slate was served (-1 = never)
    std::vector<ExplainedEntry> slate;
};

struct ItemInspection {
    quint64 generation = 0;
    int core = 0;
    core::ItemId item = core::kNoItem;
    bool valid = false;
    QString error;
    QString description;
    QString category;
    std::uint32_t brand = 0;
    float price = 0.0f, discount = 0.0f;
    bool available = false;
    /// Units in stock (-1 = unlimited), sold and restock count, running promotion discount.
    std::int32_t stock = -1;
    std::uint32_t sold = 0, restocked = 0;
    float promotionDiscount = 0.0f;
    core::SimTime launchTime = 0.0;
    std::uint64_t impressions = 0, clicks = 0, purchases = 0;
    /// Per time bin: impressions, clicks, purchases; bin i covers [i*binSeconds, (i+1)*binSeconds).
    double binSeconds = 0.0;
    std::vector<std::uint32_t> impressionBins, clickBins, purchaseBins;
};

class EngineWorker : public QObject {
    Q_OBJECT
public:
    /// The registry must outlive the worker (it is only read).
    explicit EngineWorker(const core::RecommenderRegistry& registry, QObject* parent = nullptr);
    ~EngineWorker() override;

public slots:
    /// Builds the arena and starts running (or stays paused when `paused`, e.g. for
    /// teaching). Finishes any previous run as "cancelled" first.
    void start(const recoscope::sim::ArenaSpec& spec, quint64 generation, bool paused);
    void pause();
    void resume();
    /// Ends the run now: stored as "cancelled" unless it had already finished.
    void stop();
    /// Advances every core by one shopper action (only while paused) and emits stepped().
    void step();
    /// Simulated seconds per wall-clock second; 0 = as fast as possible.
    void setSpeed(double simSecondsPerSecond);
    void inspectUser(quint64 generation, int core, quint32 user);
    void inspectItem(quint64 generation, int core, quint32 item);
    /// Called (blocking) by the controller before its thread quits.
    void shutdown();

signals:
    void batchReady(const recoscope::sim::SnapshotBatch& batch);
    void stepped(const recoscope::sim::StepReport& report);
    void userInspected(const recoscope::sim::UserInspection& inspection);
    void itemInspected(const recoscope::sim::ItemInspection& inspection);
    /// The run has ended (finished or stopped); run ids in core order (0 when not stored).
    void runEnded(quint64 generation, const QList<qint64>& runIds, bool cancelled);
    void runFailed(quint64 generation, const QString& message);

private:
    struct CoreState;
    void runSlice();
    void scheduleSlice(int delayMs);
    bool advance(CoreState& c, StepRecord* record);
    bool allDone() const;
    void emitBatch(bool finished);
    void finishRun(bool cancelled);
    void fail(const QString& message);
    std::vector<ExplainedEntry> explain(const CoreState& c, const core::Request& request,
                                        const core::Slate& slate) const;

    const core::RecommenderRegistry& m_registry;
    QTimer* m_timer = nullptr;
    std::unique_ptr<RunStore> m_store;
    QString m_storePath;
    std::vector<std::unique_ptr<CoreState>> m_cores;
    quint64 m_generation = 0;
    bool m_running = false; ///< a run exists and is not over
    bool m_paused = false;
    double m_speed = 0.0;
    QElapsedTimer m_paceClock;
    core::SimTime m_paceSimStart = 0.0;
    QElapsedTimer m_sinceEmit;
    qint64 m_emitIntervalMs = 50;
    std::vector<core::UserId> m_recentUsers;
    core::SimTime m_endTime = 0.0;
    std::uint64_t m_maxEvents = 0;
};

} // namespace recoscope::sim

Q_DECLARE_METATYPE(recoscope::sim::ArenaSpec)
Q_DECLARE_METATYPE(recoscope::sim::SnapshotBatch)
Q_DECLARE_METATYPE(recoscope::sim::StepReport)
Q_DECLARE_METATYPE(recoscope::sim::UserInspection)
Q_DECLARE_METATYPE(recoscope::sim::ItemInspection)
