#pragma once
// `recoscope-cli list-scenario-fields` (docs/cli.md): the scenario field table
// (scenario_fields.h) as tab-separated lines, as JSON (--json), as the Markdown field
// reference (--markdown), or written into a document between
// <!-- scenario-fields:begin --> and <!-- scenario-fields:end --> (--update FILE, what
// `make scenario-fields-doc` does to docs/scenario-format.md).
// Exit codes as CommandLine's; 3 when the document cannot be read, lacks the markers or
// cannot be written.

#include "cli_command.h"
#include <QStringList>
#include <QTextStream>

namespace recoscope::sim {

class ScenarioFieldsCommand : private CliCommand {
public:
    ScenarioFieldsCommand(QTextStream& out, QTextStream& err) : CliCommand(out, err) {}

    int run(const QStringList& args);

    /// `doc` with the text between the markers replaced by the generated reference;
    /// empty when the markers are missing or out of order.
    static QString updatedDocument(const QString& doc);
};

} // namespace recoscope::sim
