#pragma once
// Scenario validation messages come from the simulation in English
// ("file:12: $.catalogue.items: expected a whole number in [10, 2000000], got the number 5").
// The workbench translates the message part of the known forms and keeps the location;
// unknown forms stay in English.

#include <QString>

namespace recoscope::ui {

QString translateValidationLine(const QString& line);

} // namespace recoscope::ui
