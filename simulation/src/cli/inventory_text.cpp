// The inventory block of `recoscope-cli report` as text (the `inventory` object of
// report --json, inventory_report.h): the scores, then the first warned items.

#include "report_text.h"

#include "text_table.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace recoscope::sim {

namespace {

double value(const QJsonValue& v) {
    return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

QString whole(const QJsonValue& v) {
    return v.isDouble() ? QString::number(static_cast<qint64>(std::llround(v.toDouble())))
                        : QStringLiteral("-");
}

QString field(const QJsonObject& o, const char* name) {
    return whole(o.value(QLatin1String(name)));
}

constexpr int kTextRows = 15; // the rest is in --json

} // namespace

void writeInventoryText(const QJsonObject& inv, QTextStream& out) {
    if (inv.isEmpty())
        return;
    auto v = [&](const char* name) { return inv.value(QLatin1String(name)); };
    TextTable t(QStringLiteral("Inventory warnings: horizon %1 days, smoothing %2, overstock "
                               "beyond %3 days (docs/metrics.md)")
                    .arg(TextTable::number(value(v("horizon_days")), 1),
                         TextTable::number(value(v("smoothing")), 2),
                         TextTable::number(value(v("overstock_days")), 0)));
    if (v("stock_unlimited").toBool()) {
        t.addRow({QStringLiteral("stock is unlimited in this scenario (catalogue.stock_mean 0): "
                                 "nothing sells out")});
        t.write(out);
        return;
    }
    t.addRow({QStringLiteral("sell-out warnings"), field(inv, "warnings"),
              QStringLiteral("confirmed within the horizon"), field(inv, "warnings_confirmed"),
              QStringLiteral("precision"), TextTable::percent(value(v("precision")), 1)});
    t.addRow({QStringLiteral("sell-outs"), field(inv, "sell_outs"),
              QStringLiteral("warned beforehand"), field(inv, "sell_outs_warned"),
              QStringLiteral("recall"), TextTable::percent(value(v("recall")), 1)});
    t.addRow({QStringLiteral("mean lead time"),
              TextTable::number(value(v("mean_lead_days")), 2) + QStringLiteral(" d"),
              QStringLiteral("lost sales"), field(inv, "lost_sales"),
              QStringLiteral("stock shocks"), field(inv, "shock_stock_outs")});
    t.addRow({QStringLiteral("overstocked items"), field(inv, "overstocked_items"),
              QStringLiteral("days closed"), field(inv, "days_closed")});
    t.alignLeft(0);
    t.alignLeft(2);
    t.alignLeft(4);
    t.write(out);
    const QJsonArray items = v("items").toArray();
    if (items.isEmpty())
        return;
    TextTable w(QStringLiteral("Warned items (first %1 of %2, earliest warning first)")
                    .arg(std::min<qsizetype>(items.size(), kTextRows))
                    .arg(field(inv, "items_total")),
                {QStringLiteral("item"), QStringLiteral("first warning (day)"),
                 QStringLiteral("forecast / day"), QStringLiteral("stock"),
                 QStringLiteral("stock-out (day)"), QStringLiteral("lead (days)")});
    for (qsizetype i = 0; i < items.size() && i < kTextRows; ++i) {
        const QJsonObject o = items.at(i).toObject();
        w.addRow({field(o, "item"),
                  TextTable::number(value(o.value(QLatin1String("first_warning_day"))), 2),
                  TextTable::number(value(o.value(QLatin1String("forecast_per_day"))), 2),
                  field(o, "stock"),
                  TextTable::number(value(o.value(QLatin1String("stock_out_day"))), 2),
                  TextTable::number(value(o.value(QLatin1String("lead_days"))), 2)});
    }
    w.write(out);
}

} // namespace recoscope::sim
