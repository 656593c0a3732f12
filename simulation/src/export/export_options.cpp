#include "recoscope/sim/event_export.h"

#include "recoscope/sim/id_pseudonymiser.h"

#include <QJsonArray>

#include <cmath>

namespace recoscope::sim {

core::Result<ExportFormat> parseExportFormat(const QString& text) {
    if (text == QLatin1String("csv"))
        return ExportFormat::Csv;
    if (text == QLatin1String("jsonl"))
        return ExportFormat::Jsonl;
    return core::Error{
        QStringLiteral("--format: expected csv or jsonl, got '%1'").arg(text).toStdString()};
}

core::Result<TimeGranularity> parseTimeGranularity(const QString& text) {
    for (TimeGranularity g : {TimeGranularity::Second, TimeGranularity::Minute,
                              TimeGranularity::Hour, TimeGranularity::Day})
        if (text == timeGranularityName(g))
            return g;
    return core::Error{
        QStringLiteral("--time-granularity: expected second, minute, hour or day, got '%1'")
            .arg(text)
            .toStdString()};
}

QString timeGranularityName(TimeGranularity g) {
    switch (g) {
    case TimeGranularity::Exact:
        return QStringLiteral("exact");
    case TimeGranularity::Second:
        return QStringLiteral("second");
    case TimeGranularity::Minute:
        return QStringLiteral("minute");
    case TimeGranularity::Hour:
        return QStringLiteral("hour");
    case TimeGranularity::Day:
        return QStringLiteral("day");
    }
    return {};
}

double floorTime(double time, TimeGranularity g) {
    double step = 1.0;
    switch (g) {
    case TimeGranularity::Exact:
        return time;
    case TimeGranularity::Second:
        break;
    case TimeGranularity::Minute:
        step = 60.0;
        break;
    case TimeGranularity::Hour:
        step = 3600.0;
        break;
    case TimeGranularity::Day:
        // Unix time has no leap seconds: every UTC day is 86,400 s, so midnight UTC is a
        // multiple of it; a run's simulated day starts at a multiple too.
        step = 86400.0;
        break;
    }
    return std::floor(time / step) * step;
}

QJsonObject ExportReport::toJson() const {
    QJsonObject o{{QStringLiteral("source"), source},
                  {QStringLiteral("format"),
                   format == ExportFormat::Csv ? QStringLiteral("csv") : QStringLiteral("jsonl")},
                  {QStringLiteral("events"), events},
                  {QStringLiteral("users"), users},
                  {QStringLiteral("items"), items},
                  {QStringLiteral("anonymised"), anonymised},
                  {QStringLiteral("ids"),
                   anonymised
                       ? QStringLiteral("hashed: HMAC-SHA256 with the salt, first %1 hex digits")
                             .arg(IdPseudonymiser::kHexDigits)
                       : (hasDemographics ? QStringLiteral("dense ids of the run")
                                          : QStringLiteral("external ids of the log"))},
                  {QStringLiteral("time_granularity"), timeGranularityName(granularity)},
                  {QStringLiteral("k"), anonymised ? QJsonValue(k) : QJsonValue()}};
    QJsonArray fields;
    if (hasDemographics)
        for (const char* f : {"age_band", "gender", "occupation", "region"})
            fields.append(QLatin1String(f));
    o.insert(QStringLiteral("quasi_identifiers"), fields);
    if (anonymised && hasDemographics) {
        o.insert(QStringLiteral("suppressed_users"),
                 QJsonObject{{QStringLiteral("age_band"), suppressedUsers[0]},
                             {QStringLiteral("gender"), suppressedUsers[1]},
                             {QStringLiteral("occupation"), suppressedUsers[2]},
                             {QStringLiteral("region"), suppressedUsers[3]}});
        o.insert(QStringLiteral("users_without_region"), usersWithoutRegion);
        o.insert(QStringLiteral("users_without_demographics"), usersWithoutAny);
        o.insert(QStringLiteral("events_with_suppressed_fields"), eventsWithSuppression);
    }
    if (!hasDemographics)
        o.insert(QStringLiteral("note"),
                 anonymised ? QStringLiteral("the log has no demographics: only ids and times "
                                             "were transformed")
                            : QStringLiteral("the log has no demographics"));
    return o;
}

} // namespace recoscope::sim
