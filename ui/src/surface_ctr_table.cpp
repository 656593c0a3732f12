#include "recoscope/ui/surface_ctr_table.h"

#include "recoscope/ui/metric_series_store.h"

#include "recoscope/ui/surface_assignment_dialog.h"
#include "table_cells.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace recoscope::ui {

using namespace cells;

SurfaceCtrTable::SurfaceCtrTable(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    m_table = makeTable(this);
    m_table->setObjectName(QStringLiteral("surfaceCtrTable"));
    layout->addWidget(m_title);
    layout->addWidget(m_table);
    retranslateUi();
}

void SurfaceCtrTable::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SurfaceCtrTable::retranslateUi() {
    m_title->setText(tr("<b>CTR per surface</b> (a core of its own in brackets)"));
    m_table->setToolTip(tr("Clicks / impressions of the slates served on each surface. Carts, "
                           "purchases and revenue in the cell's tooltip are those won by the "
                           "surface's slates (docs/metrics.md)."));
}

void SurfaceCtrTable::showStore(const MetricSeriesStore& store, const QStringList& coreNames) {
    QStringList rows;
    for (int s = 0; s < core::kSurfaceCount; ++s)
        rows << SurfaceAssignmentDialog::surfaceLabel(static_cast<core::Surface>(s));
    m_table->setRowCount(core::kSurfaceCount);
    m_table->setColumnCount(store.coreCount());
    setHeaderLabels(m_table, Qt::Vertical, rows);
    setHeaderLabels(m_table, Qt::Horizontal, coreNames);
    updateCells(m_table, [&] { fillCells(store); });
    fitHeight(m_table, Measure::Sections);
    fitWidth(m_table);
}

void SurfaceCtrTable::fillCells(const MetricSeriesStore& store) {
    for (int c = 0; c < store.coreCount(); ++c) {
        const CoreSeries& series = store.core(c);
        for (int s = 0; s < core::kSurfaceCount; ++s) {
            const core::SurfaceFigures& f = series.surfaces[static_cast<std::size_t>(s)];
            const core::SurfaceCounters& k = f.counters;
            const QString own = series.surfaceCores.specs[static_cast<std::size_t>(s)];
            QString text = k.impressions ? pct(k.ctr()) : QStringLiteral("–");
            if (!own.isEmpty())
                text = tr("%1 (%2)").arg(text, own);
            setCell(m_table, s, c, text, coreColor(store, c));
            m_table->item(s, c)->setToolTip(
                tr("%1 impressions, %2 clicks, %3 carts, %4 purchases, revenue %5; p95 latency "
                   "%6 µs")
                    .arg(num(k.impressions), num(k.clicks), num(k.carts), num(k.purchases),
                         money(k.revenue), QLocale().toString(f.latencyP95us, 'f', 0)));
        }
    }
}

} // namespace recoscope::ui
