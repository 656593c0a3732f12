#include "recoscope/ui/metric_chart_view.h"

#include "sim_time_text.h"

#include <QAction>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <limits>

namespace recoscope::ui {

MetricChartView::MetricChartView(QWidget* parent) : QWidget(parent) {
    // Every chart can be saved where it is shown: live, in the history and the comparison.
    setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* save = new QAction(tr("Save chart as…"), this);
    save->setObjectName(QStringLiteral("saveChart"));
    connect(save, &QAction::triggered, this, [this] {
        QString filter;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save chart"), m_title.isEmpty() ? QStringLiteral("chart") : m_title,
            tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"), &filter);
        if (path.isEmpty())
            return;
        // A name typed without a suffix takes the chosen filter's.
        QString withSuffix = path;
        if (QFileInfo(path).suffix().isEmpty())
            withSuffix += filter.contains(QLatin1String("svg"))   ? QStringLiteral(".svg")
                          : filter.contains(QLatin1String("pdf")) ? QStringLiteral(".pdf")
                                                                  : QStringLiteral(".png");
        QString error;
        if (!saveAs(withSuffix, &error))
            QMessageBox::warning(this, tr("Save chart"), error);
    });
    // Zoom and scale sit in the same menu (the mouse and keys are the implementation's).
    auto* reset = new QAction(tr("Reset zoom"), this);
    reset->setObjectName(QStringLiteral("resetZoom"));
    reset->setToolTip(tr("Show the whole run again and follow new data (double click, Home)"));
    connect(reset, &QAction::triggered, this, [this] { resetZoom(); });
    auto* log = new QAction(tr("Log scale"), this);
    log->setObjectName(QStringLiteral("logScale"));
    log->setCheckable(true);
    log->setVisible(false);
    connect(log, &QAction::toggled, this, [this](bool on) { setLogScale(on); });
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    addActions({reset, log, separator, save});
    m_logAction = log;
}

QString MetricChartView::valueText(double y) const {
    if (m_format)
        return m_format(y);
    return m_percent ? QStringLiteral("%1%").arg(QLocale().toString(y * 100.0, 'f', 2))
                     : QLocale().toString(y, 'g', 4);
}

QString MetricChartView::hoverTextFor(const QString& id, const ChartSample& s) const {
    // Series without a legend entry (latency p50/p99: "0/p50") take the name of their
    // core's legend entry and their own suffix.
    QString name;
    for (const SeriesSpec& spec : m_specs)
        if (spec.id == id)
            name = spec.name;
    if (name.isEmpty() && id.contains(QLatin1Char('/'))) {
        const QString prefix = id.section(QLatin1Char('/'), 0, 0) + QLatin1Char('/');
        for (const SeriesSpec& spec : m_specs)
            if (spec.id.startsWith(prefix) && !spec.name.isEmpty())
                name = spec.name;
        name = tr("%1, %2").arg(name, id.section(QLatin1Char('/'), 1));
    }
    return tr("%1 · %2 · %3")
        .arg(name.isEmpty() ? id : name, simTimeText(s.x * core::kSecondsPerDay), valueText(s.y));
}

void MetricChartView::setRightAxisTitle(const QString& title) {
    m_rightTitle = title;
    m_seriesChanged = true;
}

void MetricChartView::setLogScaleAllowed(bool allowed) {
    m_logAllowed = allowed;
    m_logAction->setVisible(allowed);
    if (!allowed)
        setLogScale(false);
}

void MetricChartView::setLogScale(bool on) {
    on = on && m_logAllowed;
    m_logAction->setChecked(on);
    if (on == m_log)
        return;
    m_log = on;
    applyLogScale();
}

void MetricChartView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        for (QAction* a : actions()) {
            if (a->objectName() == QLatin1String("saveChart"))
                a->setText(tr("Save chart as…"));
            else if (a->objectName() == QLatin1String("resetZoom"))
                a->setText(tr("Reset zoom"));
            else if (a->objectName() == QLatin1String("logScale"))
                a->setText(tr("Log scale"));
        }
    QWidget::changeEvent(event);
}

