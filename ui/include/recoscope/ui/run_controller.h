#pragma once
// RunController: owns the worker thread and its workers (sim::EngineWorker for simulated
// arenas, sim::LogWorker for imports and replays of real logs), turns user commands into
// queued calls, and collects the workers' snapshots into a MetricSeriesStore. GUI thread
// only. A replay is a run like an arena: the same states, Stop and Pause (not Step). Batches and
// reports from a superseded run (older generation) are dropped. A single ~30 Hz timer emits
// refreshed() only when new data arrived, so charts repaint at most ~30 times a second whatever the
// engine's speed. Every run and replay is built from a snapshot of the registry taken when it
// starts, so the GUI may add cores (Add Python core…, Load plugin…) while one goes on.

#include "recoscope/sim/engine_worker.h"
#include "recoscope/sim/log_worker.h"
#include "recoscope/ui/metric_series_store.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

class QThread;
class QTimer;

namespace recoscope::core {
class RecommenderRegistry;
}

namespace recoscope::ui {

class RunController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Running, Paused, Finished };
    Q_ENUM(State)

    explicit RunController(const core::RecommenderRegistry& registry, QObject* parent = nullptr);
    /// Stops the run (stored as "cancelled"), then quits and joins the worker thread.
    ~RunController() override;

    /// Starts a new arena; a running one is cancelled first. `paused` starts it paused
    /// (teaching: Step from the first event).
    void start(const sim::ArenaSpec& spec, bool paused = false);
    /// Replays 1-4 cores over an imported log, live (the series become ranking series); a
    /// running arena or replay is stopped first.
    void startReplay(const sim::LogReplayJob& job);
    /// Imports a log file into the store in the background (importFinished/importFailed).
    void importLog(const sim::LogImportJob& job);
    void cancelImport();
    bool importing() const { return m_importing; }
    /// True while the current (or last) run is a log replay.
    bool isReplay() const { return m_replay; }
    /// True when the user stopped the current (or last) run; fraction() is then the share
    /// done when Stop was pressed.
    bool stopped() const { return m_stopped; }
    void pause();
    void resume();
    void stop();
    /// While paused: one shopper action per core, or, when a shopper is followed, every
    /// core to that shopper's next action. stepped() reports it.
    void step();
    /// While paused and not stepping: back to the previous step, replayed from the seed on
    /// the worker thread (a new generation: the charts refill from the replay).
    void stepBack();
    /// The shopper Step follows (core::kNoUser: none, one action per core).
    void setFollowUser(core::UserId user);
    core::UserId followUser() const { return m_follow; }
    /// A step or a replay is under way (Step and Step back wait for it).
    bool stepping() const { return m_stepping; }
    /// The number of the step on screen (0: none yet).
    int stepNumber() const { return m_stepNumber; }
    /// Simulated seconds per wall-clock second; 0 = as fast as possible.
    void setSpeed(double simSecondsPerSecond);
    double speed() const { return m_speed; }
    void inspectUser(int core, quint32 user);
    void inspectItem(int core, quint32 item);

    State state() const { return m_state; }
    const MetricSeriesStore& series() const { return m_series; }
    quint64 generation() const { return m_generation; }
    /// Run ids of the current arena (known once the first batch arrived).
    QList<qint64> runIds() const;
    const std::vector<core::UserId>& activeUsers() const { return m_activeUsers; }
    double fraction() const { return m_fraction; }
    core::SimTime simTime() const { return m_simTime; }
    core::SimTime endTime() const { return m_endTime; }
    std::uint64_t events() const { return m_events; }
    /// Estimated wall-clock seconds left (-1 when unknown).
    double etaSeconds() const { return m_eta; }
    const sim::ArenaSpec& spec() const { return m_spec; }

signals:
    void stateChanged(recoscope::ui::RunController::State state);
    /// New data since the last refresh (at most ~30 Hz).
    void refreshed();
    void stepped(const recoscope::sim::StepReport& report);
    /// stepping() changed.
    void steppingChanged(bool stepping);
    void userInspected(const recoscope::sim::UserInspection& inspection);
    void itemInspected(const recoscope::sim::ItemInspection& inspection);
    /// The arena's runs exist in the store (first batch of a run).
    void runStarted(const QList<qint64>& runIds);
    void runEnded(const QList<qint64>& runIds, bool cancelled);
    void runFailed(const QString& message);
    /// Core `index` (registry id `coreId`) was stopped by its guard: it threw, answered
    /// with a malformed slate or exceeded its latency budget. The other cores go on; its
    /// run is stored as failed. Emitted once per core and run.
    void coreStopped(int index, const QString& coreId, const QString& message);
    void importProgress(double fraction);
    void importFinished(const QString& name, qint64 events, qint64 users, qint64 items,
                        qint64 skippedLines);
    void importFailed(const QString& message);

private:
    void connectLogWorker();
    /// Stops whatever runs on the worker thread before a new job is queued behind it.
    void stopCurrent();
    void onBatch(const sim::SnapshotBatch& batch);
    /// The ETA from the share done since the last start or resume (0 when finished).
    void updateEta(bool finished);
    void setState(State s);

    const core::RecommenderRegistry& m_registry; ///< copied for each run: see start()
    QThread* m_thread = nullptr;
    sim::EngineWorker* m_worker = nullptr;
    sim::LogWorker* m_logWorker = nullptr;
    bool m_replay = false;
    bool m_stopped = false;
    std::vector<bool> m_faultReported; ///< per core of the current run
    bool m_importing = false;
    quint64 m_importGeneration = 0;
    quint64 m_counter = 0; ///< generations of runs and imports, never reused
    QTimer* m_refresh = nullptr;
    MetricSeriesStore m_series;
    sim::ArenaSpec m_spec;
    quint64 m_generation = 0;
    State m_state = State::Idle;
    bool m_dirty = false;
    double m_speed = 0.0;
    std::vector<core::UserId> m_activeUsers;
    double m_fraction = 0.0;
    core::SimTime m_simTime = 0.0, m_endTime = 0.0;
    std::uint64_t m_events = 0;
    double m_eta = -1.0;
    core::UserId m_follow = core::kNoUser;
    bool m_stepping = false;
    int m_stepNumber = 0;
    void setStepping(bool on);
    QElapsedTimer m_etaClock; // wall clock since the last start/resume
    double m_etaFraction0 = 0.0;
};

} // namespace recoscope::ui
