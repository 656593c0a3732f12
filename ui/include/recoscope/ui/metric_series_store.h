#pragma once
// MetricSeriesStore: the metric buckets of the cores being shown (a live arena or runs
// opened from history), as plain data with no widget in sight, so the data outlives any
// chart that draws it. GUI thread only; fed by RunController from value snapshots or
// loaded from the run store. Derived series (moving-window rates, cumulative revenue)
// are computed on demand from the buckets, so live charts and charts of a stored run are
// the same function of the same buckets.

#include "recoscope/core/metrics.h"
#include "recoscope/core/result.h"
#include "recoscope/sim/engine_worker.h"

#include <QColor>
#include <QString>
#include <QStringList>

#include <vector>

namespace recoscope::sim {
class RunStore;
}

namespace recoscope::ui {

/// The charted metrics. Keys are stable (used in file names and settings).
enum class MetricId { Ctr, Cvr, Revenue, Coverage, Gini, LatencyP50, LatencyP95, LatencyP99 };

/// x = simulated days; y in the metric's unit; [lo, hi] a 95 % confidence band (equal to y
/// when the metric has none).
struct ChartSample {
    double x = 0.0;
    double y = 0.0;
    double lo = 0.0;
    double hi = 0.0;
};

struct CoreSeries {
    QString coreId; ///< registry id ("itemknn")
    QString label;  ///< what legends show ("itemknn" or "#12 itemknn" for history)
    qint64 runId = 0;
    std::vector<core::MetricPoint> buckets;
    core::MetricPoint partial; ///< the open bucket of a live run
    bool hasPartial = false;
    core::MetricPoint total;
    /// Whole-run cold-start figures: live from the worker, or folded from the stored
    /// `cold_*` rows of a reopened run (false for runs stored before those rows existed).
    sim::ColdStartStats coldStart;
    bool hasColdStart = false;
};

class MetricSeriesStore {
public:
    void clear();
    /// Starts a live arena: one (empty) series per core.
    void reset(const QStringList& coreIds);
    /// Appends a batch from the worker (its cores in the same order as reset()).
    void append(const sim::SnapshotBatch& batch);
    /// Adds a stored run (buckets and summary from the store). Errors name the run.
    core::Status addStoredRun(const sim::RunStore& store, qint64 runId);

    int coreCount() const { return static_cast<int>(m_cores.size()); }
    const CoreSeries& core(int index) const { return m_cores[static_cast<std::size_t>(index)]; }
    /// Bumped on every change; views repaint only when it moved.
    quint64 revision() const { return m_revision; }

    /// The chart series of one core. `windowBuckets` (>= 1) is the moving window of the
    /// rate metrics (CTR, CVR); revenue is cumulative; the others are per bucket.
    std::vector<ChartSample> series(int core, MetricId metric, int windowBuckets) const;

private:
    std::vector<CoreSeries> m_cores;
    quint64 m_revision = 0;
};

/// Colour of the n-th core, the same in every chart (Okabe-Ito, colour-blind safe).
QColor coreColor(int index);

/// Sets the field of `point` named as in core::MetricPoint::named(); false if unknown.
bool setNamedMetric(core::MetricPoint& point, const QString& name, double value);

} // namespace recoscope::ui
