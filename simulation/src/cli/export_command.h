#pragma once
// `recoscope-cli export` (docs/cli.md, docs/export-format.md): the events of a stored run
// or an imported log as CSV or JSONL, to a file (written to a temporary file and renamed
// at the end, so a failed export leaves no half-written file) or to stdout; optionally
// anonymised. The report of what was written and removed goes to stderr.
// Exit codes as CommandLine's; 3 also when the output file cannot be written, 1 when two
// ids get the same pseudonym.

#include "cli_command.h"
#include <QStringList>
#include <QTextStream>

namespace recoscope::sim {

class ExportCommand : private CliCommand {
public:
    ExportCommand(QTextStream& out, QTextStream& err) : CliCommand(out, err) {}

    int run(const QStringList& args);
};

} // namespace recoscope::sim
