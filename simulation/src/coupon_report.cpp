#include "recoscope/sim/coupon_report.h"

#include "recoscope/core/types.h"
#include "recoscope/core/uplift_metrics.h"

#include <QJsonArray>

#include <cmath>
#include <map>

namespace recoscope::sim {

namespace {

QJsonValue num(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonObject pair(double with, double without) {
    return {{QStringLiteral("with_coupons"), with},
            {QStringLiteral("without_coupons"), without},
            {QStringLiteral("incremental"), with - without}};
}

} // namespace

QJsonObject couponReportJson(const CouponSpec& spec, const std::vector<CouponLine>& lines) {
    double issued = 0, redeemed = 0, overBudget = 0, explored = 0;
    double ordersWith = 0, ordersWithout = 0, expectedUplift = 0, expectedCost = 0;
    double revenueWith = 0, revenueWithout = 0, marginWith = 0, marginWithout = 0, spent = 0;
    double upliftIssued = 0, upliftOthers = 0;
    struct Day {
        double issued = 0, spent = 0;
    };
    std::map<long long, Day> days;
    std::vector<double> predicted, truth;
    predicted.reserve(lines.size());
    truth.reserve(lines.size());
    for (const CouponLine& l : lines) {
        const double tau = double(l.p1) - double(l.p0);
        predicted.push_back(l.predicted);
        truth.push_back(tau);
        overBudget += l.reason == CouponLine::Reason::OverBudget;
        explored += l.reason == CouponLine::Reason::Explore;
        if (!l.issued) {
            upliftOthers += tau;
            continue;
        }
        const double price = l.price, d = l.discount;
        const bool with = l.boughtWith(), without = l.boughtWithout();
        Day& day = days[static_cast<long long>(std::floor(l.time / core::kSecondsPerDay))];
        ++issued;
        ++day.issued;
        upliftIssued += tau;
        ordersWith += with;
        ordersWithout += without;
        expectedUplift += tau;
        expectedCost += double(l.p1) * price * d;
        revenueWith += with * price * (1.0 - d);
        revenueWithout += without * price;
        marginWith += with * price * (spec.margin - d);
        marginWithout += without * price * spec.margin;
        if (with) {
            ++redeemed;
            spent += price * d;
            day.spent += price * d;
        }
    }
    const double incremental = ordersWith - ordersWithout;
    QJsonArray byDay;
    for (const auto& [day, d] : days)
        byDay.append(QJsonObject{{QStringLiteral("day"), static_cast<double>(day)},
                                 {QStringLiteral("issued"), d.issued},
                                 {QStringLiteral("discount_spent"), d.spent}});
    QJsonArray calibration;
    for (const core::CalibrationBin& b : core::upliftCalibration(predicted, truth, 5))
        calibration.append(QJsonObject{{QStringLiteral("predicted"), b.meanPredicted},
                                       {QStringLiteral("true"), b.meanTrue},
                                       {QStringLiteral("lines"), static_cast<double>(b.count)}});
    double meanPredicted = 0, meanTrue = 0;
    for (std::size_t k = 0; k < truth.size(); ++k) {
        meanPredicted += predicted[k];
        meanTrue += truth[k];
    }
    const double n = static_cast<double>(lines.size());
    QJsonObject model{
        {QStringLiteral("kind"), QStringLiteral("two-model logistic (T-learner)")},
        {QStringLiteral("lines"), n},
        {QStringLiteral("qini"), num(core::qiniCoefficient(predicted, truth))},
        {QStringLiteral("spearman"), num(core::spearmanCorrelation(predicted, truth))},
        {QStringLiteral("mean_predicted"), num(n > 0 ? meanPredicted / n : NAN)},
        {QStringLiteral("mean_true"), num(n > 0 ? meanTrue / n : NAN)},
        {QStringLiteral("calibration"), calibration}};
    return QJsonObject{
        {QStringLiteral("policy"), spec.policy},
        {QStringLiteral("discount"), spec.discount},
        {QStringLiteral("margin_assumed"), spec.margin},
        {QStringLiteral("budget"),
         QJsonObject{{QStringLiteral("coupons_per_day"), spec.couponsPerDay},
                     {QStringLiteral("money_per_day"), spec.moneyPerDay}}},
        {QStringLiteral("lines"), n},
        {QStringLiteral("issued"), issued},
        {QStringLiteral("redeemed"), redeemed},
        {QStringLiteral("over_budget"), overBudget},
        {QStringLiteral("explored"), explored},
        {QStringLiteral("discount_spent"), spent},
        {QStringLiteral("orders"), pair(ordersWith, ordersWithout)},
        {QStringLiteral("expected_incremental_orders"), expectedUplift},
        {QStringLiteral("revenue"), pair(revenueWith, revenueWithout)},
        {QStringLiteral("margin_after_discount"), pair(marginWith, marginWithout)},
        {QStringLiteral("cost_per_extra_order"), num(incremental > 0 ? spent / incremental : NAN)},
        {QStringLiteral("expected_cost_per_extra_order"),
         num(expectedUplift > 0 ? expectedCost / expectedUplift : NAN)},
        {QStringLiteral("true_uplift"),
         QJsonObject{
             {QStringLiteral("mean_with_coupon"), num(issued > 0 ? upliftIssued / issued : NAN)},
             {QStringLiteral("mean_without_coupon"),
              num(n - issued > 0 ? upliftOthers / (n - issued) : NAN)}}},
        {QStringLiteral("uplift_model"), model},
        {QStringLiteral("by_day"), byDay}};
}

} // namespace recoscope::sim
