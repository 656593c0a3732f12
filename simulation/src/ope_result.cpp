// OpeResult as JSON (`ope --json`, docs/cli.md) and the summary across seeds.

#include "recoscope/sim/ope_check.h"

#include <QJsonArray>

#include <cmath>

namespace recoscope::sim {

namespace {

QJsonValue num(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonObject coreJson(const OpeCore& c) {
    QJsonObject params;
    for (const auto& [key, value] : c.params)
        params.insert(QString::fromStdString(key), QString::fromStdString(value));
    return {{QStringLiteral("id"), QString::fromStdString(c.id)},
            {QStringLiteral("params"), params}};
}

bool covered(const OpeEstimate& e, double truth) {
    return std::isfinite(e.value) && e.low <= truth && truth <= e.high;
}

} // namespace

QJsonObject OpeResult::toJson() const {
    const OpeEstimates& s = estimates;
    QJsonArray list;
    for (const OpeEstimate& e : s.estimates)
        list.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(e.name)},
                                {QStringLiteral("estimate"), num(e.value)},
                                {QStringLiteral("low"), num(e.low)},
                                {QStringLiteral("high"), num(e.high)},
                                {QStringLiteral("std_error"), num(e.stdError)},
                                {QStringLiteral("error"), num(e.value - truth.ctr)},
                                {QStringLiteral("covered"), covered(e, truth.ctr)},
                                {QStringLiteral("valid"), e.valid},
                                {QStringLiteral("problem"), QString::fromStdString(e.problem)}});
    const QJsonObject log{{QStringLiteral("slates"), static_cast<double>(s.slates)},
                          {QStringLiteral("target_impressions"), s.impressions},
                          {QStringLiteral("logged_ctr"), num(s.loggedCtr)},
                          {QStringLiteral("match_rate"), num(s.matchRate)},
                          {QStringLiteral("support"), num(s.support.value)},
                          {QStringLiteral("support_low"), num(s.support.low)},
                          {QStringLiteral("support_high"), num(s.support.high)},
                          {QStringLiteral("deterministic_logger"), s.deterministicLogger},
                          {QStringLiteral("unknown_propensities"), s.unknownPropensities},
                          {QStringLiteral("positions_beyond_log"), s.positionsBeyondLog}};
    return {
        {QStringLiteral("run_id"), static_cast<double>(runId)},
        {QStringLiteral("scenario"), scenario},
        {QStringLiteral("seed"), static_cast<double>(seed)},
        {QStringLiteral("logger"), coreJson(logger)},
        {QStringLiteral("target"), coreJson(target)},
        {QStringLiteral("period_days"), periodDays},
        {QStringLiteral("log"), log},
        {QStringLiteral("truth"), QJsonObject{{QStringLiteral("ctr"), truth.ctr},
                                              {QStringLiteral("slates"), truth.slates},
                                              {QStringLiteral("impressions"), truth.impressions},
                                              {QStringLiteral("clicks"), truth.clicks}}},
        {QStringLiteral("estimators"), list}};
}

QJsonObject summariseSeeds(const std::vector<OpeResult>& results) {
    QJsonArray estimators;
    const std::size_t count = results.empty() ? 0 : results.front().estimates.estimates.size();
    for (std::size_t i = 0; i < count; ++i) {
        double n = 0, sum = 0, sumErr = 0, sumSq = 0, hits = 0, invalid = 0;
        for (const OpeResult& r : results) {
            const OpeEstimate& e = r.estimates.estimates[i];
            if (!e.valid)
                ++invalid;
            if (!std::isfinite(e.value))
                continue;
            const double err = e.value - r.truth.ctr;
            n += 1;
            sum += e.value;
            sumErr += err;
            sumSq += err * err;
            hits += covered(e, r.truth.ctr) ? 1 : 0;
        }
        const QString name = QString::fromStdString(results.front().estimates.estimates[i].name);
        estimators.append(QJsonObject{{QStringLiteral("name"), name},
                                      {QStringLiteral("seeds"), n},
                                      {QStringLiteral("flagged_invalid"), invalid},
                                      {QStringLiteral("mean_estimate"), num(n ? sum / n : NAN)},
                                      {QStringLiteral("bias"), num(n ? sumErr / n : NAN)},
                                      {QStringLiteral("rmse"), num(n ? std::sqrt(sumSq / n) : NAN)},
                                      {QStringLiteral("coverage"), num(n ? hits / n : NAN)}});
    }
    double truthSum = 0;
    for (const OpeResult& r : results)
        truthSum += r.truth.ctr;
    return {{QStringLiteral("seeds"), static_cast<double>(results.size())},
            {QStringLiteral("mean_truth_ctr"),
             num(results.empty() ? NAN : truthSum / static_cast<double>(results.size()))},
            {QStringLiteral("estimators"), estimators}};
}

} // namespace recoscope::sim
