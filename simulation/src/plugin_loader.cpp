#include "recoscope/sim/plugin_loader.h"

#include "recoscope/core/plugin_api.h"

#include <QDir>
#include <QFileInfo>
#include <QLibrary>

#include <algorithm>
#include <cassert>
#include <exception>
#include <set>

namespace recoscope::sim {

namespace {

std::string hex(std::uint64_t v) {
    return QStringLiteral("%1").arg(v, 16, 16, QLatin1Char('0')).toStdString();
}

core::Error failure(const QString& path, const std::string& why) {
    return core::Error{"plugin " + path.toStdString() + ": " + why};
}

} // namespace

core::Result<LoadedPlugin> PluginLoader::load(const QString& path,
                                              core::RecommenderRegistry& registry) {
    const QFileInfo file(path);
    if (!file.exists())
        return failure(path, "no such file");
    if (!file.isFile())
        return failure(path, "not a file");
    const QString canonical = file.canonicalFilePath();
    for (const LoadedPlugin& p : m_plugins)
        if (p.path == canonical)
            return failure(canonical, "already loaded");

    // QLibrary, never unloaded (its destructor leaves the library mapped): the factories
    // and vtables of the plugin's cores live in its code. Local symbols (RTLD_LOCAL, the
    // default), so that two plugins each carrying a copy of the static core do not bind to
    // each other's copy.
    QLibrary library(canonical);
    if (!library.load())
        return failure(canonical,
                       "not a loadable library (" + library.errorString().toStdString() + ")");
    auto info =
        reinterpret_cast<RecoscopePluginInfoFunction>(library.resolve(core::kPluginInfoSymbol));
    if (!info)
        return failure(canonical, std::string("no '") + core::kPluginInfoSymbol +
                                      "' entry point: not a Recoscope plugin, or built without "
                                      "RECOSCOPE_PLUGIN_INFO");
    const RecoscopePluginInfo* about = info();
    if (!about)
        return failure(canonical, std::string(core::kPluginInfoSymbol) + " returned nothing");
    // The version before anything else in the struct that a newer interface might move.
    if (about->interface_version != RECOSCOPE_PLUGIN_INTERFACE_VERSION)
        return failure(canonical, "built against plugin interface version " +
                                      std::to_string(about->interface_version) +
                                      ", but this Recoscope loads version " +
                                      std::to_string(RECOSCOPE_PLUGIN_INTERFACE_VERSION) +
                                      "; rebuild the plugin against this Recoscope's headers");
    constexpr std::uint64_t ours = core::pluginAbiFingerprint();
    if (about->abi_fingerprint != ours)
        return failure(canonical, "built with another compiler, standard library or core headers "
                                  "(ABI fingerprint " +
                                      hex(about->abi_fingerprint) + ", this Recoscope " +
                                      hex(ours) +
                                      "); rebuild it with the compiler and the installed "
                                      "Recoscope this program was built with");
    auto entry =
        reinterpret_cast<core::PluginEntryFunction>(library.resolve(core::kPluginEntrySymbol));
    if (!entry)
        return failure(canonical, std::string("no '") + core::kPluginEntrySymbol +
                                      "' entry point (the function that lists its cores)");

    LoadedPlugin loaded;
    loaded.path = canonical;
    loaded.name = QString::fromUtf8(about->name ? about->name : "");
    loaded.version = QString::fromUtf8(about->version ? about->version : "");
    std::vector<core::RecommenderEntry> cores;
    try {
        entry(&cores);
    } catch (const std::exception& e) {
        return failure(canonical, std::string("failed while listing its cores: ") + e.what());
    } catch (...) {
        return failure(canonical, "failed while listing its cores (unknown exception)");
    }
    if (cores.empty())
        return failure(canonical, "lists no cores");
    // All or none: every check RecommenderRegistry::add() makes, done before the first add.
    std::set<std::string> ids;
    for (const core::RecommenderEntry& e : cores) {
        std::string why;
        if (e.id.empty())
            why = "a core has an empty id";
        else if (registry.find(e.id) || !ids.insert(e.id).second)
            why = "recommender id '" + e.id + "' is registered twice";
        else if (!e.make)
            why = "core '" + e.id + "' has no factory";
        for (const core::ParamSpec& spec : e.params)
            if (core::Status st = core::checkParamValue(spec, spec.fallback); why.empty() && !st)
                why = "core '" + e.id + "': default of " + st.error();
        if (!why.empty())
            return failure(canonical, why + "; none of its cores was added");
    }
    for (core::RecommenderEntry& e : cores) {
        loaded.coreIds.push_back(e.id);
        [[maybe_unused]] core::Status st = registry.add(std::move(e));
        assert(st.ok()); // checked above
    }
    m_plugins.push_back(loaded);
    return loaded;
}

QString PluginLoader::originOf(const std::string& coreId) const {
    for (const LoadedPlugin& p : m_plugins)
        if (std::find(p.coreIds.begin(), p.coreIds.end(), coreId) != p.coreIds.end())
            return p.path;
    return {};
}

QStringList PluginLoader::pluginFiles(const QString& folder) {
    QDir dir(folder);
    if (folder.isEmpty() || !dir.exists())
        return {};
    const QStringList names =
        dir.entryList({QStringLiteral("*.so"), QStringLiteral("*.dylib"), QStringLiteral("*.dll")},
                      QDir::Files | QDir::Readable, QDir::Name);
    QStringList out;
    for (const QString& n : names)
        out << dir.absoluteFilePath(n);
    return out;
}

QStringList PluginLoader::splitSearchPath(const QString& pathList) {
    return pathList.split(QDir::listSeparator(), Qt::SkipEmptyParts);
}

} // namespace recoscope::sim
