#include "recoscope/ui/beyond_accuracy_panel.h"

#include "recoscope/ui/metric_chart_view.h"
#include "table_cells.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace recoscope::ui {

namespace {

using Point = core::BeyondAccuracyPoint;

// Shares are stored as fractions and drawn and written as percentages.
bool isShare(int f) {
    return f == Point::TailShare || f == Point::Serendipity || f == Point::ReturnRate;
}

int decimals(int f) {
    switch (f) {
    case Point::IldCategory:
    case Point::IldLatent:
    case Point::Homogenisation:
        return 3;
    case Point::AveragePopularity:
        return 1;
    default:
        return 2;
    }
}

} // namespace

BeyondAccuracyPanel::BeyondAccuracyPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("beyondAccuracyPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    m_figureLabel = new QLabel(this);
    m_figure = new QComboBox(this);
    m_figure->setObjectName(QStringLiteral("beyondFigure"));
    for (int f = 0; f < Point::FigureCount; ++f)
        m_figure->addItem(QString(), f);
    m_figureLabel->setBuddy(m_figure);
    top->addWidget(m_figureLabel);
    top->addWidget(m_figure);
    top->addStretch();
    layout->addLayout(top);

    m_chart = MetricChartView::create(this);
    m_chart->setObjectName(QStringLiteral("beyondChart"));
    layout->addWidget(m_chart, 1);

    auto* bottom = new QHBoxLayout;
    m_totals = cells::makeTable(this);
    m_totals->setObjectName(QStringLiteral("beyondTotals"));
    bottom->addWidget(m_totals, 0, Qt::AlignTop); // as wide as its columns
    auto* right = new QVBoxLayout;
    auto* coreRow = new QHBoxLayout;
    m_coreLabel = new QLabel(this);
    m_core = new QComboBox(this);
    m_core->setObjectName(QStringLiteral("retentionCore"));
    // Filled after the first show, and the font may grow (presentation mode): room for a
    // core's label in characters of the current font.
    m_core->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_core->setMinimumContentsLength(16);
    m_coreLabel->setBuddy(m_core);
    coreRow->addWidget(m_coreLabel);
    coreRow->addWidget(m_core);
    coreRow->addStretch();
    right->addLayout(coreRow);
    m_retention = cells::makeTable(this);
    m_retention->setObjectName(QStringLiteral("retentionTable"));
    // A long run has a row per day: this one scrolls instead of growing.
    m_retention->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    right->addWidget(m_retention, 1);
    bottom->addLayout(right, 1);
    layout->addLayout(bottom);

    connect(m_figure, &QComboBox::currentIndexChanged, this, [this] {
        m_labels.clear(); // title, axis and percent scale change with the figure
        redraw();
    });
    connect(m_core, &QComboBox::currentIndexChanged, this, [this] {
        if (m_store)
            fillRetention(*m_store);
    });
    retranslateUi();
}

int BeyondAccuracyPanel::figure() const {
    return std::max(0, m_figure->currentIndex());
}

void BeyondAccuracyPanel::setFigure(int figure) {
    m_figure->setCurrentIndex(std::clamp(figure, 0, Point::FigureCount - 1));
}

int BeyondAccuracyPanel::retentionCore() const {
    return m_core->currentIndex();
}

void BeyondAccuracyPanel::showStore(const MetricSeriesStore& store) {
    m_store = &store;
    redraw();
}

std::vector<ChartSample> BeyondAccuracyPanel::series(const CoreSeries& c, int figure) {
    std::vector<ChartSample> out;
    out.reserve(c.buckets.size() + 1);
    auto add = [&](const core::MetricPoint& p) {
        if (!p.hasBeyond || !p.beyond.defined(figure))
            return;
        const double y = p.beyond.figure(figure);
        out.push_back({p.bucketEnd / core::kSecondsPerDay, y, y, y});
    };
    for (const core::MetricPoint& p : c.buckets)
        add(p);
    if (c.hasPartial)
        add(c.partial);
    return out;
}

