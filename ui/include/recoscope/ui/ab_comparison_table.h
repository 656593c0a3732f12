#pragma once
// AbComparisonTable: the paired A/B statistics of a MetricSeriesStore as a table — one row
// per metric and core, the per-user difference from the first core with its 95 % interval
// and Holm-adjusted p-value (docs/metrics.md, "A/B statistics"). Significant rows are bold
// and starred; every cell's tooltip states the method, the raw and the adjusted p. Used by
// the live dashboard and by the history's comparison window. GUI thread only.

#include <QTableWidget>

namespace recoscope::ui {

class MetricSeriesStore;

class AbComparisonTable : public QTableWidget {
    Q_OBJECT
public:
    explicit AbComparisonTable(QWidget* parent = nullptr);

    /// Fills the table from store.comparisons() (rows in their order); with none, one row
    /// holding store.comparisonNote(). Cheap to call on every refresh.
    void showComparisons(const MetricSeriesStore& store);
    /// For a chart legend: " (Δ +0.81 pt ★)" for core `core` and `metric` ("ctr",
    /// "revenue", ...) when a comparison exists, else empty; ★ when significant.
    static QString legendNote(const MetricSeriesStore& store, int core, const char* metric);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    /// One row per comparison (inside one cells::updateCells).
    void fillRows(const MetricSeriesStore& store);
    void setText(int row, int column, const QString& text, bool bold, const QString& tip);
};

} // namespace recoscope::ui
