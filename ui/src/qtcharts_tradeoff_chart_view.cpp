// The Qt Charts implementation of TradeoffChartView. Revenue is drawn as marker size in
// five steps, one scatter series per (front?, size step): Qt 6.4 draws a point whose
// size is set per point (QXYSeries::PointConfiguration::Size) off its position by half
// its size, which put large markers visibly beside their values; a series-wide size is
// drawn centred. Only the first series of each kind is in the legend.

#include "recoscope/ui/tradeoff_chart_view.h"

#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>

#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace recoscope::ui {

double TradeoffChartView::markerSize(double revenue, double minRevenue, double maxRevenue) {
    if (!(maxRevenue > minRevenue))
        return 20.0;
    const double t = std::clamp((revenue - minRevenue) / (maxRevenue - minRevenue), 0.0, 1.0);
    return 10.0 + 5.0 * std::round(4.0 * t);
}

void TradeoffChartView::setVertical(Vertical v) {
    if (v == m_vertical)
        return;
    m_vertical = v;
    verticalChanged();
}

double TradeoffChartView::verticalValue(const TradeoffMark& m) const {
    switch (m_vertical) {
    case Vertical::Coverage:
        return m.coverage;
    case Vertical::TailShare:
        return m.tailShare;
    case Vertical::GroupCtrGap:
        return m.groupCtrGap;
    }
    return m.coverage;
}

