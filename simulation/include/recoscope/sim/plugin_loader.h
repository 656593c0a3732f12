#pragma once
// PluginLoader: adds the cores of recommender plugins (shared libraries built against
// recoscope/core/plugin_api.h, docs/plugins.md) to a registry at run time.
//
// Every expected failure comes back as an English message naming the file: not found, not
// a loadable library, a missing entry point, another interface version (both versions
// named), another compiler or standard library (fingerprints differ), an entry the registry
// refuses (empty or duplicate id, no factory, a default out of its range), an exception
// thrown by the plugin while it lists its cores. A plugin's cores are added all or none.
// Loaded libraries are never unloaded: their code backs the registry's factories and every
// core they built.
//
// Not thread-safe, and neither is the registry it adds to: load only while no other thread
// reads that registry (the CLI loads before its command runs; the GUI at start-up and,
// through "Load plugin…", only while no run or replay is going on).

#include "recoscope/core/registry.h"
#include "recoscope/core/result.h"

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace recoscope::sim {

struct LoadedPlugin {
    QString path; ///< canonical file path
    QString name; ///< RecoscopePluginInfo::name
    QString version;
    std::vector<std::string> coreIds; ///< in the plugin's order
};

class PluginLoader {
public:
    /// Loads the library at `path`, checks it and adds its cores to `registry`. Loading the
    /// same file twice is refused ("already loaded").
    core::Result<LoadedPlugin> load(const QString& path, core::RecommenderRegistry& registry);

    /// Every loaded plugin, in load order.
    const std::vector<LoadedPlugin>& plugins() const { return m_plugins; }
    /// The file a core was loaded from; empty for a core no plugin of this loader added
    /// (a built-in one).
    QString originOf(const std::string& coreId) const;

    /// The plugin files of a folder (*.so, *.dylib, *.dll; not recursive), sorted by name
    /// so that the load order (and which of two clashing ids wins) does not depend on the
    /// file system. Empty for a missing folder.
    static QStringList pluginFiles(const QString& folder);

    /// The folders in `pathList` separated by ':' (';' on Windows), as in
    /// RECOSCOPE_PLUGIN_PATH; empty entries dropped.
    static QStringList splitSearchPath(const QString& pathList);

private:
    std::vector<LoadedPlugin> m_plugins;
};

} // namespace recoscope::sim
