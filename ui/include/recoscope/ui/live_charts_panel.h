#pragma once
// LiveChartsPanel: the dashboard. Counters per core, each core's paired difference from the
// first (AbComparisonTable; CTR and revenue legends carry it too), CTR/CVR with a moving window and
// confidence bands, revenue, coverage, Gini of exposure, latency percentiles, the funnel
// and the cold-start view; for a log replay instead, ranking counters and HR@k, NDCG@k,
// MRR@k and item coverage over time (only that tab is shown); and the beyond-accuracy tab
// (BeyondAccuracyPanel). Draws whatever MetricSeriesStore it
// is given (a live arena or runs opened from history), one colour per core in every chart. GUI
// thread only.

#include "recoscope/sim/scenario.h"
#include "recoscope/ui/metric_series_store.h"

#include <QWidget>

#include <map>

class QLabel;
class QScrollArea;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace recoscope::ui {

class AbComparisonTable;
class BeyondAccuracyPanel;
class CouponPanel;
class FeedbackLoopPanel;
class MetricChartView;
class StaggeredRefresh;
class SurfaceCtrTable;

class LiveChartsPanel : public QWidget {
    Q_OBJECT
public:
    explicit LiveChartsPanel(QWidget* parent = nullptr);

    /// Redraws from `store` (cheap when store.revision() did not move). Charts on hidden
    /// tabs are updated when their tab is shown.
    void showStore(const MetricSeriesStore& store);
    /// Like showStore, but also updates the charts of hidden tabs (exports, tests).
    void showAll(const MetricSeriesStore& store);
    /// Like showStore for a running arena's refreshes, spread over passes of the event
    /// loop: the tables in one, then each visible chart in one of its own (nothing is drawn
    /// inside this call). A later revision before the last unit is drawn joins the same
    /// cycle; once every unit has drawn, the panel shows what showStore would have shown.
    /// `store` must outlive the cycle (the controller's series). New series (a new run,
    /// other cores) are drawn at once, as by showStore.
    void scheduleStore(const MetricSeriesStore& store);
    /// Draws what scheduleStore left waiting, now.
    void flushScheduled();
    /// Units (the tables, a chart) scheduleStore left waiting (tests, the GUI benchmark).
    int scheduledUnits() const;
    /// Forces a full redraw on the next showStore (after a language change, a new run).
    void invalidate() { m_revision = m_scheduled = ~quint64(0); }
    /// Marks the scenario's promotions, launches and stock shocks on every chart over
    /// simulated time (an empty timeline clears them: log replays have none).
    void setTimeline(const std::vector<sim::TimelineEvent>& timeline);

    MetricChartView* chart(MetricId id) const;
    QList<MetricChartView*> charts() const;
    QTableWidget* countersTable() const { return m_counters; }
    /// Each core against the first, paired over users (hidden with fewer than two cores).
    AbComparisonTable* comparisonTable() const { return m_ab; }
    QTableWidget* funnelTable() const { return m_funnel; }
    QTableWidget* coldStartTable() const { return m_cold; }
    /// CTR per surface and core (a strategy per surface).
    SurfaceCtrTable* surfaceTable() const { return m_surfaces; }
    QTabWidget* tabs() const { return m_tabs; }
    BeyondAccuracyPanel* beyondPanel() const { return m_beyond; }
    CouponPanel* couponPanel() const { return m_coupons; }
    /// The "Feedback loop" tab: exposure Gini and interest drift by day, per core.
    FeedbackLoopPanel* feedbackLoopPanel() const { return m_feedback; }
    void showFeedbackLoop();
    /// Brings the "Beyond accuracy" tab forward (its page scrolls the panel).
    void showBeyondAccuracy();
    int windowBuckets() const;
    bool replayMode() const { return m_replayMode; }

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslateUi();
    void rebuildSeries(const MetricSeriesStore& store);
    /// Renames the CTR and revenue series when their A/B notes moved.
    void renameLegends(const MetricSeriesStore& store);
    void drawChart(MetricId id, const MetricSeriesStore& store);
    /// The funnel page's tables, the coupons and the beyond-accuracy tab when shown.
    void drawPages(const MetricSeriesStore& store);
    /// The counters and A/B tables (live_charts_panel_tables.cpp).
    void fillSummary(const MetricSeriesStore& store);
    /// The funnel, cold-start and per-surface tables (live_charts_panel_tables.cpp).
    void fillFunnelPage(const MetricSeriesStore& store);
    void fillRankingTable(const MetricSeriesStore& store);
    void setReplayMode(bool replay);
    /// Sizes the counters/A-B area: its tables' height, capped to a share of the panel.
    void fitSummary();

    QLabel* m_windowLabel = nullptr;
    QSpinBox* m_window = nullptr;
    QScrollArea* m_summary = nullptr; ///< the counters and the A/B table
    QTableWidget* m_counters = nullptr;
    AbComparisonTable* m_ab = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableWidget* m_funnel = nullptr;
    SurfaceCtrTable* m_surfaces = nullptr;
    QTableWidget* m_cold = nullptr;
    BeyondAccuracyPanel* m_beyond = nullptr;
    CouponPanel* m_coupons = nullptr;
    FeedbackLoopPanel* m_feedback = nullptr;
    std::map<MetricId, MetricChartView*> m_charts; // latency: one chart under LatencyP95
    const MetricSeriesStore* m_store = nullptr;
    quint64 m_revision = ~quint64(0);  ///< drawn in full
    quint64 m_scheduled = ~quint64(0); ///< handed to m_stagger
    StaggeredRefresh* m_stagger = nullptr;
    bool m_stale = false; ///< some hidden chart skipped an update
    bool m_forceAll = false;
    bool m_replayMode = false;
    QStringList m_labels;
    QString m_legendNotes; ///< the A/B notes the legends were built with
    std::vector<sim::TimelineEvent> m_timeline;
};

} // namespace recoscope::ui
