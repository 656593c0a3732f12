#pragma once
// MetricChartView: the only chart interface panels see. The Qt Charts implementation
// (qtcharts_metric_chart_view.cpp, the one file that includes <QtCharts>) can be replaced
// by a Qt Graphs one without touching the panels. GUI thread only.
//
// The view keeps the full series it was given (for tests, CSV/SVG export) and hands the
// renderer a copy thinned to about two points per pixel of plot width (min/max per
// column), so a million-bucket series costs the same frame time as a thousand.

#include "recoscope/ui/metric_series_store.h"

#include <QColor>
#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

#include <functional>
#include <map>
#include <vector>

class QAction;

namespace recoscope::ui {

struct SeriesSpec {
    QString id;   ///< stable key for setSamples()
    QString name; ///< legend text; empty = not in the legend
    QColor color;
    Qt::PenStyle style = Qt::SolidLine;
    bool band = false; ///< draw the [lo, hi] confidence band under the line
    /// Drawn against the right-hand y axis (setRightAxisTitle), scaled on its own: two
    /// quantities of different magnitude (impressions and purchases) on one chart.
    bool rightAxis = false;
};

/// A dated event drawn over a chart (promotions, launches, stock shocks of the scenario's
/// timeline): a shaded band over [start, end], or a vertical line when end == start, with
/// a short label at the top of the plot.
struct ChartMarker {
    double start = 0.0; ///< x, in the chart's units (simulated days)
    double end = 0.0;
    QString label;
    QColor color;
};

class MetricChartView : public QWidget {
    Q_OBJECT
public:
    /// Creates the default implementation (Qt Charts).
    static MetricChartView* create(QWidget* parent = nullptr);

    void setTitle(const QString& title);
    QString title() const { return m_title; }
    void setAxisTitles(const QString& x, const QString& y);
    QString xTitle() const { return m_xTitle; }
    QString yTitle() const { return m_yTitle; }
    /// Y axis as a percentage (rates): values stay fractions, labels show %.
    void setPercent(bool percent) { m_percent = percent; }
    /// Y axis follows the 99th percentile instead of the maximum (latency spikes).
    void setRobustRange(bool robust) { m_robust = robust; }
    /// A y axis on the right for the series with SeriesSpec::rightAxis, titled `title`.
    void setRightAxisTitle(const QString& title);
    /// How the hover callout writes a sample's y (the stored value, before percent
    /// scaling): "12.34%", "1,234", "850 µs". Default: percent when setPercent, else %.4g.
    void setValueFormat(std::function<QString(double)> format) { m_format = std::move(format); }
    QString valueText(double y) const;
    /// Where x will end when known in advance (a log replay's span), 0 = follow the data:
    /// the axis then spans it from the start and never rescales while the run grows.
    void setXExtent(double x) { m_xExtent = x; }
    /// Replaces the series (and drops their samples).
    void setSeries(const QList<SeriesSpec>& specs);
    /// Changes the legend text of series `id` in place: its samples, the axes and a zoom
    /// stay (the A/B note of a legend moves with every refresh of a running arena; a
    /// setSeries would rebuild the chart each time). Unknown ids are ignored.
    void renameSeries(const QString& id, const QString& name);
    const QList<SeriesSpec>& seriesSpecs() const { return m_specs; }
    /// Replaces the samples of one series; nothing is drawn until refresh().
    void setSamples(const QString& id, std::vector<ChartSample> samples);
    /// Removes every sample (keeps the series).
    void clearSamples();
    /// Draws what changed since the last refresh.
    void refresh();

    /// Replaces the markers. They are drawn where the x axis reaches them (a marker beyond
    /// the data so far appears when the run gets there) and exported with the series.
    void setMarkers(const QList<ChartMarker>& markers);
    const QList<ChartMarker>& markers() const { return m_markers; }
    /// For tests: the x span (data units) each marker is drawn over, read back from where
    /// the renderer placed it; markers outside the visible x range are left out.
    virtual QList<QPair<double, double>> renderedMarkerSpans() const = 0;

    // Interaction (docs/user-guide.md, "Charts: hover, zoom, pan"). The mouse and keys are
    // handled by the implementation; these calls do the same from code and tests.

