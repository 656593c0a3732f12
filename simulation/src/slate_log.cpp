#include "recoscope/sim/slate_log.h"

#include "recoscope/sim/run_store.h"

#include <QtEndian>

#include <sqlite3.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <string>

namespace recoscope::sim {

namespace {

// Keyed like events (run_store.cpp): a run's slates are one contiguous rowid range, and
// appends go to the end of the b-tree.
constexpr int kSeqBits = 40;
sqlite3_int64 firstId(qint64 runId) {
    return static_cast<sqlite3_int64>(runId) << kSeqBits;
}
sqlite3_int64 endId(qint64 runId) {
    return static_cast<sqlite3_int64>(runId + 1) << kSeqBits;
}

// BLOBs are little-endian whatever the host, so a store moves between machines.

core::Error dbError(const RunStore& store, const QString& what) {
    return core::Error{
        QStringLiteral("%1: %2: %3")
            .arg(store.path(), what, QString::fromUtf8(sqlite3_errmsg(store.connection())))
            .toStdString()};
}

struct Statement {
    sqlite3_stmt* st = nullptr;
    ~Statement() { sqlite3_finalize(st); }
};

} // namespace

void SlateBatch::add(qint64 seq, qint64 eventSeq, double time, core::UserId user,
                     core::Surface surface, core::ItemId contextItem, int clicked,
                     std::span<const core::SlateEntry> slate) {
    Row r{seq,
          eventSeq,
          time,
          user,
          surface,
          contextItem,
          clicked,
          static_cast<std::uint32_t>(m_items.size()),
          static_cast<std::uint32_t>(slate.size()),
          true};
    for (const core::SlateEntry& e : slate) {
        m_items.push_back(e.item);
        m_propensities.push_back(e.propensity);
        r.allOne = r.allOne && e.propensity == 1.0f;
    }
    m_rows.push_back(r);
}

SlateLog::SlateLog(const RunStore& store) : m_store(store) {}

SlateLog::~SlateLog() {
    sqlite3_finalize(m_insert);
    sqlite3_finalize(m_insertMany);
}

core::Status SlateLog::append(qint64 runId, const SlateBatch& batch) {
    if (batch.empty())
        return core::Ok{};
    sqlite3* db = m_store.connection();
    if (!m_insert) {
        // kRows rows per statement (as for events, run_store.cpp): one row per statement
        // spent most of the writer's time opening a cursor, seeking the explicit rowid and
        // halting the VM. The rest of a batch goes one by one.
        std::string many = "INSERT INTO slates(id, run_id, seq, event_seq, time, user, surface, "
                           "context_item, clicked, items, propensities) VALUES";
        for (int r = 0; r < kRows; ++r)
            many += r ? ",(?,?,?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?,?,?)";
        if (sqlite3_prepare_v2(db, many.c_str(), -1, &m_insertMany, nullptr) != SQLITE_OK ||
            sqlite3_prepare_v2(db,
                               "INSERT INTO slates(id, run_id, seq, event_seq, time, user, "
                               "surface, context_item, clicked, items, propensities) "
                               "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               -1, &m_insert, nullptr) != SQLITE_OK) {
            sqlite3_finalize(m_insertMany);
            sqlite3_finalize(m_insert);
            m_insertMany = m_insert = nullptr;
            return dbError(m_store, QStringLiteral("cannot prepare the slate log"));
        }
    }
    for (const SlateBatch::Row& r : batch.m_rows)
        if (r.seq >= (qint64(1) << kSeqBits))
            return core::Error{QStringLiteral("%1: run %2 exceeds 2^40 slates")
                                   .arg(m_store.path())
                                   .arg(runId)
                                   .toStdString()};
    if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
        return dbError(m_store, QStringLiteral("cannot write slates"));
    // The BLOBs of one statement's rows, little-endian, bound without a copy
    // (SQLITE_STATIC): the buffers stay unchanged until the statement has run.
    std::vector<std::uint32_t> items, props;
    const std::vector<SlateBatch::Row>& rows = batch.m_rows;
    std::size_t at = 0;
    while (at < rows.size()) {
        const bool useMany = rows.size() - at >= static_cast<std::size_t>(kRows);
        sqlite3_stmt* st = useMany ? m_insertMany : m_insert;
        const std::size_t count = useMany ? kRows : 1;
        std::size_t words = 0;
        for (std::size_t k = 0; k < count; ++k)
            words += rows[at + k].size;
        items.resize(std::max<std::size_t>(words, 1));
        props.resize(std::max<std::size_t>(words, 1));
        std::size_t itemAt = 0, propAt = 0;
        for (std::size_t k = 0; k < count; ++k) {
            const SlateBatch::Row& r = rows[at + k];
            const int c = static_cast<int>(k) * 11;
            sqlite3_bind_int64(st, c + 1, firstId(runId) + r.seq);
            sqlite3_bind_int64(st, c + 2, runId);
            sqlite3_bind_int64(st, c + 3, r.seq);
            sqlite3_bind_int64(st, c + 4, r.eventSeq);
            sqlite3_bind_double(st, c + 5, r.time);
            sqlite3_bind_int64(st, c + 6, r.user);
            sqlite3_bind_int(st, c + 7, static_cast<int>(r.surface));
            if (r.contextItem == core::kNoItem)
                sqlite3_bind_null(st, c + 8);
            else
                sqlite3_bind_int64(st, c + 8, r.contextItem);
            sqlite3_bind_int(st, c + 9, r.clicked);
            std::uint32_t* itemWords = items.data() + itemAt;
            // Not for an empty slate: in a batch of empty slates only, m_items.data() is
            // null, and memcpy from null is undefined even for 0 bytes (UBSan stopped
            // `recoscope-cli run --latency-budget-us` here; tst_store).
            if (r.size > 0)
                qToLittleEndian<quint32>(batch.m_items.data() + r.begin, r.size, itemWords);
            itemAt += r.size;
            // A zero-length BLOB, not NULL, for an empty slate (the column is NOT NULL).
            sqlite3_bind_blob(st, c + 10, itemWords, static_cast<int>(r.size * 4), SQLITE_STATIC);
            if (r.allOne) {
                sqlite3_bind_null(st, c + 11);
            } else {
                // One value for the whole slate when every position has it (`random`:
                // 1/eligible everywhere): 4 bytes instead of 4 per position.
                const float* p0 = batch.m_propensities.data() + r.begin;
                const bool uniform = std::all_of(
                    p0, p0 + r.size, [p0](float x) { return std::memcmp(&x, p0, sizeof x) == 0; });
                const std::size_t stored = uniform ? 1 : r.size;
                std::uint32_t* propWords = props.data() + propAt;
                std::memcpy(propWords, p0, stored * 4);
                qToLittleEndian<quint32>(propWords, static_cast<qsizetype>(stored), propWords);
                propAt += stored;
                sqlite3_bind_blob(st, c + 11, propWords, static_cast<int>(stored * 4),
                                  SQLITE_STATIC);
            }
        }
        at += count;
        const int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) {
            core::Error err = dbError(m_store, QStringLiteral("cannot write slates"));
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            return err;
        }
    }
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        core::Error err = dbError(m_store, QStringLiteral("cannot write slates"));
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return err;
    }
    return core::Ok{};
}

