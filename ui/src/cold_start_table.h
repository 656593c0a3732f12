#pragma once
// The dashboard's cold-start table (funnel tab): CTR of new and established users and
// items, and how launched items fared, one column per core. Translated in the
// LiveChartsPanel context, where the table began. GUI thread.

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QTableWidget;

namespace recoscope::ui {

class MetricSeriesStore;

class ColdStartTable {
    Q_DECLARE_TR_FUNCTIONS(recoscope::ui::LiveChartsPanel)
public:
    /// Fills `table` from the store's whole-run cold-start figures ("not stored" for runs
    /// stored before them); `coreNames` label the columns.
    static void fill(QTableWidget* table, const MetricSeriesStore& store,
                     const QStringList& coreNames);
    static QString toolTip();

private:
    /// The cells of `rows` rows, one column per core (inside one cells::updateCells).
    static void fillCores(QTableWidget* table, const MetricSeriesStore& store, qsizetype rows);
};

} // namespace recoscope::ui
