#include "recoscope/ui/live_charts_panel.h"

#include "chart_grid.h"
#include "cold_start_table.h"
#include "metric_text.h"
#include "recoscope/ui/ab_comparison_table.h"
#include "recoscope/ui/beyond_accuracy_panel.h"
#include "recoscope/ui/coupon_panel.h"
#include "recoscope/ui/feedback_loop_panel.h"
#include "recoscope/ui/metric_chart_view.h"
#include "recoscope/ui/surface_ctr_table.h"
#include "recoscope/ui/table_actions.h"
#include "sim_time_text.h"
#include "staggered_refresh.h"
#include "table_cells.h"
#include "timeline_markers.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace recoscope::ui {

using namespace cells;

namespace {

const QStringList kCounterKeys = {
    QStringLiteral("events"), QStringLiteral("sessions"), QStringLiteral("impressions"),
    QStringLiteral("clicks"), QStringLiteral("ctr"),      QStringLiteral("purchases"),
    QStringLiteral("cvr"),    QStringLiteral("revenue"),  QStringLiteral("coverage"),
    QStringLiteral("gini"),   QStringLiteral("p95")};
// A log replay has no shop: its counters are the ranking figures.
const QStringList kRankingKeys = {QStringLiteral("events"),    QStringLiteral("scored"),
                                  QStringLiteral("hit"),       QStringLiteral("mrr"),
                                  QStringLiteral("ndcg"),      QStringLiteral("item_coverage"),
                                  QStringLiteral("gini_index")};
constexpr int kRankingTab = 3;
constexpr int kBeyondTab = 4;
constexpr int kCouponTab = 5;
constexpr int kFeedbackTab = 6;
// StaggeredRefresh's units: a MetricId for its chart, these for the tables.
constexpr int kSummaryUnit = -1; // counters and A/B comparisons
constexpr int kPagesUnit = -2;   // funnel page, coupons, beyond accuracy when shown

} // namespace

// Tall at large fonts: a page scrolls instead of pushing the window's minimum size.
static QScrollArea* scrolling(QWidget* page, const QString& name) {
    auto* area = new QScrollArea;
    area->setObjectName(name);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setWidget(page);
    return area;
}

