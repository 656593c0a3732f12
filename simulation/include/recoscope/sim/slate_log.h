#pragma once
// The slate log of a run (table `slates`, docs/database.md): every slate the core served,
// in serving order, with its items, the core's per-position propensities
// (core::SlateEntry::propensity) and the clicked position. It is what off-policy
// evaluation reads (docs/ope.md). Written by RunJob through its StoreWriter; read back
// with SlateLog. Same thread rules as RunStore, whose connection SlateLog uses.

#include "recoscope/core/event.h"
#include "recoscope/core/result.h"
#include "recoscope/core/slate.h"

#include <QtGlobal>

#include <functional>
#include <memory>
#include <span>
#include <vector>

struct sqlite3_stmt;

namespace recoscope::sim {

class RunStore;

/// One stored slate, as read back.
struct LoggedSlate {
    qint64 seq = 0; ///< 0, 1, ... per run, in serving order
    /// Events of the run consumed before the slate was served: the `seq` of the first event
    /// of its shopper action (events of earlier actions all come before it).
    qint64 eventSeq = 0;
    double time = 0.0; ///< simulated seconds
    core::UserId user = core::kNoUser;
    core::Surface surface = core::Surface::Home;
    core::ItemId contextItem = core::kNoItem;
    int clicked = -1; ///< clicked position, -1 when nothing was clicked
    std::vector<core::ItemId> items;
    /// One per item; all 1 when stored as NULL; NaN = unknown (core::kUnknownPropensity).
    std::vector<float> propensities;
};

/// Slates collected on the engine's thread and written in one transaction. Flat arrays, so
/// that logging a slate costs no allocation once the batch has grown.
class SlateBatch {
public:
    void add(qint64 seq, qint64 eventSeq, double time, core::UserId user, core::Surface surface,
             core::ItemId contextItem, int clicked, std::span<const core::SlateEntry> slate);
    std::size_t size() const { return m_rows.size(); }
    bool empty() const { return m_rows.empty(); }

private:
    friend class SlateLog;
    struct Row {
        qint64 seq, eventSeq;
        double time;
        core::UserId user;
        core::Surface surface;
        core::ItemId contextItem;
        int clicked;
        std::uint32_t begin, size;
        bool allOne; ///< every propensity exactly 1: stored as NULL
    };
    std::vector<Row> m_rows;
    std::vector<core::ItemId> m_items;
    std::vector<float> m_propensities;
};

class SlateLog {
public:
    explicit SlateLog(const RunStore& store);
    ~SlateLog();
    SlateLog(const SlateLog&) = delete;
    SlateLog& operator=(const SlateLog&) = delete;

    /// Appends the batch's slates to run `runId` in one transaction.
    core::Status append(qint64 runId, const SlateBatch& batch);
    /// Number of slates stored for the run (0 for runs stored before schema 6).
    core::Result<qint64> count(qint64 runId) const;
    /// Calls `visit` for every slate of the run in serving order; stops when it returns false.
    /// Errors: database failures, a malformed BLOB (names the run and slate).
    core::Status forEach(qint64 runId, const std::function<bool(const LoggedSlate&)>& visit) const;

private:
    static constexpr int kRows = 64; ///< rows per multi-row INSERT
    const RunStore& m_store;
    sqlite3_stmt* m_insert = nullptr;     // one row
    sqlite3_stmt* m_insertMany = nullptr; // kRows rows
};

} // namespace recoscope::sim
