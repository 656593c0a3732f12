#pragma once
// TradeoffChartView: the scatter chart of a sweep's trade-offs, one marker per parameter
// set (x = CTR, y = catalogue coverage, marker size = revenue), Pareto-optimal sets drawn
// apart. Like MetricChartView it is the only chart interface the panels see; the Qt
// Charts implementation (qtcharts_tradeoff_chart_view.cpp) is the one file including
// <QtCharts> for it. GUI thread only.

#include <QList>
#include <QString>
#include <QWidget>

namespace recoscope::ui {

struct TradeoffMark {
    double ctr = 0.0;      ///< fraction; drawn as %
    double coverage = 0.0; ///< fraction; drawn as %
    double revenue = 0.0;  ///< drawn as the marker's size
    bool front = false;    ///< Pareto-optimal
    qint64 runId = 0;      ///< the run a click selects (the set's first seed)
    QString label;         ///< the parameters, for the tooltip
};

class TradeoffChartView : public QWidget {
    Q_OBJECT
public:
    /// Creates the default implementation (Qt Charts).
    static TradeoffChartView* create(QWidget* parent = nullptr);

    /// Replaces the points and redraws.
    virtual void setMarks(const QList<TradeoffMark>& marks) = 0;
    const QList<TradeoffMark>& marks() const { return m_marks; }
    /// Where a mark is drawn, in this widget's coordinates (for tests and tooltips).
    virtual QPoint markPosition(int index) const = 0;
    /// Marker diameter in pixels for a revenue, given the sweep's range: 10, 15, 20, 25 or
    /// 30 px (five steps, so that sizes stay distinguishable); 20 when all are equal.
    static double markerSize(double revenue, double minRevenue, double maxRevenue);

signals:
    /// A marker was clicked: the run it stands for.
    void runClicked(qint64 runId);

protected:
    explicit TradeoffChartView(QWidget* parent) : QWidget(parent) {}
    /// The mark nearest to `pos` within 16 px, or -1.
    int markAt(QPoint pos) const;

    QList<TradeoffMark> m_marks;
};

} // namespace recoscope::ui
