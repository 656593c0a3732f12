// recoscope: the desktop workbench. main() only; everything else is in recoscope::ui.
//
//   recoscope [--scenario NAME|FILE] [--db FILE] [--lang en|zh_CN] [--plugin FILE]...
//
// Plugins: every library in the plugin folder and RECOSCOPE_PLUGIN_PATH, then each
// --plugin (ui::PluginManager, docs/plugins.md).
//
// The run store defaults to recoscope.db in the per-user data folder
// (QStandardPaths::AppDataLocation, e.g. ~/.local/share/Recoscope/recoscope/ on Linux),
// so the history survives whatever folder the program is started from; when that folder
// cannot be created, recoscope.db in the current folder.

#include "recoscope/core/registry.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/ui/main_window.h"
#include "recoscope/ui/plugin_manager.h"
#include "recoscope/ui/scenario_panel.h"
#include "recoscope/ui/strategy_panel.h"
#ifdef RECOSCOPE_WITH_PYTHON
#include "recoscope/python/python_core_spec.h"
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Recoscope"));
    QApplication::setApplicationName(QStringLiteral("recoscope"));
    QApplication::setApplicationVersion(recoscope::sim::buildVersion());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Recoscope: real-time recommendation workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption scenario(QStringLiteral("scenario"),
                                QStringLiteral("Built-in scenario name or scenario JSON file."),
                                QStringLiteral("name"), QStringLiteral("default"));
    QCommandLineOption db(QStringLiteral("db"), QStringLiteral("SQLite run store to use."),
                          QStringLiteral("file"));
    QCommandLineOption lang(QStringLiteral("lang"),
                            QStringLiteral("Interface language (en, zh_CN)."),
                            QStringLiteral("code"));
    QCommandLineOption plugin(QStringLiteral("plugin"),
                              QStringLiteral("Recommender plugin library to load (repeatable)."),
                              QStringLiteral("file"));
    parser.addOptions({scenario, db, lang, plugin});
    parser.process(app);

    QString dbPath = parser.value(db);
    if (dbPath.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        dbPath = !dir.isEmpty() && QDir().mkpath(dir)
                     ? QDir(dir).filePath(QStringLiteral("recoscope.db"))
                     : QStringLiteral("recoscope.db");
    }

    recoscope::core::RecommenderRegistry registry;
    recoscope::core::registerBuiltinRecommenders(registry);
    // Before the window: the strategy panel restores the last cores, plugin ones included.
    recoscope::ui::PluginManager plugins(registry);
    plugins.loadFolders(recoscope::ui::PluginManager::searchFolders());
    for (const QString& file : parser.values(plugin))
        plugins.load(file);
    recoscope::ui::MainWindow window(registry, dbPath);
#ifdef RECOSCOPE_WITH_PYTHON
    // "Add Python core…": the spec becomes a registry entry (loaded once; its id is the spec).
    window.strategyPanel()->setPythonCoreLoader([&registry](const std::string& spec) {
        return recoscope::python::addPythonCore(registry, spec);
    });
#endif
    window.setPluginManager(&plugins);
    if (parser.isSet(lang))
        window.setLanguage(parser.value(lang));
    const QString name = parser.value(scenario);
    if (QFileInfo::exists(name))
        (void)window.scenarioPanel()->openFile(name);
    else
        window.scenarioPanel()->selectPreset(name);
    window.show();
    return QApplication::exec();
}
