#pragma once
// The run store: one SQLite file holding every run, its event log and its metrics.
// Writes go through the SQLite C API with prepared statements in batched transactions
// (Qt Sql is 2-3.5x slower at bulk inserts); WAL mode so readers (the GUI's history)
// never block the writer. Schema: docs/database.md. `PRAGMA user_version` holds the
// schema version: older files are migrated on open, newer ones refused.
// One RunStore per thread; SQLite serialises writers across processes (busy timeout 5 s).

#include "recoscope/core/event.h"
#include "recoscope/core/metrics.h"
#include "recoscope/core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <span>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace recoscope::sim {

struct RunInfo {
    QString scenarioName;
    QByteArray scenarioJson; ///< resolved, canonical
    QString scenarioHash;
    quint64 seed = 0;
    QString recommender;
    QByteArray paramsJson = "{}";
    QString buildVersion;
    QString catalogueHash;
    QString populationHash;
    qint64 experimentId = 0; ///< runs of one A/B arena share it; 0 = none
    QString label;
};

struct RunRecord : RunInfo {
    qint64 id = 0;
    QString started;  ///< ISO 8601 UTC wall-clock time
    QString finished; ///< empty while running
    QString status;   ///< running, finished, cancelled, failed, interrupted
    QByteArray summaryJson;
    QString note; ///< free text written after the run (setNote); empty when none
};

struct MetricSample {
    double bucketEnd = 0.0; ///< simulated seconds
    double value = 0.0;
};

/// A named value stored for a bucket beside core::MetricPoint::named() (the GUI's
/// cold-start figures): one more row of the `metrics` table.
struct MetricRow {
    double bucketEnd = 0.0; ///< simulated seconds
    std::string name;
    double value = 0.0;
};

class RunStore {
public:
    static constexpr int kSchemaVersion = 8;
    /// The longest label setLabel() takes, in characters: one line that fits a table cell.
    static constexpr int kMaxLabelLength = 80;
    /// The longest note setNote() takes, in characters.
    static constexpr int kMaxNoteLength = 10000;

    enum class Mode { ReadWrite, ReadOnly };
    /// Opens or creates the file, migrating older schemas. Errors name the file.
    /// Opened writable, it marks 'interrupted' every run still 'running' whose writing
    /// process has provably ended (pid + start time + boot id; runs written on another
    /// host are left alone); interruptedOnOpen() lists them.
    static core::Result<std::unique_ptr<RunStore>> open(const QString& path,
                                                        Mode mode = Mode::ReadWrite);
    ~RunStore();
    RunStore(const RunStore&) = delete;
    RunStore& operator=(const RunStore&) = delete;

    const QString& path() const { return m_path; }
    /// How long a write waits for another connection's lock before failing (default 5 s).
    void setBusyTimeout(int milliseconds);
    int schemaVersion() const { return m_schemaVersion; }
    /// Runs this open marked 'interrupted' (empty for read-only opens): for a notice.
    const std::vector<qint64>& interruptedOnOpen() const { return m_interruptedOnOpen; }

    core::Result<qint64> beginRun(const RunInfo& info);
    /// Appends events with consecutive sequence numbers (0, 1, ... per run) in one
    /// transaction.
    core::Status appendEvents(qint64 runId, std::span<const core::Event> events);
    /// Stores the buckets' named() values and the `extra` rows in one transaction.
    core::Status appendMetrics(qint64 runId, std::span<const core::MetricPoint> points,
                               std::span<const MetricRow> extra = {});
    core::Status finishRun(qint64 runId, const QString& status, const QByteArray& summaryJson);

    core::Result<QList<RunRecord>> runs() const;
    core::Result<RunRecord> run(qint64 runId) const;
    core::Result<qint64> eventCount(qint64 runId) const;
    /// SHA-256 (hex) over the run's events in sequence order: the determinism fingerprint.
    core::Result<QString> eventsHash(qint64 runId) const;
    core::Result<std::vector<core::Event>> events(qint64 runId, qint64 offset, qint64 limit) const;
    core::Result<std::vector<MetricSample>> metricSeries(qint64 runId, const QString& name) const;
    /// Names of the metrics stored for a run.
    core::Result<QStringList> metricNames(qint64 runId) const;
    core::Status deleteRun(qint64 runId);
    /// Why `label` cannot be a run's label, in English (empty when it can): longer than
    /// kMaxLabelLength, a line break or other control character, or the prefix "sweep:"
    /// that only a sweep's jobs write (SweepPlan::label).
    static QString labelProblem(const QString& label);
    /// Why `note` cannot be a run's note (empty when it can): longer than kMaxNoteLength.
    static QString noteProblem(const QString& note);
    /// Replaces a run's label (empty clears it) in one statement. Refused, with nothing
    /// changed: a labelProblem(), no such run, a sweep job's run (its label is the sweep's
    /// key, read by `report --sweep` and the Trade-offs view), a read-only or locked store
    /// (after the busy timeout). Errors name the file and the run.
    core::Status setLabel(qint64 runId, const QString& label);
    /// Replaces a run's note (empty clears it); refused like setLabel() (noteProblem()).
    core::Status setNote(qint64 runId, const QString& note);
    /// "ok" when PRAGMA integrity_check passes, else its report.
    core::Result<QString> integrityCheck() const;

    /// The open connection, for the store's companions in simulation/ that own other
    /// tables of the same file (LogStore: imported logs). Same thread rules as the store.
    sqlite3* connection() const { return m_db; }

private:
    RunStore() = default;
    core::Status exec(const char* sql) const;
    /// Best effort after a failure: the error being reported is the one that matters.
    void rollback() const { (void)exec("ROLLBACK"); }
    core::Status migrate();
    core::Status markInterruptedRuns();
    /// One UPDATE of one run's text column (`sql` binds ?1 = run id, ?2 = text).
    core::Status setRunText(qint64 runId, const char* sql, const QString& text,
                            const QString& what);
    core::Error error(const QString& what) const;
    sqlite3_stmt* prepare(const char* sql) const;

    sqlite3* m_db = nullptr;
    QString m_path;
    int m_schemaVersion = 0;
    static constexpr int kEventColumns = 11;
    static constexpr int kEventRowsPerInsert = 64;
    sqlite3_stmt* m_insertEvent = nullptr;  // one row
    sqlite3_stmt* m_insertEvents = nullptr; // kEventRowsPerInsert rows
    sqlite3_stmt* m_insertMetric = nullptr;
    std::vector<std::pair<qint64, qint64>> m_nextSeq; // run id -> next event sequence
    std::vector<qint64> m_interruptedOnOpen;
};

} // namespace recoscope::sim
