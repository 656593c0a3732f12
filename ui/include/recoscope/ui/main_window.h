#pragma once
// The workbench's main window (stub until the panels land).

#include <QMainWindow>

namespace recoscope::core {
class RecommenderRegistry;
}

namespace recoscope::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(const core::RecommenderRegistry& registry, const QString& dbPath,
               QWidget* parent = nullptr);
};

} // namespace recoscope::ui
