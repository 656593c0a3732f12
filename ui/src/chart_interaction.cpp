#include "chart_interaction.h"

#include "recoscope/ui/metric_chart_view.h"

#include <QFrame>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QRubberBand>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace recoscope::ui {

namespace {

// A drag shorter than this is a click (or the two clicks of a double click), not a zoom.
constexpr double kMinDragPixels = 4.0;
// One wheel notch or one +/− press scales the view by this much.
constexpr double kZoomStep = 1.25;

} // namespace

ChartInteraction::ChartInteraction(MetricChartView& owner, QWidget* viewport, QWidget* focus,
                                   std::function<double()> yScale)
    : QObject(&owner), m_owner(owner), m_viewport(viewport), m_yScale(std::move(yScale)) {
    viewport->setMouseTracking(true);
    viewport->installEventFilter(this);
    focus->installEventFilter(this);
    owner.installEventFilter(this);
    owner.setFocusPolicy(Qt::StrongFocus);
    m_band = new QRubberBand(QRubberBand::Rectangle, viewport);
    m_band->hide();
    m_callout = new QLabel(viewport);
    m_callout->setObjectName(QStringLiteral("hoverCallout"));
    // A tooltip's colours, so it reads as one in every style and the dark palette.
    m_callout->setStyleSheet(
        QStringLiteral("QLabel { background: palette(tool-tip-base); color: palette(tool-tip-text);"
                       " border: 1px solid palette(mid); padding: 2px 5px; }"));
    m_callout->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_callout->hide();
    m_dot = new QFrame(viewport);
    m_dot->setFixedSize(9, 9);
    m_dot->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_dot->hide();
}

double ChartInteraction::toX(double px) const {
    const QRectF p = m_owner.plotArea();
    const auto [x0, x1] = m_owner.xRange();
    return x0 + (px - p.left()) / p.width() * (x1 - x0);
}

double ChartInteraction::fromX(double x) const {
    const QRectF p = m_owner.plotArea();
    const auto [x0, x1] = m_owner.xRange();
    return p.left() + (x - x0) / (x1 - x0) * p.width();
}

// A log axis is linear in log10(y).
double ChartInteraction::toY(double py) const {
    const QRectF p = m_owner.plotArea();
    const auto [y0, y1] = m_owner.yRange();
    const double t = (p.bottom() - py) / p.height();
    if (m_owner.logScale())
        return std::pow(10.0, std::log10(y0) + t * (std::log10(y1) - std::log10(y0)));
    return y0 + t * (y1 - y0);
}

double ChartInteraction::fromY(double y) const {
    const QRectF p = m_owner.plotArea();
    const auto [y0, y1] = m_owner.yRange();
    const double t = m_owner.logScale()
                         ? (std::log10(y) - std::log10(y0)) / (std::log10(y1) - std::log10(y0))
                         : (y - y0) / (y1 - y0);
    return p.bottom() - t * p.height();
}

double ChartInteraction::fromYRight(double y) const {
    const QRectF p = m_owner.plotArea();
    const auto [y0, y1] = m_owner.rightRange();
    return p.bottom() - (y - y0) / (y1 - y0) * p.height();
}

void ChartInteraction::zoomToPixels(const QRectF& r) {
    m_owner.zoomTo(toX(r.left()), toX(r.right()), toY(r.bottom()), toY(r.top()));
}

void ChartInteraction::zoomAround(QPointF at, double factor, bool x, bool y) {
    const QRectF p = m_owner.plotArea();
    QRectF r = p;
    if (x)
        r.setCoords(at.x() + (p.left() - at.x()) / factor, r.top(),
                    at.x() + (p.right() - at.x()) / factor, r.bottom());
    if (y)
        r.setCoords(r.left(), at.y() + (p.top() - at.y()) / factor, r.right(),
                    at.y() + (p.bottom() - at.y()) / factor);
    zoomToPixels(r);
}

void ChartInteraction::panPixels(QPointF delta) {
    zoomToPixels(m_owner.plotArea().translated(-delta));
}

void ChartInteraction::hideHover() {
    m_hoverText.clear();
    m_callout->hide();
    m_dot->hide();
}

// The nearest drawn sample in pixels, over every series: the full data, not the thinned
// copy, so the value shown is the stored one.
void ChartInteraction::hover(QPointF at) {
    const QRectF p = m_owner.plotArea();
    if (!p.contains(at) || p.width() <= 0.0 || p.height() <= 0.0) {
        hideHover();
        return;
    }
    const double scale = m_yScale();
    const double xAt = toX(at.x());
    double best = std::numeric_limits<double>::infinity();
    QString bestId;
    ChartSample bestSample;
    QPointF bestPoint;
    QColor bestColor;
    for (const SeriesSpec& spec : m_owner.seriesSpecs()) {
        const std::vector<ChartSample>& v = m_owner.samples(spec.id);
        if (v.empty())
            continue;
        auto it = std::lower_bound(v.begin(), v.end(), xAt,
                                   [](const ChartSample& s, double x) { return s.x < x; });
        // The neighbours on both sides in x; a few more when they are hidden (log, <= 0).
        const auto mid = it - v.begin();
        for (auto i = std::max<std::ptrdiff_t>(0, mid - 3);
             i < std::min<std::ptrdiff_t>(std::ssize(v), mid + 3); ++i) {
            const ChartSample& s = v[static_cast<std::size_t>(i)];
            const double y = s.y * scale;
            if (!spec.rightAxis && m_owner.logScale() && !(y > 0.0))
                continue;
            const QPointF pt(fromX(s.x), spec.rightAxis ? fromYRight(y) : fromY(y));
            const double d = std::hypot(pt.x() - at.x(), pt.y() - at.y());
            if (d < best && p.adjusted(-1, -1, 1, 1).contains(pt)) {
                best = d;
                bestId = spec.id;
                bestSample = s;
                bestPoint = pt;
                bestColor = spec.color;
            }
        }
    }
    if (bestId.isEmpty()) {
        hideHover();
        return;
    }
    m_hoverText = m_owner.hoverTextFor(bestId, bestSample);
    m_callout->setText(m_hoverText);
    m_callout->adjustSize();
    // Beside the point, flipped to stay inside the plot.
    const QPoint inView = m_viewport->mapFrom(&m_owner, bestPoint.toPoint());
    QPoint pos = inView + QPoint(10, -m_callout->height() - 6);
    const QRect area(m_viewport->mapFrom(&m_owner, p.topLeft().toPoint()), p.size().toSize());
    if (pos.x() + m_callout->width() > area.right())
        pos.setX(inView.x() - m_callout->width() - 10);
    if (pos.y() < area.top())
        pos.setY(inView.y() + 8);
    m_callout->move(pos);
    m_callout->show();
    m_callout->raise();
    m_dot->setStyleSheet(QStringLiteral("QFrame { background: %1; border: 1px solid white; "
                                        "border-radius: 4px; }")
                             .arg(bestColor.name()));
    m_dot->move(inView - QPoint(4, 4));
    m_dot->show();
    m_dot->raise();
}

