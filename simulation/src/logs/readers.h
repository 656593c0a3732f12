#pragma once
// One opener per format behind LogReader::open. Private to recoscope::simulation.

#include "recoscope/sim/log_reader.h"

namespace recoscope::sim::logs {

using Opened = core::Result<std::unique_ptr<LogReader>>;

/// u.data (tab separated, no header) or ratings.csv (header), told apart by line 1.
Opened openMovieLens(const QString& path);
/// events.csv with its header; columns are found by name.
Opened openRetailRocket(const QString& path);
/// clicks.dat or buys.dat, told apart by the field count of the first record.
Opened openYoochoose(const QString& path);
/// Any delimited file with a header; `map` names the columns of each role.
Opened openCsv(const QString& path, const ColumnMap& map);

} // namespace recoscope::sim::logs
