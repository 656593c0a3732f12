#pragma once
// The SQLite helpers RunStore's source files share: event-id ranges, column reads, text
// binds, an owned statement. Private to RunStore.

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

namespace recoscope::sim::store {

constexpr int kSeqBits = 40;
inline sqlite3_int64 firstId(qint64 runId) {
    return static_cast<sqlite3_int64>(runId) << kSeqBits;
}
inline sqlite3_int64 endId(qint64 runId) {
    return static_cast<sqlite3_int64>(runId + 1) << kSeqBits;
}

inline QString columnText(sqlite3_stmt* st, int col) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, col));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(st, col)) : QString();
}

inline QByteArray columnBytes(sqlite3_stmt* st, int col) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, col));
    return p ? QByteArray(p, sqlite3_column_bytes(st, col)) : QByteArray();
}

inline void bindText(sqlite3_stmt* st, int col, const QByteArray& utf8) {
    sqlite3_bind_text(st, col, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
}

struct Statement {
    sqlite3_stmt* st = nullptr;
    ~Statement() { sqlite3_finalize(st); }
};

} // namespace recoscope::sim::store
