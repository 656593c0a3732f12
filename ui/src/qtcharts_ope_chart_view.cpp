// The Qt Charts implementation of OpeChartView: estimators at x = 1 .. n on a category
// axis, each interval a two-point line series (Qt Charts has no error bars), the estimates
// as two scatter series (valid, not valid), the truth as a dashed line across.

#include "recoscope/ui/ope_chart_view.h"

#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>

#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace recoscope::ui {

namespace {

const QColor kValid(0x2f, 0x6f, 0xb3);
const QColor kInvalid(0x9a, 0x9a, 0x9a);
const QColor kTruth(0xd9, 0x48, 0x1c);

class QtChartsOpeChartView final : public OpeChartView {
public:
    explicit QtChartsOpeChartView(QWidget* parent) : OpeChartView(parent) {
        m_chart = new QChart;
        m_chart->legend()->setAlignment(Qt::AlignBottom);
        m_chart->legend()->setVisible(true);
        m_chart->setBackgroundRoundness(0);
        m_x = new QCategoryAxis;
        m_x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        m_y = new QValueAxis;
        m_y->setLabelFormat(QStringLiteral("%.2f %%"));
        m_chart->addAxis(m_x, Qt::AlignBottom);
        m_chart->addAxis(m_y, Qt::AlignLeft);
        m_truthLine = addLine(kTruth, Qt::DashLine, 2.0);
        m_valid = addScatter(kValid);
        m_invalid = addScatter(kInvalid);
        m_view = new QChartView(m_chart, this);
        m_view->setRenderHint(QPainter::Antialiasing);
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_view);
        retranslate();
        applyFonts();
    }

    void setEstimates(const QList<OpeMark>& marks, double truth) override {
        m_marks = marks;
        m_truth = truth;
        for (QLineSeries* bar : m_bars) {
            m_chart->removeSeries(bar);
            delete bar;
        }
        m_bars.clear();
        m_valid->clear();
        m_invalid->clear();
        m_truthLine->clear();
        for (const QString& label : m_x->categoriesLabels())
            m_x->remove(label);
        double lo = truth, hi = truth;
        for (int i = 0; i < marks.size(); ++i) {
            const OpeMark& m = marks[i];
            const double x = i + 1;
            m_x->append(m.name, x);
            if (!std::isfinite(m.estimate))
                continue;
            (m.valid ? m_valid : m_invalid)->append(x, 100.0 * m.estimate);
            lo = std::min({lo, m.estimate, std::isfinite(m.low) ? m.low : m.estimate});
            hi = std::max({hi, m.estimate, std::isfinite(m.high) ? m.high : m.estimate});
            if (std::isfinite(m.low) && std::isfinite(m.high)) {
                QLineSeries* bar = addLine(m.valid ? kValid : kInvalid, Qt::SolidLine, 3.0);
                bar->append(x, 100.0 * m.low);
                bar->append(x, 100.0 * m.high);
                for (QLegendMarker* lm : m_chart->legend()->markers(bar))
                    lm->setVisible(false);
                m_bars.append(bar);
            }
        }
        m_truthLine->append(0.5, 100.0 * truth);
        m_truthLine->append(marks.size() + 0.5, 100.0 * truth);
        m_x->setRange(0.5, marks.size() + 0.5);
        const double pad = std::max((hi - lo) * 0.1, 1e-4);
        m_y->setRange(100.0 * std::max(0.0, lo - pad), 100.0 * (hi + pad));
        m_y->applyNiceNumbers();
    }

    int drawnPoints() const override {
        int n = static_cast<int>(m_valid->count() + m_invalid->count() + m_truthLine->count());
        for (const QLineSeries* bar : m_bars)
            n += static_cast<int>(bar->count());
        return n;
    }

protected:
    void changeEvent(QEvent* event) override {
        if (event->type() == QEvent::LanguageChange)
            retranslate();
        if (event->type() == QEvent::FontChange)
            applyFonts();
        OpeChartView::changeEvent(event);
    }

private:
    // Qt Charts keeps its theme's fonts: follow the widget's (presentation mode).
    void applyFonts() {
        const QFont f = font();
        m_chart->legend()->setFont(f);
        for (QAbstractAxis* a : m_chart->axes()) {
            a->setLabelsFont(f);
            QFont t = f;
            t.setBold(true);
            a->setTitleFont(t);
        }
        QFont title = f;
        title.setPointSizeF(f.pointSizeF() * 1.1);
        m_chart->setTitleFont(title);
    }

    QLineSeries* addLine(const QColor& colour, Qt::PenStyle style, double width) {
        auto* s = new QLineSeries;
        QPen pen(colour);
        pen.setStyle(style);
        pen.setWidthF(width);
        s->setPen(pen);
        m_chart->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
        return s;
    }
    QScatterSeries* addScatter(const QColor& colour) {
        auto* s = new QScatterSeries;
        s->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        s->setMarkerSize(12.0);
        s->setColor(colour);
        s->setBorderColor(Qt::white);
        m_chart->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
        return s;
    }
    void retranslate() {
        m_chart->setTitle(OpeChartView::tr("Estimated CTR of the target (95 % intervals) "
                                           "against its real run"));
        m_y->setTitleText(OpeChartView::tr("CTR"));
        // Offscreen renders showed no legend for these series: the axis title says it too.
        m_x->setTitleText(OpeChartView::tr("Estimators (grey: not valid on this log); dashed "
                                           "line: the target's true CTR"));
        m_truthLine->setName(OpeChartView::tr("Truth: the target's own run"));
        m_valid->setName(OpeChartView::tr("Estimate"));
        m_invalid->setName(OpeChartView::tr("Estimate (not valid on this log)"));
    }

    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QCategoryAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    QLineSeries* m_truthLine = nullptr;
    QScatterSeries* m_valid = nullptr;
    QScatterSeries* m_invalid = nullptr;
    QList<QLineSeries*> m_bars;
};

} // namespace

OpeChartView* OpeChartView::create(QWidget* parent) {
    return new QtChartsOpeChartView(parent);
}

} // namespace recoscope::ui
