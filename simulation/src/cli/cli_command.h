#pragma once
// What every recoscope-cli command class shares: the streams it writes to and its two ways
// of failing (docs/cli.md, "Exit codes"). The command classes derive from it.

#include "recoscope/sim/command_line.h"

#include <QString>
#include <QTextStream>

namespace recoscope::sim {

class CliCommand {
protected:
    CliCommand(QTextStream& out, QTextStream& err) : m_out(out), m_err(err) {}

    /// The message and a pointer to --help on stderr; returns ExitUsage (2).
    int usage(const QString& message) {
        m_err << "recoscope-cli: " << message << "\nTry 'recoscope-cli --help'.\n";
        m_err.flush();
        return ExitUsage;
    }
    /// The message on stderr; returns `code`.
    int fail(int code, const QString& message) {
        m_err << "recoscope-cli: " << message << '\n';
        m_err.flush();
        return code;
    }

    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace recoscope::sim
