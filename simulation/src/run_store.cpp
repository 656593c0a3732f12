#include "recoscope/sim/run_store.h"

#include "process_identity.h"
#include "run_store_schema.h"
#include "run_store_sql.h"

#include <QDateTime>
#include <QFileInfo>
#include <QUrl>

#include <sqlite3.h>

namespace recoscope::sim {

using namespace store;

namespace {

QString nowIso() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

// Whether this process may write the store: the file when it exists, and its folder, where
// SQLite creates the -wal and -shm files beside it (a writable file in a read-only folder
// cannot be written in WAL mode either).
bool mayWrite(const QString& path) {
    const QFileInfo file(path);
    return (!file.exists() || file.isWritable()) && QFileInfo(file.absolutePath()).isWritable();
}

} // namespace

core::Error RunStore::error(const QString& what) const {
    return core::Error{
        QStringLiteral("%1: %2: %3")
            .arg(m_path, what, QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : "cannot open"))
            .toStdString()};
}

core::Status RunStore::exec(const char* sql) const {
    char* msg = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
        const QString text = QString::fromUtf8(msg ? msg : "unknown error");
        sqlite3_free(msg);
        return core::Error{QStringLiteral("%1: %2").arg(m_path, text).toStdString()};
    }
    return core::Ok{};
}

sqlite3_stmt* RunStore::prepare(const char* sql) const {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr) != SQLITE_OK)
        return nullptr;
    return st;
}

