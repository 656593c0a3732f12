#include "text_table.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace recoscope::sim {

namespace {

// Right-align what reads as a number (counts, rates, "12.5 %") so that digits line up.
bool looksNumeric(const QString& cell) {
    static const QRegularExpression re(QStringLiteral("^[-+]?[0-9][0-9.,]*( ?%)?$"));
    return re.match(cell).hasMatch() || cell == QLatin1String("-");
}

} // namespace

TextTable::TextTable(QString title, QStringList headers)
    : m_title(std::move(title)), m_headers(std::move(headers)) {}

void TextTable::addRow(QStringList cells) {
    m_rows.push_back(std::move(cells));
}

void TextTable::write(QTextStream& out) const {
    qsizetype columns = m_headers.size();
    for (const QStringList& r : m_rows)
        columns = std::max(columns, r.size());
    std::vector<qsizetype> width(static_cast<std::size_t>(columns), 0);
    auto measure = [&](const QStringList& r) {
        for (qsizetype c = 0; c < r.size(); ++c)
            width[static_cast<std::size_t>(c)] =
                std::max(width[static_cast<std::size_t>(c)], r.at(c).size());
    };
    measure(m_headers);
    for (const QStringList& r : m_rows)
        measure(r);
    auto line = [&](const QStringList& r, bool header) {
        QString text;
        for (qsizetype c = 0; c < columns; ++c) {
            const QString cell = c < r.size() ? r.at(c) : QString();
            const int w = static_cast<int>(width[static_cast<std::size_t>(c)]);
            if (c > 0)
                text += QStringLiteral("  ");
            // The first column is a label; the others are values, right-aligned when numeric.
            const bool left = c == 0 || std::find(m_leftColumns.begin(), m_leftColumns.end(), c) !=
                                            m_leftColumns.end();
            const bool right = !left && (header || looksNumeric(cell));
            text += right ? cell.rightJustified(w) : cell.leftJustified(w);
        }
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        out << "  " << text << '\n';
    };
    out << m_title << '\n' << QString(m_title.size(), QLatin1Char('-')) << '\n';
    if (!m_headers.isEmpty())
        line(m_headers, true);
    for (const QStringList& r : m_rows)
        line(r, false);
    out << '\n';
}

QString TextTable::number(double value, int decimals) {
    if (!std::isfinite(value))
        return QStringLiteral("-");
    return QString::number(value, 'f', decimals);
}

QString TextTable::percent(double fraction, int decimals) {
    if (!std::isfinite(fraction))
        return QStringLiteral("-");
    return QString::number(100.0 * fraction, 'f', decimals) + QStringLiteral(" %");
}

} // namespace recoscope::sim
