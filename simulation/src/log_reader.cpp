#include "recoscope/sim/log_reader.h"

#include "logs/log_text.h"
#include "logs/readers.h"

#include <QStringList>

#include <algorithm>
#include <array>

namespace recoscope::sim {

namespace {
constexpr std::array<std::pair<const char*, LogReader::Format>, 4> kFormats = {{
    {"movielens", LogReader::Format::MovieLens},
    {"retailrocket", LogReader::Format::RetailRocket},
    {"yoochoose", LogReader::Format::Yoochoose},
    {"csv", LogReader::Format::Csv},
}};
constexpr std::array<const char*, 5> kRoles = {"user", "item", "time", "event", "value"};
constexpr const char* kRoleList = "user, item, time, event or value";
} // namespace

core::Result<LogReader::Format> LogReader::parseFormat(const QString& name) {
    const QString wanted = name.trimmed().toLower();
    for (const auto& [id, format] : kFormats)
        if (wanted == QLatin1String(id))
            return format;
    return core::Error{"unknown log format '" + logs::escaped(name.toStdString()) +
                       "': expected movielens, retailrocket, yoochoose or csv"};
}

core::Result<ColumnMap> LogReader::parseMap(const QString& text) {
    ColumnMap map;
    if (text.trimmed().isEmpty())
        return map;
    for (const QString& pair : text.split(QLatin1Char(','))) {
        const std::string shown = logs::escaped(pair.toStdString());
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq < 0)
            return core::Error{"column map: expected ROLE=COLUMN with ROLE one of " +
                               std::string(kRoleList) + ", got '" + shown + "'"};
        const QString role = pair.left(eq).trimmed().toLower();
        const QString column = pair.mid(eq + 1).trimmed();
        if (std::find_if(kRoles.begin(), kRoles.end(),
                         [&](const char* r) { return role == QLatin1String(r); }) == kRoles.end())
            return core::Error{"column map: unknown role in '" + shown + "': expected " +
                               std::string(kRoleList)};
        if (column.isEmpty())
            return core::Error{"column map: expected a column name after '=', got '" + shown + "'"};
        if (!map.emplace(role, column).second)
            return core::Error{"column map: role " + role.toStdString() +
                               " is mapped twice, got '" + shown + "'"};
    }
    return map;
}

core::Result<std::unique_ptr<LogReader>> LogReader::open(const QString& path, Format format,
                                                         const ColumnMap& map) {
    if (format != Format::Csv && !map.empty())
        return core::Error{path.toStdString() +
                           ": a column map applies only to the csv format; the other formats "
                           "have fixed columns"};
    switch (format) {
    case Format::MovieLens:
        return logs::openMovieLens(path);
    case Format::RetailRocket:
        return logs::openRetailRocket(path);
    case Format::Yoochoose:
        return logs::openYoochoose(path);
    case Format::Csv:
        return logs::openCsv(path, map);
    }
    return core::Error{"unknown log format"};
}

} // namespace recoscope::sim
