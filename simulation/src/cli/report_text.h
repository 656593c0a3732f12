#pragma once
// The plain-text forms of `recoscope-cli report` (the same analyses as the JSON form,
// run_analysis.h, laid out as a few aligned tables for someone at a terminal) and of the
// figures `recoscope-cli run` prints at the end.

#include <QJsonObject>
#include <QTextStream>

namespace recoscope::sim {

/// Writes `analyses` (the object analyseStoredRun returns) as tables. Missing values
/// (JSON null, e.g. a CTR with no impressions) print as "-", never as 0.
void writeReportText(const QJsonObject& analyses, QTextStream& out);

/// Writes the `inventory` block (inventory_report.h) as tables; nothing when it is empty.
void writeInventoryText(const QJsonObject& inventory, QTextStream& out);

/// Writes the figures of a run summary (RunJob::summary(), the `run --json` object) from
/// the simulated span on, one indented line each, beyond-accuracy figures included.
void writeRunText(const QJsonObject& summary, QTextStream& out);

/// Writes a `coupons` block (coupon_report.h) as a table and a few lines; nothing when
/// the block is empty (a run without a coupon policy).
void writeCouponText(const QJsonObject& coupons, QTextStream& out);

/// Writes a `privacy` block (PrivacyLayer::toJson) as a few lines; nothing when it is
/// empty (privacy off).
void writePrivacyText(const QJsonObject& privacy, QTextStream& out);
/// Writes an `onboarding` block (onboarding_report.h) as a table; nothing when it is empty
/// (runs stored before it).
void writeOnboardingText(const QJsonObject& onboarding, QTextStream& out);
/// "3", "> 10" or "-" (no newcomers in the group): the block's sessions to parity.
QString onboardingParityText(const QJsonObject& onboarding, const QString& group);

} // namespace recoscope::sim
