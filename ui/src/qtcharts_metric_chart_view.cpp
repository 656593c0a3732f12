// The Qt Charts implementation of MetricChartView: the only file that includes QtCharts.
// Frame costs (docs/performance.md, ../shared limits): replace() per series is cheap once
// thinned to ~2 points per pixel; setting axis ranges is the expensive part, so ranges
// only change when the data leaves the current rounded bounds.

#include "recoscope/ui/metric_chart_view.h"

#include <QtCharts/QAreaSeries>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <QEvent>
#include <QFontMetrics>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QResizeEvent>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace recoscope::ui {

namespace {

// The first of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 x 10^k at or above v: tight axes.
double niceCeil(double v) {
    if (v <= 0.0)
        return 1.0;
    const double mag = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0})
        if (m * mag >= v * (1.0 - 1e-12))
            return m * mag;
    return 10.0 * mag;
}

// The smallest of 1, 2, 2.5, 5 times a power of ten that is at least v (tick intervals).
double niceStep(double v) {
    if (v <= 0.0)
        return 1.0;
    const double mag = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 2.5, 5.0})
        if (m * mag >= v * (1.0 - 1e-12))
            return m * mag;
    return 10.0 * mag;
}

class QtChartsMetricChartView final : public MetricChartView {
public:
    explicit QtChartsMetricChartView(QWidget* parent) : MetricChartView(parent) {
        m_chart = new QChart;
        m_chart->legend()->setAlignment(Qt::AlignBottom);
        m_chart->setMargins(QMargins(4, 4, 4, 4));
        m_chart->setBackgroundRoundness(0);
        m_x = new QValueAxis;
        m_y = new QValueAxis;
        m_x->setLabelFormat(QStringLiteral("%.3g"));
        m_x->setRange(0.0, 1.0);
        m_y->setRange(0.0, 1.0);
        m_x->setTickCount(5);
        m_y->setTickCount(5);
        m_chart->addAxis(m_x, Qt::AlignBottom);
        m_chart->addAxis(m_y, Qt::AlignLeft);
        // Markers follow the plot area and the x range (the series' own items do).
        connect(m_chart, &QChart::plotAreaChanged, this, [this] { layoutMarkers(); });
        connect(m_x, &QValueAxis::rangeChanged, this, [this] { layoutMarkers(); });
        m_view = new QChartView(m_chart, this);
        m_view->setRenderHint(QPainter::Antialiasing, true);
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_view);
        applyFonts();
    }

    // What the texts need at the current fonts (presentation mode scales them): the title,
    // a legend row and the x axis above and below the plot, the y labels and title beside
    // it; the y title runs along the plot, which must be at least that tall. At normal
    // sizes this is about the former fixed 260 x 200.
    QSize minimumSizeHint() const override {
        const QFontMetrics fm(font());
        const int line = fm.height();
        const int yTitle = titleMetrics().horizontalAdvance(m_yTitle) + 2 * line;
        const int plotHeight = std::max(yTitle, 4 * line);
        const int chrome = 7 * line + 24; // title, legend row, x labels, x title, margins
        const int wide = std::max({titleMetrics().horizontalAdvance(m_title) * 11 / 10,
                                   titleMetrics().horizontalAdvance(m_xTitle),
                                   std::min(legendRowWidth(), 6 * line + legendColumnWidth())});
        return {std::max(260, yAxisWidth() + wide + 24), std::max(200, plotHeight + chrome)};
    }

    int renderedPointCount(const QString& id) const override {
        auto it = m_lines.find(id);
        return it == m_lines.end() ? 0 : static_cast<int>(it->second.line->count());
    }

    QList<QPair<double, double>> renderedMarkerSpans() const override {
        QList<QPair<double, double>> out;
        const QRectF plot = m_chart->plotArea();
        auto value = [&](double px) {
            return m_x->min() + (px - plot.left()) / plot.width() * (m_x->max() - m_x->min());
        };
        for (const MarkerItem& it : m_markerItems) {
            if (it.band && it.band->isVisible())
                out.append({value(it.band->rect().left()), value(it.band->rect().right())});
            if (it.line && it.line->isVisible())
                out.append({value(it.line->line().x1()), value(it.line->line().x1())});
        }
        return out;
    }

