#include "recoscope/sim/store_merger.h"

#include "recoscope/sim/run_store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include <sqlite3.h>

namespace recoscope::sim {

namespace {

constexpr int kSeqBits = 40;
constexpr sqlite3_int64 kSeqMask = (sqlite3_int64(1) << kSeqBits) - 1;

struct Statement {
    sqlite3_stmt* st = nullptr;
    Statement(sqlite3* db, const QString& sql) {
        sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &st, nullptr);
    }
    ~Statement() { sqlite3_finalize(st); }
};

core::Error sqlError(const QString& file, sqlite3* db, const QString& what) {
    return core::Error{QStringLiteral("%1: %2: %3")
                           .arg(file, what, QString::fromUtf8(sqlite3_errmsg(db)))
                           .toStdString()};
}

struct Input {
    QString path;
    std::unique_ptr<RunStore> store;
    QList<RunRecord> runs;
    std::vector<std::pair<qint64, QString>> logs; // id, name
};

// A value for a remapped column given its stored value; nullopt writes NULL (a new rowid).
using Remap = std::function<std::optional<sqlite3_int64>(sqlite3_int64)>;

// Copies the rows of `table` selected by `where` (binding ?1, ?2 to a, b; it may end in
// ORDER BY: rows are written in that order) from one file to
// another, column by column as stored (sqlite3_bind_value: no conversion, no loss), with
// the columns in `remap` rewritten. Columns come from the source's own table, so a column
// added by a later schema version is copied too.
core::Result<qint64> copyRows(const Input& in, sqlite3* dst, const QString& dstPath,
                              const QString& table, const QString& where, sqlite3_int64 a,
                              sqlite3_int64 b, const std::map<QString, Remap>& remap) {
    sqlite3* src = in.store->connection();
    QStringList columns;
    {
        Statement info(src, QStringLiteral("PRAGMA table_info(%1)").arg(table));
        while (info.st && sqlite3_step(info.st) == SQLITE_ROW)
            columns << QString::fromUtf8(
                reinterpret_cast<const char*>(sqlite3_column_text(info.st, 1)));
    }
    if (columns.isEmpty())
        return sqlError(in.path, src, QStringLiteral("cannot read table %1").arg(table));
    QStringList marks;
    for (int i = 1; i <= columns.size(); ++i)
        marks << QStringLiteral("?%1").arg(i);
    Statement sel(src, QStringLiteral("SELECT %1 FROM %2 WHERE %3")
                           .arg(columns.join(QStringLiteral(", ")), table, where));
    Statement ins(
        dst, QStringLiteral("INSERT INTO %1(%2) VALUES(%3)")
                 .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))));
    if (!sel.st)
        return sqlError(in.path, src, QStringLiteral("cannot read table %1").arg(table));
    if (!ins.st)
        return sqlError(dstPath, dst, QStringLiteral("cannot write table %1").arg(table));
    std::vector<const Remap*> rewrite;
    for (const QString& c : columns)
        rewrite.push_back(remap.count(c) ? &remap.at(c) : nullptr);
    sqlite3_bind_int64(sel.st, 1, a);
    sqlite3_bind_int64(sel.st, 2, b);
    qint64 rows = 0;
    int rc;
    while ((rc = sqlite3_step(sel.st)) == SQLITE_ROW) {
        for (int c = 0; c < columns.size(); ++c) {
            if (!rewrite[c]) {
                sqlite3_bind_value(ins.st, c + 1, sqlite3_column_value(sel.st, c));
            } else if (auto v = (*rewrite[c])(sqlite3_column_int64(sel.st, c))) {
                sqlite3_bind_int64(ins.st, c + 1, *v);
            } else {
                sqlite3_bind_null(ins.st, c + 1);
            }
        }
        if (sqlite3_step(ins.st) != SQLITE_DONE)
            return sqlError(dstPath, dst, QStringLiteral("cannot write table %1").arg(table));
        sqlite3_reset(ins.st);
        ++rows;
    }
    if (rc != SQLITE_DONE)
        return sqlError(in.path, src, QStringLiteral("cannot read table %1").arg(table));
    return rows;
}

QString runKey(const RunRecord& r) {
    return QStringLiteral("%1|%2|%3|%4")
        .arg(r.scenarioHash)
        .arg(r.seed)
        .arg(r.recommender, QString::fromUtf8(r.paramsJson));
}

