// RunStore's reading side: runs, their events, hashes and metric series. Kept apart from
// run_store.cpp, which opens, migrates and writes the store.

#include "recoscope/sim/run_store.h"

#include "run_store_sql.h"

#include <QCryptographicHash>

#include <sqlite3.h>

namespace recoscope::sim {

using namespace store;

namespace {
const char* const kRunColumns = "SELECT id, started, coalesce(finished, ''), status, "
                                "scenario_name, scenario_json, scenario_hash, seed, "
                                "recommender, params_json, build_version, catalogue_hash, "
                                "population_hash, experiment_id, label, summary_json, note "
                                "FROM runs";

RunRecord readRun(sqlite3_stmt* st) {
    RunRecord r;
    r.id = sqlite3_column_int64(st, 0);
    r.started = columnText(st, 1);
    r.finished = columnText(st, 2);
    r.status = columnText(st, 3);
    r.scenarioName = columnText(st, 4);
    r.scenarioJson = columnBytes(st, 5);
    r.scenarioHash = columnText(st, 6);
    r.seed = static_cast<quint64>(sqlite3_column_int64(st, 7));
    r.recommender = columnText(st, 8);
    r.paramsJson = columnBytes(st, 9);
    r.buildVersion = columnText(st, 10);
    r.catalogueHash = columnText(st, 11);
    r.populationHash = columnText(st, 12);
    r.experimentId = sqlite3_column_int64(st, 13);
    r.label = columnText(st, 14);
    r.summaryJson = columnBytes(st, 15);
    r.note = columnText(st, 16);
    return r;
}
} // namespace

core::Result<QList<RunRecord>> RunStore::runs() const {
    Statement s{prepare((std::string(kRunColumns) + " ORDER BY id").c_str())};
    if (!s.st)
        return error(QStringLiteral("cannot list runs"));
    QList<RunRecord> out;
    int rc;
    while ((rc = sqlite3_step(s.st)) == SQLITE_ROW)
        out.append(readRun(s.st));
    if (rc != SQLITE_DONE)
        return error(QStringLiteral("cannot list runs"));
    return out;
}

core::Result<RunRecord> RunStore::run(qint64 runId) const {
    Statement s{prepare((std::string(kRunColumns) + " WHERE id = ?1").c_str())};
    if (!s.st)
        return error(QStringLiteral("cannot read run %1").arg(runId));
    sqlite3_bind_int64(s.st, 1, runId);
    const int rc = sqlite3_step(s.st);
    if (rc == SQLITE_ROW)
        return readRun(s.st);
    if (rc == SQLITE_DONE)
        return core::Error{QStringLiteral("%1: no run %2").arg(m_path).arg(runId).toStdString()};
    return error(QStringLiteral("cannot read run %1").arg(runId));
}

core::Result<qint64> RunStore::eventCount(qint64 runId) const {
    Statement s{prepare("SELECT count(*) FROM events WHERE id >= ?1 AND id < ?2")};
    if (!s.st)
        return error(QStringLiteral("cannot count events"));
    sqlite3_bind_int64(s.st, 1, firstId(runId));
    sqlite3_bind_int64(s.st, 2, endId(runId));
    if (sqlite3_step(s.st) != SQLITE_ROW)
        return error(QStringLiteral("cannot count events"));
    return static_cast<qint64>(sqlite3_column_int64(s.st, 0));
}

core::Result<std::vector<core::Event>> RunStore::events(qint64 runId, qint64 offset,
                                                        qint64 limit) const {
    Statement s{
        prepare("SELECT time, user, item, kind, surface, position, from_rec, price FROM events "
                "WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT ?3")};
    if (!s.st)
        return error(QStringLiteral("cannot read events"));
    sqlite3_bind_int64(s.st, 1, firstId(runId) + std::max<qint64>(offset, 0));
    sqlite3_bind_int64(s.st, 2, endId(runId));
    sqlite3_bind_int64(s.st, 3, limit);
    std::vector<core::Event> out;
    int rc;
    while ((rc = sqlite3_step(s.st)) == SQLITE_ROW) {
        core::Event e;
        e.time = sqlite3_column_double(s.st, 0);
        e.user = static_cast<core::UserId>(sqlite3_column_int64(s.st, 1));
        e.item = sqlite3_column_type(s.st, 2) == SQLITE_NULL
                     ? core::kNoItem
                     : static_cast<core::ItemId>(sqlite3_column_int64(s.st, 2));
        e.kind = static_cast<core::EventKind>(sqlite3_column_int(s.st, 3));
        e.surface = static_cast<core::Surface>(sqlite3_column_int(s.st, 4));
        e.position = static_cast<std::int16_t>(sqlite3_column_int(s.st, 5));
        e.fromRecommendation = sqlite3_column_int(s.st, 6) != 0;
        e.price = static_cast<float>(sqlite3_column_double(s.st, 7));
        out.push_back(e);
    }
    if (rc != SQLITE_DONE)
        return error(QStringLiteral("cannot read events"));
    return out;
}

core::Result<QString> RunStore::eventsHash(qint64 runId) const {
    Statement s{prepare(
        "SELECT seq, time, user, coalesce(item, -1), kind, surface, position, from_rec, price "
        "FROM events WHERE id >= ?1 AND id < ?2 ORDER BY id")};
    if (!s.st)
        return error(QStringLiteral("cannot read events"));
    sqlite3_bind_int64(s.st, 1, firstId(runId));
    sqlite3_bind_int64(s.st, 2, endId(runId));
    QCryptographicHash h(QCryptographicHash::Sha256);
    int rc;
    while ((rc = sqlite3_step(s.st)) == SQLITE_ROW) {
        // Hash exact bit patterns (doubles included), not their text.
        for (int c = 0; c < 9; ++c) {
            if (c == 1 || c == 8) {
                const double d = sqlite3_column_double(s.st, c);
                h.addData(QByteArrayView(reinterpret_cast<const char*>(&d), sizeof d));
            } else {
                const sqlite3_int64 v = sqlite3_column_int64(s.st, c);
                h.addData(QByteArrayView(reinterpret_cast<const char*>(&v), sizeof v));
            }
        }
    }
    if (rc != SQLITE_DONE)
        return error(QStringLiteral("cannot read events"));
    return QString::fromLatin1(h.result().toHex());
}

core::Result<std::vector<MetricSample>> RunStore::metricSeries(qint64 runId,
                                                               const QString& name) const {
    Statement s{prepare("SELECT bucket_time, value FROM metrics WHERE run_id = ?1 AND name = ?2 "
                        "ORDER BY bucket_time")};
    if (!s.st)
        return error(QStringLiteral("cannot read metrics"));
    sqlite3_bind_int64(s.st, 1, runId);
    bindText(s.st, 2, name.toUtf8());
    std::vector<MetricSample> out;
    int rc;
    while ((rc = sqlite3_step(s.st)) == SQLITE_ROW)
        out.push_back({sqlite3_column_double(s.st, 0), sqlite3_column_double(s.st, 1)});
    if (rc != SQLITE_DONE)
        return error(QStringLiteral("cannot read metrics"));
    return out;
}

core::Result<QStringList> RunStore::metricNames(qint64 runId) const {
    Statement s{prepare("SELECT DISTINCT name FROM metrics WHERE run_id = ?1 ORDER BY name")};
    if (!s.st)
        return error(QStringLiteral("cannot read metrics"));
    sqlite3_bind_int64(s.st, 1, runId);
    QStringList out;
    int rc;
    while ((rc = sqlite3_step(s.st)) == SQLITE_ROW)
        out << columnText(s.st, 0);
    if (rc != SQLITE_DONE)
        return error(QStringLiteral("cannot read metrics"));
    return out;
}

} // namespace recoscope::sim