protected:
    void renderMarkers() override {
        for (MarkerItem& it : m_markerItems) {
            delete it.band;
            delete it.line;
            delete it.text;
        }
        m_markerItems.clear();
        for (const ChartMarker& m : m_markers) {
            MarkerItem it;
            it.marker = m;
            if (m.end > m.start) {
                it.band = new QGraphicsRectItem(m_chart);
                QColor fill = m.color;
                fill.setAlpha(40);
                it.band->setBrush(fill);
                it.band->setPen(Qt::NoPen);
                it.band->setZValue(1);
            } else {
                it.line = new QGraphicsLineItem(m_chart);
                QPen pen(m.color);
                pen.setWidthF(1.5);
                pen.setStyle(Qt::DashLine);
                it.line->setPen(pen);
                it.line->setZValue(1);
            }
            it.text = new QGraphicsSimpleTextItem(m.label, m_chart);
            it.text->setBrush(m.color.darker(150));
            QFont f = font();
            f.setPointSizeF(f.pointSizeF() * 0.85);
            it.text->setFont(f);
            it.text->setZValue(2);
            m_markerItems.push_back(it);
        }
        layoutMarkers();
    }

    void render(const QStringList& changed, bool seriesChanged) override {
        if (seriesChanged)
            rebuild();
        const int pixels = std::max(100, static_cast<int>(m_chart->plotArea().width()));
        const QStringList ids = seriesChanged ? allIds() : changed;
        for (const QString& id : ids) {
            auto it = m_lines.find(id);
            if (it == m_lines.end())
                continue;
            const std::vector<ChartSample> thin = decimate(samples(id), pixels);
            QList<QPointF> pts, lo, hi;
            pts.reserve(static_cast<qsizetype>(thin.size()));
            const double f = scale();
            for (const ChartSample& s : thin) {
                pts.append(QPointF(s.x, s.y * f));
                if (it->second.area) {
                    lo.append(QPointF(s.x, s.lo * f));
                    hi.append(QPointF(s.x, s.hi * f));
                }
            }
            // A handful of points (a run that just started, teaching mode) would be an
            // invisible dot or two without markers.
            it->second.line->setPointsVisible(pts.size() < 24);
            it->second.line->replace(pts);
            if (it->second.area) {
                it->second.lower->replace(lo);
                it->second.upper->replace(hi);
            }
        }
        updateAxes();
    }