bool ChartInteraction::key(int key) {
    const QPointF centre = m_owner.plotArea().center();
    const QRectF p = m_owner.plotArea();
    switch (key) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomAround(centre, kZoomStep, true, false);
        return true;
    case Qt::Key_Minus:
        zoomAround(centre, 1.0 / kZoomStep, true, false);
        return true;
    case Qt::Key_Left:
        panPixels(QPointF(p.width() / 10.0, 0.0));
        return true;
    case Qt::Key_Right:
        panPixels(QPointF(-p.width() / 10.0, 0.0));
        return true;
    case Qt::Key_Up:
        panPixels(QPointF(0.0, p.height() / 10.0));
        return true;
    case Qt::Key_Down:
        panPixels(QPointF(0.0, -p.height() / 10.0));
        return true;
    case Qt::Key_Home:
    case Qt::Key_0:
        m_owner.resetZoom();
        return true;
    default:
        return false;
    }
}

bool ChartInteraction::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::KeyPress) {
        auto* e = static_cast<QKeyEvent*>(event);
        if (key(e->key())) {
            hideHover();
            return true;
        }
        return false;
    }
    if (watched != m_viewport)
        return false;
    auto ownerPos = [this](QPointF viewportPos) {
        return QPointF(m_viewport->mapTo(&m_owner, viewportPos.toPoint()));
    };
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto* e = static_cast<QMouseEvent*>(event);
        m_owner.setFocus(Qt::MouseFocusReason);
        const QPointF at = ownerPos(e->position());
        if (e->button() == Qt::MiddleButton ||
            (e->button() == Qt::LeftButton && (e->modifiers() & Qt::ControlModifier)))
            m_drag = Drag::Pan;
        else if (e->button() == Qt::LeftButton && m_owner.plotArea().contains(at))
            m_drag = (e->modifiers() & Qt::ShiftModifier) ? Drag::BandXY : Drag::Band;
        else
            return false;
        m_origin = m_last = at;
        hideHover();
        return true;
    }
    case QEvent::MouseMove: {
        auto* e = static_cast<QMouseEvent*>(event);
        const QPointF at = ownerPos(e->position());
        if (m_drag == Drag::Pan) {
            panPixels(at - m_last);
            m_last = at;
        } else if (m_drag != Drag::None) {
            const QRectF p = m_owner.plotArea();
            QRectF r = QRectF(m_origin, at).normalized().intersected(p);
            if (m_drag == Drag::Band)
                r.setCoords(r.left(), p.top(), r.right(), p.bottom());
            m_band->setGeometry(
                QRect(m_viewport->mapFrom(&m_owner, r.topLeft().toPoint()), r.size().toSize()));
            m_band->show();
        } else {
            hover(at);
        }
        return m_drag != Drag::None;
    }
    case QEvent::MouseButtonRelease: {
        auto* e = static_cast<QMouseEvent*>(event);
        const Drag drag = std::exchange(m_drag, Drag::None);
        m_band->hide();
        if (drag == Drag::None)
            return false;
        if (drag == Drag::Pan)
            return true;
        const QPointF at = ownerPos(e->position());
        const QRectF p = m_owner.plotArea();
        QRectF r = QRectF(m_origin, at).normalized().intersected(p);
        if (drag == Drag::Band)
            r.setCoords(r.left(), p.top(), r.right(), p.bottom());
        if (r.width() >= kMinDragPixels && r.height() >= kMinDragPixels)
            zoomToPixels(r);
        return true;
    }
    case QEvent::MouseButtonDblClick:
        m_drag = Drag::None;
        m_band->hide();
        m_owner.resetZoom();
        return true;
    case QEvent::Wheel: {
        auto* e = static_cast<QWheelEvent*>(event);
        const double notches = e->angleDelta().y() / 120.0;
        if (notches == 0.0)
            return false;
        const bool y = e->modifiers() & Qt::ControlModifier;
        zoomAround(ownerPos(e->position()), std::pow(kZoomStep, notches), !y, y);
        hideHover();
        return true;
    }
    case QEvent::Leave:
        hideHover();
        return false;
    case QEvent::ToolTip: {
        // Over the plot the callout says more than the metric's help (still shown over
        // the title, legend and axes).
        auto* e = static_cast<QHelpEvent*>(event);
        return m_owner.plotArea().contains(ownerPos(e->pos()));
    }
    default:
        return false;
    }
}

} // namespace recoscope::ui
