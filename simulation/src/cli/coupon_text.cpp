// The coupons block (coupon_report.h) as text, for `report` and `run`: the lines that got
// a coupon with and without it under the same dice, the cost per extra order, and how
// well the uplift model ranks and calibrates against the true uplift.

#include "report_text.h"

#include "text_table.h"

#include <QJsonArray>

#include <cmath>

namespace recoscope::sim {

namespace {

double value(const QJsonValue& v) {
    return v.isDouble() ? v.toDouble() : NAN;
}
QString n(const QJsonValue& v, int decimals) {
    return TextTable::number(value(v), decimals);
}

} // namespace

void writeCouponText(const QJsonObject& c, QTextStream& out) {
    if (c.isEmpty())
        return;
    const QJsonObject budget = c.value(QStringLiteral("budget")).toObject();
    TextTable t(QStringLiteral("Coupons: policy %1, %2 off, budget %3 coupons / %4 money per day "
                               "(0 = no limit); %5 checkout lines, %6 coupons issued, %7 redeemed, "
                               "%8 refused by the budget")
                    .arg(c.value(QStringLiteral("policy")).toString(),
                         TextTable::percent(value(c.value(QStringLiteral("discount"))), 0),
                         n(budget.value(QStringLiteral("coupons_per_day")), 0),
                         n(budget.value(QStringLiteral("money_per_day")), 2),
                         n(c.value(QStringLiteral("lines")), 0),
                         n(c.value(QStringLiteral("issued")), 0),
                         n(c.value(QStringLiteral("redeemed")), 0),
                         n(c.value(QStringLiteral("over_budget")), 0)),
                {QStringLiteral("lines with a coupon"), QStringLiteral("with coupon"),
                 QStringLiteral("same dice, no coupon"), QStringLiteral("incremental")});
    t.alignLeft(0);
    const QString marginTitle =
        QStringLiteral("margin after discount (%1 assumed)")
            .arg(TextTable::percent(value(c.value(QStringLiteral("margin_assumed"))), 0));
    for (const auto& [name, label, decimals] :
         {std::tuple{"orders", QStringLiteral("orders"), 0},
          std::tuple{"revenue", QStringLiteral("revenue"), 2},
          std::tuple{"margin_after_discount", marginTitle, 2}}) {
        const QJsonObject o = c.value(QString::fromLatin1(name)).toObject();
        t.addRow({label, n(o.value(QStringLiteral("with_coupons")), decimals),
                  n(o.value(QStringLiteral("without_coupons")), decimals),
                  n(o.value(QStringLiteral("incremental")), decimals)});
    }
    t.write(out);
    const QJsonObject model = c.value(QStringLiteral("uplift_model")).toObject();
    out << "  discount spent " << n(c.value(QStringLiteral("discount_spent")), 2)
        << "; cost per extra order " << n(c.value(QStringLiteral("cost_per_extra_order")), 2)
        << " (expected from the true uplift "
        << n(c.value(QStringLiteral("expected_cost_per_extra_order")), 2)
        << ", expected extra orders "
        << n(c.value(QStringLiteral("expected_incremental_orders")), 1) << ")\n"
        << "  uplift model   Qini " << n(model.value(QStringLiteral("qini")), 3) << ", Spearman "
        << n(model.value(QStringLiteral("spearman")), 3) << " against the true uplift; mean "
        << n(model.value(QStringLiteral("mean_predicted")), 4) << " predicted vs "
        << n(model.value(QStringLiteral("mean_true")), 4) << " true\n";
    TextTable cal(QStringLiteral("Uplift calibration (lines by predicted uplift, five groups)"),
                  {QStringLiteral("lines"), QStringLiteral("predicted"), QStringLiteral("true")});
    for (const QJsonValue& v : model.value(QStringLiteral("calibration")).toArray()) {
        const QJsonObject b = v.toObject();
        cal.addRow({n(b.value(QStringLiteral("lines")), 0),
                    n(b.value(QStringLiteral("predicted")), 4),
                    n(b.value(QStringLiteral("true")), 4)});
    }
    out << '\n';
    cal.write(out);
}

} // namespace recoscope::sim
