#pragma once
// The dashboard's "CTR per surface" table (funnel tab): one row per surface (home feed,
// search page, product page, cart page), one column per core, each cell the surface's CTR
// and, where a surface has a core of its own, that core's spec. The tooltip carries the
// surface's counts (impressions, clicks, carts, purchases, revenue, p95 latency). GUI thread.

#include <QWidget>

class QLabel;
class QTableWidget;

namespace recoscope::ui {

class MetricSeriesStore;

class SurfaceCtrTable : public QWidget {
    Q_OBJECT
public:
    explicit SurfaceCtrTable(QWidget* parent = nullptr);
    /// Fills the table from the store's live per-surface figures; `coreNames` label columns.
    void showStore(const MetricSeriesStore& store, const QStringList& coreNames);
    QTableWidget* table() const { return m_table; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    /// The cells, one column per core (inside one cells::updateCells).
    void fillCells(const MetricSeriesStore& store);
    QLabel* m_title = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace recoscope::ui
