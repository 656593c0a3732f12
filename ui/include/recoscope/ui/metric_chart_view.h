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

#include <map>
#include <vector>

namespace recoscope::ui {

struct SeriesSpec {
    QString id;   ///< stable key for setSamples()
    QString name; ///< legend text; empty = not in the legend
    QColor color;
    Qt::PenStyle style = Qt::SolidLine;
    bool band = false; ///< draw the [lo, hi] confidence band under the line
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
    /// Where x will end when known in advance (a log replay's span), 0 = follow the data:
    /// the axis then spans it from the start and never rescales while the run grows.
    void setXExtent(double x) { m_xExtent = x; }
    /// Replaces the series (and drops their samples).
    void setSeries(const QList<SeriesSpec>& specs);
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
    /// Implementations redraw the markers (m_markers changed).
    virtual void renderMarkers() = 0;

    QString m_title, m_xTitle, m_yTitle;
    bool m_percent = false;
    bool m_robust = false;
    double m_xExtent = 0.0;
    QList<SeriesSpec> m_specs;
    std::map<QString, std::vector<ChartSample>> m_data;
    QList<ChartMarker> m_markers;

private:
    QStringList m_changed;
    bool m_seriesChanged = true;
};

} // namespace recoscope::ui