// The run's identity: what it was asked to do and, from the event log, what it did.
core::Result<QString> fingerprint(const RunStore& store, const RunRecord& r) {
    core::Result<qint64> count = store.eventCount(r.id);
    if (!count)
        return core::Error{count.error()};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(runKey(r).toUtf8());
    if (count.value() > 0) {
        core::Result<QString> events = store.eventsHash(r.id);
        if (!events)
            return core::Error{events.error()};
        h.addData(events.value().toUtf8());
    } else {
        // A replay stores metrics only: they are its deterministic output.
        Statement m(store.connection(), QStringLiteral("SELECT bucket_time, name, value FROM "
                                                       "metrics WHERE run_id = ?1 ORDER BY name, "
                                                       "bucket_time, value"));
        if (!m.st)
            return sqlError(store.path(), store.connection(),
                            QStringLiteral("cannot read metrics"));
        sqlite3_bind_int64(m.st, 1, r.id);
        while (sqlite3_step(m.st) == SQLITE_ROW) {
            const double t = sqlite3_column_double(m.st, 0);
            const double v = sqlite3_column_double(m.st, 2);
            h.addData(QByteArrayView(reinterpret_cast<const char*>(&t), sizeof t));
            h.addData(QByteArrayView(reinterpret_cast<const char*>(sqlite3_column_text(m.st, 1))));
            h.addData(QByteArrayView(reinterpret_cast<const char*>(&v), sizeof v));
        }
    }
    return QString::fromLatin1(h.result().toHex());
}

core::Result<Input> openInput(const QString& path) {
    Input in;
    in.path = path;
    if (!QFileInfo(path).isFile())
        return core::Error{QStringLiteral("%1: no such run store").arg(path).toStdString()};
    auto store = RunStore::open(path, RunStore::Mode::ReadOnly);
    if (!store)
        return core::Error{store.error()};
    in.store = std::move(store).value();
    sqlite3* db = in.store->connection();
    {
        Statement check(db, QStringLiteral("PRAGMA quick_check"));
        if (!check.st || sqlite3_step(check.st) != SQLITE_ROW)
            return sqlError(path, db, QStringLiteral("corrupt run store"));
        const QString verdict =
            QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(check.st, 0)));
        if (verdict != QLatin1String("ok"))
            return core::Error{
                QStringLiteral("%1: corrupt run store: %2").arg(path, verdict).toStdString()};
    }
    auto runs = in.store->runs();
    if (!runs)
        return core::Error{runs.error()};
    in.runs = runs.value();
    for (const RunRecord& r : in.runs)
        if (r.status == QLatin1String("running"))
            return core::Error{QStringLiteral("%1: run %2 is still running (or its process died: "
                                              "a writable open marks it interrupted); not merged")
                                   .arg(path)
                                   .arg(r.id)
                                   .toStdString()};
    Statement logs(db, QStringLiteral("SELECT id, name FROM logs ORDER BY id"));
    if (!logs.st)
        return sqlError(path, db, QStringLiteral("cannot read the logs"));
    while (sqlite3_step(logs.st) == SQLITE_ROW)
        in.logs.emplace_back(
            sqlite3_column_int64(logs.st, 0),
            QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(logs.st, 1))));
    return in;
}

} // namespace

