#include "table_cells.h"

#include "recoscope/ui/table_actions.h"

#include <QEvent>
#include <QHeaderView>
#include <QLocale>
#include <QScrollBar>
#include <QStyle>
#include <QTableWidget>
#include <QTimer>

namespace recoscope::ui::cells {

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
    TableActions::install(t); // Ctrl+C as tab-separated text, Export CSV…
    t->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return t;
}

namespace {

// Keeps a fitted table fitted: row heights and column widths follow the font
// (presentation mode), and a horizontal scroll bar comes and goes with the width.
// Re-fitting is deferred to after Qt's own re-layout of the headers.
class Refit final : public QObject {
public:
    explicit Refit(QTableWidget* table) : QObject(table), m_table(table) {
        setObjectName(QStringLiteral("recoscopeRefit"));
        table->installEventFilter(this);
        // The viewport shrinks when the horizontal scroll bar appears: refit then too.
        table->viewport()->installEventFilter(this);
    }
    bool eventFilter(QObject*, QEvent* e) override {
        const auto type = e->type();
        if ((type == QEvent::Resize || type == QEvent::FontChange || type == QEvent::Show) &&
            !m_pending) {
            m_pending = true;
            QTimer::singleShot(0, this, [this] {
                m_pending = false;
                fitHeight(m_table);
            });
        }
        return false;
    }

private:
    QTableWidget* m_table;
    bool m_pending = false;
};

void refit(QTableWidget* t) {
    // By name: Refit has no Q_OBJECT, so findChild<Refit*> would match any child.
    if (t->findChild<QObject*>(QStringLiteral("recoscopeRefit"), Qt::FindDirectChildrenOnly))
        return;
    new Refit(t);
}

} // namespace

void fitHeight(QTableWidget* t, Measure measure) {
    refit(t);
    // Every row is shown: a vertical scroll bar would only hide the last one.
    t->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const QHeaderView* top = t->horizontalHeader();
    const bool autoRows = t->rowCount() > 0 && t->verticalHeader()->sectionResizeMode(0) ==
                                                   QHeaderView::ResizeToContents;
    // ResizeToContents headers re-measure by themselves after a change of cells (the sizes
    // read below wait for it); measuring again here would double a refresh's cost.
    if (measure == Measure::Again || !autoRows)
        t->resizeRowsToContents();
    int h = (top->isHidden() ? 0 : top->sizeHint().height()) + 2 * t->frameWidth();
    for (int r = 0; r < t->rowCount(); ++r)
        h += t->rowHeight(r);
    // Columns wider than the table scroll (never hidden): room for the bar.
    int w = (t->verticalHeader()->isHidden() ? 0 : t->verticalHeader()->sizeHint().width()) +
            2 * t->frameWidth();
    // Sections may not have caught up with a new font yet: size them now.
    if (measure == Measure::Again && t->columnCount() > 0 &&
        top->sectionResizeMode(0) == QHeaderView::ResizeToContents)
        t->resizeColumnsToContents();
    for (int c = 0; c < t->columnCount(); ++c)
        if (!t->isColumnHidden(c))
            w += top->sectionSize(c);
    if (w > t->width() || t->horizontalScrollBar()->isVisible())
        h += t->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, t);
    t->setFixedHeight(h + 2);
}

void fitWidth(QTableWidget* t) {
    t->resizeColumnsToContents();
    int w = t->verticalHeader()->width() + 2 * t->frameWidth();
    for (int c = 0; c < t->columnCount(); ++c)
        w += t->columnWidth(c);
    if (t->verticalScrollBar()->isVisible())
        w += t->verticalScrollBar()->width();
    t->setFixedWidth(w + 2);
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

// Each dataChanged of one cell makes a ResizeToContents header ask every cell of the table
// for its size hint (text shaping): n changed cells cost n² size hints. Four cores' counters
// and A/B comparisons (~120 cells) made a dashboard refresh ~25 ms longer that way
// (docs/performance.md, "Four cores charting live"); with one signal a table is measured once.
void updateCells(QTableWidget* t, const std::function<void()>& fill) {
    QAbstractItemModel* model = t->model();
    const int rows = t->rowCount(), cols = t->columnCount();
    const bool wasBlocked = model->blockSignals(true);
    fill();
    model->blockSignals(wasBlocked);
    Q_ASSERT(rows == t->rowCount() && cols == t->columnCount());
    if (rows > 0 && cols > 0 && !wasBlocked)
        emit model->dataChanged(model->index(0, 0), model->index(rows - 1, cols - 1));
}

void setHeaderLabels(QTableWidget* t, Qt::Orientation o, const QStringList& labels) {
    const bool rows = o == Qt::Vertical;
    bool same = labels.size() == (rows ? t->rowCount() : t->columnCount());
    for (int i = 0; same && i < labels.size(); ++i) {
        const QTableWidgetItem* h = rows ? t->verticalHeaderItem(i) : t->horizontalHeaderItem(i);
        same = h && h->text() == labels[i];
    }
    if (same)
        return;
    if (rows)
        t->setVerticalHeaderLabels(labels);
    else
        t->setHorizontalHeaderLabels(labels);
}

} // namespace recoscope::ui::cells
