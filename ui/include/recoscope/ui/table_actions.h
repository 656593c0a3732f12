#pragma once
// TableActions: what every table of the workbench offers a product manager who wants the
// numbers elsewhere. Ctrl+C (and the context menu's Copy) puts the selected cells on the
// clipboard as tab-separated text with their column headers (the whole table when nothing
// is selected), ready to paste into a spreadsheet; Export CSV… writes the whole table as
// RFC 4180 CSV (UTF-8, quoted where needed). Text is taken as displayed. GUI thread only.

#include <QString>

class QAbstractItemView;

namespace recoscope::ui {

class TableActions {
public:
    /// Adds Copy (Ctrl+C) and Export CSV… to `view`'s context menu and makes its cells
    /// selectable. The actions are children of the view.
    static void install(QAbstractItemView* view);
    /// The selected cells (or every cell) as tab-separated lines, headers first; rows and
    /// columns in view order, unselected cells of the selection's rectangle left empty.
    static QString selectionAsTsv(const QAbstractItemView* view);
    /// The whole table as CSV, headers first.
    static QString tableAsCsv(const QAbstractItemView* view);
    /// Writes tableAsCsv() to `path`; false with `error` set on failure.
    static bool exportCsv(const QAbstractItemView* view, const QString& path,
                          QString* error = nullptr);
};

} // namespace recoscope::ui
