#pragma once
// `recoscope-cli merge DB... --out FILE [--json]` (docs/cli.md): StoreMerger behind a
// command line. Exit 2 on a usage error, 4 when a store cannot be merged (missing,
// corrupt, of another schema version, a run still running, the same run twice): the
// message names the file(s) and the output is left as it was.

#include <QStringList>
#include <QTextStream>

namespace recoscope::sim {

class MergeCommand {
public:
    MergeCommand(QTextStream& out, QTextStream& err) : m_out(out), m_err(err) {}

    int run(const QStringList& args);

private:
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace recoscope::sim
