#include "recoscope/sim/log_store.h"

#include "logs/id_table.h"

#include "log_catalogue.h"

#include "recoscope/sim/log_reader.h"
#include "recoscope/sim/run_store.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace recoscope::sim {

namespace {

constexpr int kSeqBits = 40;

struct Statement {
    sqlite3_stmt* st = nullptr;
    ~Statement() { sqlite3_finalize(st); }
};

QString text(sqlite3_stmt* st, int col) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, col));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(st, col)) : QString();
}

// Dense ids in first-seen order; each new one is written at once in the same
// transaction, so the map is the only thing held in memory.
class IdMap {
public:
    IdMap(sqlite3* db, const char* table, qint64 logId) : m_logId(logId) {
        const QByteArray sql =
            QByteArray("INSERT INTO ") + table + "(log_id, id, external) VALUES(?1, ?2, ?3)";
        sqlite3_prepare_v2(db, sql.constData(), -1, &m_insert.st, nullptr);
    }
    bool ok() const { return m_insert.st != nullptr; }
    /// The dense id, or -1 when the insert failed.
    qint64 id(const QByteArray& external) {
        bool inserted = false;
        const std::uint32_t dense = m_ids.findOrInsert(
            std::string_view(external.constData(), static_cast<std::size_t>(external.size())),
            inserted);
        if (!inserted)
            return dense;
        sqlite3_bind_int64(m_insert.st, 1, m_logId);
        sqlite3_bind_int64(m_insert.st, 2, dense);
        // UTF-8 ids as TEXT (readable in sqlite3); anything else byte for byte as a BLOB.
        if (QString::fromUtf8(external).toUtf8() == external)
            sqlite3_bind_text(m_insert.st, 3, external.constData(),
                              static_cast<int>(external.size()), SQLITE_TRANSIENT);
        else
            sqlite3_bind_blob(m_insert.st, 3, external.constData(),
                              static_cast<int>(external.size()), SQLITE_TRANSIENT);
        const int rc = sqlite3_step(m_insert.st);
        sqlite3_reset(m_insert.st);
        return rc == SQLITE_DONE ? dense : -1;
    }
    qint64 size() const { return static_cast<qint64>(m_ids.size()); }

private:
    qint64 m_logId;
    Statement m_insert;
    logs::IdTable m_ids;
};

// Events are written 64 rows per multi-row INSERT: the per-statement work (reset, VDBE
// start and halt) was most of an import's SQLite time (docs/performance.md).
class EventWriter {
public:
    static constexpr int kRows = 64;

    explicit EventWriter(sqlite3* db) {
        QByteArray sql = "INSERT INTO log_events(id, log_id, time, user, item, kind, value) VALUES";
        for (int r = 0; r < kRows; ++r)
            sql += r ? ",(?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?)";
        sqlite3_prepare_v2(db, sql.constData(), -1, &m_many.st, nullptr);
        sqlite3_prepare_v2(db,
                           "INSERT INTO log_events(id, log_id, time, user, item, kind, value) "
                           "VALUES(?,?,?,?,?,?,?)",
                           -1, &m_one.st, nullptr);
    }
    bool ok() const { return m_many.st && m_one.st; }

    /// Queues a row; false when a write failed.
    bool add(qint64 id, qint64 logId, double time, qint64 user, qint64 item, int kind,
             double value) {
        m_rows[static_cast<std::size_t>(m_count++)] = {id, logId, time, user, item, kind, value};
        if (m_count < kRows)
            return true;
        m_count = 0;
        return write(m_many.st, m_rows.data(), kRows);
    }
    /// Writes the queued rows; false when a write failed.
    bool flush() {
        for (int r = 0; r < m_count; ++r)
            if (!write(m_one.st, &m_rows[static_cast<std::size_t>(r)], 1))
                return false;
        m_count = 0;
        return true;
    }

private:
    struct Row {
        qint64 id, logId;
        double time;
        qint64 user, item;
        int kind;
        double value;
    };
    static bool write(sqlite3_stmt* st, const Row* rows, int n) {
        for (int r = 0; r < n; ++r) {
            const Row& row = rows[r];
            const int b = 7 * r;
            sqlite3_bind_int64(st, b + 1, row.id);
            sqlite3_bind_int64(st, b + 2, row.logId);
            sqlite3_bind_double(st, b + 3, row.time);
            sqlite3_bind_int64(st, b + 4, row.user);
            sqlite3_bind_int64(st, b + 5, row.item);
            sqlite3_bind_int(st, b + 6, row.kind);
            sqlite3_bind_double(st, b + 7, row.value);
        }
        const int rc = sqlite3_step(st);
        sqlite3_reset(st);
        return rc == SQLITE_DONE;
    }