bool MetricChartView::exportPdf(const QString& path, QSize size) {
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setResolution(72); // one device pixel per point: the widget's layout as on screen
    pdf.setTitle(m_title);
    pdf.setCreator(QStringLiteral("Recoscope"));
    const QSize before = this->size();
    resize(size);
    refresh();
    QPainter painter;
    if (!painter.begin(&pdf)) {
        resize(before);
        return false;
    }
    QWidget::render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    const bool ok = painter.end();
    resize(before);
    return ok && QFileInfo(path).size() > 0;
}

bool MetricChartView::saveAs(const QString& requested, QString* error) {
    QString path = requested;
    QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix.isEmpty()) {
        path += QStringLiteral(".png");
        suffix = QStringLiteral("png");
    }
    bool ok = false;
    if (suffix == QLatin1String("svg"))
        ok = exportSvg(path);
    else if (suffix == QLatin1String("pdf"))
        ok = exportPdf(path);
    else if (suffix == QLatin1String("png")) {
        refresh();
        ok = grab().save(path, "PNG");
    } else {
        if (error)
            *error = tr("Cannot save a chart as .%1: choose .png, .svg or .pdf.").arg(suffix);
        return false;
    }
    if (!ok && error)
        *error = tr("Cannot write %1").arg(path);
    return ok;
}

void MetricChartView::setTitle(const QString& title) {
    m_title = title;
    m_seriesChanged = true;
}

void MetricChartView::setAxisTitles(const QString& x, const QString& y) {
    m_xTitle = x;
    m_yTitle = y;
    m_seriesChanged = true;
}

void MetricChartView::setSeries(const QList<SeriesSpec>& specs) {
    m_specs = specs;
    m_data.clear();
    m_seriesChanged = true;
}

void MetricChartView::renameSeries(const QString& id, const QString& name) {
    for (SeriesSpec& s : m_specs)
        if (s.id == id && s.name != name) {
            s.name = name;
            // A rebuild pending anyway (new series, titles) picks the name up from m_specs.
            if (!m_seriesChanged)
                renderName(id);
        }
}

void MetricChartView::setSamples(const QString& id, std::vector<ChartSample> samples) {
    m_data[id] = std::move(samples);
    if (!m_changed.contains(id))
        m_changed.push_back(id);
}

void MetricChartView::clearSamples() {
    for (auto& [id, v] : m_data) {
        v.clear();
        if (!m_changed.contains(id))
            m_changed.push_back(id);
    }
}

void MetricChartView::refresh() {
    if (m_changed.isEmpty() && !m_seriesChanged)
        return;
    const QStringList changed = std::exchange(m_changed, {});
    const bool seriesChanged = std::exchange(m_seriesChanged, false);
    render(changed, seriesChanged);
}

int MetricChartView::sampleCount(const QString& id) const {
    auto it = m_data.find(id);
    return it == m_data.end() ? 0 : static_cast<int>(it->second.size());
}

const std::vector<ChartSample>& MetricChartView::samples(const QString& id) const {
    static const std::vector<ChartSample> empty;
    auto it = m_data.find(id);
    return it == m_data.end() ? empty : it->second;
}

