#pragma once
// The scenarios shipped in resources/scenarios, compiled into the binary.

#include "recoscope/sim/scenario.h"

#include <QString>
#include <QStringList>

namespace recoscope::sim {

struct BuiltinScenarioInfo {
    QString name;
    QString description;
};

/// Names and descriptions, in display order ("default" first).
QList<BuiltinScenarioInfo> builtinScenarios();

/// A built-in scenario by name.
core::Result<Scenario> loadBuiltinScenario(const QString& name);

/// A built-in name or a file path: names win when there is no such file.
core::Result<Scenario> loadScenario(const QString& nameOrPath);

/// The raw JSON of a built-in scenario (for the editor's JSON tab); empty if unknown.
QByteArray builtinScenarioJson(const QString& name);

} // namespace recoscope::sim
