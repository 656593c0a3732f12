#pragma once
// Small helpers shared by the dashboard's tables (LiveChartsPanel, BeyondAccuracyPanel):
// read-only tables as tall as their rows, cells updated in place, locale-aware numbers.
// GUI thread only.

#include <QColor>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>

class QTableWidget;
class QWidget;

namespace recoscope::ui::cells {

/// "12.34%" (a fraction times 100, two decimals, the locale's digits).
QString pct(double fraction);
QString num(std::uint64_t value);
/// Whole currency units.
QString money(double value);
/// A read-only, unselectable table whose columns and rows fit their contents.
QTableWidget* makeTable(QWidget* parent);
/// How fitHeight gets the sizes of rows and columns.
enum class Measure {
    Again,   ///< measures every cell (a new font, a first fill)
    Sections ///< trusts ResizeToContents headers, which re-measured after updateCells
};
/// Fixes the table's height to all its rows (no vertical scroll bar, no empty grey area
/// under a handful of rows; a horizontal bar when the columns are wider), and keeps it
/// fitted when the font or the width changes. Measure::Sections is for live refreshes of
/// a table whose headers resize to contents (makeTable's): one measurement, not three.
void fitHeight(QTableWidget* table, Measure measure = Measure::Again);
/// Fixes the table's width to its columns (call after filling it).
void fitWidth(QTableWidget* table);
/// Sets a right-aligned cell's text (and colour, when valid), creating it if needed.
void setCell(QTableWidget* table, int row, int col, const QString& text, const QColor& color = {});
/// Runs `fill`, which sets cells of `table` (texts, colours, fonts, tips, new items) but
/// never its row or column count nor its header labels, with the model's per-cell change
/// signals held back, then signals one change over the whole table: the view repaints and
/// ResizeToContents headers re-measure once instead of once per changed cell.
void updateCells(QTableWidget* table, const std::function<void()>& fill);
/// Sets the row (Qt::Vertical) or column (Qt::Horizontal) header labels, only when they
/// differ from the current ones: new labels make the headers re-measure every cell.
void setHeaderLabels(QTableWidget* table, Qt::Orientation orientation, const QStringList& labels);

} // namespace recoscope::ui::cells
