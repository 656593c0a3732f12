#include "dashboard_cells.h"

#include <QHeaderView>
#include <QLocale>
#include <QScrollBar>
#include <QTableWidget>

namespace recoscope::ui {

QString pct(double v) {
    return QLocale().toString(v * 100.0, 'f', 2) + QLatin1Char('%');
}
QString num(std::uint64_t v) {
    return QLocale().toString(static_cast<qulonglong>(v));
}
QString money(double v) {
    return QLocale().toString(v, 'f', 0);
}

QTableWidget* makeTable(QWidget* parent) {
    auto* t = new QTableWidget(parent);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionMode(QAbstractItemView::NoSelection);
    t->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return t;
}

void fitHeight(QTableWidget* t) {
    int h = t->horizontalHeader()->height() + 2 * t->frameWidth();
    for (int r = 0; r < t->rowCount(); ++r)
        h += t->rowHeight(r);
    if (t->horizontalScrollBar()->isVisible())
        h += t->horizontalScrollBar()->height();
    t->setFixedHeight(h + 2);
}

void setCell(QTableWidget* t, int row, int col, const QString& text, const QColor& color) {
    QTableWidgetItem* it = t->item(row, col);
    if (!it) {
        it = new QTableWidgetItem;
        it->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        t->setItem(row, col, it);
    }
    if (it->text() != text)
        it->setText(text);
    if (color.isValid())
        it->setForeground(color);
}

} // namespace recoscope::ui
