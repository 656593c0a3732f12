#pragma once
// How a slate entry (sim::ExplainedEntry) reads in the teaching panel and the shopper
// inspector: the score as its explanation prints it, so the two never disagree.

#include "recoscope/sim/inspection.h"

#include <QString>

namespace recoscope::ui {

/// The score cell: the explanation's own digits ("2.0"), "–" for a placeholder score
/// (fill-ins, random picks), the raw score when no explanation was kept.
QString entryScoreText(const sim::ExplainedEntry& e);
/// The score cell's tooltip: what the number is.
QString entryScoreTip(const sim::ExplainedEntry& e);
/// The item and the core's explanation as two lines ("explanation not kept" when the
/// slate was served while nobody watched).
QString entryWhyText(const sim::ExplainedEntry& e);
/// The explanation alone in the current language (the cell's tooltip); empty when not kept.
QString entryWhyTip(const sim::ExplainedEntry& e);

} // namespace recoscope::ui
