// recoscope: the desktop workbench. main() only; everything else is in recoscope::ui.

#include "recoscope/core/registry.h"
#include "recoscope/ui/main_window.h"

#include <QApplication>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("recoscope"));
    recoscope::core::RecommenderRegistry registry;
    recoscope::core::registerBuiltinRecommenders(registry);
    recoscope::ui::MainWindow window(registry, QString());
    window.show();
    return QApplication::exec();
}
