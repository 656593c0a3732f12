#pragma once
// The dialogs behind "Add Python core…": pick a .py file and one of its classes, and show a
// load failure (a Python traceback) readably. No Python here: the spec goes to the
// loader the application gives StrategyPanel.

#include <QString>

class QWidget;

namespace recoscope::ui {

/// Asks for a .py file, then for one of the classes it defines (no question when there
/// is only one); "py:FILE:CLASS", or empty when cancelled or the file defines no class
/// (then says so).
QString pickPythonCoreSpec(QWidget* parent);

/// A warning box whose details hold the full message (tracebacks are long).
void showPythonCoreError(QWidget* parent, const QString& error);

} // namespace recoscope::ui