LiveChartsPanel::LiveChartsPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("liveChartsPanel"));
    m_stagger = new StaggeredRefresh(
        [this](int unit) {
            if (unit == kSummaryUnit)
                fillSummary(*m_store);
            else if (unit == kPagesUnit)
                drawPages(*m_store);
            else
                drawChart(static_cast<MetricId>(unit), *m_store);
        },
        // Every unit drew after the last schedule: the panel is at that revision.
        [this] { m_revision = m_scheduled; }, this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    // The counters and the A/B table scroll together when they would take more than
    // kSummaryShare of the height (three cores at presentation sizes): the charts keep room.
    auto* summary = new QWidget;
    summary->setObjectName(QStringLiteral("summaryTables"));
    auto* summaryLayout = new QVBoxLayout(summary);
    summaryLayout->setContentsMargins(0, 0, 0, 0);
    m_counters = makeTable(summary);
    m_counters->setObjectName(QStringLiteral("countersTable"));
    m_counters->setColumnCount(static_cast<int>(kCounterKeys.size()));
    summaryLayout->addWidget(m_counters);
    m_ab = new AbComparisonTable(summary);
    TableActions::install(m_ab);
    m_ab->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_ab->hide();
    summaryLayout->addWidget(m_ab);
    m_summary = new QScrollArea(this);
    m_summary->setObjectName(QStringLiteral("summaryArea"));
    m_summary->setFrameShape(QFrame::NoFrame);
    m_summary->setWidgetResizable(true);
    m_summary->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_summary->setWidget(summary);
    m_summary->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    summary->installEventFilter(this);
    layout->addWidget(m_summary);

    auto* windowRow = new QHBoxLayout;
    m_windowLabel = new QLabel(this);
    m_window = new QSpinBox(this);
    m_window->setObjectName(QStringLiteral("windowBuckets"));
    m_window->setRange(1, 168);
    m_window->setValue(6);
    m_windowLabel->setBuddy(m_window);
    windowRow->addWidget(m_windowLabel);
    windowRow->addWidget(m_window);
    windowRow->addStretch();
    layout->addLayout(windowRow);
    connect(m_window, &QSpinBox::valueChanged, this, [this] {
        invalidate();
        if (m_store)
            showStore(*m_store);
    });

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("dashboardTabs"));
    layout->addWidget(m_tabs, 1);

    // Chart pages re-flow with the fonts (presentation mode): two columns or one, and
    // they scroll rather than squeeze a chart below what its texts need.
    auto addChart = [this](ChartGrid* grid, MetricId id) {
        MetricChartView* v = MetricChartView::create(this);
        v->setObjectName(QStringLiteral("chart%1").arg(static_cast<int>(id)));
        v->setPercent(id == MetricId::Ctr || id == MetricId::Cvr || id == MetricId::HitRate);
        v->setRobustRange(id == MetricId::LatencyP95);
        v->setValueFormat([id](double y) { return metricValueText(id, y); });
        // Money and times span decades; rates and shares stay linear (and can be 0).
        v->setLogScaleAllowed(id == MetricId::Revenue || id == MetricId::LatencyP95);
        m_charts[id] = v;
        grid->addChart(v);
    };
    auto* sales = new ChartGrid;
    sales->setObjectName(QStringLiteral("salesPage"));
    addChart(sales, MetricId::Ctr);
    addChart(sales, MetricId::Cvr);
    addChart(sales, MetricId::Revenue);
    addChart(sales, MetricId::Coverage);
    m_tabs->addTab(sales, QString());

    auto* exposure = new ChartGrid;
    exposure->setObjectName(QStringLiteral("exposurePage"));
    addChart(exposure, MetricId::Gini);
    addChart(exposure, MetricId::LatencyP95);
    m_tabs->addTab(exposure, QString());

    auto* funnelPage = new QWidget;
    auto* funnelLayout = new QVBoxLayout(funnelPage);
    m_funnel = makeTable(funnelPage);
    m_funnel->setObjectName(QStringLiteral("funnelTable"));
    m_cold = makeTable(funnelPage);
    m_cold->setObjectName(QStringLiteral("coldStartTable"));
    funnelLayout->addWidget(m_funnel);
    funnelLayout->addWidget(m_cold);
    m_surfaces = new SurfaceCtrTable(funnelPage);
    funnelLayout->addWidget(m_surfaces);
    funnelLayout->addStretch();
    m_tabs->addTab(scrolling(funnelPage, QStringLiteral("funnelPage")), QString());

    auto* ranking = new ChartGrid;
    ranking->setObjectName(QStringLiteral("rankingPage"));
    addChart(ranking, MetricId::HitRate);
    addChart(ranking, MetricId::Ndcg);
    addChart(ranking, MetricId::Mrr);
    addChart(ranking, MetricId::ItemCoverage);
    m_tabs->addTab(ranking, QString());
    m_tabs->setTabVisible(kRankingTab, false);
    m_beyond = new BeyondAccuracyPanel;
    m_tabs->addTab(scrolling(m_beyond, QStringLiteral("beyondPage")), QString());
    m_coupons = new CouponPanel;
    m_tabs->addTab(m_coupons, QString());
    m_feedback = new FeedbackLoopPanel;
    m_tabs->addTab(m_feedback, QString());

    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_stale && m_store) {
            invalidate();
            showStore(*m_store);
        }
    });
    retranslateUi();
}

void LiveChartsPanel::showBeyondAccuracy() {
    m_tabs->setCurrentIndex(kBeyondTab);
}

void LiveChartsPanel::showFeedbackLoop() {
    m_tabs->setCurrentIndex(kFeedbackTab);
}

void LiveChartsPanel::showAll(const MetricSeriesStore& store) {
    m_forceAll = true;
    invalidate();
    showStore(store);
    m_forceAll = false;
}

int LiveChartsPanel::windowBuckets() const {
    return m_window->value();
}

MetricChartView* LiveChartsPanel::chart(MetricId id) const {
    if (id == MetricId::LatencyP50 || id == MetricId::LatencyP99)
        id = MetricId::LatencyP95;
    auto it = m_charts.find(id);
    return it == m_charts.end() ? nullptr : it->second;
}

QList<MetricChartView*> LiveChartsPanel::charts() const {
    QList<MetricChartView*> out;
    for (const auto& [id, v] : m_charts)
        out << v;
    return out;
}

bool LiveChartsPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_summary->widget() && event->type() == QEvent::LayoutRequest)
        QTimer::singleShot(0, this, [this] { fitSummary(); });
    return QWidget::eventFilter(watched, event);
}

void LiveChartsPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitSummary();
}

void LiveChartsPanel::fitSummary() {
    constexpr int kSummaryShare = 40; // per cent of the panel's height, at most
    const int need = m_summary->widget()->sizeHint().height();
    const int h = std::min(need, height() * kSummaryShare / 100);
    if (m_summary->height() != h || m_summary->minimumHeight() != h)
        m_summary->setFixedHeight(h);
}

void LiveChartsPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LiveChartsPanel::retranslateUi() {
    m_windowLabel->setText(m_replayMode ? tr("Moving &window for HR, MRR and NDCG:")
                                        : tr("Moving &window for CTR and CVR:"));
    m_window->setSuffix(tr(" buckets"));
    m_window->setToolTip(tr("Rates are computed over this many of the most recent simulated-time "
                            "buckets (the scenario's bucket width, one hour by default)."));
    m_tabs->setTabText(0, tr("Clicks && sales"));
    m_tabs->setTabText(1, tr("Exposure && latency"));
    m_tabs->setTabText(2, tr("Funnel && cold start"));
    m_tabs->setTabText(kRankingTab, tr("Ranking (log replay)"));
    m_tabs->setTabText(kBeyondTab, tr("Beyond accuracy"));
    m_tabs->setTabText(kCouponTab, tr("Coupons"));
    m_tabs->setTabText(kFeedbackTab, tr("Feedback loop"));
    const QStringList& keys = m_replayMode ? kRankingKeys : kCounterKeys;
    m_counters->setColumnCount(static_cast<int>(keys.size()));
    for (int i = 0; i < keys.size(); ++i) {
        auto* h = new QTableWidgetItem(counterTitle(keys[i]));
        h->setToolTip(counterHelp(keys[i]));
        h->setWhatsThis(counterHelp(keys[i])); // Help > What's this?, Shift+F1
        m_counters->setHorizontalHeaderItem(i, h);
    }
    // Timeline markers: translated labels, none over a log replay.
    const QList<ChartMarker> markers =
        m_replayMode ? QList<ChartMarker>{} : timelineMarkers(m_timeline);
    for (const auto& [id, v] : m_charts) {
        v->setTitle(metricTitle(id));
        v->setAxisTitles(m_replayMode ? tr("days of the log") : simDaysAxisTitle(), metricAxis(id));
        v->setToolTip(metricHelp(id));
        v->setWhatsThis(metricHelp(id));
        v->setMarkers(markers);
        v->refresh(); // titles show before the first run too
    }
    fitHeight(m_counters);
    m_funnel->setToolTip(tr("Impressions → clicks → favourites → carts → purchases over the "
                            "whole run; the percentage is the share of the previous stage."));
    m_cold->setToolTip(ColdStartTable::toolTip());
    invalidate();
    m_labels.clear(); // series names are translated too
    if (m_store)
        showStore(*m_store);
}

// The A/B notes of the CTR and revenue legends, all cores: legends are rebuilt when these move.
static QString legendNotes(const MetricSeriesStore& store) {
    QString notes;
    for (int c = 1; c < store.coreCount(); ++c)
        notes += AbComparisonTable::legendNote(store, c, "ctr") + QLatin1Char('|') +
                 AbComparisonTable::legendNote(store, c, "revenue") + QLatin1Char('|');
    return notes;
}

// A core's legend entry: its label, plus its A/B note on the CTR and revenue charts.
static QString legendName(const MetricSeriesStore& store, int core, MetricId id,
                          const QString& label) {
    if (id == MetricId::Ctr)
        return label + AbComparisonTable::legendNote(store, core, "ctr");
    if (id == MetricId::Revenue)
        return label + AbComparisonTable::legendNote(store, core, "revenue");
    return label;
}

void LiveChartsPanel::rebuildSeries(const MetricSeriesStore& store) {
    m_labels.clear();
    for (int c = 0; c < store.coreCount(); ++c)
        m_labels << store.core(c).label;
    m_legendNotes = legendNotes(store);
    const bool bands = store.coreCount() > 1;
    for (const auto& [id, v] : m_charts) {
        QList<SeriesSpec> specs;
        for (int c = 0; c < store.coreCount(); ++c) {
            const QColor color = coreColor(store, c);
            if (id == MetricId::LatencyP95) {
                // One legend entry per core; the line style tells the percentile.
                specs.append(
                    {QStringLiteral("%1/p50").arg(c), QString(), color, Qt::DotLine, false});
                specs.append(
                    {QStringLiteral("%1/p95").arg(c), m_labels[c], color, Qt::SolidLine, false});
                specs.append(
                    {QStringLiteral("%1/p99").arg(c), QString(), color, Qt::DashLine, false});
            } else {
                const bool band = bands && (id == MetricId::Ctr || id == MetricId::Cvr);
                specs.append({QString::number(c), legendName(store, c, id, m_labels[c]), color,
                              Qt::SolidLine, band});
            }
        }
        v->setSeries(specs);
    }
}

