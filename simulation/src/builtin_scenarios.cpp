#include "recoscope/sim/builtin_scenarios.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include "recoscope/resources.h"

namespace recoscope::sim {

namespace {
const QString kPrefix = QStringLiteral(":/recoscope/scenarios/");

QStringList orderedNames() {
    initResources();
    QStringList names;
    const QStringList files =
        QDir(kPrefix).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString& f : files)
        names << QFileInfo(f).completeBaseName();
    // "default" first, the others alphabetically.
    if (names.removeOne(QStringLiteral("default")))
        names.prepend(QStringLiteral("default"));
    return names;
}
} // namespace

QByteArray builtinScenarioJson(const QString& name) {
    initResources();
    QFile f(kPrefix + name + QStringLiteral(".json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QList<BuiltinScenarioInfo> builtinScenarios() {
    QList<BuiltinScenarioInfo> out;
    for (const QString& name : orderedNames()) {
        const QJsonObject o = QJsonDocument::fromJson(builtinScenarioJson(name)).object();
        out.append({name, o.value(QStringLiteral("description")).toString()});
    }
    return out;
}

core::Result<Scenario> loadBuiltinScenario(const QString& name) {
    const QByteArray json = builtinScenarioJson(name);
    if (json.isEmpty())
        return core::Error{QStringLiteral("no built-in scenario '%1'; built-in: %2")
                               .arg(name, orderedNames().join(QStringLiteral(", ")))
                               .toStdString()};
    return parseScenario(json, QStringLiteral("builtin:") + name);
}

core::Result<Scenario> loadScenario(const QString& nameOrPath) {
    if (QFileInfo::exists(nameOrPath))
        return loadScenarioFile(nameOrPath);
    if (nameOrPath.contains(QLatin1Char('/')) || nameOrPath.endsWith(QStringLiteral(".json")))
        return core::Error{QStringLiteral("%1: no such file").arg(nameOrPath).toStdString()};
    return loadBuiltinScenario(nameOrPath);
}

} // namespace recoscope::sim
