#include "recoscope/sim/svg_line_chart.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>

namespace recoscope::sim {

namespace {

QString esc(QString s) {
    return s.replace(QLatin1Char('&'), QLatin1String("&amp;"))
        .replace(QLatin1Char('<'), QLatin1String("&lt;"))
        .replace(QLatin1Char('>'), QLatin1String("&gt;"))
        .replace(QLatin1Char('"'), QLatin1String("&quot;"));
}

QString f(double v) {
    return QString::number(v, 'f', 1);
}

} // namespace

bool SvgLineChart::isEmpty() const {
    return std::all_of(m_series.begin(), m_series.end(),
                       [](const Series& s) { return s.points.empty(); });
}

std::vector<double> SvgLineChart::ticks(double lo, double hi, int target) {
    std::vector<double> out;
    if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi) || target < 1)
        return out;
    const double raw = (hi - lo) / target;
    const double base = std::pow(10.0, std::floor(std::log10(raw)));
    double step = base;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (base * m >= raw) {
            step = base * m;
            break;
        }
    // Multiples of the step, computed from an integer index so that no drift accumulates.
    const double first = std::ceil(lo / step - 1e-9);
    for (double k = first; k * step <= hi + step * 1e-9; k += 1.0)
        out.push_back(k * step == 0.0 ? 0.0 : k * step);
    return out;
}

QString SvgLineChart::label(double y) const {
    if (m_percent)
        return QString::number(y * 100.0, 'g', 4) + QLatin1Char('%');
    return QString::number(y, 'g', 5);
}

QString SvgLineChart::toSvg(int width, int height) const {
    const double left = 72, right = 16, top = 34, legendRows = double(m_series.size() + 2) / 3.0;
    const double bottom = 48 + 18 * std::floor(legendRows);
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
    for (const Series& s : m_series)
        for (const auto& [x, y] : s.points) {
            if (!std::isfinite(x) || !std::isfinite(y))
                continue;
            x0 = std::min(x0, x);
            x1 = std::max(x1, x);
            y0 = std::min(y0, y);
            y1 = std::max(y1, y);
        }
    if (!(x1 >= x0)) { // no finite point
        x0 = 0.0;
        x1 = 1.0;
        y0 = 0.0;
        y1 = 1.0;
    }
    y0 = std::min(y0, 0.0); // rates, counts and money read from zero
    if (!(x1 > x0))
        x1 = x0 + 1.0;
    if (!(y1 > y0))
        y1 = y0 + 1.0;
    // The axis ends on ticks, so the highest point is never drawn on the frame.
    if (const std::vector<double> t = ticks(y0, y1); t.size() >= 2) {
        const double step = t[1] - t[0];
        y0 = std::floor(y0 / step + 1e-9) * step;
        y1 = std::ceil(y1 / step - 1e-9) * step;
    }
    const double pw = width - left - right, ph = height - top - bottom;
    auto px = [&](double x) { return left + (x - x0) / (x1 - x0) * pw; };
    auto py = [&](double y) { return top + (1.0 - (y - y0) / (y1 - y0)) * ph; };

    QStringList o;
    o << QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" "
                        "viewBox=\"0 0 %1 %2\" font-family=\"sans-serif\" font-size=\"12\">")
             .arg(width)
             .arg(height);
    o << QStringLiteral("<title>%1</title>").arg(esc(m_title));
    o << QStringLiteral("<text x=\"%1\" y=\"20\" text-anchor=\"middle\" font-size=\"14\" "
                        "font-weight=\"bold\">%2</text>")
             .arg(f(width / 2.0), esc(m_title));
    for (double t : ticks(y0, y1)) {
        o << QStringLiteral("<line x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\" stroke=\"#ddd\"/>")
                 .arg(f(left), f(left + pw), f(py(t)));
        o << QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\">%3</text>")
                 .arg(f(left - 6), f(py(t) + 4), esc(label(t)));
    }
    for (double t : ticks(x0, x1, 6)) {
        o << QStringLiteral("<line x1=\"%1\" x2=\"%1\" y1=\"%2\" y2=\"%3\" stroke=\"#999\"/>")
                 .arg(f(px(t)), f(top + ph), f(top + ph + 4));
        o << QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\">%3</text>")
                 .arg(f(px(t)), f(top + ph + 17), QString::number(t, 'g', 5));
    }
    o << QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"none\" "
                        "stroke=\"#999\"/>")
             .arg(f(left), f(top), f(pw), f(ph));
    o << QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\">%3</text>")
             .arg(f(left + pw / 2), f(top + ph + 34), esc(m_xTitle));
    o << QStringLiteral("<text transform=\"translate(14 %1) rotate(-90)\" "
                        "text-anchor=\"middle\">%2</text>")
             .arg(f(top + ph / 2), esc(m_yTitle));
    for (const Series& s : m_series) {
        // A NaN (a rate over nothing) ends one polyline; the next finite point starts another.
        QStringList run;
        auto flush = [&] {
            if (!run.isEmpty())
                o << QStringLiteral("<polyline fill=\"none\" stroke=\"%1\" stroke-width=\"2\" "
                                    "points=\"%2\"/>")
                         .arg(s.colour, run.join(QLatin1Char(' ')));
            run.clear();
        };
        for (const auto& [x, y] : s.points) {
            if (!std::isfinite(x) || !std::isfinite(y)) {
                flush();
                continue;
            }
            run << f(px(x)) + QLatin1Char(',') + f(py(y));
        }
        flush();
    }
    for (std::size_t i = 0; i < m_series.size(); ++i) {
        const double lx = left + double(i % 3) * (pw / 3.0);
        const double ly = top + ph + 48 + 18 * double(i / 3);
        o << QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"14\" height=\"4\" fill=\"%3\"/>")
                 .arg(f(lx), f(ly - 6), m_series[i].colour);
        o << QStringLiteral("<text x=\"%1\" y=\"%2\">%3</text>")
                 .arg(f(lx + 20), f(ly), esc(m_series[i].name));
    }
    o << QStringLiteral("</svg>");
    return o.join(QLatin1Char('\n'));
}

} // namespace recoscope::sim