    /// Whether the context menu offers "Log scale" (metrics that are counts, money or
    /// times; never rates or shares). Switching it off also leaves log scale.
    void setLogScaleAllowed(bool allowed);
    bool logScaleAllowed() const { return m_logAllowed; }
    /// A log-10 y axis. Values <= 0 cannot be placed on it: they are left out of the
    /// lines (the line joins the neighbouring positive values), confidence bands are
    /// hidden, and the axis title says "log scale, zeros not drawn". Ignored unless allowed.
    void setLogScale(bool on);
    bool logScale() const { return m_log; }
    /// True while the user's zoom or pan holds the axes; new samples then do not move
    /// them. resetZoom() returns to following the data.
    virtual bool isZoomed() const = 0;
    virtual void resetZoom() = 0;
    /// Zooms to the data rectangle [x0, x1] x [y0, y1] (y in drawn units: percent for
    /// percent charts) as a rubber band would.
    virtual void zoomTo(double x0, double x1, double y0, double y1) = 0;
    /// For tests: the plot area in this widget's coordinates and the axis ranges as drawn
    /// (y in drawn units), the hover callout's text (empty when none is shown), the points
    /// handed to the renderer for a series and the colour it is stroked with.
    virtual QRectF plotArea() const = 0;
    virtual QPair<double, double> xRange() const = 0;
    virtual QPair<double, double> yRange() const = 0;
    virtual QPair<double, double> rightRange() const = 0;
    virtual QString hoverText() const = 0;
    virtual QList<QPointF> renderedPoints(const QString& id) const = 0;
    virtual QColor renderedColor(const QString& id) const = 0;
    /// For tests: the legend text the renderer shows for series `id`.
    virtual QString renderedName(const QString& id) const = 0;
    /// The callout's text for sample `s` of series `id`: "name · day D, HH:MM · value".
    QString hoverTextFor(const QString& id, const ChartSample& s) const;

    int sampleCount(const QString& id) const;
    const std::vector<ChartSample>& samples(const QString& id) const;
    /// Points handed to the renderer for `id` after thinning (for tests and benchmarks).
    virtual int renderedPointCount(const QString& id) const = 0;

    /// Writes the series as a standalone SVG (vector lines, axes, legend). False on I/O
    /// errors.
    bool exportSvg(const QString& path, QSize size = QSize(900, 500)) const;
    /// Writes the chart as drawn (vector) to a one-page PDF of `size` points.
    bool exportPdf(const QString& path, QSize size = QSize(900, 500));
    /// PNG, SVG or PDF by the path's suffix (none: PNG is added). False on I/O errors or
    /// an unknown suffix, with `error` set.
    bool saveAs(const QString& path, QString* error = nullptr);

    /// Thins `in` to at most ~2 points per column of a `pixels`-wide plot (first, min, max,
    /// last per column, in x order), keeping the shape of spikes.
    static std::vector<ChartSample> decimate(const std::vector<ChartSample>& in, int pixels);

protected:
    explicit MetricChartView(QWidget* parent);
    /// Implementations redraw from specs/data; `changed` lists the series ids touched.
    virtual void render(const QStringList& changed, bool seriesChanged) = 0;
    /// Implementations show the new legend text of series `id` (m_specs holds it).
    virtual void renderName(const QString& id) = 0;
    /// Implementations redraw the markers (m_markers changed).
    virtual void renderMarkers() = 0;
    /// Implementations swap the y axis (m_log changed) and redraw.
    virtual void applyLogScale() = 0;
    void changeEvent(QEvent* event) override;

    QString m_title, m_xTitle, m_yTitle, m_rightTitle;
    bool m_percent = false;
    bool m_robust = false;
    double m_xExtent = 0.0;
    QList<SeriesSpec> m_specs;
    std::map<QString, std::vector<ChartSample>> m_data;
    QList<ChartMarker> m_markers;
    std::function<QString(double)> m_format;
    bool m_logAllowed = false;
    bool m_log = false;

private:
    QAction* m_logAction = nullptr;
    QStringList m_changed;
    bool m_seriesChanged = true;
};

} // namespace recoscope::ui
