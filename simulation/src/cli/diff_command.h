#pragma once
// `recoscope-cli diff A B [--db FILE] [--all] [--json]` (docs/cli.md): what differs
// between two stored runs' set-ups (core, seed, parameters, every scenario field), one
// line per differing leaf (every leaf with --all). Exit 0 whether or not they differ;
// 2 on a usage error; 4 when the store or a run cannot be read.

#include "cli_command.h"
#include <QStringList>
#include <QTextStream>

namespace recoscope::sim {

class DiffCommand : private CliCommand {
public:
    DiffCommand(QTextStream& out, QTextStream& err) : CliCommand(out, err) {}

    int run(const QStringList& args);
};

} // namespace recoscope::sim