QString BeyondAccuracyPanel::figureText(const core::BeyondAccuracyPoint& p, int f) {
    if (!p.defined(f))
        return QStringLiteral("–");
    const double v = p.figure(f);
    return isShare(f) ? cells::pct(v) : QLocale().toString(v, 'f', decimals(f));
}

QString BeyondAccuracyPanel::retentionText(double share) {
    if (std::isnan(share))
        return QStringLiteral("–");
    return QLocale().toString(share * 100.0, 'f', 1) + QLatin1Char('%');
}

void BeyondAccuracyPanel::redraw() {
    if (!m_store)
        return;
    const MetricSeriesStore& store = *m_store;
    const int f = figure();
    QStringList labels;
    for (int c = 0; c < store.coreCount(); ++c)
        labels << store.core(c).label;
    if (labels != m_labels || labels.isEmpty()) {
        m_labels = labels;
        m_chart->setTitle(figureTitle(f));
        m_chart->setAxisTitles(tr("simulated days"), figureAxis(f));
        m_chart->setToolTip(figureHelp(f));
        m_chart->setPercent(isShare(f));
        QList<SeriesSpec> specs;
        for (int c = 0; c < labels.size(); ++c)
            specs.append(
                {QString::number(c), labels[c], coreColor(store, c), Qt::SolidLine, false});
        m_chart->setSeries(specs);
        const int keep = m_core->currentIndex();
        const QSignalBlocker block(m_core);
        m_core->clear();
        m_core->addItems(labels);
        m_core->setCurrentIndex(keep >= 0 && keep < labels.size() ? keep : 0);
    }
    for (int c = 0; c < store.coreCount(); ++c)
        m_chart->setSamples(QString::number(c), series(store.core(c), f));
    m_chart->refresh();
    fillTotals(store);
    fillRetention(store);
}

void BeyondAccuracyPanel::fillTotals(const MetricSeriesStore& store) {
    const int n = store.coreCount();
    QStringList rows;
    for (int f = 0; f < Point::FigureCount; ++f)
        rows << figureTitle(f);
    rows << tr("Orders") << tr("Active users");
    m_totals->setRowCount(static_cast<int>(rows.size()));
    m_totals->setColumnCount(n);
    cells::setHeaderLabels(m_totals, Qt::Vertical, rows);
    cells::setHeaderLabels(m_totals, Qt::Horizontal, m_labels);
    cells::updateCells(m_totals, [&] {
        for (int c = 0; c < n; ++c) {
            const core::MetricPoint& t = store.core(c).total;
            const QColor color = coreColor(store, c);
            for (int f = 0; f < Point::FigureCount; ++f)
                cells::setCell(m_totals, f, c,
                               t.hasBeyond ? figureText(t.beyond, f) : QStringLiteral("–"), color);
            cells::setCell(m_totals, Point::FigureCount, c,
                           t.hasBeyond ? cells::num(t.beyond.orders) : QStringLiteral("–"), color);
            cells::setCell(m_totals, Point::FigureCount + 1, c,
                           t.hasBeyond ? cells::num(t.beyond.activeUsers) : QStringLiteral("–"),
                           color);
        }
    });
    cells::fitHeight(m_totals, cells::Measure::Sections);
    cells::fitWidth(m_totals);
}

void BeyondAccuracyPanel::fillRetention(const MetricSeriesStore& store) {
    const int c = m_core->currentIndex();
    if (c < 0 || c >= store.coreCount()) {
        m_retention->setRowCount(0);
        return;
    }
    const core::RetentionTable& t = store.core(c).retention;
    int days = 0;
    for (const auto& row : t.rows)
        days = std::max(days, static_cast<int>(row.size()));
    m_retention->setRowCount(static_cast<int>(t.rows.size()));
    m_retention->setColumnCount(days);
    QStringList headers, cohorts;
    for (int d = 0; d < days; ++d)
        headers << tr("+%1 d").arg(d);
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        cohorts << tr("day %1").arg(t.firstDay + static_cast<int>(r));
    cells::setHeaderLabels(m_retention, Qt::Horizontal, headers);
    cells::setHeaderLabels(m_retention, Qt::Vertical, cohorts);
    cells::updateCells(m_retention, [&] {
        for (std::size_t r = 0; r < t.rows.size(); ++r)
            for (int d = 0; d < days; ++d) {
                const auto& row = t.rows[r];
                const double v = static_cast<std::size_t>(d) < row.size()
                                     ? row[static_cast<std::size_t>(d)]
                                     : std::nan("");
                cells::setCell(m_retention, static_cast<int>(r), d, retentionText(v),
                               coreColor(store, c));
            }
    });
}

void BeyondAccuracyPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void BeyondAccuracyPanel::retranslateUi() {
    m_figureLabel->setText(tr("&Figure:"));
    for (int f = 0; f < Point::FigureCount; ++f) {
        m_figure->setItemText(f, figureTitle(f));
        m_figure->setItemData(f, figureHelp(f), Qt::ToolTipRole);
    }
    m_coreLabel->setText(tr("Retention by cohort of &core:"));
    m_retention->setToolTip(
        tr("Shoppers grouped by the simulated day of their first event (rows); each cell is the "
           "share of them active again the given number of days later. – = not observed yet."));
    m_totals->setToolTip(tr("Whole-run figures of each core (docs/metrics.md, \"Beyond "
                            "accuracy\"); – = nothing to average."));
    m_labels.clear(); // chart title and series names are rebuilt translated
    redraw();
}

QString BeyondAccuracyPanel::figureTitle(int f) {
    switch (f) {
    case Point::IldCategory:
        return tr("Intra-list diversity (categories)");
    case Point::IldLatent:
        return tr("Intra-list diversity (latent)");
    case Point::Novelty:
        return tr("Novelty");
    case Point::AveragePopularity:
        return tr("Average popularity");
    case Point::TailShare:
        return tr("Long-tail share");
    case Point::Serendipity:
        return tr("Serendipity");
    case Point::Homogenisation:
        return tr("Homogenisation across users");
    case Point::Aov:
        return tr("Average order value");
    case Point::ReturnRate:
        return tr("Return rate");
    }
    return {};
}

QString BeyondAccuracyPanel::figureAxis(int f) {
    switch (f) {
    case Point::IldCategory:
        return tr("share of item pairs");
    case Point::IldLatent:
        return tr("mean 1 − cos");
    case Point::Novelty:
        return tr("bits");
    case Point::AveragePopularity:
        return tr("interactions per item");
    case Point::Homogenisation:
        return tr("mean Jaccard");
    case Point::Aov:
        return tr("per order");
    default:
        return tr("%");
    }
}

QString BeyondAccuracyPanel::figureHelp(int f) {
    switch (f) {
    case Point::IldCategory:
        return tr("Share of each slate's item pairs in different leaf categories, averaged over "
                  "the bucket's slates.");
    case Point::IldLatent:
        return tr("Mean over each slate's item pairs of 1 − cosine of the shop's hidden item "
                  "vectors, averaged over the bucket's slates.");
    case Point::Novelty:
        return tr("Mean self-information −log2 p of the items shown, p = (interactions with the "
                  "item + 1) / (all interactions + catalogue size) when shown.");
    case Point::AveragePopularity:
        return tr("Mean over slates of the mean number of interactions so far with the slate's "
                  "items.");
    case Point::TailShare:
        return tr("Share of impressions on items outside the short head: the most "
                  "interacted-with items that hold 80 % of interactions at the bucket's start.");
    case Point::Serendipity:
        return tr("Clicks on shown items that were not in the popularity top 10 when shown, per "
                  "impression.");
    case Point::Homogenisation:
        return tr("Mean Jaccard index of the latest slates of every pair among the first 64 "
                  "users served in the bucket: 1 = everyone sees the same list.");
    case Point::Aov:
        return tr("Revenue per order; an order is a shopper's purchases less than 30 minutes "
                  "apart.");
    case Point::ReturnRate:
        return tr("Share of the bucket's active shoppers who were active in an earlier bucket "
                  "(whole run: shoppers active on two or more days).");
    }
    return {};
}

} // namespace recoscope::ui
