#pragma once
// PluginManager: the workbench's recommender plugins (docs/plugins.md). Loads plugin
// libraries into the registry the whole window uses, at start-up from the plugin folders
// and later from "File > Load plugin…"; the strategy panel's list then shows their cores
// beside the built-in ones (RecommenderListModel::refresh).
//
// Folders scanned at start-up, in order: the settings key `plugins/folder` (default
// <AppDataLocation>/plugins, e.g. ~/.local/share/Recoscope/recoscope/plugins), then every
// folder of the environment variable RECOSCOPE_PLUGIN_PATH (':'-separated).
//
// A plugin that fails to load never stops the workbench: its message (naming the file)
// is kept in errors() and announced by loadFailed(). GUI thread only. Loading while a run,
// replay or off-policy check goes on is safe: those read a snapshot of the registry taken
// when they started (RunController, OpeWindow), never the registry this grows.

#include "recoscope/sim/plugin_loader.h"

#include <QHash>
#include <QObject>
#include <QStringList>

namespace recoscope::core {
class RecommenderRegistry;
}

namespace recoscope::ui {

class PluginManager : public QObject {
    Q_OBJECT
public:
    /// The registry must outlive the manager (and every window using it).
    explicit PluginManager(core::RecommenderRegistry& registry, QObject* parent = nullptr);

    /// The settings key of the plugin folder.
    static QString folderSettingsKey() { return QStringLiteral("plugins/folder"); }
    /// The plugin folder from the settings, or its default when unset.
    static QString pluginFolder();
    /// pluginFolder() then the folders of RECOSCOPE_PLUGIN_PATH.
    static QStringList searchFolders();

    /// Loads every plugin file of the folders (PluginLoader::pluginFiles); returns how
    /// many loaded. Failures go to errors() and loadFailed().
    int loadFolders(const QStringList& folders);
    /// Loads one plugin; true when its cores were added.
    bool load(const QString& path);

    const std::vector<sim::LoadedPlugin>& plugins() const { return m_loader.plugins(); }
    /// Core id -> plugin file, for every core a plugin added.
    QHash<QString, QString> origins() const;
    /// Every load failure so far, oldest first (English, from the loader).
    const QStringList& errors() const { return m_errors; }

signals:
    /// A plugin was loaded; `coreIds` are its cores, now in the registry.
    void coresAdded(const QStringList& coreIds);
    /// A plugin could not be loaded; `message` names the file and the reason.
    void loadFailed(const QString& message);

private:
    core::RecommenderRegistry& m_registry;
    sim::PluginLoader m_loader;
    QStringList m_errors;
};

} // namespace recoscope::ui