core::Result<StoreMerger::Summary> StoreMerger::merge(const QStringList& inputs,
                                                      const QString& output) {
    if (inputs.isEmpty())
        return core::Error{"nothing to merge: no input stores"};
    // 1. Every input readable, sound and finished, before the output is touched.
    const QString outCanonical = QFileInfo(output).canonicalFilePath();
    std::vector<Input> in;
    std::set<QString> seen;
    for (const QString& path : inputs) {
        const QString canonical = QFileInfo(path).canonicalFilePath();
        if (!outCanonical.isEmpty() && canonical == outCanonical)
            return core::Error{
                QStringLiteral("%1 is both an input and the output").arg(path).toStdString()};
        if (!canonical.isEmpty() && !seen.insert(canonical).second)
            return core::Error{QStringLiteral("%1 is given twice: its runs would be merged twice")
                                   .arg(path)
                                   .toStdString()};
        core::Result<Input> opened = openInput(path);
        if (!opened)
            return core::Error{opened.error()};
        in.push_back(std::move(opened).value());
    }

    Summary summary;
    summary.files = static_cast<int>(in.size());
    summary.created = !QFileInfo::exists(output);
    auto removeCreated = [&] {
        if (summary.created)
            for (const QString& suffix :
                 {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(output + suffix);
    };
    Input out;
    out.path = output;
    {
        auto opened = RunStore::open(output);
        if (!opened) {
            removeCreated();
            return core::Error{opened.error()};
        }
        out.store = std::move(opened).value();
        auto runs = out.store->runs();
        if (!runs) {
            removeCreated();
            return core::Error{runs.error()};
        }
        out.runs = runs.value();
    }
    auto failed = [&](core::Error e) -> core::Result<Summary> {
        out.store.reset();
        removeCreated();
        return e;
    };

    // 2. The same run twice, or a log name twice, anywhere: refused, nothing written.
    // Fingerprints cost a pass over the events, so only runs whose key matches are hashed.
    struct Known {
        const Input* file;
        const RunRecord* run;
    };
    std::map<QString, std::vector<Known>> byKey;
    std::map<std::pair<const Input*, qint64>, QString> prints;
    auto printOf = [&](const Known& k) -> core::Result<QString> {
        auto key = std::make_pair(k.file, k.run->id);
        if (auto it = prints.find(key); it != prints.end())
            return it->second;
        core::Result<QString> f = fingerprint(*k.file->store, *k.run);
        if (f)
            prints[key] = f.value();
        return f;
    };
    std::map<QString, const Input*> logNames;
    {
        Statement logs(out.store->connection(), QStringLiteral("SELECT name FROM logs"));
        while (logs.st && sqlite3_step(logs.st) == SQLITE_ROW)
            logNames[QString::fromUtf8(
                reinterpret_cast<const char*>(sqlite3_column_text(logs.st, 0)))] = &out;
    }
    for (const RunRecord& r : out.runs)
        byKey[runKey(r)].push_back({&out, &r});
    for (const Input& file : in) {
        for (const RunRecord& r : file.runs) {
            const Known candidate{&file, &r};
            for (const Known& other : byKey[runKey(r)]) {
                core::Result<QString> a = printOf(candidate);
                core::Result<QString> b = printOf(other);
                if (!a || !b)
                    return failed(core::Error{!a ? a.error() : b.error()});
                if (a.value() == b.value())
                    return failed(core::Error{
                        QStringLiteral("the same run twice: run %1 of %2 and run %3 of %4 (%5 "
                                       "seed %6, %7 %8, identical events); nothing merged")
                            .arg(r.id)
                            .arg(file.path)
                            .arg(other.run->id)
                            .arg(other.file->path, r.scenarioName)
                            .arg(r.seed)
                            .arg(r.recommender, QString::fromUtf8(r.paramsJson))
                            .toStdString()});
            }
            byKey[runKey(r)].push_back(candidate);
        }
        for (const auto& [id, name] : file.logs) {
            if (auto it = logNames.find(name); it != logNames.end())
                return failed(core::Error{QStringLiteral("log '%1' is in both %2 and %3; "
                                                         "nothing merged")
                                              .arg(name, it->second->path, file.path)
                                              .toStdString()});
            logNames[name] = &file;
        }
    }

    // 3. One transaction: all of it or nothing.
    sqlite3* dst = out.store->connection();
    auto exec = [&](const char* sql) { return sqlite3_exec(dst, sql, nullptr, nullptr, nullptr); };
    if (exec("BEGIN IMMEDIATE") != SQLITE_OK)
        return failed(sqlError(output, dst, QStringLiteral("cannot start writing")));
    std::set<sqlite3_int64> experiments;
    {
        Statement e(dst, QStringLiteral("SELECT DISTINCT experiment_id FROM runs"));
        while (e.st && sqlite3_step(e.st) == SQLITE_ROW)
            experiments.insert(sqlite3_column_int64(e.st, 0));
    }
    auto copyAll = [&]() -> core::Status {
        for (const Input& file : in) {
            // An arena's runs share an experiment id (a start time in ms); keep it unless
            // another file's arena already has it.
            std::map<sqlite3_int64, sqlite3_int64> expMap;
            for (const RunRecord& r : file.runs) {
                if (r.experimentId != 0 && !expMap.count(r.experimentId)) {
                    sqlite3_int64 id = r.experimentId;
                    if (experiments.count(id))
                        id = *experiments.rbegin() + 1;
                    experiments.insert(id);
                    expMap[r.experimentId] = id;
                }
            }
            for (const RunRecord& r : file.runs) {
                const std::map<QString, Remap> runRemap{
                    {QStringLiteral("id"), [](sqlite3_int64) { return std::nullopt; }},
                    {QStringLiteral("experiment_id"), [&](sqlite3_int64 e) {
                         return std::optional<sqlite3_int64>(e ? expMap.at(e) : 0);
                     }}};
                auto rows = copyRows(file, dst, output, QStringLiteral("runs"),
                                     QStringLiteral("id = ?1 AND ?2 = ?2"), r.id, 0, runRemap);
                if (!rows)
                    return core::Error{rows.error()};
                const sqlite3_int64 to = sqlite3_last_insert_rowid(dst);
                const std::map<QString, Remap> eventRemap{
                    {QStringLiteral("id"),
                     [to](sqlite3_int64 id) { return (to << kSeqBits) | (id & kSeqMask); }},
                    {QStringLiteral("run_id"), [to](sqlite3_int64) { return to; }}};
                auto events = copyRows(file, dst, output, QStringLiteral("events"),
                                       QStringLiteral("id >= ?1 AND id < ?2 ORDER BY id"),
                                       r.id << kSeqBits, (r.id + 1) << kSeqBits, eventRemap);
                if (!events)
                    return core::Error{events.error()};
                auto metrics =
                    copyRows(file, dst, output, QStringLiteral("metrics"),
                             QStringLiteral("run_id = ?1 AND ?2 = ?2 ORDER BY rowid"), r.id, 0,
                             {{QStringLiteral("run_id"), [to](sqlite3_int64) { return to; }}});
                if (!metrics)
                    return core::Error{metrics.error()};
                // The served slates (ope, shopper groups, item exposure) and the coupon
                // ledger (the report's coupons block) belong to the run as its events do.
                // (Inputs have the output's schema version, so both tables exist.)
                auto slates = copyRows(file, dst, output, QStringLiteral("slates"),
                                       QStringLiteral("id >= ?1 AND id < ?2 ORDER BY id"),
                                       r.id << kSeqBits, (r.id + 1) << kSeqBits, eventRemap);
                if (!slates)
                    return core::Error{slates.error()};
                auto coupons =
                    copyRows(file, dst, output, QStringLiteral("coupon_lines"),
                             QStringLiteral("run_id = ?1 AND ?2 = ?2 ORDER BY seq"), r.id, 0,
                             {{QStringLiteral("run_id"), [to](sqlite3_int64) { return to; }}});
                if (!coupons)
                    return core::Error{coupons.error()};
                summary.runs += 1;
                summary.slates += slates.value();
                summary.couponLines += coupons.value();
                summary.events += events.value();
                summary.metricRows += metrics.value();
                summary.copied.append({file.path, r.id, to});
            }
            for (const auto& [id, name] : file.logs) {
                auto rows =
                    copyRows(file, dst, output, QStringLiteral("logs"),
                             QStringLiteral("id = ?1 AND ?2 = ?2"), id, 0,
                             {{QStringLiteral("id"), [](sqlite3_int64) { return std::nullopt; }}});
                if (!rows)
                    return core::Error{rows.error()};
                const sqlite3_int64 to = sqlite3_last_insert_rowid(dst);
                const Remap logId = [to](sqlite3_int64) { return to; };
                for (const char* table : {"log_users", "log_items"})
                    if (auto r = copyRows(file, dst, output, QString::fromLatin1(table),
                                          QStringLiteral("log_id = ?1 AND ?2 = ?2"), id, 0,
                                          {{QStringLiteral("log_id"), logId}});
                        !r)
                        return core::Error{r.error()};
                auto events = copyRows(file, dst, output, QStringLiteral("log_events"),
                                       QStringLiteral("id >= ?1 AND id < ?2 ORDER BY id"),
                                       id << kSeqBits, (id + 1) << kSeqBits,
                                       {{QStringLiteral("log_id"), logId},
                                        {QStringLiteral("id"), [to](sqlite3_int64 e) {
                                             return (to << kSeqBits) | (e & kSeqMask);
                                         }}});
                if (!events)
                    return core::Error{events.error()};
                summary.logs += 1;
            }
        }
        return core::Ok{};
    };
    if (core::Status st = copyAll(); !st) {
        exec("ROLLBACK");
        return failed(core::Error{st.error()});
    }
    if (exec("COMMIT") != SQLITE_OK) {
        core::Error e = sqlError(output, dst, QStringLiteral("cannot commit the merge"));
        exec("ROLLBACK");
        return failed(e);
    }
    return summary;
}

} // namespace recoscope::sim
