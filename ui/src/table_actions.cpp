#include "recoscope/ui/table_actions.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QMessageBox>
#include <QSaveFile>
#include <QTableView>

#include <algorithm>
#include <set>

namespace recoscope::ui {

namespace {

// Rows and columns in the order the user sees them (a sorted view, moved sections),
// hidden ones left out.
struct Grid {
    std::vector<int> rows, cols; // logical indices, visual order
};

Grid visibleGrid(const QAbstractItemView* view) {
    Grid g;
    const QAbstractItemModel* m = view->model();
    const auto* table = qobject_cast<const QTableView*>(view);
    const QHeaderView* vh = table ? table->verticalHeader() : nullptr;
    const QHeaderView* hh = table ? table->horizontalHeader() : nullptr;
    for (int v = 0; v < m->rowCount(); ++v) {
        const int r = vh ? vh->logicalIndex(v) : v;
        if (!table || !table->isRowHidden(r))
            g.rows.push_back(r);
    }
    for (int v = 0; v < m->columnCount(); ++v) {
        const int c = hh ? hh->logicalIndex(v) : v;
        if (!table || !table->isColumnHidden(c))
            g.cols.push_back(c);
    }
    return g;
}

QString cellText(const QAbstractItemModel* m, int row, int col) {
    return m->index(row, col).data(Qt::DisplayRole).toString();
}

QString header(const QAbstractItemModel* m, int section, Qt::Orientation o) {
    return m->headerData(section, o, Qt::DisplayRole).toString();
}

// Multi-line headers and cells ("CTR\n95 % CI") stay one cell in a spreadsheet.
QString tsvCell(const QString& text) {
    QString s = text;
    return s.replace(QLatin1Char('\t'), QLatin1Char(' '))
        .replace(QLatin1Char('\n'), QLatin1Char(' '));
}

QString csvCell(const QString& s) {
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) &&
        !s.contains(QLatin1Char('\n')) && !s.contains(QLatin1Char('\r')))
        return s;
    QString q = s;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

// Whether the rows carry their own header (a table of metrics by core): then the first
// column of the text is the row header.
bool hasRowHeaders(const QAbstractItemView* view) {
    const auto* table = qobject_cast<const QTableView*>(view);
    return table && table->verticalHeader()->isVisible();
}

QString joined(const QAbstractItemView* view, const std::vector<int>& rows,
               const std::vector<int>& cols, const std::set<std::pair<int, int>>* only, QChar sep,
               QString (*cell)(const QString&)) {
    const QAbstractItemModel* m = view->model();
    const bool rowHeaders = hasRowHeaders(view);
    QStringList lines;
    QStringList head;
    if (rowHeaders)
        head << QString();
    for (int c : cols)
        head << cell(header(m, c, Qt::Horizontal));
    lines << head.join(sep);
    for (int r : rows) {
        QStringList line;
        if (rowHeaders)
            line << cell(header(m, r, Qt::Vertical));
        for (int c : cols)
            line << (!only || only->count({r, c}) ? cell(cellText(m, r, c)) : QString());
        lines << line.join(sep);
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace

QString TableActions::selectionAsTsv(const QAbstractItemView* view) {
    const Grid all = visibleGrid(view);
    const QModelIndexList picked =
        view->selectionModel() ? view->selectionModel()->selectedIndexes() : QModelIndexList{};
    if (picked.isEmpty())
        return joined(view, all.rows, all.cols, nullptr, QLatin1Char('\t'), &tsvCell);
    std::set<std::pair<int, int>> cells;
    std::set<int> rows, cols;
    for (const QModelIndex& i : picked) {
        cells.insert({i.row(), i.column()});
        rows.insert(i.row());
        cols.insert(i.column());
    }
    std::vector<int> r, c;
    std::copy_if(all.rows.begin(), all.rows.end(), std::back_inserter(r),
                 [&](int x) { return rows.count(x) > 0; });
    std::copy_if(all.cols.begin(), all.cols.end(), std::back_inserter(c),
                 [&](int x) { return cols.count(x) > 0; });
    return joined(view, r, c, &cells, QLatin1Char('\t'), &tsvCell);
}

QString TableActions::tableAsCsv(const QAbstractItemView* view) {
    const Grid all = visibleGrid(view);
    return joined(view, all.rows, all.cols, nullptr, QLatin1Char(','), &csvCell);
}

bool TableActions::exportCsv(const QAbstractItemView* view, const QString& path, QString* error) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(tableAsCsv(view).toUtf8()) < 0 || !f.commit()) {
        if (error)
            *error = QCoreApplication::translate("TableActions", "Cannot write %1: %2")
                         .arg(path, f.errorString());
        return false;
    }
    return true;
}

namespace {

// Names the view's two actions in the current language, now and after every language
// switch (the view gets LanguageChange; the actions do not).
class ActionNames : public QObject {
public:
    ActionNames(QAction* copy, QAction* csv, QObject* parent)
        : QObject(parent), m_copy(copy), m_csv(csv) {
        retranslate();
    }
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::LanguageChange)
            retranslate();
        return QObject::eventFilter(watched, event);
    }

private:
    void retranslate() {
        m_copy->setText(QCoreApplication::translate("TableActions", "Copy"));
        m_csv->setText(QCoreApplication::translate("TableActions", "Export CSV…"));
    }
    QAction* m_copy;
    QAction* m_csv;
};

} // namespace

void TableActions::install(QAbstractItemView* view) {
    if (view->selectionMode() == QAbstractItemView::NoSelection)
        view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* copy = new QAction(QCoreApplication::translate("TableActions", "Copy"), view);
    copy->setObjectName(QStringLiteral("copyTable"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    QObject::connect(copy, &QAction::triggered, view,
                     [view] { QApplication::clipboard()->setText(selectionAsTsv(view)); });
    auto* csv = new QAction(QCoreApplication::translate("TableActions", "Export CSV…"), view);
    csv->setObjectName(QStringLiteral("exportTableCsv"));
    QObject::connect(csv, &QAction::triggered, view, [view] {
        QString path = QFileDialog::getSaveFileName(
            view, QCoreApplication::translate("TableActions", "Export table as CSV"), QString(),
            QCoreApplication::translate("TableActions", "CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        if (QFileInfo(path).suffix().isEmpty())
            path += QStringLiteral(".csv");
        QString error;
        if (!exportCsv(view, path, &error))
            QMessageBox::warning(view, QCoreApplication::translate("TableActions", "Export"),
                                 error);
    });
    view->addAction(copy);
    view->addAction(csv);
    view->installEventFilter(new ActionNames(copy, csv, view));
}

} // namespace recoscope::ui