void LiveChartsPanel::renameLegends(const MetricSeriesStore& store) {
    const QString notes = legendNotes(store);
    if (notes == m_legendNotes)
        return;
    // Only the A/B notes moved: rename in place (rebuilding every chart cost ~10 ms a
    // refresh with four cores, and reset the axes each time).
    m_legendNotes = notes;
    for (MetricId id : {MetricId::Ctr, MetricId::Revenue})
        for (int c = 0; c < store.coreCount(); ++c)
            m_charts[id]->renameSeries(QString::number(c), legendName(store, c, id, m_labels[c]));
}

void LiveChartsPanel::showStore(const MetricSeriesStore& store) {
    m_store = &store;
    if (store.revision() == m_revision)
        return;
    m_stagger->cancel(); // everything is drawn now
    m_revision = m_scheduled = store.revision();
    m_stale = false;
    if (store.isReplay() != m_replayMode)
        setReplayMode(store.isReplay());
    QStringList labels;
    for (int c = 0; c < store.coreCount(); ++c)
        labels << store.core(c).label;
    if (labels != m_labels || labels.isEmpty())
        rebuildSeries(store);
    else
        renameLegends(store);
    for (const auto& [id, v] : m_charts) {
        // Charts on hidden tabs are brought up to date when their tab is shown.
        if (!m_forceAll && !v->isVisibleTo(m_tabs)) {
            m_stale = true;
            continue;
        }
        drawChart(id, store);
    }
    fillSummary(store);
    drawPages(store);
}

void LiveChartsPanel::drawChart(MetricId id, const MetricSeriesStore& store) {
    MetricChartView* v = m_charts.at(id);
    const int w = windowBuckets();
    v->setXExtent(store.xExtentDays());
    for (int c = 0; c < store.coreCount(); ++c) {
        if (id == MetricId::LatencyP95) {
            v->setSamples(QStringLiteral("%1/p50").arg(c),
                          store.series(c, MetricId::LatencyP50, w));
            v->setSamples(QStringLiteral("%1/p95").arg(c),
                          store.series(c, MetricId::LatencyP95, w));
            v->setSamples(QStringLiteral("%1/p99").arg(c),
                          store.series(c, MetricId::LatencyP99, w));
        } else {
            v->setSamples(QString::number(c), store.series(c, id, w));
        }
    }
    v->refresh();
}

void LiveChartsPanel::drawPages(const MetricSeriesStore& store) {
    if (m_forceAll || m_beyond->isVisibleTo(m_tabs))
        m_beyond->showStore(store);
    else
        m_stale = true;
    if (m_forceAll || m_feedback->isVisibleTo(m_tabs))
        m_feedback->showStore(store);
    else
        m_stale = true;
    m_coupons->showStore(store); // a table of a dozen cells: cheap at 30 Hz
    fillFunnelPage(store);
}

// A running arena's refreshes: the same drawing as showStore, one unit per pass of the event
// loop (the tables first, in two groups, then each visible chart), so that no block of GUI work is
// longer than one chart (docs/decisions/0035-staggered-dashboard-refresh.md). New series (a new
// run, other cores) and a replay switch are drawn at once: they change every chart.
void LiveChartsPanel::scheduleStore(const MetricSeriesStore& store) {
    QStringList labels;
    for (int c = 0; c < store.coreCount(); ++c)
        labels << store.core(c).label;
    if (m_store != &store || store.isReplay() != m_replayMode || labels != m_labels ||
        labels.isEmpty()) {
        showStore(store);
        return;
    }
    if (store.revision() == m_revision || store.revision() == m_scheduled)
        return;
    m_scheduled = store.revision();
    renameLegends(store);
    QList<int> units{kSummaryUnit, kPagesUnit};
    for (const auto& [id, v] : m_charts) {
        if (v->isVisibleTo(m_tabs))
            units << static_cast<int>(id);
        else
            m_stale = true;
    }
    m_stagger->schedule(units);
}

void LiveChartsPanel::flushScheduled() {
    m_stagger->flush();
}

int LiveChartsPanel::scheduledUnits() const {
    return static_cast<int>(m_stagger->pending().size());
}

void LiveChartsPanel::setTimeline(const std::vector<sim::TimelineEvent>& timeline) {
    m_timeline = timeline;
    for (const auto& [id, v] : m_charts)
        v->setMarkers(m_replayMode ? QList<ChartMarker>{} : timelineMarkers(timeline));
}

void LiveChartsPanel::setReplayMode(bool replay) {
    // A replay has ranking charts only; a simulated run everything but them.
    m_replayMode = replay;
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabs->setTabVisible(i, (i == kRankingTab) == replay);
    m_tabs->setCurrentIndex(replay ? kRankingTab : 0);
    m_counters->clearContents();
    m_labels.clear();
    retranslateUi();
}

} // namespace recoscope::ui
