#pragma once
// `recoscope-cli export` (docs/cli.md, docs/export-format.md): the events of a stored run
// or an imported log as CSV or JSONL, to a file (written to a temporary file and renamed
// at the end, so a failed export leaves no half-written file) or to stdout; optionally
// anonymised. The report of what was written and removed goes to stderr.
// Exit codes as CommandLine's; 3 also when the output file cannot be written, 1 when two
// ids get the same pseudonym.

#include <QStringList>
#include <QTextStream>

namespace recoscope::sim {

class ExportCommand {
public:
    ExportCommand(QTextStream& out, QTextStream& err) : m_out(out), m_err(err) {}

    int run(const QStringList& args);

private:
    int usage(const QString& message);
    int fail(int code, const QString& message);

    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace recoscope::sim