core::Result<qint64> SlateLog::count(qint64 runId) const {
    Statement s;
    if (sqlite3_prepare_v2(m_store.connection(),
                           "SELECT count(*) FROM slates WHERE id >= ?1 AND id < ?2", -1, &s.st,
                           nullptr) != SQLITE_OK)
        return dbError(m_store, QStringLiteral("cannot count slates"));
    sqlite3_bind_int64(s.st, 1, firstId(runId));
    sqlite3_bind_int64(s.st, 2, endId(runId));
    if (sqlite3_step(s.st) != SQLITE_ROW)
        return dbError(m_store, QStringLiteral("cannot count slates"));
    return static_cast<qint64>(sqlite3_column_int64(s.st, 0));
}

core::Status SlateLog::forEach(qint64 runId,
                               const std::function<bool(const LoggedSlate&)>& visit) const {
    Statement s;
    if (sqlite3_prepare_v2(m_store.connection(),
                           "SELECT seq, event_seq, time, user, surface, context_item, clicked, "
                           "items, propensities FROM slates WHERE id >= ?1 AND id < ?2 "
                           "ORDER BY id",
                           -1, &s.st, nullptr) != SQLITE_OK)
        return dbError(m_store, QStringLiteral("cannot read slates"));
    sqlite3_bind_int64(s.st, 1, firstId(runId));
    sqlite3_bind_int64(s.st, 2, endId(runId));
    LoggedSlate slate;
    int rc;
    while ((rc = sqlite3_step(s.st)) == SQLITE_ROW) {
        slate.seq = sqlite3_column_int64(s.st, 0);
        slate.eventSeq = sqlite3_column_int64(s.st, 1);
        slate.time = sqlite3_column_double(s.st, 2);
        slate.user = static_cast<core::UserId>(sqlite3_column_int64(s.st, 3));
        slate.surface = static_cast<core::Surface>(sqlite3_column_int(s.st, 4));
        slate.contextItem = sqlite3_column_type(s.st, 5) == SQLITE_NULL
                                ? core::kNoItem
                                : static_cast<core::ItemId>(sqlite3_column_int64(s.st, 5));
        slate.clicked = sqlite3_column_int(s.st, 6);
        const auto* items = static_cast<const char*>(sqlite3_column_blob(s.st, 7));
        const int itemBytes = sqlite3_column_bytes(s.st, 7);
        const bool hasPropensities = sqlite3_column_type(s.st, 8) != SQLITE_NULL;
        const auto* props = static_cast<const char*>(sqlite3_column_blob(s.st, 8));
        const int propBytes = sqlite3_column_bytes(s.st, 8);
        const std::size_t n = static_cast<std::size_t>(itemBytes) / 4;
        if (itemBytes % 4 != 0 ||
            (hasPropensities && propBytes != itemBytes && (propBytes != 4 || itemBytes == 0)) ||
            slate.clicked < -1 || slate.clicked >= static_cast<int>(n))
            return core::Error{
                QStringLiteral("%1: run %2, slate %3: malformed row (items %4 bytes, "
                               "propensities %5 bytes, clicked %6)")
                    .arg(m_store.path())
                    .arg(runId)
                    .arg(slate.seq)
                    .arg(itemBytes)
                    .arg(hasPropensities ? propBytes : 0)
                    .arg(slate.clicked)
                    .toStdString()};
        slate.items.resize(n);
        slate.propensities.assign(n, 1.0f);
        if (n > 0)
            qFromLittleEndian<quint32>(items, static_cast<qsizetype>(n), slate.items.data());
        if (hasPropensities && n > 0) {
            const std::size_t stored = static_cast<std::size_t>(propBytes) / 4; // 1 or n
            std::vector<std::uint32_t> words(stored);
            qFromLittleEndian<quint32>(props, static_cast<qsizetype>(stored), words.data());
            for (std::size_t i = 0; i < n; ++i)
                slate.propensities[i] = std::bit_cast<float>(words[stored == 1 ? 0 : i]);
        }
        if (!visit(slate))
            return core::Ok{};
    }
    if (rc != SQLITE_DONE)
        return dbError(m_store, QStringLiteral("cannot read slates"));
    return core::Ok{};
}

} // namespace recoscope::sim
