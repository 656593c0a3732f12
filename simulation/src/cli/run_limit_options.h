#pragma once
// The `--events N` and `--days D` options of run, compare and sweep, read one way.

#include "recoscope/sim/engine.h"

#include <QCommandLineParser>
#include <QString>

namespace recoscope::sim {

/// Reads the set options into `limits`; returns the usage message for a bad value
/// (empty when both are absent or valid).
QString readRunLimits(const QCommandLineParser& p, const QCommandLineOption& events,
                      const QCommandLineOption& days, RunLimits& limits);

} // namespace recoscope::sim