int TradeoffChartView::markAt(QPoint pos) const {
    int best = -1;
    double bestDistance = 16.0;
    for (int i = 0; i < m_marks.size(); ++i) {
        if (!std::isfinite(verticalValue(m_marks.at(i))))
            continue;
        const QPoint d = markPosition(i) - pos;
        const double distance = std::hypot(d.x(), d.y());
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    return best;
}

namespace {

// Axis bounds with a margin so that no marker sits on the frame (a clipped marker reads
// as a different value).
std::pair<double, double> paddedRange(double lo, double hi) {
    if (!(hi > lo)) {
        const double pad = std::max(std::abs(lo) * 0.05, 1e-4);
        return {std::max(0.0, lo - pad), hi + pad};
    }
    const double pad = (hi - lo) * 0.12;
    return {std::max(0.0, lo - pad), hi + pad};
}

class QtChartsTradeoffChartView final : public TradeoffChartView {
public:
    explicit QtChartsTradeoffChartView(QWidget* parent) : TradeoffChartView(parent) {
        m_chart = new QChart;
        m_chart->legend()->setAlignment(Qt::AlignBottom);
        m_chart->setMargins(QMargins(6, 6, 12, 6));
        m_chart->setBackgroundRoundness(0);
        m_x = new QValueAxis;
        m_y = new QValueAxis;
        m_x->setLabelFormat(QStringLiteral("%.2f %%"));
        m_y->setLabelFormat(QStringLiteral("%.1f %%"));
        m_chart->addAxis(m_x, Qt::AlignBottom);
        m_chart->addAxis(m_y, Qt::AlignLeft);
        for (int front = 0; front < 2; ++front)
            for (int step = 0; step < kSteps; ++step) {
                auto* series = new QScatterSeries;
                series->setMarkerShape(QScatterSeries::MarkerShapeCircle);
                series->setMarkerSize(10.0 + 5.0 * step);
                series->setColor(front ? QColor(0xd9, 0x48, 0x1c) : QColor(0x5b, 0x8d, 0xc9));
                series->setBorderColor(Qt::white);
                m_chart->addSeries(series);
                series->attachAxis(m_x);
                series->attachAxis(m_y);
                m_series[front][step] = series;
            }
        // One legend entry per kind; the other sizes are the same colour.
        for (int front = 0; front < 2; ++front)
            for (int step = 1; step < kSteps; ++step)
                for (QLegendMarker* marker : m_chart->legend()->markers(m_series[front][step]))
                    marker->setVisible(false);
        m_view = new QChartView(m_chart, this);
        m_view->setRenderHint(QPainter::Antialiasing);
        m_view->viewport()->installEventFilter(this);
        m_view->setMouseTracking(true);
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_view);
        retranslate();
        applyFonts();
    }

    void setMarks(const QList<TradeoffMark>& marks) override {
        m_marks = marks;
        for (auto& kind : m_series)
            for (QScatterSeries* series : kind)
                series->clear();
        m_seriesIndex.clear();
        if (marks.isEmpty())
            return;
        double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
        double r0 = INFINITY, r1 = -INFINITY;
        for (const TradeoffMark& m : marks) {
            x0 = std::min(x0, m.ctr * 100.0);
            x1 = std::max(x1, m.ctr * 100.0);
            if (std::isfinite(verticalValue(m))) {
                y0 = std::min(y0, verticalValue(m) * 100.0);
                y1 = std::max(y1, verticalValue(m) * 100.0);
            }
            r0 = std::min(r0, m.revenue);
            r1 = std::max(r1, m.revenue);
        }
        if (!std::isfinite(y0)) // nothing known on this axis: an empty frame, 0..1 %
            y0 = 0.0, y1 = 1.0;
        for (const TradeoffMark& m : marks) {
            if (!std::isfinite(verticalValue(m))) {
                m_seriesIndex.append({nullptr, -1});
                continue;
            }
            const int step = static_cast<int>((markerSize(m.revenue, r0, r1) - 10.0) / 5.0);
            QScatterSeries* s = m_series[m.front ? 1 : 0][std::clamp(step, 0, kSteps - 1)];
            s->append(m.ctr * 100.0, verticalValue(m) * 100.0);
            m_seriesIndex.append({s, static_cast<int>(s->count()) - 1});
        }
        const auto [xa, xb] = paddedRange(x0, x1);
        const auto [ya, yb] = paddedRange(y0, y1);
        m_x->setRange(xa, xb);
        m_y->setRange(ya, yb);
        m_x->applyNiceNumbers();
        m_y->applyNiceNumbers();
    }

    QPoint markPosition(int index) const override {
        const auto& [series, at] = m_seriesIndex.at(index);
        if (!series)
            return {-1, -1};
        const QPointF scene = m_chart->mapToPosition(series->at(at), series);
        return m_view->mapTo(this, m_view->mapFromScene(scene));
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == m_view->viewport() &&
            (event->type() == QEvent::MouseButtonRelease || event->type() == QEvent::MouseMove)) {
            auto* me = static_cast<QMouseEvent*>(event);
            const int i = markAt(m_view->viewport()->mapTo(this, me->position().toPoint()));
            if (event->type() == QEvent::MouseButtonRelease && i >= 0 &&
                me->button() == Qt::LeftButton)
                emit runClicked(m_marks.at(i).runId);
            if (event->type() == QEvent::MouseMove) {
                if (i >= 0)
                    QToolTip::showText(me->globalPosition().toPoint(), tooltip(m_marks.at(i)),
                                       this);
                else
                    QToolTip::hideText();
            }
        }
        return TradeoffChartView::eventFilter(watched, event);
    }

    void verticalChanged() override {
        m_y->setLabelFormat(m_vertical == Vertical::Coverage    ? QStringLiteral("%.1f %%")
                            : m_vertical == Vertical::TailShare ? QStringLiteral("%.2f %%")
                                                                : QStringLiteral("%.2f pp"));
        retranslate();
        setMarks(QList<TradeoffMark>(m_marks));
    }

    void changeEvent(QEvent* event) override {
        if (event->type() == QEvent::LanguageChange)
            retranslate();
        if (event->type() == QEvent::FontChange)
            applyFonts();
        TradeoffChartView::changeEvent(event);
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

    void retranslate() {
        switch (m_vertical) {
        case Vertical::Coverage:
            m_chart->setTitle(
                TradeoffChartView::tr("CTR against catalogue coverage (marker size: revenue)"));
            m_y->setTitleText(TradeoffChartView::tr("Catalogue coverage"));
            break;
        case Vertical::TailShare:
            m_chart->setTitle(TradeoffChartView::tr(
                "CTR against the long-tail share of impressions (marker size: revenue)"));
            m_y->setTitleText(TradeoffChartView::tr("Long-tail share"));
            break;
        case Vertical::GroupCtrGap:
            m_chart->setTitle(TradeoffChartView::tr(
                "CTR against the CTR gap between shopper groups (marker size: revenue)"));
            m_y->setTitleText(TradeoffChartView::tr("Group CTR gap (max - min)"));
            break;
        }
        m_x->setTitleText(TradeoffChartView::tr("CTR"));
        for (int step = 0; step < kSteps; ++step) {
            m_series[1][step]->setName(TradeoffChartView::tr("Pareto-optimal"));
            m_series[0][step]->setName(TradeoffChartView::tr("Dominated"));
        }
    }

    QString tooltip(const TradeoffMark& m) const {
        QString text =
            TradeoffChartView::tr("%1\nCTR %2 %, coverage %3 %, long-tail share %4 %, revenue "
                                  "%5\nClick to select run %6")
                .arg(m.label)
                .arg(m.ctr * 100.0, 0, 'f', 3)
                .arg(m.coverage * 100.0, 0, 'f', 1)
                .arg(m.tailShare * 100.0, 0, 'f', 2)
                .arg(m.revenue, 0, 'f', 2)
                .arg(m.runId);
        if (std::isfinite(m.groupCtrGap))
            text +=
                QLatin1Char('\n') +
                TradeoffChartView::tr("Group CTR gap %1 pp").arg(m.groupCtrGap * 100.0, 0, 'f', 2);
        return text;
    }

    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QValueAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    static constexpr int kSteps = 5;
    QScatterSeries* m_series[2][kSteps] = {}; ///< [dominated, front][size step]
    QList<std::pair<QScatterSeries*, int>> m_seriesIndex;
};

} // namespace

TradeoffChartView* TradeoffChartView::create(QWidget* parent) {
    return new QtChartsTradeoffChartView(parent);
}

} // namespace recoscope::ui
