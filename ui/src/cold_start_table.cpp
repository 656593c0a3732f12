#include "cold_start_table.h"

#include "recoscope/ui/metric_series_store.h"

#include "table_cells.h"

#include <QLocale>
#include <QTableWidget>

namespace recoscope::ui {

using namespace cells;

QString ColdStartTable::toolTip() {
    return tr("New users: in their first two visits. New items: launched less than 24 "
              "simulated hours ago (the opening catalogue counts as established).");
}

void ColdStartTable::fill(QTableWidget* table, const MetricSeriesStore& store,
                          const QStringList& rowNames) {
    const QStringList coldRows = {tr("CTR, new users"),
                                  tr("CTR, established users"),
                                  tr("CTR, new items"),
                                  tr("CTR, established items"),
                                  tr("Items launched during the run"),
                                  tr("… shown at least once"),
                                  tr("… bought at least once"),
                                  tr("Mean hours from launch to first impression"),
                                  tr("Mean hours from launch to first purchase")};
    table->setRowCount(static_cast<int>(coldRows.size()));
    table->setColumnCount(store.coreCount());
    setHeaderLabels(table, Qt::Vertical, coldRows);
    setHeaderLabels(table, Qt::Horizontal, rowNames);
    updateCells(table, [&] { fillCores(table, store, coldRows.size()); });
}

void ColdStartTable::fillCores(QTableWidget* table, const MetricSeriesStore& store,
                               qsizetype rows) {
    auto rate = [](std::uint64_t a, std::uint64_t b) {
        return b ? pct(static_cast<double>(a) / static_cast<double>(b)) : QStringLiteral("–");
    };
    for (int c = 0; c < store.coreCount(); ++c) {
        const CoreSeries& s = store.core(c);
        const sim::ColdStartStats& k = s.coldStart;
        QStringList v;
        if (s.hasColdStart)
            v = {rate(k.newUserClicks, k.newUserImpressions),
                 rate(k.oldUserClicks, k.oldUserImpressions),
                 rate(k.newItemClicks, k.newItemImpressions),
                 rate(k.oldItemClicks, k.oldItemImpressions),
                 num(k.launchedItems),
                 num(k.launchedWithImpression),
                 num(k.launchedWithPurchase),
                 k.launchedWithImpression ? QLocale().toString(k.meanHoursToFirstImpression, 'f', 1)
                                          : QStringLiteral("–"),
                 k.launchedWithPurchase ? QLocale().toString(k.meanHoursToFirstPurchase, 'f', 1)
                                        : QStringLiteral("–")};
        else
            for (qsizetype i = 0; i < rows; ++i)
                v << tr("not stored");
        for (int i = 0; i < v.size(); ++i)
            setCell(table, i, c, v[i], coreColor(store, c));
    }
}

} // namespace recoscope::ui