core::Result<std::unique_ptr<RunStore>> RunStore::open(const QString& path, Mode mode) {
    std::unique_ptr<RunStore> store(new RunStore);
    store->m_path = path;
    if (mode == Mode::ReadOnly && !QFileInfo::exists(path))
        return core::Error{QStringLiteral("%1: no such run store").arg(path).toStdString()};
    // Said before SQLite tries: it would report "attempt to write a readonly database" on the
    // first read, which reads as if the file were damaged.
    const bool writable = mayWrite(path);
    if (mode == Mode::ReadWrite && !writable)
        return core::Error{QStringLiteral("%1: the run store is read-only (no permission to write "
                                          "the file or its folder); recording needs write "
                                          "access: choose another store or change the permissions")
                               .arg(path)
                               .toStdString()};
    // NOMUTEX: a RunStore is used by one thread at a time (its contract), so SQLite's
    // per-call connection mutex is pure cost (measured: ~8 % of a log replay).
    int flags = SQLITE_OPEN_NOMUTEX |
                (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY
                                        : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
    QByteArray name = path.toUtf8();
    if (mode == Mode::ReadOnly && !writable) {
        // A WAL store can only be read by a process that may create its -shm file. One this
        // process cannot write is read as immutable instead: SQLite then takes no locks and
        // trusts that nobody writes the file meanwhile (docs/reliability.md says so).
        flags |= SQLITE_OPEN_URI;
        name = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toEncoded() +
               QByteArrayLiteral("?immutable=1");
    }
    if (sqlite3_open_v2(name.constData(), &store->m_db, flags, nullptr) != SQLITE_OK)
        return store->error(QStringLiteral("cannot open the run store"));
    sqlite3_busy_timeout(store->m_db, 5000);
    sqlite3_extended_result_codes(store->m_db, 1);

    // Reading the schema version is the first real access: a file that is not SQLite
    // ("file is not a database") or is locked fails here, before anything is written.
    {
        Statement v{store->prepare("PRAGMA user_version")};
        if (!v.st || sqlite3_step(v.st) != SQLITE_ROW)
            return store->error(QStringLiteral("not a readable Recoscope run store"));
        store->m_schemaVersion = sqlite3_column_int(v.st, 0);
    }
    if (store->m_schemaVersion > kSchemaVersion)
        return core::Error{
            QStringLiteral("%1: schema version %2 is newer than this Recoscope understands (%3); "
                           "open it with a newer Recoscope")
                .arg(path)
                .arg(store->m_schemaVersion)
                .arg(kSchemaVersion)
                .toStdString()};
    if (store->m_schemaVersion == 0) {
        // Version 0 is either an empty new file or someone else's SQLite database.
        Statement t{store->prepare("SELECT count(*) FROM sqlite_master")};
        if (!t.st || sqlite3_step(t.st) != SQLITE_ROW)
            return store->error(QStringLiteral("not a readable Recoscope run store"));
        if (sqlite3_column_int(t.st, 0) != 0)
            return core::Error{
                QStringLiteral(
                    "%1: an SQLite database, but not a Recoscope run store (no schema version)")
                    .arg(path)
                    .toStdString()};
    }
    if (mode == Mode::ReadWrite) {
        if (core::Status st = store->exec(
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
            !st)
            return core::Error{st.error()};
        if (core::Status st = store->migrate(); !st)
            return core::Error{st.error()};
        store->m_insertEvent = store->prepare(
            "INSERT INTO events(id, run_id, seq, time, user, item, kind, surface, position, "
            "from_rec, price) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        std::string many = "INSERT INTO events(id, run_id, seq, time, user, item, kind, surface, "
                           "position, from_rec, price) VALUES";
        for (int r = 0; r < kEventRowsPerInsert; ++r)
            many += r ? ",(?,?,?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?,?,?)";
        store->m_insertEvents = store->prepare(many.c_str());
        store->m_insertMetric = store->prepare(
            "INSERT INTO metrics(run_id, bucket_time, name, value) VALUES(?1, ?2, ?3, ?4)");
        if (!store->m_insertEvent || !store->m_insertEvents || !store->m_insertMetric)
            return store->error(QStringLiteral("cannot prepare statements"));
        if (core::Status st = store->markInterruptedRuns(); !st)
            return core::Error{st.error()};
    } else if (store->m_schemaVersion < kSchemaVersion) {
        return core::Error{
            QStringLiteral("%1: schema version %2 needs migrating; open it writable once")
                .arg(path)
                .arg(store->m_schemaVersion)
                .toStdString()};
    }
    return store;
}

void RunStore::setBusyTimeout(int milliseconds) {
    sqlite3_busy_timeout(m_db, milliseconds);
}

RunStore::~RunStore() {
    sqlite3_finalize(m_insertEvent);
    sqlite3_finalize(m_insertEvents);
    sqlite3_finalize(m_insertMetric);
    if (m_db)
        sqlite3_close_v2(m_db);
}

core::Status RunStore::migrate() {
    // Each step runs in its own transaction: a failure leaves the file at the last
    // complete version, never half-migrated.
    if (m_schemaVersion == 0) {
        if (core::Status st = exec("BEGIN IMMEDIATE"); !st)
            return st;
        if (core::Status st = exec(schema::kV1); !st) {
            rollback();
            return st;
        }
        if (core::Status st = exec("COMMIT"); !st)
            return st;
        m_schemaVersion = 1;
    }
    const auto& steps = schema::kMigrations;
    static_assert(schema::kMigrationCount == kSchemaVersion - 1);
    while (m_schemaVersion < kSchemaVersion) {
        if (core::Status st = exec("BEGIN IMMEDIATE"); !st)
            return st;
        if (core::Status st = exec(steps[m_schemaVersion - 1]); !st) {
            rollback();
            return st;
        }
        if (core::Status st = exec("COMMIT"); !st)
            return st;
        ++m_schemaVersion;
    }
    return core::Ok{};
}

core::Status RunStore::markInterruptedRuns() {
    // A run left 'running' by a process that no longer exists (SIGKILL, power cut) would
    // otherwise show as running forever. Only runs whose owner is provably gone are
    // marked: a live writer in another process keeps its runs, and a writer on another
    // host (a store on a shared disk) cannot be checked, so its runs are left alone.
    std::vector<qint64> gone;
    {
        Statement q{prepare("SELECT id, owner FROM runs WHERE status = 'running'")};
        if (!q.st)
            return error(QStringLiteral("cannot read the runs"));
        int rc = 0;
        while ((rc = sqlite3_step(q.st)) == SQLITE_ROW)
            if (ProcessIdentity::parse(columnText(q.st, 1)).liveness() ==
                ProcessIdentity::Liveness::Gone)
                gone.push_back(sqlite3_column_int64(q.st, 0));
        if (rc != SQLITE_DONE)
            return error(QStringLiteral("cannot read the runs"));
    }
    if (gone.empty())
        return core::Ok{};
    if (core::Status st = exec("BEGIN IMMEDIATE"); !st)
        return st;
    Statement u{prepare("UPDATE runs SET status = 'interrupted', finished = ?2 "
                        "WHERE id = ?1 AND status = 'running'")};
    if (!u.st) {
        rollback();
        return error(QStringLiteral("cannot mark interrupted runs"));
    }
    const QByteArray now = nowIso().toUtf8();
    for (qint64 id : gone) {
        sqlite3_bind_int64(u.st, 1, id);
        bindText(u.st, 2, now);
        if (sqlite3_step(u.st) != SQLITE_DONE) {
            core::Error err = error(QStringLiteral("cannot mark interrupted runs"));
            rollback();
            return err;
        }
        if (sqlite3_changes(m_db) > 0)
            m_interruptedOnOpen.push_back(id);
        sqlite3_reset(u.st);
    }
    return exec("COMMIT");
}

core::Result<qint64> RunStore::beginRun(const RunInfo& info) {
    Statement s{prepare(
        "INSERT INTO runs(started, status, scenario_name, scenario_json, scenario_hash, seed, "
        "recommender, params_json, build_version, catalogue_hash, population_hash, experiment_id, "
        "label, owner) VALUES(?1, 'running', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")};
    if (!s.st)
        return error(QStringLiteral("cannot record the run"));
    bindText(s.st, 1, nowIso().toUtf8());
    bindText(s.st, 2, info.scenarioName.toUtf8());
    bindText(s.st, 3, info.scenarioJson);
    bindText(s.st, 4, info.scenarioHash.toUtf8());
    sqlite3_bind_int64(s.st, 5, static_cast<sqlite3_int64>(info.seed));
    bindText(s.st, 6, info.recommender.toUtf8());
    bindText(s.st, 7, info.paramsJson);
    bindText(s.st, 8, info.buildVersion.toUtf8());
    bindText(s.st, 9, info.catalogueHash.toUtf8());
    bindText(s.st, 10, info.populationHash.toUtf8());
    sqlite3_bind_int64(s.st, 11, info.experimentId);
    bindText(s.st, 12, info.label.toUtf8());
    bindText(s.st, 13, ProcessIdentity::current().toString().toUtf8());
    if (sqlite3_step(s.st) != SQLITE_DONE)
        return error(QStringLiteral("cannot record the run"));
    const qint64 id = sqlite3_last_insert_rowid(m_db);
    m_nextSeq.push_back({id, 0});
    return id;
}

core::Status RunStore::appendEvents(qint64 runId, std::span<const core::Event> events) {
    if (events.empty())
        return core::Ok{};
    auto seqIt = std::find_if(m_nextSeq.begin(), m_nextSeq.end(),
                              [runId](const auto& p) { return p.first == runId; });
    if (seqIt == m_nextSeq.end())
        return core::Error{QStringLiteral("%1: run %2 was not started by this store")
                               .arg(m_path)
                               .arg(runId)
                               .toStdString()};
    qint64 seq = seqIt->second;
    if (seq + static_cast<qint64>(events.size()) >= (qint64(1) << kSeqBits))
        return core::Error{
            QStringLiteral("%1: run %2 exceeds 2^40 events").arg(m_path).arg(runId).toStdString()};
    if (core::Status st = exec("BEGIN"); !st)
        return st;
    // 64 rows per multi-row INSERT, the rest one by one: per statement, SQLite opens a
    // cursor, seeks the b-tree for the explicit rowid and halts the VM, which was most of
    // the writer thread's time with one row per statement (docs/performance.md, "Log").
    const sqlite3_int64 base = firstId(runId);
    auto bindRow = [&](sqlite3_stmt* st, int col, const core::Event& e) {
        sqlite3_bind_int64(st, col + 1, base + seq);
        sqlite3_bind_int64(st, col + 2, runId);
        sqlite3_bind_int64(st, col + 3, seq);
        sqlite3_bind_double(st, col + 4, e.time);
        sqlite3_bind_int64(st, col + 5, e.user);
        if (e.item == core::kNoItem)
            sqlite3_bind_null(st, col + 6);
        else
            sqlite3_bind_int64(st, col + 6, e.item);
        sqlite3_bind_int(st, col + 7, static_cast<int>(e.kind));
        sqlite3_bind_int(st, col + 8, static_cast<int>(e.surface));
        sqlite3_bind_int(st, col + 9, e.position);
        sqlite3_bind_int(st, col + 10, e.fromRecommendation ? 1 : 0);
        sqlite3_bind_double(st, col + 11, static_cast<double>(e.price));
        ++seq;
    };
    std::size_t at = 0;
    while (at < events.size()) {
        const bool many = events.size() - at >= static_cast<std::size_t>(kEventRowsPerInsert);
        sqlite3_stmt* st = many ? m_insertEvents : m_insertEvent;
        const int rows = many ? kEventRowsPerInsert : 1;
        for (int r = 0; r < rows; ++r)
            bindRow(st, r * kEventColumns, events[at++]);
        const int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) {
            core::Error err = error(QStringLiteral("cannot write events"));
            rollback();
            return err;
        }
    }
    if (core::Status c = exec("COMMIT"); !c) {
        rollback();
        return c;
    }
    seqIt->second = seq;
    return core::Ok{};
}

core::Status RunStore::appendMetrics(qint64 runId, std::span<const core::MetricPoint> points,
                                     std::span<const MetricRow> extra) {
    if (points.empty() && extra.empty())
        return core::Ok{};
    if (core::Status st = exec("BEGIN"); !st)
        return st;
    auto insert = [&](double bucketEnd, const std::string& name, double value) {
        sqlite3_bind_int64(m_insertMetric, 1, runId);
        sqlite3_bind_double(m_insertMetric, 2, bucketEnd);
        sqlite3_bind_text(m_insertMetric, 3, name.c_str(), static_cast<int>(name.size()),
                          SQLITE_TRANSIENT);
        sqlite3_bind_double(m_insertMetric, 4, value);
        const int rc = sqlite3_step(m_insertMetric);
        sqlite3_reset(m_insertMetric);
        return rc == SQLITE_DONE;
    };
    auto fail = [&] {
        core::Error err = error(QStringLiteral("cannot write metrics"));
        rollback();
        return err;
    };
    for (const core::MetricPoint& p : points)
        for (const auto& [name, value] : p.stored())
            if (!insert(p.bucketEnd, name, value))
                return fail();
    for (const MetricRow& r : extra)
        if (!insert(r.bucketEnd, r.name, r.value))
            return fail();
    return exec("COMMIT");
}

core::Status RunStore::finishRun(qint64 runId, const QString& status,
                                 const QByteArray& summaryJson) {
    Statement s{
        prepare("UPDATE runs SET finished = ?1, status = ?2, summary_json = ?3 WHERE id = ?4")};
    if (!s.st)
        return error(QStringLiteral("cannot finish the run"));
    bindText(s.st, 1, nowIso().toUtf8());
    bindText(s.st, 2, status.toUtf8());
    bindText(s.st, 3, summaryJson);
    sqlite3_bind_int64(s.st, 4, runId);
    if (sqlite3_step(s.st) != SQLITE_DONE)
        return error(QStringLiteral("cannot finish the run"));
    return core::Ok{};
}

core::Status RunStore::deleteRun(qint64 runId) {
    if (core::Status st = exec("BEGIN IMMEDIATE"); !st)
        return st;
    // Every statement names ?1..?3 so that all three bind the same way.
    for (const char* sql : {"DELETE FROM events WHERE id >= ?2 AND id < ?3 AND ?1 IS NOT NULL",
                            "DELETE FROM slates WHERE id >= ?2 AND id < ?3 AND ?1 IS NOT NULL",
                            "DELETE FROM metrics WHERE run_id = ?1 AND ?2 < ?3",
                            "DELETE FROM runs WHERE id = ?1 AND ?2 < ?3"}) {
        Statement s{prepare(sql)};
        if (!s.st) {
            core::Error err = error(QStringLiteral("cannot delete run %1").arg(runId));
            rollback();
            return err;
        }
        sqlite3_bind_int64(s.st, 1, runId);
        sqlite3_bind_int64(s.st, 2, firstId(runId));
        sqlite3_bind_int64(s.st, 3, endId(runId));
        if (sqlite3_step(s.st) != SQLITE_DONE) {
            core::Error err = error(QStringLiteral("cannot delete run %1").arg(runId));
            rollback();
            return err;
        }
    }
    return exec("COMMIT");
}

core::Result<QString> RunStore::integrityCheck() const {
    Statement s{prepare("PRAGMA integrity_check")};
    if (!s.st)
        return error(QStringLiteral("cannot check integrity"));
    QStringList lines;
    while (sqlite3_step(s.st) == SQLITE_ROW)
        lines << columnText(s.st, 0);
    return lines.join(QLatin1Char('\n'));
}

} // namespace recoscope::sim