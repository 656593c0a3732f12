#pragma once
// Imported interaction logs in the run store (tables logs, log_users, log_items,
// log_events: docs/database.md). Import streams a LogReader in one pass inside one
// transaction: it completes, or the store is left exactly as it was. External ids are
// mapped to dense ids in first-seen order (memory grows with distinct users and items,
// not with lines). Reading back gives events in time order (ties in file order).
// Same thread rules as RunStore, whose connection it uses.

#include "recoscope/core/event.h"
#include "recoscope/core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <atomic>
#include <functional>
#include <vector>

namespace recoscope::sim {

class LogReader;
class RunStore;

struct LogEvent {
    double time = 0.0; ///< seconds since the Unix epoch, as imported
    core::UserId user = 0;
    core::ItemId item = 0;
    core::EventKind kind = core::EventKind::View;
    double value = 0.0;
};

struct LogInfo {
    qint64 id = 0;
    QString name, format, source, imported;
    qint64 users = 0, items = 0, events = 0, skippedLines = 0;
    double firstTime = 0.0, lastTime = 0.0;
    std::array<qint64, core::kEventKindCount> byKind{};
    /// The file was already in time order (no time went backwards): reading it back in
    /// time order is then a plain scan, no sort.
    bool timeOrdered = false;
    QJsonObject toJson() const;
};

struct ImportOptions {
    QString name;   ///< unique within the store
    QString format; ///< recorded as given ("movielens", ...)
    QString source; ///< the file, recorded as given
    bool skipBad = false;
    /// Called every ~64k lines with (bytes read, file size).
    std::function<void(qint64, qint64)> progress;
    /// Polled every 4,096 lines: when set, the import stops and is rolled back (the
    /// error says "cancelled").
    const std::atomic<bool>* cancel = nullptr;
};

struct ImportResult {
    LogInfo info;
    QStringList skipped; ///< the first 20 messages of skipped lines (all are counted)
};

class LogStore {
public:
    explicit LogStore(RunStore& store);

    /// Imports every record of `reader`. Without skipBad the first bad line fails the
    /// import with its message (file:line: field ...) and nothing is written.
    core::Result<ImportResult> import(LogReader& reader, const ImportOptions& options);

    core::Result<QList<LogInfo>> logs() const;
    core::Result<LogInfo> log(const QString& name) const;
    /// Calls `visit` for every event of the log in time order (ties in file order);
    /// stops early when it returns false.
    core::Status forEachEvent(qint64 logId,
                              const std::function<bool(const LogEvent&)>& visit) const;
    /// External ids by dense id (index = dense id).
    core::Result<std::vector<QByteArray>> externalItems(qint64 logId) const;
    core::Result<std::vector<QByteArray>> externalUsers(qint64 logId) const;

private:
    core::Error error(const QString& what) const;
    core::Result<std::vector<QByteArray>> externals(const char* table, qint64 logId) const;

    RunStore& m_store;
};

} // namespace recoscope::sim
