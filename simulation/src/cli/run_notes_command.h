#pragma once
// The run listing and the text a user writes on runs (docs/cli.md):
//   recoscope-cli runs [--db FILE] [--filter TEXT] [--json]
//   recoscope-cli label --run N [--db FILE] [--json] TEXT
//   recoscope-cli note --run N [--db FILE] [--json] (TEXT | --file FILE)
// `runs` lists every run with its parameters, label and note. `label` and `note` replace
// one run's label or note ("" clears it) in one statement: on any error nothing changes.
// Exit 0 done; 2 usage (a label that is too long, not one line, or starts with "sweep:"; a
// note that is too long); 3 a --file that cannot be read or is not UTF-8; 4 a missing,
// locked or read-only store, no such run, or a sweep job's run (its label is the sweep's
// key).

#include "cli_command.h"
#include <QStringList>
#include <QTextStream>

namespace recoscope::sim {

class RunNotesCommand : private CliCommand {
public:
    RunNotesCommand(QTextStream& out, QTextStream& err) : CliCommand(out, err) {}

    int runs(const QStringList& args);
    int label(const QStringList& args);
    int note(const QStringList& args);

private:
    enum class Field { Label, Note };
    int annotate(const QStringList& args, Field field);
};

} // namespace recoscope::sim
