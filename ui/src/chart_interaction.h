#pragma once
// ChartInteraction: the mouse, wheel and keyboard over a chart view's plot
// (docs/user-guide.md, "Charts: hover, zoom, pan"). It reads the data and the axes through
// the MetricChartView interface and changes them only through zoomTo() and resetZoom(), so
// every gesture is the same call a test or a menu makes; no Qt Charts type here, so a
// Qt Graphs view reuses it. GUI thread only.
//
//   hover            callout with the nearest point: series, "day D, HH:MM", value
//   drag             zoom x to the dragged span (Shift+drag: the dragged rectangle)
//   wheel            zoom x around the cursor (Ctrl+wheel: y)
//   middle drag,     pan
//   Ctrl+drag
//   + − ← → ↑ ↓      zoom x in/out around the centre, pan by a tenth of the view
//   double click,    reset zoom (follow the data again)
//   Home, 0

#include <QObject>
#include <QPoint>
#include <QPointF>
#include <QRectF>

#include <functional>

class QFrame;
class QLabel;
class QRubberBand;
class QWidget;

namespace recoscope::ui {

class MetricChartView;

class ChartInteraction : public QObject {
public:
    /// Handles the events of `viewport` (where the plot is drawn) and the keys sent to
    /// `owner` or `focus`. `yScale` turns a stored y into a drawn one (100 for percent).
    ChartInteraction(MetricChartView& owner, QWidget* viewport, QWidget* focus,
                     std::function<double()> yScale);

    /// The callout's text, empty when hidden.
    QString hoverText() const { return m_hoverText; }
    /// Hides the callout (the data or the axes changed under it).
    void hideHover();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // Pixel <-> value over the owner's plot area (owner coordinates), the current ranges.
    double toX(double px) const;
    double toY(double py) const;
    double fromX(double x) const;
    double fromY(double y) const;
    double fromYRight(double y) const;
    /// Zooms to the pixel rectangle `r` of the plot (owner coordinates).
    void zoomToPixels(const QRectF& r);
    /// Scales the view by `factor` (>1 zooms in) around `at`, in x and/or y.
    void zoomAround(QPointF at, double factor, bool x, bool y);
    void panPixels(QPointF delta);
    void hover(QPointF at);
    bool key(int key);

    MetricChartView& m_owner;
    QWidget* m_viewport;
    std::function<double()> m_yScale;
    QRubberBand* m_band = nullptr;
    QLabel* m_callout = nullptr;
    QFrame* m_dot = nullptr;
    QString m_hoverText;
    enum class Drag { None, Band, BandXY, Pan } m_drag = Drag::None;
    QPointF m_origin, m_last;
};

} // namespace recoscope::ui
