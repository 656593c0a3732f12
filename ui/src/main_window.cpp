#include "recoscope/ui/main_window.h"

namespace recoscope::ui {

MainWindow::MainWindow(const core::RecommenderRegistry&, const QString&, QWidget* parent)
    : QMainWindow(parent) {
    setWindowTitle(tr("Recoscope"));
}

} // namespace recoscope::ui
