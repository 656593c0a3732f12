#include "run_limit_options.h"

#include "recoscope/sim/scenario_fields.h"

#include <cmath>

namespace recoscope::sim {

QString readRunLimits(const QCommandLineParser& p, const QCommandLineOption& events,
                      const QCommandLineOption& days, RunLimits& limits) {
    bool ok = true;
    if (p.isSet(events)) {
        const qlonglong n = p.value(events).toLongLong(&ok);
        if (!ok || n <= 0)
            return QStringLiteral("--events expects a whole number > 0, got '%1'")
                .arg(p.value(events));
        limits.maxEvents = static_cast<std::uint64_t>(n);
    }
    if (p.isSet(days)) {
        const double d = p.value(days).toDouble(&ok);
        if (!ok || !(d > 0.0) || !std::isfinite(d) || d > RunLimits::kMaxDays)
            return QStringLiteral("--days expects a number in (0, %1], got '%2'")
                .arg(RunLimits::kMaxDays)
                .arg(p.value(days));
        limits.maxDays = d;
    }
    return {};
}

QString readSeed(const QCommandLineParser& p, const QCommandLineOption& option,
                 std::uint64_t& seed) {
    if (!p.isSet(option))
        return {};
    bool ok = false;
    const qulonglong value = p.value(option).toULongLong(&ok);
    if (!ok || value > (std::uint64_t(1) << 53))
        return QStringLiteral("--seed expects a whole number in [0, 2^53], got '%1'")
            .arg(p.value(option));
    seed = value;
    return {};
}

QCommandLineOption latencyBudgetOption() {
    return QCommandLineOption(QStringLiteral("latency-budget-us"), QString(), QStringLiteral("US"));
}

QString readLatencyBudget(const QCommandLineParser& p, const QCommandLineOption& budget,
                          RunLimits& limits) {
    if (!p.isSet(budget))
        return {};
    bool ok = false;
    const double us = p.value(budget).toDouble(&ok);
    // A budget above an hour is a typo, not a budget.
    if (!ok || !(us > 0.0) || !std::isfinite(us) || us > 3.6e9)
        return QStringLiteral("--latency-budget-us expects microseconds in (0, 3600000000], got "
                              "'%1'")
            .arg(p.value(budget));
    limits.latencyBudgetUs = us;
    return {};
}

QString couponPolicyProblem(const QString& policy) {
    const QStringList choices = findScenarioField(QStringLiteral("coupons.policy"))->choices;
    if (choices.contains(policy))
        return {};
    return QStringLiteral("expected one of %1, got '%2'")
        .arg(choices.join(QStringLiteral(", ")), policy);
}

QString readCouponPolicies(const QCommandLineParser& p, const QCommandLineOption& option,
                           QStringList& labels, std::vector<QString>& policies) {
    if (!p.isSet(option))
        return {};
    const QStringList list = p.value(option).split(QLatin1Char(','));
    if (list.size() != labels.size())
        return QStringLiteral("--coupon-policies expects one policy per core (%1), got %2")
            .arg(labels.size())
            .arg(list.size());
    policies.clear();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString policy = list[i].trimmed();
        if (const QString bad = couponPolicyProblem(policy); !bad.isEmpty())
            return QStringLiteral("--coupon-policies: ") + bad;
        policies.push_back(policy);
        labels[i] += QStringLiteral(" coupons:") + policy;
    }
    return {};
}

} // namespace recoscope::sim
