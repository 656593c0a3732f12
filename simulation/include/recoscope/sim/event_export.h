#pragma once
// Exports the events of a stored run or an imported log as CSV or JSONL, optionally
// anonymised (docs/export-format.md, `recoscope-cli export`).
//
// Ids: a log's events carry the external ids of its import (ids that are not valid UTF-8
// are percent-encoded); a simulated run has no external ids, so a user or item is
// exported as its dense id (the `user` / `item` of the events table). A run's users also
// carry their demographics, regenerated from the run's stored scenario and seed and
// checked against the stored population hash, as `report` does.
//
// Anonymised: ids become keyed pseudonyms (IdPseudonymiser), times are floored to the
// granularity, and demographics are generalised to k-anonymity (KAnonymiser) over the
// users that appear in the export.
//
// Streaming: memory grows with the numbers of users and items, not of events (a run is
// read twice: once to find its users, once to write). Events come out in time order
// (ties in sequence / file order). Not thread-safe; use on the store's thread.

#include "recoscope/core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <array>
#include <memory>
#include <vector>

class QIODevice;

namespace recoscope::sim {

class RunStore;

enum class ExportFormat { Csv, Jsonl };
/// Exact keeps the stored times; the others floor them (Day: to midnight UTC for a log's
/// Unix times, to the start of the simulated day for a run).
enum class TimeGranularity { Exact, Second, Minute, Hour, Day };

/// "csv" | "jsonl"; the error lists both.
core::Result<ExportFormat> parseExportFormat(const QString& text);
/// "second" | "minute" | "hour" | "day"; the error lists them.
core::Result<TimeGranularity> parseTimeGranularity(const QString& text);
QString timeGranularityName(TimeGranularity g);
/// `time` (seconds) floored to a multiple of the granularity.
double floorTime(double time, TimeGranularity g);

struct ExportOptions {
    ExportFormat format = ExportFormat::Csv;
    bool anonymise = false;
    /// With anonymise: the HMAC key (never stored; the CLI draws or reads it). Required.
    QByteArray salt;
    TimeGranularity granularity = TimeGranularity::Exact;
    /// With anonymise: the k of k-anonymity, >= 2.
    int k = 5;
};

/// What an export wrote and what anonymisation removed (the CLI's report).
struct ExportReport {
    QString source; ///< "run 3" or "log 'ml'"
    ExportFormat format = ExportFormat::Csv;
    bool anonymised = false;
    TimeGranularity granularity = TimeGranularity::Exact;
    int k = 0;                               ///< 0 when not anonymised
    bool hasDemographics = false;            ///< false for logs: only ids and times are transformed
    qint64 events = 0, users = 0, items = 0; ///< users / items that appear in the export
    /// Users whose field was blanked, by KAnonymiser::Field (age band, gender, occupation,
    /// region).
    std::array<qint64, 4> suppressedUsers{};
    qint64 usersWithoutRegion = 0;    ///< users who lost the region only
    qint64 usersWithoutAny = 0;       ///< users who lost all four fields
    qint64 eventsWithSuppression = 0; ///< events whose row has at least one blanked field
    QJsonObject toJson() const;
};

class EventExporter {
public:
    /// Prepares the export of run `runId`: reads the run, regenerates its users'
    /// demographics, finds the users that appear, hashes the ids and applies k-anonymity.
    /// Errors (a store problem, a missing run, a replay run) name the run and the file.
    /// `store` must outlive the exporter; it is only read.
    static core::Result<std::unique_ptr<EventExporter>> forRun(RunStore& store, qint64 runId,
                                                               const ExportOptions& options);
    /// The same for the imported log `name` (no demographics).
    static core::Result<std::unique_ptr<EventExporter>> forLog(RunStore& store, const QString& name,
                                                               const ExportOptions& options);
    ~EventExporter();

    /// Why write() failed.
    enum class Failure {
        None,
        Store,     ///< reading the store failed
        Output,    ///< the device refused bytes
        Collision, ///< two ids got the same pseudonym (or written form): nothing written
    };
    /// Writes every event to `out` (open for writing). Ids are converted (and checked for
    /// collisions) before the first byte is written.
    core::Status write(QIODevice& out);
    Failure failure() const { return m_failure; }

    /// Complete after write(); before it, everything but `events`.
    const ExportReport& report() const { return m_report; }

private:
    struct Source;
    EventExporter(RunStore& store, const ExportOptions& options);
    /// Turns the raw ids into their written form (pseudonyms when anonymising).
    core::Status convertIds();

    RunStore& m_store;
    ExportOptions m_options;
    std::unique_ptr<Source> m_source;
    /// By dense id: raw external ids, then (after convertIds) as written; empty = absent.
    std::vector<QByteArray> m_userIds, m_itemIds;
    ExportReport m_report;
    Failure m_failure = Failure::None;
    bool m_idsConverted = false;
};

} // namespace recoscope::sim
