#pragma once
// Editors for the scenario form, built from a row of the scenario field table
// (sim::ScenarioField): spin boxes with the row's range, decimals and unit, a choice box,
// a comma-separated line for weights. Labels, units and help are translated through the
// "ScenarioField" and "ScenarioUnit" contexts. GUI thread only.

#include "recoscope/sim/scenario_fields.h"

#include <QJsonValue>
#include <QString>

#include <functional>

class QWidget;

namespace recoscope::ui {

class ScenarioFieldEditor {
public:
    /// An editor showing `value`, calling `edited` with each new value as JSON; its object
    /// name is the field's JSON path ("$.catalogue.items"). nullptr for rows the form does
    /// not edit (format, name, description, objects). Text that cannot be a value of the
    /// row's kind (a weight "abc") is not passed on: `rejected` gets the reason instead.
    static QWidget* create(const sim::ScenarioField& field, const QJsonValue& value,
                           std::function<void(const QJsonValue&)> edited,
                           std::function<void(const QString&)> rejected);
    /// The row's label in the current language.
    static QString label(const sim::ScenarioField& field);
    /// Help, range and JSON path in the current language, for tooltips.
    static QString toolTip(const sim::ScenarioField& field);
    /// The range a spin box can offer: the row's range narrowed to the values its
    /// decimals can show (open bounds step one shown unit inside).
    static double shownMin(const sim::ScenarioField& field);
    static double shownMax(const sim::ScenarioField& field);
};

} // namespace recoscope::ui
