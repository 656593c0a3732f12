#pragma once
// `--plugin FILE` on every command that takes recommender ids (run, compare, sweep, ope,
// replay, evaluate, list-recommenders): the plugin's cores join the registry for that
// command. Read before the command's own parser, which never sees the option.

#include "recoscope/core/registry.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace recoscope::sim {

/// True for the commands that accept --plugin.
bool acceptsPluginOption(const QString& command);

/// Removes every `--plugin FILE` and `--plugin=FILE` from `args` and returns the files in
/// order. A --plugin without a file sets `error` (a usage message).
QStringList takePluginOptions(QStringList& args, QString& error);

/// Copies `base` and loads each plugin into the copy; `origins` maps each added core id to
/// its file. On failure `error` holds the loader's message (naming the file) and the
/// returned registry is incomplete.
core::RecommenderRegistry registryWithPlugins(const core::RecommenderRegistry& base,
                                              const QStringList& plugins, QString& error,
                                              QHash<QString, QString>& origins);

} // namespace recoscope::sim
