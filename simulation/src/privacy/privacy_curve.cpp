#include "recoscope/sim/privacy_curve.h"

#include "recoscope/sim/run_job.h"

#include <QJsonArray>

#include <cmath>

namespace recoscope::sim {

namespace {

double zAbove(const PrivacyCurvePoint& a, const PrivacyCurvePoint& b) {
    const double n = a.impressions + b.impressions;
    if (a.impressions <= 0 || b.impressions <= 0 || n <= 0)
        return 0.0;
    const double p = (a.clicks + b.clicks) / n;
    const double se = std::sqrt(p * (1 - p) * (1 / a.impressions + 1 / b.impressions));
    return se > 0 ? (a.clicks / a.impressions - b.clicks / b.impressions) / se : 0.0;
}

} // namespace

core::Result<PrivacyCurve> PrivacyCurve::run(const PrivacyCurveSpec& spec,
                                             const core::RecommenderRegistry& registry,
                                             const std::atomic<bool>* cancel,
                                             const std::function<void(int, int)>& progress) {
    if (spec.cores.empty())
        return core::Error{"privacy curve: choose at least one core"};
    if (spec.epsilons.empty())
        return core::Error{"privacy curve: give at least one epsilon"};
    for (const std::string& id : spec.cores)
        if (!registry.find(id))
            return core::Error{registry.unknownIdMessage(id)};
    for (double e : spec.epsilons) {
        if (!(e > 0.0) || e > 1000.0)
            return core::Error{"privacy curve: epsilon " + std::to_string(e) +
                               " is not in (0, 1000]"};
        PrivacySpec p = spec.scenario.privacy;
        p.epsilonPerDay = e;
        if (const QString why = p.budgetProblem(); !why.isEmpty())
            return core::Error{"privacy curve: epsilon " + std::to_string(e) + ": privacy." +
                               why.toStdString()};
    }
    PrivacyCurve curve;
    curve.scenarioName = spec.scenario.name;
    curve.seed = spec.seed;
    const int total = static_cast<int>(spec.cores.size() * (spec.epsilons.size() + 1));
    int done = 0;
    for (const std::string& id : spec.cores) {
        std::vector<double> budgets = {0.0};
        budgets.insert(budgets.end(), spec.epsilons.begin(), spec.epsilons.end());
        const std::size_t reference = curve.points.size();
        for (double e : budgets) {
            if (cancel && cancel->load())
                return core::Error{"privacy curve: cancelled"};
            RunSpec rs;
            rs.scenario = spec.scenario;
            rs.scenario.privacy.epsilonPerDay = e;
            if (e == 0.0)
                rs.scenario.privacy.epsilonPerRelease = 0.0;
            rs.seed = spec.seed;
            rs.recommender = id;
            rs.limits = spec.limits;
            auto job = RunJob::create(rs, registry, nullptr);
            if (!job)
                return core::Error{job.error()};
            job.value()->runSlice(0, cancel);
            const QJsonObject s = job.value()->summary();
            PrivacyCurvePoint pt;
            pt.core = id;
            pt.epsilon = e;
            pt.clicks = s.value(QStringLiteral("clicks")).toDouble();
            pt.impressions = s.value(QStringLiteral("impressions")).toDouble();
            pt.ctr = pt.impressions > 0 ? pt.clicks / pt.impressions : 0.0;
            pt.epsilonSpent = s.value(QStringLiteral("privacy"))
                                  .toObject()
                                  .value(QStringLiteral("epsilon_spent"))
                                  .toDouble();
            if (e > 0.0)
                pt.zAgainstOff = zAbove(pt, curve.points[reference]);
            curve.points.push_back(pt);
            if (progress)
                progress(++done, total);
        }
    }
    return curve;
}

QJsonObject PrivacyCurve::toJson() const {
    QJsonArray pts;
    for (const PrivacyCurvePoint& p : points)
        pts.append(QJsonObject{
            {QStringLiteral("core"), QString::fromStdString(p.core)},
            {QStringLiteral("epsilon"), p.epsilon > 0 ? QJsonValue(p.epsilon) : QJsonValue()},
            {QStringLiteral("ctr"), p.ctr},
            {QStringLiteral("clicks"), p.clicks},
            {QStringLiteral("impressions"), p.impressions},
            {QStringLiteral("epsilon_spent"), p.epsilonSpent},
            {QStringLiteral("z_vs_off"), p.zAgainstOff}});
    return {{QStringLiteral("scenario"), scenarioName},
            {QStringLiteral("seed"), static_cast<double>(seed)},
            {QStringLiteral("points"), pts}};
}

} // namespace recoscope::sim
