#include "recoscope/ui/plugin_manager.h"

#include "recoscope/core/registry.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace recoscope::ui {

PluginManager::PluginManager(core::RecommenderRegistry& registry, QObject* parent)
    : QObject(parent), m_registry(registry) {}

QString PluginManager::pluginFolder() {
    const QString set = QSettings().value(folderSettingsKey()).toString();
    if (!set.isEmpty())
        return set;
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return data.isEmpty() ? QString() : QDir(data).filePath(QStringLiteral("plugins"));
}

QStringList PluginManager::searchFolders() {
    QStringList folders;
    if (const QString f = pluginFolder(); !f.isEmpty())
        folders << f;
    folders << sim::PluginLoader::splitSearchPath(
        QString::fromLocal8Bit(qgetenv("RECOSCOPE_PLUGIN_PATH")));
    folders.removeDuplicates();
    return folders;
}

QHash<QString, QString> PluginManager::origins() const {
    QHash<QString, QString> out;
    for (const sim::LoadedPlugin& p : m_loader.plugins())
        for (const std::string& id : p.coreIds)
            out.insert(QString::fromStdString(id), p.path);
    return out;
}

int PluginManager::loadFolders(const QStringList& folders) {
    int loaded = 0;
    for (const QString& folder : folders)
        for (const QString& file : sim::PluginLoader::pluginFiles(folder))
            loaded += load(file) ? 1 : 0;
    return loaded;
}

bool PluginManager::load(const QString& path) {
    auto result = m_loader.load(path, m_registry);
    if (!result) {
        const QString message = QString::fromStdString(result.error());
        m_errors << message;
        emit loadFailed(message);
        return false;
    }
    QStringList ids;
    for (const std::string& id : result.value().coreIds)
        ids << QString::fromStdString(id);
    emit coresAdded(ids);
    return true;
}

} // namespace recoscope::ui
