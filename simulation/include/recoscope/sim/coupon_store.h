#pragma once
// The coupon desk's ledger in the run store (table coupon_lines, docs/database.md):
// written once when a run with a coupon policy finishes, read back by `report` and the
// tests' recounts. Floats are stored as REAL, so a ledger read back equals the one
// written and the stored report equals the live one. Errors name the store and the run.
// Call on the thread that owns the store's connection.

#include "recoscope/core/result.h"
#include "recoscope/sim/coupon_desk.h"

#include <QtGlobal>

#include <vector>

namespace recoscope::sim {

class RunStore;

core::Status storeCouponLines(RunStore& store, qint64 runId, const std::vector<CouponLine>& lines);
/// The run's lines in decision order; empty for a run without a coupon policy.
core::Result<std::vector<CouponLine>> storedCouponLines(const RunStore& store, qint64 runId);

} // namespace recoscope::sim
