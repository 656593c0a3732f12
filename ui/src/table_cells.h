#pragma once
// Small helpers shared by the dashboard's tables (LiveChartsPanel, BeyondAccuracyPanel):
// read-only tables as tall as their rows, cells updated in place, locale-aware numbers.
// GUI thread only.

#include <QColor>
#include <QString>

#include <cstdint>

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
/// Fixes the table's height to all its rows (no vertical scroll bar, no empty grey area
/// under a handful of rows; a horizontal bar when the columns are wider), and keeps it
/// fitted when the font or the width changes.
void fitHeight(QTableWidget* table);
/// Fixes the table's width to its columns (call after filling it).
void fitWidth(QTableWidget* table);
/// Sets a right-aligned cell's text (and colour, when valid), creating it if needed.
void setCell(QTableWidget* table, int row, int col, const QString& text, const QColor& color = {});

} // namespace recoscope::ui::cells
