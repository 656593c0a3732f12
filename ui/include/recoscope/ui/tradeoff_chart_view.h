#pragma once
// TradeoffChartView: the scatter chart of a sweep's trade-offs, one marker per parameter
// set (x = CTR, y = catalogue coverage or the long-tail share of impressions, marker size
// = revenue), Pareto-optimal sets drawn apart. Like MetricChartView it is the only chart interface
// the panels see; the Qt Charts implementation (qtcharts_tradeoff_chart_view.cpp) is the one file
// including <QtCharts> for it. GUI thread only.

#include <QList>
#include <QString>
#include <QWidget>

#include <limits>

namespace recoscope::ui {

struct TradeoffMark {
    double ctr = 0.0;       ///< fraction; drawn as %
    double coverage = 0.0;  ///< fraction; drawn as %
    double tailShare = 0.0; ///< fraction; drawn as %; NaN = unknown (not drawn on that axis)
    double revenue = 0.0;   ///< drawn as the marker's size
    bool front = false;     ///< Pareto-optimal
    qint64 runId = 0;       ///< the run a click selects (the set's first seed)
    QString label;          ///< the parameters, for the tooltip
    /// CTR gap between shopper groups (sim::TradeoffRun::groupCtrGap), a fraction drawn in
    /// percentage points; NaN = unknown.
    double groupCtrGap = std::numeric_limits<double>::quiet_NaN();
};

class TradeoffChartView : public QWidget {
    Q_OBJECT
public:
    /// Creates the default implementation (Qt Charts).
    static TradeoffChartView* create(QWidget* parent = nullptr);

    /// What the vertical axis shows.
    enum class Vertical { Coverage, TailShare, GroupCtrGap };

    /// Replaces the points and redraws.
    virtual void setMarks(const QList<TradeoffMark>& marks) = 0;
    /// Switches the vertical axis and redraws (titles included).
    void setVertical(Vertical v);
    Vertical vertical() const { return m_vertical; }
    /// The value `m` is drawn at on the vertical axis, as a fraction (NaN: not drawn).
    double verticalValue(const TradeoffMark& m) const;
    const QList<TradeoffMark>& marks() const { return m_marks; }
    /// Where a mark is drawn, in this widget's coordinates (for tests and tooltips);
    /// (-1, -1) for a mark not drawn (unknown value on the current axis).
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

    /// Called by setVertical() after the axis changed.
    virtual void verticalChanged() = 0;

    QList<TradeoffMark> m_marks;
    Vertical m_vertical = Vertical::Coverage;
};

} // namespace recoscope::ui
