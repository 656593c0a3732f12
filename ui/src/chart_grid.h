#pragma once
// ChartGrid: a dashboard page of charts that re-flows with the font. Two columns while
// each chart gets at least its minimum width (MetricChartView::minimumSizeHint, which
// grows with the fonts), otherwise one; each chart at least its minimum height; the page
// scrolls vertically when the charts need more height than the window has (presentation
// mode at 1280x720). At normal sizes on a usual window nothing scrolls and the page looks
// like the plain 2x2 grid it replaces. GUI thread only.

#include <QScrollArea>

class QGridLayout;

namespace recoscope::ui {

class ChartGrid : public QScrollArea {
    Q_OBJECT
public:
    explicit ChartGrid(QWidget* parent = nullptr);

    /// Appends a chart (reparented into the grid), in reading order.
    void addChart(QWidget* chart);
    /// Columns in use (1 or 2), for tests.
    int columns() const { return m_columns; }

protected:
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;

private:
    void reflow();

    QWidget* m_page = nullptr;
    QGridLayout* m_grid = nullptr;
    QList<QWidget*> m_charts;
    int m_columns = 0;
};

} // namespace recoscope::ui