std::vector<ChartSample> MetricChartView::decimate(const std::vector<ChartSample>& in, int pixels) {
    const std::size_t columns = static_cast<std::size_t>(std::max(16, pixels));
    if (in.size() <= 2 * columns)
        return in;
    const double x0 = in.front().x, x1 = in.back().x;
    const double width = x1 > x0 ? x1 - x0 : 1.0;
    std::vector<ChartSample> out;
    out.reserve(columns * 4);
    std::size_t i = 0;
    while (i < in.size()) {
        const auto col = static_cast<std::size_t>(
            std::min(double(columns - 1), (in[i].x - x0) / width * double(columns)));
        std::size_t j = i, lo = i, hi = i;
        while (j < in.size() &&
               static_cast<std::size_t>(std::min(
                   double(columns - 1), (in[j].x - x0) / width * double(columns))) == col) {
            if (in[j].y < in[lo].y)
                lo = j;
            if (in[j].y > in[hi].y)
                hi = j;
            ++j;
        }
        // First, extremes in x order, last: the column's envelope without reordering.
        std::size_t keep[4] = {i, std::min(lo, hi), std::max(lo, hi), j - 1};
        std::size_t last = std::numeric_limits<std::size_t>::max();
        for (std::size_t k : keep)
            if (k != last) {
                out.push_back(in[k]);
                last = k;
            }
        i = j;
    }
    return out;
}

void MetricChartView::setMarkers(const QList<ChartMarker>& markers) {
    m_markers = markers;
    renderMarkers();
}

