// LiveChartsPanel's tables: the counters and A/B comparisons above the charts, and the
// funnel page (funnel, cold start, CTR per surface). Filled in place, one model signal per
// table (cells::updateCells), so a refresh costs one measurement of each table.

#include "recoscope/ui/live_charts_panel.h"

#include "cold_start_table.h"
#include "recoscope/ui/ab_comparison_table.h"
#include "recoscope/ui/surface_ctr_table.h"
#include "table_cells.h"

#include <QLocale>
#include <QTableWidget>

namespace recoscope::ui {

using namespace cells;

void LiveChartsPanel::fillRankingTable(const MetricSeriesStore& store) {
    const int n = store.coreCount();
    m_counters->setRowCount(n);
    QStringList rowNames;
    updateCells(m_counters, [&] {
        for (int c = 0; c < n; ++c) {
            const CoreSeries& s = store.core(c);
            const core::RankingSummary& r = s.rankingTotal;
            rowNames << s.label;
            const QStringList values = {num(static_cast<std::uint64_t>(s.replayEvents)),
                                        num(r.queries),
                                        pct(r.hit),
                                        QLocale().toString(r.mrr, 'f', 4),
                                        QLocale().toString(r.ndcg, 'f', 4),
                                        pct(r.itemCoverage),
                                        QLocale().toString(r.gini, 'f', 3)};
            for (int i = 0; i < values.size(); ++i)
                setCell(m_counters, c, i, values[i], coreColor(store, c));
        }
    });
    setHeaderLabels(m_counters, Qt::Vertical, rowNames);
    fitHeight(m_counters, Measure::Sections);
}

void LiveChartsPanel::fillSummary(const MetricSeriesStore& store) {
    if (m_replayMode) {
        m_ab->hide();
        fillRankingTable(store);
        return;
    }
    const int n = store.coreCount();
    m_counters->setRowCount(n);
    QStringList rowNames;
    updateCells(m_counters, [&] {
        for (int c = 0; c < n; ++c) {
            const CoreSeries& s = store.core(c);
            const core::MetricPoint& t = s.total;
            const core::Counters& k = t.counters;
            rowNames << s.label;
            const QColor color = coreColor(store, c);
            const QStringList values = {
                num(k.events),
                num(k.sessions),
                num(k.impressions),
                num(k.clicks),
                pct(t.ctr),
                num(k.purchases),
                pct(t.cvrClicks),
                money(k.revenue),
                pct(t.coverage),
                QLocale().toString(t.gini, 'f', 3),
                tr("%1 µs").arg(QLocale().toString(t.latencyP95us, 'f', 0))};
            for (int i = 0; i < values.size(); ++i)
                setCell(m_counters, c, i, values[i], color);
        }
    });
    setHeaderLabels(m_counters, Qt::Vertical, rowNames);
    fitHeight(m_counters, Measure::Sections);
    m_ab->setVisible(n > 1);
    if (n > 1) {
        m_ab->showComparisons(store);
        fitHeight(m_ab, Measure::Sections);
    }
}

void LiveChartsPanel::fillFunnelPage(const MetricSeriesStore& store) {
    if (m_replayMode)
        return;
    const int n = store.coreCount();
    QStringList rowNames;
    for (int c = 0; c < n; ++c)
        rowNames << store.core(c).label;

    const QStringList stages = {tr("Impressions"), tr("Clicks"), tr("Favourites"), tr("Carts"),
                                tr("Purchases")};
    m_funnel->setRowCount(static_cast<int>(stages.size()));
    m_funnel->setColumnCount(n);
    setHeaderLabels(m_funnel, Qt::Vertical, stages);
    setHeaderLabels(m_funnel, Qt::Horizontal, rowNames);
    updateCells(m_funnel, [&] {
        for (int c = 0; c < n; ++c) {
            const core::Counters& k = store.core(c).total.counters;
            const std::uint64_t v[] = {k.impressions, k.clicks, k.favourites, k.carts, k.purchases};
            for (int i = 0; i < 5; ++i) {
                QString text = num(v[i]);
                if (i > 0 && v[i - 1] > 0)
                    text = tr("%1 (%2 of previous)")
                               .arg(text,
                                    pct(static_cast<double>(v[i]) / static_cast<double>(v[i - 1])));
                setCell(m_funnel, i, c, text, coreColor(store, c));
            }
        }
    });

    ColdStartTable::fill(m_cold, store, rowNames);
    m_surfaces->showStore(store, rowNames);
    fitHeight(m_funnel, Measure::Sections);
    fitHeight(m_cold, Measure::Sections);
}

} // namespace recoscope::ui
