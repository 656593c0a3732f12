#pragma once
// SvgLineChart: a line chart as a standalone SVG element, for reports that must open
// anywhere without Qt (HTML reports, `recoscope-cli report --html`). Axes with rounded
// ticks, a legend, one polyline per series; missing values (NaN) break the line.
// Plain value class; no I/O.

#include <QString>

#include <utility>
#include <vector>

namespace recoscope::sim {

class SvgLineChart {
public:
    struct Series {
        QString name;
        QString colour;                                ///< "#RRGGBB"
        std::vector<std::pair<double, double>> points; ///< (x, y) in x order
    };

    void setTitle(const QString& title) { m_title = title; }
    void setAxisTitles(const QString& x, const QString& y) {
        m_xTitle = x;
        m_yTitle = y;
    }
    /// Y values are fractions shown as percentages.
    void setPercent(bool percent) { m_percent = percent; }
    void addSeries(Series s) { m_series.push_back(std::move(s)); }
    bool isEmpty() const;

    /// The chart as an <svg> element of the given size in CSS pixels.
    QString toSvg(int width = 640, int height = 320) const;

    /// Rounded tick values (1, 2 or 5 times a power of ten) covering [lo, hi], about
    /// `target` of them; exposed for tests.
    static std::vector<double> ticks(double lo, double hi, int target = 5);

private:
    QString label(double y) const;

    QString m_title, m_xTitle, m_yTitle;
    bool m_percent = false;
    std::vector<Series> m_series;
};

} // namespace recoscope::sim