bool MetricChartView::exportSvg(const QString& path, QSize size) const {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    const double w = size.width(), h = size.height();
    // Series of the right-hand axis (SeriesSpec::rightAxis) get their own scale, as on
    // screen. The SVG is always linear and holds the whole run (no zoom, no log scale).
    QStringList rightIds;
    for (const SeriesSpec& spec : m_specs)
        if (spec.rightAxis)
            rightIds << spec.id;
    const double left = 70, right = rightIds.isEmpty() ? 20 : 70, top = 40, bottom = 80;
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = 0.0, y1 = -x0;
    double r1 = 0.0;
    for (const auto& [id, v] : m_data)
        for (const ChartSample& s : v) {
            x0 = std::min(x0, s.x);
            x1 = std::max(x1, s.x);
            if (rightIds.contains(id)) {
                r1 = std::max(r1, s.hi);
                continue;
            }
            y0 = std::min(y0, s.lo);
            y1 = std::max(y1, s.hi);
        }
    if (!(r1 > 0.0))
        r1 = 1.0;
    if (!(x1 > x0)) {
        x0 = 0.0;
        x1 = 1.0;
    }
    if (!(y1 > y0))
        y1 = y0 + 1.0;
    auto px = [&](double x) { return left + (x - x0) / (x1 - x0) * (w - left - right); };
    auto py = [&](double y) { return top + (1.0 - (y - y0) / (y1 - y0)) * (h - top - bottom); };
    auto pyRight = [&](double y) { return top + (1.0 - y / r1) * (h - top - bottom); };
    auto esc = [](QString s) {
        return s.replace(QLatin1Char('&'), QLatin1String("&amp;"))
            .replace(QLatin1Char('<'), QLatin1String("&lt;"))
            .replace(QLatin1Char('>'), QLatin1String("&gt;"));
    };
    auto label = [this](double v) {
        return m_percent ? QStringLiteral("%1%").arg(v * 100.0, 0, 'g', 3)
                         : QString::number(v, 'g', 4);
    };
    QTextStream out(&file);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" "
                          "font-family=\"sans-serif\" font-size=\"12\">\n")
               .arg(w)
               .arg(h)
        << QStringLiteral("<rect width=\"%1\" height=\"%2\" fill=\"white\"/>\n").arg(w).arg(h)
        << QStringLiteral(
               "<text x=\"%1\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">%2</text>\n")
               .arg(w / 2)
               .arg(esc(m_title));
    for (int t = 0; t <= 4; ++t) {
        const double y = y0 + (y1 - y0) * t / 4.0, x = x0 + (x1 - x0) * t / 4.0;
        out << QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#ddd\"/>\n")
                   .arg(left)
                   .arg(py(y))
                   .arg(w - right)
            << QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\">%3</text>\n")
                   .arg(left - 6)
                   .arg(py(y) + 4)
                   .arg(label(y))
            << QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\">%3</text>\n")
                   .arg(px(x))
                   .arg(h - bottom + 18)
                   .arg(QString::number(x, 'g', 4));
        if (!rightIds.isEmpty())
            out << QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"start\">%3</text>\n")
                       .arg(w - right + 6)
                       .arg(pyRight(r1 * t / 4.0) + 4)
                       .arg(QString::number(r1 * t / 4.0, 'g', 4));
    }
    if (!rightIds.isEmpty())
        out << QStringLiteral("<text transform=\"translate(%1,%2) rotate(90)\" "
                              "text-anchor=\"middle\">%3</text>\n")
                   .arg(w - 16)
                   .arg((top + h - bottom) / 2)
                   .arg(esc(m_rightTitle));
    out << QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\">%3</text>\n")
               .arg((left + w - right) / 2)
               .arg(h - bottom + 38)
               .arg(esc(m_xTitle))
        << QStringLiteral("<text transform=\"translate(16,%1) rotate(-90)\" "
                          "text-anchor=\"middle\">%2</text>\n")
               .arg((top + h - bottom) / 2)
               .arg(esc(m_yTitle));
    // Timeline markers within the data's span, under the series.
    for (const ChartMarker& m : m_markers) {
        const double a = std::max(m.start, x0), b = std::min(m.end, x1);
        if (a > b)
            continue;
        if (m.end > m.start)
            out << QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" "
                                  "fill=\"%5\" fill-opacity=\"0.15\"/>\n")
                       .arg(px(a))
                       .arg(top)
                       .arg(px(b) - px(a))
                       .arg(h - top - bottom)
                       .arg(m.color.name());
        else
            out << QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"%4\" "
                                  "stroke-dasharray=\"4,3\"/>\n")
                       .arg(px(a))
                       .arg(top)
                       .arg(h - bottom)
                       .arg(m.color.name());
        out << QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"10\" fill=\"%3\">%4</text>\n")
                   .arg(px(a) + 3)
                   .arg(top + 12)
                   .arg(m.color.darker(150).name(), esc(m.label));
    }
    double legendX = left;
    for (const SeriesSpec& spec : m_specs) {
        const auto& v = samples(spec.id);
        const QString color = spec.color.name();
        auto pys = [&](double y) { return spec.rightAxis ? pyRight(y) : py(y); };
        if (spec.band && !v.empty()) {
            QString poly;
            for (const ChartSample& s : v)
                poly += QStringLiteral("%1,%2 ").arg(px(s.x)).arg(pys(s.hi));
            for (auto it = v.rbegin(); it != v.rend(); ++it)
                poly += QStringLiteral("%1,%2 ").arg(px(it->x)).arg(pys(it->lo));
            out << QStringLiteral("<polygon points=\"%1\" fill=\"%2\" fill-opacity=\"0.18\" "
                                  "stroke=\"none\"/>\n")
                       .arg(poly, color);
        }
        QString line;
        for (const ChartSample& s : decimate(v, int(w)))
            line += QStringLiteral("%1,%2 ").arg(px(s.x)).arg(pys(s.y));
        const QString dash =
            spec.style == Qt::DashLine  ? QStringLiteral(" stroke-dasharray=\"6,4\"")
            : spec.style == Qt::DotLine ? QStringLiteral(" stroke-dasharray=\"2,3\"")
                                        : QString();
        out << QStringLiteral(
                   "<polyline points=\"%1\" fill=\"none\" stroke=\"%2\" stroke-width=\"2\"%3/>\n")
                   .arg(line, color, dash)
            << QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"%4\" "
                              "stroke-width=\"3\"%5/>\n")
                   .arg(legendX)
                   .arg(h - 20)
                   .arg(legendX + 24)
                   .arg(color, dash)
            << QStringLiteral("<text x=\"%1\" y=\"%2\">%3</text>\n")
                   .arg(legendX + 30)
                   .arg(h - 16)
                   .arg(esc(spec.name));
        legendX += 50 + 7.0 * spec.name.size();
    }
    out << "</svg>\n";
    return file.error() == QFile::NoError;
}

} // namespace recoscope::ui
