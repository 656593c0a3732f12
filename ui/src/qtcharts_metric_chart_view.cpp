// The Qt Charts implementation of MetricChartView: the only file that includes QtCharts.
// Frame costs (docs/performance.md, ../shared limits): replace() per series is cheap once
// thinned to ~2 points per pixel; setting axis ranges is the expensive part, so ranges
// only change when the data leaves the current rounded bounds.

#include "recoscope/ui/metric_chart_view.h"

#include "chart_interaction.h"

#include <QtCharts/QAreaSeries>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
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

// Sets `format` on a vertical value axis, or one decimal more when every tick label would
// be narrower than "...". Qt Charts sizes a vertical axis to its widest tick label, but
// when it lays out the axis title it reserves the width of "..." for the labels: with
// one-digit labels (a CTR axis of 0-6 %) the title loses the difference, and a title set
// in a taller font (CJK: a 17 px line against 16 px for Latin) was elided to a lone
// "..." drawn sideways ("⋮" in the zh_CN privacy curve).
void setVerticalLabelFormat(QValueAxis* axis, const QString& format) {
    const QFontMetricsF fm(axis->labelsFont());
    const qreal ellipsis = fm.horizontalAdvance(QStringLiteral("..."));
    const int ticks = std::max(axis->tickCount(), 2);
    qreal widest = 0.0;
    for (int i = 0; i < ticks; ++i) {
        const double v = axis->min() + (axis->max() - axis->min()) * i / (ticks - 1);
        // QValueAxis takes a printf format, so the label is measured with the same one.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        const QString label = QString::asprintf(format.toLatin1().constData(), v);
#pragma GCC diagnostic pop
        widest = std::max(widest, fm.horizontalAdvance(label));
    }
    axis->setLabelFormat(widest < ellipsis ? QStringLiteral("%.1f") : format);
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
        // The log axis and the right axis join the chart only while used (rebuild()).
        m_yLog = new QLogValueAxis(this);
        m_yLog->setBase(10.0);
        m_yLog->setLabelFormat(QStringLiteral("%g"));
        m_yLog->setMinorTickCount(-1); // 2..9 between decades: reads as a log axis
        m_right = new QValueAxis(this);
        m_right->setTickCount(5);
        // Markers follow the plot area and the x range (the series' own items do).
        connect(m_chart, &QChart::plotAreaChanged, this, [this] { layoutMarkers(); });
        connect(m_x, &QValueAxis::rangeChanged, this, [this] { layoutMarkers(); });
        m_view = new QChartView(m_chart, this);
        m_view->setRenderHint(QPainter::Antialiasing, true);
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_view);
        m_interaction =
            new ChartInteraction(*this, m_view->viewport(), m_view, [this] { return scale(); });
        applyFonts();
    }

    // What the texts need at the current fonts (presentation mode scales them): the title,
    // a legend row and the x axis above and below the plot, the y labels and title beside
    // it; the y title runs along the plot, which must be at least that tall. At normal
    // sizes this is about the former fixed 260 x 200.
    QSize minimumSizeHint() const override {
        const QFontMetrics fm(font());
        const int line = fm.height();
        const int yTitle = std::max(titleMetrics().horizontalAdvance(m_yTitle),
                                    titleMetrics().horizontalAdvance(m_rightTitle)) +
                           2 * line;
        const int plotHeight = std::max(yTitle, 4 * line);
        const int chrome = 7 * line + 24; // title, legend row, x labels, x title, margins
        const int wide = std::max({titleMetrics().horizontalAdvance(m_title) * 11 / 10,
                                   titleMetrics().horizontalAdvance(m_xTitle),
                                   std::min(legendRowWidth(), 6 * line + legendColumnWidth())});
        const int axes = m_rightTitle.isEmpty() ? yAxisWidth() : 2 * yAxisWidth();
        return {std::max(260, axes + wide + 24), std::max(200, plotHeight + chrome)};
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

    bool isZoomed() const override { return m_zoomed; }

    void resetZoom() override {
        m_zoomed = false;
        m_xMax = m_yMax = m_rightMax = 0.0; // forces updateAxes() to set every range
        m_logRange = {};
        updateAxes();
        m_interaction->hideHover();
    }

    void zoomTo(double x0, double x1, double y0, double y1) override {
        if (!(x1 > x0) || !(y1 > y0) || (m_log && !(y0 > 0.0)))
            return;
        // The right axis keeps the same share of its range as the left one.
        const double l0 = yRange().first, l1 = yRange().second;
        const double r0 = m_right->min(), r1 = m_right->max();
        const double f0 =
            m_log ? (std::log10(y0) - std::log10(l0)) / (std::log10(l1) - std::log10(l0))
                  : (y0 - l0) / (l1 - l0);
        const double f1 =
            m_log ? (std::log10(y1) - std::log10(l0)) / (std::log10(l1) - std::log10(l0))
                  : (y1 - l0) / (l1 - l0);
        m_zoomed = true;
        // Round ticks inside the exact span the user chose (nice numbers would widen it).
        m_x->setTickType(QValueAxis::TicksDynamic);
        m_x->setTickAnchor(0.0);
        m_x->setTickInterval(niceStep((x1 - x0) / 6.0));
        m_x->setLabelFormat(QStringLiteral("%g"));
        m_x->setRange(x0, x1);
        if (m_log)
            m_yLog->setRange(y0, y1);
        else {
            m_y->setRange(y0, y1);
            setVerticalLabelFormat(m_y, QStringLiteral("%.3g"));
        }
        m_right->setRange(r0 + f0 * (r1 - r0), r0 + f1 * (r1 - r0));
        setVerticalLabelFormat(m_right, QStringLiteral("%.3g"));
    }

    QRectF plotArea() const override {
        const QRectF scene = m_chart->plotArea();
        const QPoint topLeft =
            m_view->viewport()->mapTo(this, m_view->mapFromScene(scene.topLeft()));
        return QRectF(QPointF(topLeft), scene.size());
    }
    QPair<double, double> xRange() const override { return {m_x->min(), m_x->max()}; }
    QPair<double, double> yRange() const override {
        return m_log ? QPair<double, double>{m_yLog->min(), m_yLog->max()}
                     : QPair<double, double>{m_y->min(), m_y->max()};
    }
    QPair<double, double> rightRange() const override { return {m_right->min(), m_right->max()}; }
    QString hoverText() const override { return m_interaction->hoverText(); }
    QList<QPointF> renderedPoints(const QString& id) const override {
        auto it = m_lines.find(id);
        return it == m_lines.end() ? QList<QPointF>{} : it->second.line->points();
    }
    QColor renderedColor(const QString& id) const override {
        auto it = m_lines.find(id);
        return it == m_lines.end() ? QColor() : it->second.line->pen().color();
    }

    QString renderedName(const QString& id) const override {
        auto it = m_lines.find(id);
        return it == m_lines.end() ? QString() : it->second.line->name();
    }

protected:
    void renderName(const QString& id) override {
        auto it = m_lines.find(id);
        if (it == m_lines.end())
            return;
        for (const SeriesSpec& spec : m_specs)
            if (spec.id == id) {
                it->second.line->setName(spec.name);
                for (QLegendMarker* m : m_chart->legend()->markers(it->second.line))
                    m->setVisible(!spec.name.isEmpty());
            }
        fitLegend();
        updateGeometry(); // legend entries set the minimum size
    }

    void applyLogScale() override {
        // New axes for every series: rebuilt, then redrawn in full.
        m_zoomed = false;
        rebuild();
        render(allIds(), false);
        m_interaction->hideHover();
    }

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
            // A log axis has no place for zero or less: those points are left out.
            const bool log = m_log && !isRight(id);
            for (const ChartSample& s : thin) {
                if (log && !(s.y * f > 0.0))
                    continue;
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
            if (it->second.area && !m_log) {
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

    bool isRight(const QString& id) const {
        for (const SeriesSpec& s : m_specs)
            if (s.id == id)
                return s.rightAxis;
        return false;
    }

    // Puts `axis` on the chart at `side` when `wanted`, takes it off otherwise (QChart
    // hands a removed axis back; its parent, this view, still owns it).
    void showAxis(QAbstractAxis* axis, Qt::Alignment side, bool wanted) {
        const bool shown = m_chart->axes().contains(axis);
        if (wanted && !shown)
            m_chart->addAxis(axis, side);
        else if (!wanted && shown)
            m_chart->removeAxis(axis);
        if (!wanted)
            axis->setParent(this);
    }

    QAbstractAxis* yAxis() const {
        return m_log ? static_cast<QAbstractAxis*>(m_yLog) : static_cast<QAbstractAxis*>(m_y);
    }

    void rebuild() {
        m_chart->removeAllSeries();
        m_lines.clear();
        m_chart->setTitle(m_title);
        m_x->setTitleText(m_xTitle);
        m_y->setTitleText(m_yTitle);
        m_yLog->setTitleText(MetricChartView::tr("%1 (log scale, zeros not drawn)").arg(m_yTitle));
        m_right->setTitleText(m_rightTitle);
        m_y->setLabelFormat(QStringLiteral("%.4g"));
        showAxis(m_y, Qt::AlignLeft, !m_log);
        showAxis(m_yLog, Qt::AlignLeft, m_log);
        const bool right = std::any_of(m_specs.begin(), m_specs.end(),
                                       [](const SeriesSpec& s) { return s.rightAxis; });
        showAxis(m_right, Qt::AlignRight, right);
        // A user's zoom survives new series (a legend note changing mid-run).
        if (!m_zoomed) {
            m_xMax = m_yMax = m_rightMax = 0.0;
            m_logRange = {};
            m_x->setRange(0.0, 1.0);
            m_y->setRange(0.0, 1.0);
            m_yLog->setRange(1.0, 10.0);
            m_right->setRange(0.0, 1.0);
        }
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
                l.area->attachAxis(spec.rightAxis ? m_right : yAxis());
                l.area->setVisible(!m_log || spec.rightAxis);
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
            l.line->attachAxis(spec.rightAxis ? m_right : yAxis());
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
        double xMax = 0.0, yMax = 0.0, yMin = 0.0, rightMax = 0.0;
        double posMin = std::numeric_limits<double>::infinity(), posMax = 0.0;
        bool any = false;
        for (const auto& [id, v] : m_data) {
            const bool right = isRight(id);
            for (const ChartSample& s : v) {
                any = true;
                xMax = std::max(xMax, s.x);
                if (right) {
                    rightMax = std::max(rightMax, s.hi * scale());
                    continue;
                }
                yMax = std::max(yMax, s.hi * scale());
                yMin = std::min(yMin, s.lo * scale());
                if (s.y * scale() > 0.0) {
                    posMin = std::min(posMin, s.y * scale());
                    posMax = std::max(posMax, s.y * scale());
                }
            }
        }
        // While zoomed the user's ranges hold; a cleared chart (a new run) follows again.
        if (m_zoomed && any)
            return;
        if (m_zoomed) {
            resetZoom();
            return;
        }
        if (rightMax > m_rightMax || niceCeil(rightMax) < m_rightMax / 4.0) {
            m_right->setTickCount(5);
            // At least 0 … 4: small counts (an item's purchases) keep whole-number ticks.
            m_right->setRange(0.0, niceCeil(std::max(rightMax, 4.0)));
            m_right->applyNiceNumbers();
            m_rightMax = m_right->max();
            setVerticalLabelFormat(m_right, m_rightMax >= 100.0 ? QStringLiteral("%.0f")
                                                                : QStringLiteral("%.3g"));
        }
        if (m_log) {
            // Whole decades around the positive values.
            const QPair<double, double> decades =
                posMax > 0.0 ? QPair<double, double>{std::pow(10.0, std::floor(std::log10(posMin))),
                                                     std::pow(10.0, std::ceil(std::log10(posMax)))}
                             : QPair<double, double>{1.0, 10.0};
            if (decades != m_logRange) {
                m_logRange = decades;
                m_yLog->setRange(decades.first, decades.second > decades.first
                                                    ? decades.second
                                                    : decades.first * 10.0);
            }
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
                m_x->setTickCount(5); // applyNiceNumbers() changes it: same data, same axis
                m_x->setRange(0.0, nx);
                m_x->applyNiceNumbers();
                m_xMax = m_x->max();
            }
        }
        const double ny = niceCeil(yMax);
        if (yMax > m_yMax || ny < m_yMax / 4.0) {
            m_y->setTickCount(5);
            m_y->setRange(yMin, ny);
            m_y->applyNiceNumbers();
            m_yMax = m_y->max();
            setVerticalLabelFormat(m_y, m_yMax >= 100.0 ? QStringLiteral("%.0f")
                                                        : QStringLiteral("%.3g"));
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
        for (QAbstractAxis* a :
             {static_cast<QAbstractAxis*>(m_x), static_cast<QAbstractAxis*>(m_y),
              static_cast<QAbstractAxis*>(m_yLog), static_cast<QAbstractAxis*>(m_right)}) {
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
    QLogValueAxis* m_yLog = nullptr;
    QValueAxis* m_right = nullptr;
    ChartInteraction* m_interaction = nullptr;
    std::map<QString, Lines> m_lines;
    std::vector<MarkerItem> m_markerItems;
    double m_xMax = 0.0, m_yMax = 0.0, m_rightMax = 0.0;
    QPair<double, double> m_logRange;
    bool m_zoomed = false;
};

} // namespace

MetricChartView* MetricChartView::create(QWidget* parent) {
    return new QtChartsMetricChartView(parent);
}

} // namespace recoscope::ui
