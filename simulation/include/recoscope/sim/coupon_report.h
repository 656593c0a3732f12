#pragma once
// The `coupons` block of `run --json`, `report --json` and the workbench's coupon view,
// computed from the desk's ledger (live) or from the run store's coupon_lines (stored
// runs), so both read the same (docs/metrics.md, "Coupons"; decisions/0028).
//
// Over the lines that got a coupon, "with" is what happened and "without" what the same
// dice give without the coupon (the counterfactual the simulator knows):
//   incremental orders   = bought with - bought without (realised), and
//   expected incremental = sum of (p1 - p0), the true uplift;
//   revenue              = bought x price x (1 - discount) vs bought x price;
//   margin after discount= bought x price x (margin - discount) vs bought x price x margin;
//   discount spent       = sum over redeemed coupons of price x discount;
//   cost per extra order = discount spent / incremental orders (null when <= 0); the
//                          expected one = sum p1 x price x discount / sum (p1 - p0).
// The uplift model's accuracy over every decided line: Qini coefficient and Spearman
// correlation of predicted against true uplift, and calibration in five bins
// (core/uplift_metrics.h). The line-level counterfactual leaves out what a purchase
// changes later (stock, repurchase, the core's learning): `compare` with
// --coupon-policies measures the whole-run difference on the same shoppers.

#include "recoscope/sim/coupon_desk.h"
#include "recoscope/sim/scenario.h"

#include <QJsonObject>

#include <vector>

namespace recoscope::sim {

QJsonObject couponReportJson(const CouponSpec& spec, const std::vector<CouponLine>& lines);

} // namespace recoscope::sim
