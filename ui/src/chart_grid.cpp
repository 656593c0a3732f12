#include "chart_grid.h"

#include <QEvent>
#include <QGridLayout>
#include <QScrollBar>
#include <QTimer>

namespace recoscope::ui {

ChartGrid::ChartGrid(QWidget* parent) : QScrollArea(parent) {
    setFrameShape(QFrame::NoFrame);
    setWidgetResizable(true);
    m_page = new QWidget;
    m_grid = new QGridLayout(m_page);
    m_grid->setContentsMargins(0, 0, 0, 0);
    setWidget(m_page);
}

void ChartGrid::addChart(QWidget* chart) {
    m_charts << chart;
    m_columns = 0; // force a re-layout
    reflow();
}

void ChartGrid::resizeEvent(QResizeEvent* event) {
    QScrollArea::resizeEvent(event);
    reflow();
}

bool ChartGrid::event(QEvent* event) {
    // Fonts change the charts' minimum sizes: decide again once they have taken effect.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LayoutRequest)
        QTimer::singleShot(0, this, [this] { reflow(); });
    return QScrollArea::event(event);
}

void ChartGrid::reflow() {
    int minWidth = 0;
    for (const QWidget* c : std::as_const(m_charts))
        minWidth = std::max(minWidth, c->minimumSizeHint().width());
    // The vertical scroll bar may appear once the charts stack: keep room for it so that
    // a second column is not chosen only to be squeezed.
    const int room = viewport()->width() +
                     (verticalScrollBar()->isVisible() ? verticalScrollBar()->width() : 0) -
                     verticalScrollBar()->sizeHint().width();
    const int columns = room >= 2 * minWidth + m_grid->horizontalSpacing() ? 2 : 1;
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (QWidget* c : std::as_const(m_charts))
        m_grid->removeWidget(c);
    for (int i = 0; i < m_charts.size(); ++i)
        m_grid->addWidget(m_charts[i], i / columns, i % columns);
    // Rows left over from a one-column layout stay in the grid: no stretch, no height.
    const int rows = (static_cast<int>(m_charts.size()) + columns - 1) / columns;
    for (int r = 0; r < m_grid->rowCount(); ++r)
        m_grid->setRowStretch(r, r < rows ? 1 : 0);
}

} // namespace recoscope::ui
