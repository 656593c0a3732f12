#pragma once
// MetricSeriesStore: the metric buckets of the cores being shown (a live arena or runs
// opened from history), as plain data with no widget in sight, so the data outlives any
// chart that draws it. GUI thread only; fed by RunController from value snapshots or
// loaded from the run store. Derived series (moving-window rates, cumulative revenue)
// are computed on demand from the buckets, so live charts and charts of a stored run are
// the same function of the same buckets.

#include "recoscope/core/metrics.h"
#include "recoscope/core/ranking_metrics.h"
#include "recoscope/core/result.h"
#include "recoscope/sim/engine_worker.h"
#include "recoscope/sim/log_replay.h"

#include <QColor>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace recoscope::sim {
class RunStore;
}

namespace recoscope::ui {

/// The charted metrics. Keys are stable (used in file names and settings).
/// The last four are the ranking metrics of a log replay (docs/metrics.md).
enum class MetricId {
    Ctr,
    Cvr,
    Revenue,
    Coverage,
    Gini,
    LatencyP50,
    LatencyP95,
    LatencyP99,
    HitRate,
    Mrr,
    Ndcg,
    ItemCoverage
};

/// x = simulated days; y in the metric's unit; [lo, hi] a 95 % confidence band (equal to y
/// when the metric has none).
struct ChartSample {
    double x = 0.0;
    double y = 0.0;
    double lo = 0.0;
    double hi = 0.0;
};

/// A closed time bucket of a log replay: the ranking figures of the queries scored in it
/// (coverage and Gini cumulative); `end` in seconds since the log's first event.
struct RankingPoint {
    double end = 0.0;
    core::RankingSummary ranking;
};

struct CoreSeries {
    QString coreId; ///< registry id ("itemknn")
    QString label;  ///< what legends show ("itemknn" or "#12 itemknn" for history)
    qint64 runId = 0;
    /// Palette index (core_palette.h) when it is not the core's position in the store: a
    /// stored run shown apart from its arena keeps the colour it had among its cores.
    int colour = -1;
    std::vector<core::MetricPoint> buckets;
    core::MetricPoint partial; ///< the open bucket of a live run
    bool hasPartial = false;
    core::MetricPoint total;
    /// Whole-run cold-start figures: live from the worker, or folded from the stored
    /// `cold_*` rows of a reopened run (false for runs stored before those rows existed).
    sim::ColdStartStats coldStart;
    bool hasColdStart = false;
    /// Retention by cohort (the beyond-accuracy figures are in buckets[i].beyond and
    /// total.beyond): live from the arena, or from a stored run's summary.
    core::RetentionTable retention;
    /// Shop figures per surface and which core served each: live, or from a stored run's
    /// summary (all zero for runs stored before the per-surface figures).
    core::SurfaceTotals surfaces;
    sim::SurfaceAssignments surfaceCores;
    /// The coupons block (coupon_report.h): live from the arena, or from a stored run's
    /// summary; empty when the run's shop gave no coupons.
    QJsonObject coupons;
    /// The feedback loop by day (live runs: sim::CoreSnapshot::feedbackDays; runs opened
    /// from the history: recomputed from the store as `report` does, set by
    /// MetricSeriesStore::setFeedbackDays once known; empty without a slate log).
    std::vector<core::FeedbackDay> feedbackDays;
    /// The onboarding block (onboarding_report.h), live or from a stored run's summary;
    /// empty for runs stored before it.
    QJsonObject onboarding;
    /// Log replays: ranking buckets instead of shop counters, cut at rankingK.
    bool replay = false;
    int rankingK = 0;
    std::vector<RankingPoint> ranking;
    core::RankingSummary rankingTotal; ///< whole replay so far (queries-weighted)
    qint64 replayEvents = 0;           ///< log events replayed so far
};

class MetricSeriesStore {
public:
    void clear();
    /// Starts a live arena: one (empty) series per core.
    void reset(const QStringList& coreIds);
    /// Appends a batch from the worker (its cores in the same order as reset()).
    void append(const sim::SnapshotBatch& batch);
    /// Starts a live log replay of these cores, ranking cut at `k`.
    void resetReplay(const QStringList& coreIds, int k);
    /// Appends a closed bucket of the replay (its cores in the order of resetReplay()).
    void appendReplay(const sim::ReplayBucket& bucket);
    /// True when every series shown is a log replay (the dashboard then shows ranking
    /// charts instead of the shop's).
    bool isReplay() const;
    /// Where the x axis will end, in days, when known in advance (a live replay: the log's
    /// span); 0 when charts should follow the data.
    double xExtentDays() const { return m_xExtentDays; }
    void setXExtentDays(double days);
    /// Adds a stored run (buckets and summary from the store), a simulated run or a log
    /// replay. Errors name the run.
    core::Status addStoredRun(const sim::RunStore& store, qint64 runId);

    /// Paired per-user comparisons of every core against the first (docs/metrics.md, "A/B
    /// statistics"): from the live arena's snapshots, or computed for stored runs from
    /// their events. Empty until known; cleared by clear() and reset().
    const std::vector<sim::PairComparison>& comparisons() const { return m_comparisons; }
    void setComparisons(std::vector<sim::PairComparison> comparisons);
    /// Why there are no comparisons, or that they are being computed (translated text;
    /// empty when there is nothing to say).
    const QString& comparisonNote() const { return m_comparisonNote; }
    void setComparisonNote(const QString& note);

    int coreCount() const { return static_cast<int>(m_cores.size()); }
    const CoreSeries& core(int index) const { return m_cores[static_cast<std::size_t>(index)]; }
    /// The feedback loop of stored run `index` (sim::storedFeedbackDays), computed after
    /// addStoredRun off the GUI thread.
    void setFeedbackDays(int index, std::vector<core::FeedbackDay> days);
    /// Draws core `index` in palette colour `colour` instead of its position's.
    void setColourIndex(int index, int colour);
    /// Bumped on every change; views repaint only when it moved.
    quint64 revision() const { return m_revision; }

    /// The chart series of one core. `windowBuckets` (>= 1) is the moving window of the
    /// rate metrics (CTR, CVR) and of the ranking means (HR, MRR, NDCG: weighted by the
    /// queries of each bucket); revenue is cumulative; the others are per bucket. x is in
    /// days (simulated, or since the log's first event).
    std::vector<ChartSample> series(int core, MetricId metric, int windowBuckets) const;

private:
    core::Status addStoredReplay(const sim::RunStore& store, CoreSeries& c,
                                 const QStringList& names, const QByteArray& summaryJson);
    std::vector<ChartSample> rankingSeries(const CoreSeries& c, MetricId metric,
                                           std::size_t window) const;

    std::vector<CoreSeries> m_cores;
    std::vector<sim::PairComparison> m_comparisons;
    QString m_comparisonNote;
    double m_xExtentDays = 0.0;
    quint64 m_revision = 0;
};

/// Colour of the n-th core, the same in every chart (Okabe-Ito, colour-blind safe).
QColor coreColor(int index);
/// Colour of core `index` of `store`: its CoreSeries::colour, else its position's.
QColor coreColor(const MetricSeriesStore& store, int index);

/// Sets the field of `point` stored under `name` (core::MetricPoint::stored(): shop metrics
/// and beyond-accuracy figures, which also set hasBeyond); false if unknown.
bool setNamedMetric(core::MetricPoint& point, const QString& name, double value);

} // namespace recoscope::ui
