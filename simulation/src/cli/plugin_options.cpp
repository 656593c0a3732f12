#include "plugin_options.h"

#include "recoscope/sim/plugin_loader.h"

namespace recoscope::sim {

bool acceptsPluginOption(const QString& command) {
    static const QStringList commands = {QStringLiteral("run"),
                                         QStringLiteral("compare"),
                                         QStringLiteral("sweep"),
                                         QStringLiteral("ope"),
                                         QStringLiteral("replay"),
                                         QStringLiteral("evaluate"),
                                         QStringLiteral("list-recommenders")};
    return commands.contains(command);
}

QStringList takePluginOptions(QStringList& args, QString& error) {
    static const QString flag = QStringLiteral("--plugin");
    static const QString prefix = QStringLiteral("--plugin=");
    QStringList files;
    QStringList kept;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == flag) {
            if (i + 1 >= args.size() || args.at(i + 1).startsWith(QLatin1String("--"))) {
                error = QStringLiteral("--plugin needs a file (a plugin library, e.g. "
                                       "--plugin build/plugins/libprice_neighbours.so)");
                return {};
            }
            files << args.at(++i);
        } else if (a.startsWith(prefix)) {
            if (a.size() == prefix.size()) {
                error = QStringLiteral("--plugin= needs a file");
                return {};
            }
            files << a.mid(prefix.size());
        } else {
            kept << a;
        }
    }
    args = kept;
    return files;
}

core::RecommenderRegistry registryWithPlugins(const core::RecommenderRegistry& base,
                                              const QStringList& plugins, QString& error,
                                              QHash<QString, QString>& origins) {
    core::RecommenderRegistry registry(base);
    PluginLoader loader;
    for (const QString& file : plugins) {
        auto loaded = loader.load(file, registry);
        if (!loaded) {
            error = QString::fromStdString(loaded.error());
            break;
        }
        for (const std::string& id : loaded.value().coreIds)
            origins.insert(QString::fromStdString(id), loaded.value().path);
    }
    return registry;
}

} // namespace recoscope::sim
