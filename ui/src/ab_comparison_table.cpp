#include "recoscope/ui/ab_comparison_table.h"

#include "recoscope/ui/metric_series_store.h"

#include "table_cells.h"

#include <QEvent>
#include <QHeaderView>
#include <QLocale>

#include <cmath>

namespace recoscope::ui {

namespace {

enum Column { MetricColumn, CoreColumn, DiffColumn, IntervalColumn, PColumn, ColumnCount };

QString metricName(const std::string& key) {
    if (key == "ctr")
        return AbComparisonTable::tr("CTR per user");
    if (key == "clicks")
        return AbComparisonTable::tr("Clicks per user");
    if (key == "rec_purchases")
        return AbComparisonTable::tr("Attributed purchases per user");
    if (key == "revenue")
        return AbComparisonTable::tr("Revenue per user");
    if (key == "rec_revenue")
        return AbComparisonTable::tr("Attributed revenue per user");
    return QString::fromStdString(key);
}

// CTR differences in percentage points; counts and money per user with the decimals a
// per-user mean needs.
QString value(const std::string& key, double v, bool sign) {
    if (!std::isfinite(v))
        return QStringLiteral("–");
    const QLocale l;
    const QString plus = sign && v > 0 ? QStringLiteral("+") : QString();
    if (key == "ctr")
        return AbComparisonTable::tr("%1 pt").arg(plus + l.toString(v * 100.0, 'f', 2));
    return plus + l.toString(v, 'f', key.find("revenue") != std::string::npos ? 2 : 3);
}

QString pValue(double p) {
    return std::isfinite(p) ? QLocale().toString(p, 'g', 2) : QStringLiteral("–");
}

} // namespace

AbComparisonTable::AbComparisonTable(QWidget* parent) : QTableWidget(parent) {
    setObjectName(QStringLiteral("abComparisonTable"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setColumnCount(ColumnCount);
    retranslateUi();
}

void AbComparisonTable::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QTableWidget::changeEvent(event);
}

void AbComparisonTable::retranslateUi() {
    setHorizontalHeaderLabels({tr("Metric"), tr("Core"), tr("Difference from the first core"),
                               tr("95 % interval"), tr("p (Holm)")});
    setToolTip(tr("Paired over users: with common random numbers every core faces the same "
                  "shoppers, so each shopper's outcome under a core is compared with the same "
                  "shopper's under the first core (paired t-test). ★ marks a Holm-adjusted "
                  "p-value below 0.05."));
}

void AbComparisonTable::setText(int row, int column, const QString& text, bool bold,
                                const QString& tip) {
    auto* it = item(row, column);
    if (!it) {
        it = new QTableWidgetItem;
        setItem(row, column, it);
    }
    it->setText(text);
    it->setTextAlignment(column >= DiffColumn ? Qt::AlignRight | Qt::AlignVCenter
                                              : Qt::AlignLeft | Qt::AlignVCenter);
    QFont f = it->font();
    f.setBold(bold);
    it->setFont(f);
    it->setToolTip(tip);
}

QString AbComparisonTable::legendNote(const MetricSeriesStore& store, int core,
                                      const char* metric) {
    for (const sim::PairComparison& c : store.comparisons()) {
        if (static_cast<int>(c.a) != core || c.metric != metric || !std::isfinite(c.diff.mean))
            continue;
        return tr(" (Δ %1%2)")
            .arg(value(c.metric, c.diff.mean, true),
                 c.significant() ? QStringLiteral(" ★") : QString());
    }
    return {};
}

void AbComparisonTable::showComparisons(const MetricSeriesStore& store) {
    const auto& all = store.comparisons();
    if (all.empty()) {
        setRowCount(store.comparisonNote().isEmpty() ? 0 : 1);
        if (rowCount()) {
            setSpan(0, 0, 1, ColumnCount);
            setText(0, 0, store.comparisonNote(), false, QString());
        }
        return;
    }
    clearSpans();
    setRowCount(static_cast<int>(all.size()));
    cells::updateCells(this, [&] { fillRows(store); });
}

void AbComparisonTable::fillRows(const MetricSeriesStore& store) {
    const auto& all = store.comparisons();
    std::size_t pairs = 0;
    for (const auto& c : all)
        pairs += c.metric == all.front().metric;
    for (int r = 0; r < rowCount(); ++r) {
        const sim::PairComparison& c = all[static_cast<std::size_t>(r)];
        const bool significant = c.significant();
        const auto core = static_cast<int>(c.a);
        const QString label =
            core < store.coreCount() ? store.core(core).label : QString::number(core + 1);
        const QString first = store.coreCount() ? store.core(0).label : QString();
        const QString tip =
            tr("Paired t-test over %n users (per-user values of %1 minus %2): mean difference "
               "%3, 95 % interval [%4, %5]; p = %6, Holm-adjusted p = %7 (Holm over the %8 "
               "cores compared with the first).",
               nullptr, c.diff.n)
                .arg(label, first, value(c.metric, c.diff.mean, true),
                     value(c.metric, c.diff.low, false), value(c.metric, c.diff.high, false),
                     pValue(c.diff.p), pValue(c.pHolm))
                .arg(pairs);
        setText(r, MetricColumn, metricName(c.metric), significant, tip);
        setText(r, CoreColumn, label, significant, tip);
        setText(r, DiffColumn,
                (significant ? QStringLiteral("★ ") : QString()) +
                    value(c.metric, c.diff.mean, true),
                significant, tip);
        setText(r, IntervalColumn,
                QStringLiteral("[%1, %2]")
                    .arg(value(c.metric, c.diff.low, false), value(c.metric, c.diff.high, false)),
                significant, tip);
        setText(r, PColumn, pValue(c.pHolm), significant, tip);
        if (core < store.coreCount())
            item(r, CoreColumn)->setForeground(coreColor(store, core));
    }
}

} // namespace recoscope::ui
