#pragma once
// `recoscope-cli diff A B [--db FILE] [--all] [--json]` (docs/cli.md): what differs
// between two stored runs' set-ups (core, seed, parameters, every scenario field), one
// line per differing leaf (every leaf with --all). Exit 0 whether or not they differ;
// 2 on a usage error; 4 when the store or a run cannot be read.

#include <QStringList>
#include <QTextStream>

namespace recoscope::sim {

class DiffCommand {
public:
    DiffCommand(QTextStream& out, QTextStream& err) : m_out(out), m_err(err) {}

    int run(const QStringList& args);

private:
    int usage(const QString& message);
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace recoscope::sim