    Statement m_many, m_one;
    std::array<Row, kRows> m_rows{};
    int m_count = 0;
};

} // namespace

QJsonObject LogInfo::toJson() const {
    QJsonObject kinds;
    for (int k = 0; k < core::kEventKindCount; ++k)
        if (byKind[static_cast<std::size_t>(k)])
            kinds.insert(kindName(static_cast<core::EventKind>(k)),
                         byKind[static_cast<std::size_t>(k)]);
    return {{QStringLiteral("log"), name},
            {QStringLiteral("log_id"), id},
            {QStringLiteral("format"), format},
            {QStringLiteral("source"), source},
            {QStringLiteral("users"), users},
            {QStringLiteral("items"), items},
            {QStringLiteral("events"), events},
            {QStringLiteral("events_by_kind"), kinds},
            {QStringLiteral("first_time"), firstTime},
            {QStringLiteral("last_time"), lastTime},
            {QStringLiteral("span_days"), (lastTime - firstTime) / 86400.0},
            {QStringLiteral("skipped_lines"), skippedLines},
            {QStringLiteral("time_ordered"), timeOrdered}};
}

LogStore::LogStore(RunStore& store) : m_store(store) {}

core::Error LogStore::error(const QString& what) const {
    return core::Error{
        QStringLiteral("%1: %2: %3")
            .arg(m_store.path(), what, QString::fromUtf8(sqlite3_errmsg(m_store.connection())))
            .toStdString()};
}

