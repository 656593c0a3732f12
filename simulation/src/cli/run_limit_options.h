#pragma once
// The `--events N` and `--days D` options of run, compare and sweep, read one way, and
// run's and compare's `--latency-budget-us US`, and their coupon policies.

#include "recoscope/sim/engine.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace recoscope::sim {

/// Reads the set options into `limits`; returns the usage message for a bad value
/// (empty when both are absent or valid).
QString readRunLimits(const QCommandLineParser& p, const QCommandLineOption& events,
                      const QCommandLineOption& days, RunLimits& limits);
/// Reads `--latency-budget-us` (a number of microseconds > 0) into limits.latencyBudgetUs.
QString readLatencyBudget(const QCommandLineParser& p, const QCommandLineOption& budget,
                          RunLimits& limits);
/// Reads `--seed N` (a whole number in [0, 2^53], the range a JSON number keeps exactly)
/// into `seed` when it is set; returns the usage message for a bad value (empty when absent
/// or valid). One rule for run, compare, sweep, fit, ope and privacy-curve.
QString readSeed(const QCommandLineParser& p, const QCommandLineOption& option,
                 std::uint64_t& seed);
/// The option itself, one spelling for every command.
QCommandLineOption latencyBudgetOption();
/// Why `policy` is not a coupon policy of the scenario format (the choices of the
/// coupons.policy field), or empty when it is one. For run's --coupon-policy and
/// compare's --coupon-policies.
QString couponPolicyProblem(const QString& policy);
/// compare's `--coupon-policies P,Q`: one policy per core, in the cores' order, into
/// `policies`; each core's label gets " coupons:P" so that the pairs stay readable.
/// Returns the usage message for a bad value (empty when absent or valid).
QString readCouponPolicies(const QCommandLineParser& p, const QCommandLineOption& option,
                           QStringList& labels, std::vector<QString>& policies);

} // namespace recoscope::sim
