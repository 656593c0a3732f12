#pragma once
// A plain-text table for terminal output: a title, column headers and rows, each column
// as wide as its widest cell, numbers right-aligned. Used by `recoscope-cli report` and
// `validate`; nothing here knows what the cells mean.

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <vector>

namespace recoscope::sim {

class TextTable {
public:
    explicit TextTable(QString title, QStringList headers = {});

    /// A row of cells; a row shorter than the headers is padded with empty cells.
    void addRow(QStringList cells);
    /// Keeps a column left-aligned even where its cells read as numbers (bucket labels).
    void alignLeft(qsizetype column) { m_leftColumns.push_back(column); }
    /// Writes the title, a rule, the headers (if any) and the rows, then a blank line.
    void write(QTextStream& out) const;

    /// Formatting used by the tables: fixed decimals, "-" for a missing value.
    static QString number(double value, int decimals);
    static QString percent(double fraction, int decimals = 1);

private:
    QString m_title;
    QStringList m_headers;
    std::vector<QStringList> m_rows;
    std::vector<qsizetype> m_leftColumns;
};

} // namespace recoscope::sim
