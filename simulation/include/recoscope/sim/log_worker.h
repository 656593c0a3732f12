#pragma once
// LogWorker: the workbench's jobs on imported logs, on a worker thread: importing a log
// file into the run store and replaying 1-4 cores over a log prequentially (replayLogs).
// Lives on the thread of ui::RunController next to the EngineWorker; slots are called
// through queued connections and results leave as value types, like EngineWorker's.
//
// A job runs to its end inside one slot (the log is read by one SQLite statement), so
// cancel and pause cannot arrive as queued calls: they are atomics that the GUI thread
// sets directly (requestCancel, setPaused) and the job polls every few thousand events;
// a cancel names the generations it stops, so it cannot leak into the next job.
// Every signal carries the generation given to the job, so a controller drops reports of
// a superseded job.

#include "recoscope/core/registry.h"
#include "recoscope/sim/log_replay.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <vector>

namespace recoscope::sim {

/// A replay of several cores on one log of the store at dbPath.
struct LogReplayJob {
    QString dbPath;
    std::vector<ReplaySpec> specs; ///< 1..4, agreeing as replayLogs requires
};

/// What the charts need from a closed bucket, with the log's span for the x axis.
struct LogReplayBatch {
    quint64 generation = 0;
    ReplayBucket bucket;
    double span = 0.0; ///< seconds from the log's first to its last event
};

struct LogImportJob {
    QString dbPath, path, format, name;
    bool skipBad = false;
};

class LogWorker : public QObject {
    Q_OBJECT
public:
    explicit LogWorker(const core::RecommenderRegistry& registry, QObject* parent = nullptr);

    /// Thread-safe: stops the job of `generation` (queued or running) at its next poll
    /// (every 4,096 events of a replay, 65,536 lines of an import). A replay keeps what it
    /// scored and is stored as cancelled; an import is rolled back.
    void requestCancel(quint64 generation);
    /// Thread-safe: a replay waits while paused (cancelling still works).
    void setPaused(bool paused) { m_paused.store(paused); }
    /// The registry the next replays build their cores from: a copy the GUI thread took
    /// when it started the replay (RunController), so that cores added to its registry
    /// meanwhile (Load plugin…, Add Python core…) never race this thread. Null: the
    /// constructor's registry. Worker thread, before replay().
    void useRegistry(std::shared_ptr<const core::RecommenderRegistry> snapshot) {
        m_snapshot = std::move(snapshot);
    }

public slots:
    void replay(const recoscope::sim::LogReplayJob& job, quint64 generation);
    void importLog(const recoscope::sim::LogImportJob& job, quint64 generation);

signals:
    void replayBatch(const recoscope::sim::LogReplayBatch& batch);
    void replayEnded(quint64 generation, const QList<qint64>& runIds, bool cancelled);
    void replayFailed(quint64 generation, const QString& message);
    /// Share of the file read, at most a few times a second.
    void importProgress(quint64 generation, double fraction);
    void importFinished(quint64 generation, const QString& name, qint64 events, qint64 users,
                        qint64 items, qint64 skippedLines);
    void importFailed(quint64 generation, const QString& message);

private:
    const core::RecommenderRegistry& m_registry;
    std::shared_ptr<const core::RecommenderRegistry> m_snapshot;
    bool cancelled(quint64 generation) const;

    mutable std::mutex m_mutex;
    std::set<quint64> m_cancelled; ///< generations to stop (a few per session)
    std::atomic<bool> m_paused{false};
};

} // namespace recoscope::sim

Q_DECLARE_METATYPE(recoscope::sim::LogReplayJob)
Q_DECLARE_METATYPE(recoscope::sim::LogReplayBatch)
Q_DECLARE_METATYPE(recoscope::sim::LogImportJob)