core::Result<ImportResult> LogStore::import(LogReader& reader, const ImportOptions& options) {
    sqlite3* db = m_store.connection();
    if (options.name.isEmpty())
        return core::Error{"a log needs a name"};
    if (auto existing = log(options.name); existing)
        return core::Error{QStringLiteral("%1: a log named '%2' exists already (log %3); choose "
                                          "another --name")
                               .arg(m_store.path(), options.name)
                               .arg(existing.value().id)
                               .toStdString()};
    // One transaction: an import that fails half-way (a bad line, a full disk, Ctrl-C)
    // rolls back to the store as it was.
    // A cache big enough that the transaction's pages are not spilled to the WAL half-way
    // (64 MiB; SQLite allocates it only as pages are used).
    sqlite3_exec(db, "PRAGMA cache_size = -65536", nullptr, nullptr, nullptr);
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
        return error(QStringLiteral("cannot start the import"));
    auto fail = [&](core::Error e) -> core::Result<ImportResult> {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return e;
    };
    ImportResult result;
    LogInfo& info = result.info;
    info.name = options.name;
    info.format = options.format;
    info.source = options.source;
    info.imported = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    {
        Statement add;
        sqlite3_prepare_v2(db,
                           "INSERT INTO logs(name, format, source, imported, users, items, "
                           "events) VALUES(?1, ?2, ?3, ?4, 0, 0, 0)",
                           -1, &add.st, nullptr);
        const QByteArray n = info.name.toUtf8(), f = info.format.toUtf8(), s = info.source.toUtf8(),
                         t = info.imported.toUtf8();
        if (add.st) {
            sqlite3_bind_text(add.st, 1, n.constData(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(add.st, 2, f.constData(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(add.st, 3, s.constData(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(add.st, 4, t.constData(), -1, SQLITE_TRANSIENT);
        }
        if (!add.st || sqlite3_step(add.st) != SQLITE_DONE)
            return fail(error(QStringLiteral("cannot record the log")));
        info.id = sqlite3_last_insert_rowid(db);
    }
    IdMap users(db, "log_users", info.id), items(db, "log_items", info.id);
    EventWriter ins(db);
    if (!users.ok() || !items.ok() || !ins.ok())
        return fail(error(QStringLiteral("cannot prepare the import")));
    LogRecord r;
    qint64 seq = 0;
    info.timeOrdered = true;
    info.firstTime = std::numeric_limits<double>::infinity();
    info.lastTime = -std::numeric_limits<double>::infinity();
    for (;;) {
        core::Result<bool> more = reader.next(r);
        if (!more) {
            ++info.skippedLines;
            if (!options.skipBad)
                return fail(core::Error{more.error() +
                                        " (nothing was imported; --skip-bad skips such lines)"});
            if (result.skipped.size() < 20)
                result.skipped << QString::fromStdString(more.error());
            continue;
        }
        if (!more.value())
            break;
        const qint64 u = users.id(r.user), i = items.id(r.item);
        if (u < 0 || i < 0)
            return fail(error(QStringLiteral("cannot write the ids")));
        if (!ins.add((info.id << kSeqBits) | seq, info.id, r.time, u, i, static_cast<int>(r.kind),
                     r.value))
            return fail(error(QStringLiteral("cannot write events")));
        ++seq;
        ++info.byKind[static_cast<std::size_t>(r.kind)];
        info.timeOrdered = info.timeOrdered && r.time >= info.lastTime;
        info.firstTime = std::min(info.firstTime, r.time);
        info.lastTime = std::max(info.lastTime, r.time);
        if (options.progress && (seq & 0xFFFF) == 0)
            options.progress(reader.bytesRead(), reader.fileSize());
        if ((seq & 0xFFF) == 0 && options.cancel && options.cancel->load())
            return fail(core::Error{QStringLiteral("%1: import of '%2' cancelled; the store is as "
                                                   "it was")
                                        .arg(m_store.path(), options.name)
                                        .toStdString()});
    }
    if (!ins.flush())
        return fail(error(QStringLiteral("cannot write events")));
    if (seq == 0)
        info.firstTime = info.lastTime = 0.0;
    info.events = seq;
    info.users = users.size();
    info.items = items.size();
    {
        Statement upd;
        sqlite3_prepare_v2(db,
                           "UPDATE logs SET users = ?2, items = ?3, events = ?4, first_time = ?5, "
                           "last_time = ?6, skipped_lines = ?7, summary_json = ?8 WHERE id = ?1",
                           -1, &upd.st, nullptr);
        const QByteArray summary = QJsonDocument(info.toJson()).toJson(QJsonDocument::Compact);
        if (upd.st) {
            sqlite3_bind_int64(upd.st, 1, info.id);
            sqlite3_bind_int64(upd.st, 2, info.users);
            sqlite3_bind_int64(upd.st, 3, info.items);
            sqlite3_bind_int64(upd.st, 4, info.events);
            sqlite3_bind_double(upd.st, 5, info.firstTime);
            sqlite3_bind_double(upd.st, 6, info.lastTime);
            sqlite3_bind_int64(upd.st, 7, info.skippedLines);
            sqlite3_bind_text(upd.st, 8, summary.constData(), -1, SQLITE_TRANSIENT);
        }
        if (!upd.st || sqlite3_step(upd.st) != SQLITE_DONE)
            return fail(error(QStringLiteral("cannot record the log")));
    }
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        return fail(error(QStringLiteral("cannot commit the import")));
    if (options.progress)
        options.progress(reader.bytesRead(), reader.fileSize());
    return result;
}

core::Result<QList<LogInfo>> LogStore::logs() const {
    Statement q;
    sqlite3_prepare_v2(m_store.connection(),
                       "SELECT id, name, format, source, imported, users, items, events, "
                       "coalesce(first_time, 0), coalesce(last_time, 0), skipped_lines, "
                       "summary_json FROM logs ORDER BY id",
                       -1, &q.st, nullptr);
    if (!q.st)
        return error(QStringLiteral("cannot read the logs"));
    QList<LogInfo> out;
    int rc = 0;
    while ((rc = sqlite3_step(q.st)) == SQLITE_ROW) {
        LogInfo l;
        l.id = sqlite3_column_int64(q.st, 0);
        l.name = text(q.st, 1);
        l.format = text(q.st, 2);
        l.source = text(q.st, 3);
        l.imported = text(q.st, 4);
        l.users = sqlite3_column_int64(q.st, 5);
        l.items = sqlite3_column_int64(q.st, 6);
        l.events = sqlite3_column_int64(q.st, 7);
        l.firstTime = sqlite3_column_double(q.st, 8);
        l.lastTime = sqlite3_column_double(q.st, 9);
        l.skippedLines = sqlite3_column_int64(q.st, 10);
        const QJsonObject summary = QJsonDocument::fromJson(text(q.st, 11).toUtf8()).object();
        const QJsonObject kinds = summary.value(QStringLiteral("events_by_kind")).toObject();
        l.timeOrdered = summary.value(QStringLiteral("time_ordered")).toBool(false);
        for (int k = 0; k < core::kEventKindCount; ++k)
            l.byKind[static_cast<std::size_t>(k)] =
                kinds.value(kindName(static_cast<core::EventKind>(k))).toInteger();
        out.append(l);
    }
    if (rc != SQLITE_DONE)
        return error(QStringLiteral("cannot read the logs"));
    return out;
}

core::Result<LogInfo> LogStore::log(const QString& name) const {
    auto all = logs();
    if (!all)
        return core::Error{all.error()};
    QStringList names;
    for (const LogInfo& l : all.value()) {
        if (l.name == name)
            return l;
        names << l.name;
    }
    return core::Error{QStringLiteral("%1: no log named '%2'; imported logs: %3")
                           .arg(m_store.path(), name,
                                names.isEmpty() ? QStringLiteral("none (use import)")
                                                : names.join(QStringLiteral(", ")))
                           .toStdString()};
}

core::Status LogStore::forEachEvent(qint64 logId,
                                    const std::function<bool(const LogEvent&)>& visit) const {
    // Ordered by time, ties by file order (the id). A log imported in time order is
    // read in id order (a plain scan of the primary key); any other is sorted by SQLite
    // in bounded memory. Logs imported before the flag existed are sorted.
    bool ordered = false;
    {
        Statement flag;
        sqlite3_prepare_v2(m_store.connection(),
                           "SELECT coalesce(json_extract(summary_json, '$.time_ordered'), 0) "
                           "FROM logs WHERE id = ?1",
                           -1, &flag.st, nullptr);
        if (!flag.st)
            return error(QStringLiteral("cannot read the log"));
        sqlite3_bind_int64(flag.st, 1, logId);
        ordered = sqlite3_step(flag.st) == SQLITE_ROW && sqlite3_column_int(flag.st, 0) != 0;
    }
    Statement q;
    sqlite3_prepare_v2(m_store.connection(),
                       ordered ? "SELECT time, user, item, kind, value FROM log_events WHERE "
                                 "id >= ?1 AND id < ?2 ORDER BY id"
                               : "SELECT time, user, item, kind, value FROM log_events WHERE "
                                 "id >= ?1 AND id < ?2 ORDER BY time, id",
                       -1, &q.st, nullptr);
    if (!q.st)
        return error(QStringLiteral("cannot read the log"));
    sqlite3_bind_int64(q.st, 1, logId << kSeqBits);
    sqlite3_bind_int64(q.st, 2, (logId + 1) << kSeqBits);
    int rc = 0;
    LogEvent e;
    while ((rc = sqlite3_step(q.st)) == SQLITE_ROW) {
        e.time = sqlite3_column_double(q.st, 0);
        e.user = static_cast<core::UserId>(sqlite3_column_int64(q.st, 1));
        e.item = static_cast<core::ItemId>(sqlite3_column_int64(q.st, 2));
        e.kind = static_cast<core::EventKind>(sqlite3_column_int(q.st, 3));
        e.value = sqlite3_column_double(q.st, 4);
        if (!visit(e))
            return core::Ok{};
    }
    if (rc != SQLITE_DONE)
        return error(QStringLiteral("cannot read the log"));
    return core::Ok{};
}

core::Result<std::vector<QByteArray>> LogStore::externals(const char* table, qint64 logId) const {
    Statement q;
    const QByteArray sql =
        QByteArray("SELECT id, external FROM ") + table + " WHERE log_id = ?1 ORDER BY id";
    sqlite3_prepare_v2(m_store.connection(), sql.constData(), -1, &q.st, nullptr);
    if (!q.st)
        return error(QStringLiteral("cannot read the log's ids"));
    sqlite3_bind_int64(q.st, 1, logId);
    std::vector<QByteArray> out;
    int rc = 0;
    while ((rc = sqlite3_step(q.st)) == SQLITE_ROW) {
        const auto* p = static_cast<const char*>(sqlite3_column_blob(q.st, 1));
        out.emplace_back(p, sqlite3_column_bytes(q.st, 1));
    }
    if (rc != SQLITE_DONE)
        return error(QStringLiteral("cannot read the log's ids"));
    return out;
}

core::Result<std::vector<QByteArray>> LogStore::externalItems(qint64 logId) const {
    return externals("log_items", logId);
}

core::Result<std::vector<QByteArray>> LogStore::externalUsers(qint64 logId) const {
    return externals("log_users", logId);
}

} // namespace recoscope::sim