private:
    struct MarkerItem {
        ChartMarker marker;
        QGraphicsRectItem* band = nullptr; // or
        QGraphicsLineItem* line = nullptr;
        QGraphicsSimpleTextItem* text = nullptr;
    };

    // Places each marker over the plot area by the x axis' linear scale; a marker outside
    // the visible range is hidden (it appears when the run reaches it).
    void layoutMarkers() {
        const QRectF plot = m_chart->plotArea();
        const double lo = m_x->min(), hi = m_x->max();
        if (!(hi > lo) || plot.width() <= 0.0)
            return;
        auto px = [&](double x) { return plot.left() + (x - lo) / (hi - lo) * plot.width(); };
        for (MarkerItem& it : m_markerItems) {
            const ChartMarker& m = it.marker;
            const bool visible = m.end >= lo && m.start <= hi;
            const double a = px(std::max(m.start, lo)), b = px(std::min(m.end, hi));
            if (it.band) {
                it.band->setRect(QRectF(QPointF(a, plot.top()), QPointF(b, plot.bottom())));
                it.band->setVisible(visible);
            }
            if (it.line) {
                it.line->setLine(QLineF(a, plot.top(), a, plot.bottom()));
                it.line->setVisible(visible && m.start >= lo);
            }
            it.text->setPos(a + 3.0, plot.top() + 2.0);
            it.text->setVisible(visible && (it.band || m.start >= lo));
        }
    }

    struct Lines {
        QLineSeries* line = nullptr;
        QLineSeries* upper = nullptr;
        QLineSeries* lower = nullptr;
        QAreaSeries* area = nullptr;
    };

    QStringList allIds() const {
        QStringList ids;
        for (const SeriesSpec& s : m_specs)
            ids << s.id;
        return ids;
    }

    void rebuild() {
        m_chart->removeAllSeries();
        m_lines.clear();
        m_chart->setTitle(m_title);
        m_x->setTitleText(m_xTitle);
        m_y->setTitleText(m_yTitle);
        m_y->setLabelFormat(QStringLiteral("%.4g"));
        m_xMax = 0.0;
        m_yMax = 0.0;
        m_x->setRange(0.0, 1.0);
        m_y->setRange(0.0, 1.0);
        // Bands first so the lines are drawn on top of every band.
        for (const SeriesSpec& spec : m_specs) {
            Lines l;
            if (spec.band) {
                l.upper = new QLineSeries(m_chart);
                l.lower = new QLineSeries(m_chart);
                l.area = new QAreaSeries(l.upper, l.lower);
                QColor fill = spec.color;
                fill.setAlpha(45);
                l.area->setBrush(fill);
                l.area->setPen(Qt::NoPen);
                m_chart->addSeries(l.area);
                l.area->attachAxis(m_x);
                l.area->attachAxis(m_y);
                for (QLegendMarker* m : m_chart->legend()->markers(l.area))
                    m->setVisible(false);
            }
            m_lines[spec.id] = l;
        }
        for (const SeriesSpec& spec : m_specs) {
            Lines& l = m_lines[spec.id];
            l.line = new QLineSeries(m_chart);
            l.line->setName(spec.name);
            const bool inLegend = !spec.name.isEmpty();
            QPen pen(spec.color);
            pen.setWidthF(2.0);
            pen.setStyle(spec.style);
            l.line->setPen(pen);
            m_chart->addSeries(l.line);
            l.line->attachAxis(m_x);
            l.line->attachAxis(m_y);
            if (!inLegend)
                for (QLegendMarker* m : m_chart->legend()->markers(l.line))
                    m->setVisible(false);
        }
        fitLegend();
        updateGeometry(); // titles and legend entries set the minimum size
    }

    // Rates are kept as fractions and drawn as percentages.
    double scale() const { return m_percent ? 100.0 : 1.0; }

    void updateAxes() {
        double xMax = 0.0, yMax = 0.0, yMin = 0.0;
        for (const auto& [id, v] : m_data)
            for (const ChartSample& s : v) {
                xMax = std::max(xMax, s.x);
                yMax = std::max(yMax, s.hi * scale());
                yMin = std::min(yMin, s.lo * scale());
            }
        // Only when the data leaves the rounded bounds (or shrinks a lot, after a clear):
        // setting a range re-lays out the whole chart.
        // Floors keep an empty or just-started chart readable (no 1e-09 ticks).
        xMax = std::max(xMax, 0.05);
        if (m_robust)
            yMax = std::min(yMax, robustMax());
        yMax = std::max(yMax, m_percent ? 1.0 : (m_robust ? 10.0 : 1e-3));
        if (m_xExtent > 0.0) {
            // A known end: the exact span, with ticks at a round interval from 0.
            const double end = std::max(m_xExtent, xMax);
            if (end != m_xMax) {
                m_x->setRange(0.0, end);
                m_x->setTickType(QValueAxis::TicksDynamic);
                m_x->setTickAnchor(0.0);
                m_x->setTickInterval(niceStep(end / 6.0));
                m_x->setLabelFormat(QStringLiteral("%g"));
                m_xMax = end;
            }
        } else {
            const double nx = niceCeil(xMax);
            if (xMax > m_xMax || nx < m_xMax / 4.0) {
                m_x->setTickType(QValueAxis::TicksFixed);
                m_x->setRange(0.0, nx);
                m_x->applyNiceNumbers();
                m_xMax = m_x->max();
            }
        }
        const double ny = niceCeil(yMax);
        if (yMax > m_yMax || ny < m_yMax / 4.0) {
            m_y->setRange(yMin, ny);
            m_y->applyNiceNumbers();
            m_yMax = m_y->max();
            m_y->setLabelFormat(m_yMax >= 100.0 ? QStringLiteral("%.0f") : QStringLiteral("%.3g"));
        }
    }

    // Latency has rare spikes (a page fault, a rebuild) that would flatten every other
    // point: the axis follows the 99th percentile of the drawn values, spikes leave the
    // plot at the top.
    double robustMax() const {
        std::vector<double> ys;
        for (const auto& [id, v] : m_data)
            for (const ChartSample& s : v)
                ys.push_back(s.y * scale());
        if (ys.empty())
            return 0.0;
        const auto k = static_cast<std::ptrdiff_t>(static_cast<double>(ys.size() - 1) * 0.99);
        std::nth_element(ys.begin(), ys.begin() + k, ys.end());
        return ys[static_cast<std::size_t>(k)] * 1.2;
    }

    void changeEvent(QEvent* event) override {
        if (event->type() == QEvent::FontChange) {
            applyFonts();
            updateGeometry(); // the minimum size follows the fonts
        }
        MetricChartView::changeEvent(event);
    }

    void resizeEvent(QResizeEvent* event) override {
        MetricChartView::resizeEvent(event);
        fitLegend();
    }

    QFontMetrics titleMetrics() const {
        QFont t = font();
        t.setBold(true);
        return QFontMetrics(t);
    }

    // The y axis' tick labels ("0.0000", "100%") and its title written sideways.
    int yAxisWidth() const {
        const QFontMetrics fm(font());
        return fm.horizontalAdvance(QStringLiteral("0.0000")) + 2 * fm.height();
    }

    // Qt Charts' legend item: marker, spacing, text, padding.
    int legendItemWidth(const QString& name) const {
        const QFontMetrics fm(font());
        return fm.horizontalAdvance(name) + 3 * fm.height() + 12;
    }

    int legendRowWidth() const {
        int w = 0;
        for (const SeriesSpec& s : m_specs)
            if (!s.name.isEmpty())
                w += legendItemWidth(s.name);
        return w;
    }

    int legendColumnWidth() const {
        int w = 0;
        for (const SeriesSpec& s : m_specs)
            if (!s.name.isEmpty())
                w = std::max(w, legendItemWidth(s.name));
        return w;
    }

    // Qt Charts truncates legend entries ("pop...") that do not fit one row: below the
    // plot while the row fits, beside it (one entry a line) otherwise.
    void fitLegend() {
        const Qt::Alignment a =
            legendRowWidth() + yAxisWidth() + 16 <= width() ? Qt::AlignBottom : Qt::AlignRight;
        if (m_chart->legend()->alignment() != a)
            m_chart->legend()->setAlignment(a);
        // Beside the plot Qt Charts sizes the legend from entries it may already have
        // truncated: ask for the width the whole entries need.
        m_chart->legend()->setMinimumWidth(a == Qt::AlignRight ? legendColumnWidth() : 0);
    }

    // Qt Charts keeps its own fonts; follow the widget's (large fonts for projectors).
    void applyFonts() {
        QFont f = font();
        m_chart->legend()->setFont(f);
        for (QValueAxis* a : {m_x, m_y}) {
            a->setLabelsFont(f);
            QFont t = f;
            t.setBold(true);
            a->setTitleFont(t);
        }
        QFont title = f;
        title.setPointSizeF(f.pointSizeF() * 1.1);
        m_chart->setTitleFont(title);
        fitLegend();
    }

    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QValueAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    std::map<QString, Lines> m_lines;
    std::vector<MarkerItem> m_markerItems;
    double m_xMax = 0.0, m_yMax = 0.0;
};

} // namespace

MetricChartView* MetricChartView::create(QWidget* parent) {
    return new QtChartsMetricChartView(parent);
}

} // namespace recoscope::ui
