#include "recoscope/sim/beyond_accuracy_json.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace recoscope::sim {

namespace {

QJsonValue number(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject beyondAccuracyJson(const core::BeyondAccuracyPoint& t,
                               const core::RetentionTable& retention) {
    QJsonObject o;
    // null, not 0, where a figure has nothing to average (report and the GUI print "-").
    for (int f = 0; f < core::BeyondAccuracyPoint::FigureCount; ++f)
        o.insert(QLatin1String(core::BeyondAccuracyPoint::figureName(f)),
                 t.defined(f) ? number(t.figure(f)) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("slates"), static_cast<double>(t.slates));
    o.insert(QStringLiteral("impressions"), static_cast<double>(t.impressions));
    o.insert(QStringLiteral("orders"), static_cast<double>(t.orders));
    o.insert(QStringLiteral("active_users"), static_cast<double>(t.activeUsers));
    QJsonArray rows;
    for (const std::vector<double>& row : retention.rows) {
        QJsonArray r;
        for (double v : row)
            r.append(number(v));
        rows.append(r);
    }
    o.insert(QStringLiteral("retention"),
             QJsonObject{{QStringLiteral("first_day"), retention.firstDay},
                         {QStringLiteral("rows"), rows}});
    return o;
}

bool readBeyondAccuracyJson(const QJsonObject& o, core::BeyondAccuracyPoint& total,
                            core::RetentionTable& retention) {
    if (!o.contains(QLatin1String(core::BeyondAccuracyPoint::figureName(0))))
        return false;
    core::BeyondAccuracyPoint t;
    for (int f = 0; f < core::BeyondAccuracyPoint::FigureCount; ++f) {
        const char* name = core::BeyondAccuracyPoint::figureName(f);
        const QJsonValue v = o.value(QLatin1String(name));
        if (v.isDouble())
            t.setNamed(name, v.toDouble());
    }
    t.hasLatent = o.value(QStringLiteral("ild_latent")).isDouble();
    auto count = [&](const char* key) {
        return static_cast<std::uint64_t>(std::llround(o.value(QLatin1String(key)).toDouble()));
    };
    t.slates = count("slates");
    t.impressions = count("impressions");
    t.orders = count("orders");
    t.activeUsers = count("active_users");
    const QJsonObject r = o.value(QStringLiteral("retention")).toObject();
    core::RetentionTable table;
    table.firstDay = r.value(QStringLiteral("first_day")).toInt();
    for (const QJsonValue& row : r.value(QStringLiteral("rows")).toArray()) {
        std::vector<double> cells;
        for (const QJsonValue& v : row.toArray())
            cells.push_back(v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN());
        table.rows.push_back(std::move(cells));
    }
    total = t;
    retention = std::move(table);
    return true;
}

} // namespace recoscope::sim
