#include "recoscope/sim/validation_issue.h"

namespace recoscope::sim {

QString ValidationIssue::text() const {
    if (kind == Kind::Syntax)
        return QStringLiteral("%1:%2:%3: %4").arg(source).arg(line).arg(column).arg(message);
    if (line > 0)
        return QStringLiteral("%1:%2: %3: %4").arg(source).arg(line).arg(path, message);
    return QStringLiteral("%1: %2: %3").arg(source, path, message);
}

} // namespace recoscope::sim
