#pragma once
// EngineWorker: the thread shell of the GUI's arena. Lives on a QThread owned by
// ui::RunController; every slot is called through queued connections and every result
// leaves as a value-type snapshot, so no data is shared with the GUI thread while mutable.
// The arena itself (lock-step cores on common random numbers, cold-start figures, the
// inspectors' ledger) is sim::Arena, a plain class; this class only paces it.
//
// Slices: a slice runs for at most ~20 ms of wall-clock time (about 1,000-20,000 events
// depending on the core), then the next slice is queued with a zero-delay timer, so pause,
// stop, step, speed and inspector requests get through between slices. A SnapshotBatch is
// emitted at most every 50 ms; between two emissions the closed metric buckets accumulate
// in the arena, so a slow GUI never makes the queue grow beyond one batch per 50 ms.
//
// Every batch and report carries the generation number given to start(): the controller
// drops anything from a superseded run. Errors never cross the event loop as exceptions:
// they arrive as runFailed(generation, message).

#include "recoscope/core/registry.h"
#include "recoscope/sim/arena.h"
#include "recoscope/sim/inspection.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/step_job.h"
#include "recoscope/sim/step_tape.h"

#include <QElapsedTimer>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QTimer;

namespace recoscope::sim {

/// A snapshot of the arena for one run generation, plus the users of the most recent
/// actions of the first core (newest first).
struct SnapshotBatch : ArenaSnapshot {
    quint64 generation = 0;
    std::vector<core::UserId> activeUsers;
};

class EngineWorker : public QObject {
    Q_OBJECT
public:
    /// The registry must outlive the worker (it is only read, on the worker's thread, when
    /// an arena is built), unless useRegistry() gives another.
    explicit EngineWorker(const core::RecommenderRegistry& registry, QObject* parent = nullptr);
    ~EngineWorker() override;

    /// The registry the next start() and its Step back rebuilds build the cores from: a
    /// copy the GUI thread took when it started the run (RunController), so that cores
    /// added to its registry meanwhile (Load plugin…, Add Python core…) never race this
    /// thread. Null: the constructor's registry. Worker thread, before start().
    void useRegistry(std::shared_ptr<const core::RecommenderRegistry> snapshot) {
        m_snapshot = std::move(snapshot);
    }

public slots:
    /// Builds the arena and starts running (or stays paused when `paused`, e.g. for
    /// teaching). Finishes any previous run as "cancelled" first.
    void start(const recoscope::sim::ArenaSpec& spec, quint64 generation, bool paused);
    void pause();
    void resume();
    /// Ends the run now: stored as "cancelled" unless it had already finished.
    void stop();
    /// Only while paused: advances every core by one shopper action, or with `follow` (a
    /// shopper id; core::kNoUser = none) every core to that shopper's next action, then
    /// emits stepped(). A step that follows a shopper may pass many other actions: it runs
    /// in slices like a run, so pause, stop and inspectors still get through.
    void step(quint32 follow = core::kNoUser);
    /// Rebuilds the arena from the seed and replays it to the previous step (the runs of
    /// the superseded arena are deleted from the store and the new ones stored in their
    /// place), under `generation`; emits stepped() with that step (step 0: before the
    /// first). In slices, like step().
    void stepBack(quint64 generation);
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
    void runSlice();
    /// The single-threaded slice: advance(slowest()) until the slice's time is spent.
    void runLockStep(const QElapsedTimer& slice, core::SimTime target, bool& waiting);
    void scheduleSlice(int delayMs);
    void runJob();
    core::Status rebuild(quint64 generation);
    bool collect();
    void noteUser(core::UserId user);
    core::SimTime slowestTime() const;
    void emitBatch(bool finished);
    void finishRun(bool cancelled);
    void fail(const QString& message);

    const core::RecommenderRegistry& m_registry;
    std::shared_ptr<const core::RecommenderRegistry> m_snapshot; ///< useRegistry()
    const core::RecommenderRegistry& registry() const {
        return m_snapshot ? *m_snapshot : m_registry;
    }
    QTimer* m_timer = nullptr;
    std::unique_ptr<Arena> m_arena;
    quint64 m_generation = 0;
    bool m_running = false; ///< a run exists and is not over
    bool m_paused = false;
    double m_speed = 0.0;
    QElapsedTimer m_paceClock;
    core::SimTime m_paceSimStart = 0.0;
    QElapsedTimer m_sinceEmit;
    QElapsedTimer m_sinceStatistics; ///< since the last snapshot with A/B statistics
    qint64 m_emitIntervalMs = 50;
    std::vector<core::UserId> m_recentUsers;
    // Teaching: what the arena went through (Step back replays a prefix), the spec it
    // was built from, and the step or replay under way (run in slices by m_jobTimer).
    ArenaSpec m_spec;
    StepTape m_tape;
    std::unique_ptr<StepJob> m_job;
    bool m_jobIsStep = false; ///< a new step (recorded on the tape when done), not a replay
    core::UserId m_jobFollow = core::kNoUser;
    QTimer* m_jobTimer = nullptr;
};

} // namespace recoscope::sim

Q_DECLARE_METATYPE(recoscope::sim::ArenaSpec)
Q_DECLARE_METATYPE(recoscope::sim::SnapshotBatch)
Q_DECLARE_METATYPE(recoscope::sim::StepReport)
Q_DECLARE_METATYPE(recoscope::sim::UserInspection)
Q_DECLARE_METATYPE(recoscope::sim::ItemInspection)
