#pragma once
// LayoutAudit: walks the visible widgets of a window and lists every text that does not
// fit where it is drawn: labels, buttons, group-box titles, tabs, header sections, table
// cells, combo boxes, dock titles, a toolbar's overflow, table rows or columns cut off
// with no scroll bar to reach them, and Qt Charts texts (titles, legend entries, axis
// titles and labels) that the renderer truncated ("...") or drew outside the view.
//
// Widths are measured independently of the widgets' own size hints where that is
// possible: QFontMetrics::horizontalAdvance of the text, plus the style's margins
// (pixel metrics), against the rect the widget actually got. GUI thread only.

#include <QStringList>

class QObject;
class QWidget;

namespace recoscope::test {

/// Every problem found under `root` (visible widgets only), one line each:
/// "object/path: what (text)". Empty when everything fits.
QStringList auditLayout(const QWidget* root);

/// "mainWindow/liveChartsPanel/QTabWidget/chart3": object names, or class names where a
/// widget has none.
QString objectPath(const QObject* o);

} // namespace recoscope::test
