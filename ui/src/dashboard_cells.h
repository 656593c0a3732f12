#pragma once
// Cell helpers of the dashboard's tables (LiveChartsPanel): number formats and tables that
// are as tall as their rows.

#include <QColor>
#include <QString>

#include <cstdint>

class QTableWidget;
class QWidget;

namespace recoscope::ui {

/// "12.34%" of a fraction, "1,234" of a count, "1,235" of money (locale-aware).
QString pct(double v);
QString num(std::uint64_t v);
QString money(double v);
/// A read-only table without selection, columns and rows sized to their contents.
QTableWidget* makeTable(QWidget* parent);
/// Makes `t` exactly as tall as its rows: no empty grey area under a handful of rows.
void fitHeight(QTableWidget* t);
/// Sets a right-aligned cell's text (and colour), creating the item when missing.
void setCell(QTableWidget* t, int row, int col, const QString& text, const QColor& color = {});

} // namespace recoscope::ui
