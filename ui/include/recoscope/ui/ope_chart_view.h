#pragma once
// OpeChartView: the off-policy check's chart, one marker per estimator (IPS, SNIPS, DM,
// DR) with its 95 % interval as a vertical bar, and a horizontal line at the target's true
// CTR; estimators marked not valid are drawn grey. Like the other chart views it is the
// only interface the windows see; the Qt Charts implementation
// (qtcharts_ope_chart_view.cpp) is the one file including <QtCharts> for it. GUI thread.

#include <QList>
#include <QString>
#include <QWidget>

namespace recoscope::ui {

struct OpeMark {
    QString name;                 ///< "IPS", ...
    double estimate = 0.0;        ///< fraction; drawn as %; NaN = not computed (not drawn)
    double low = 0.0, high = 0.0; ///< the interval
    bool valid = true;
};

class OpeChartView : public QWidget {
    Q_OBJECT
public:
    /// Creates the default implementation (Qt Charts).
    static OpeChartView* create(QWidget* parent = nullptr);

    /// Replaces the estimators and the truth line and redraws.
    virtual void setEstimates(const QList<OpeMark>& marks, double truth) = 0;
    const QList<OpeMark>& marks() const { return m_marks; }
    double truth() const { return m_truth; }
    /// Points drawn per series, for tests: estimates (valid and not), interval bars' ends,
    /// the truth line's ends.
    virtual int drawnPoints() const = 0;

protected:
    explicit OpeChartView(QWidget* parent) : QWidget(parent) {}
    QList<OpeMark> m_marks;
    double m_truth = 0.0;
};

} // namespace recoscope::ui
