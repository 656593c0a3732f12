#include "recoscope/sim/coupon_store.h"

#include "recoscope/sim/run_store.h"

#include <sqlite3.h>

namespace recoscope::sim {

namespace {

core::Error dbError(const RunStore& store, qint64 runId, const char* what) {
    return core::Error{
        QStringLiteral("%1: run %2: %3: %4")
            .arg(store.path())
            .arg(runId)
            .arg(QString::fromLatin1(what), QString::fromUtf8(sqlite3_errmsg(store.connection())))
            .toStdString()};
}

struct Statement {
    sqlite3_stmt* st = nullptr;
    ~Statement() { sqlite3_finalize(st); }
};

} // namespace

core::Status storeCouponLines(RunStore& store, qint64 runId, const std::vector<CouponLine>& lines) {
    if (lines.empty())
        return core::Ok{};
    sqlite3* db = store.connection();
    if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
        return dbError(store, runId, "cannot store the coupon ledger");
    Statement ins;
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO coupon_lines(run_id, seq, time, user, item, price, "
                           "discount, p0, p1, predicted, issued, bought, counterfactual, reason) "
                           "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                           -1, &ins.st, nullptr) != SQLITE_OK) {
        core::Error e = dbError(store, runId, "cannot store the coupon ledger");
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return e;
    }
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const CouponLine& l = lines[k];
        sqlite3_bind_int64(ins.st, 1, runId);
        sqlite3_bind_int64(ins.st, 2, static_cast<sqlite3_int64>(k));
        sqlite3_bind_double(ins.st, 3, l.time);
        sqlite3_bind_int64(ins.st, 4, l.user);
        sqlite3_bind_int64(ins.st, 5, l.item);
        sqlite3_bind_double(ins.st, 6, l.price);
        sqlite3_bind_double(ins.st, 7, l.discount);
        sqlite3_bind_double(ins.st, 8, l.p0);
        sqlite3_bind_double(ins.st, 9, l.p1);
        sqlite3_bind_double(ins.st, 10, l.predicted);
        sqlite3_bind_int(ins.st, 11, l.issued);
        sqlite3_bind_int(ins.st, 12, l.bought);
        sqlite3_bind_int(ins.st, 13, l.counterfactual);
        sqlite3_bind_int(ins.st, 14, static_cast<int>(l.reason));
        if (sqlite3_step(ins.st) != SQLITE_DONE) {
            core::Error e = dbError(store, runId, "cannot store the coupon ledger");
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            return e;
        }
        sqlite3_reset(ins.st);
    }
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        core::Error e = dbError(store, runId, "cannot store the coupon ledger");
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return e;
    }
    return core::Ok{};
}

core::Result<std::vector<CouponLine>> storedCouponLines(const RunStore& store, qint64 runId) {
    Statement q;
    if (sqlite3_prepare_v2(store.connection(),
                           "SELECT time, user, item, price, discount, p0, p1, predicted, issued, "
                           "bought, counterfactual, reason FROM coupon_lines WHERE run_id = ?1 "
                           "ORDER BY seq",
                           -1, &q.st, nullptr) != SQLITE_OK)
        return dbError(store, runId, "cannot read the coupon ledger");
    sqlite3_bind_int64(q.st, 1, runId);
    std::vector<CouponLine> lines;
    int rc;
    while ((rc = sqlite3_step(q.st)) == SQLITE_ROW) {
        CouponLine l;
        l.time = sqlite3_column_double(q.st, 0);
        l.user = static_cast<core::UserId>(sqlite3_column_int64(q.st, 1));
        l.item = static_cast<core::ItemId>(sqlite3_column_int64(q.st, 2));
        l.price = static_cast<float>(sqlite3_column_double(q.st, 3));
        l.discount = static_cast<float>(sqlite3_column_double(q.st, 4));
        l.p0 = static_cast<float>(sqlite3_column_double(q.st, 5));
        l.p1 = static_cast<float>(sqlite3_column_double(q.st, 6));
        l.predicted = static_cast<float>(sqlite3_column_double(q.st, 7));
        l.issued = sqlite3_column_int(q.st, 8) != 0;
        l.bought = sqlite3_column_int(q.st, 9) != 0;
        l.counterfactual = sqlite3_column_int(q.st, 10) != 0;
        const int reason = sqlite3_column_int(q.st, 11);
        if (reason < 0 || reason > 2)
            return core::Error{QStringLiteral("%1: run %2: coupon_lines: unknown reason %3")
                                   .arg(store.path())
                                   .arg(runId)
                                   .arg(reason)
                                   .toStdString()};
        l.reason = static_cast<CouponLine::Reason>(reason);
        lines.push_back(l);
    }
    if (rc != SQLITE_DONE)
        return dbError(store, runId, "cannot read the coupon ledger");
    return lines;
}

} // namespace recoscope::sim
