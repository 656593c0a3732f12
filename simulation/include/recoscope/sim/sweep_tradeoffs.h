#pragma once
// A sweep's trade-offs (issue 13): its runs grouped by parameter set, CTR, catalogue
// coverage and revenue averaged over the seeds, and the Pareto-optimal sets marked
// (core/pareto.h, all three maximised). Read from a store holding the runs (a merged
// store, or any store with runs labelled by SweepPlan::label()) or from a sweep folder's
// job files. Used by `recoscope-cli report --sweep` and the GUI's Trade-offs view; plain
// values, any thread.

#include "recoscope/core/result.h"
#include "recoscope/sim/run_store.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <limits>
#include <vector>

namespace recoscope::sim {

struct TradeoffRun {
    QString file; ///< the store holding the run
    qint64 runId = 0;
    int job = 0; ///< job index in the sweep
    quint64 seed = 0;
    double ctr = 0.0, coverage = 0.0, revenue = 0.0;
    /// Long-tail share of impressions (the run's beyond_accuracy.tail_share); NaN for a
    /// run stored without it.
    double tailShare = 0.0;
    /// CTR gap between shopper groups (max − min group CTR, groups with at least
    /// kFairnessMinImpressions impressions; shopper_groups.h) of the run's `attribute`
    /// parameter, age bands for a core without one; NaN until measureGroupGaps() or for a
    /// run stored without a slate log.
    double groupCtrGap = std::numeric_limits<double>::quiet_NaN();
};

struct TradeoffPoint {
    QByteArray paramsJson;         ///< every resolved parameter, as stored with the runs
    QString paramsText;            ///< the parameters that vary across the sweep: "k=10, tau=0.5"
    std::vector<TradeoffRun> runs; ///< one per seed, in job order
    double ctr = 0.0, coverage = 0.0, revenue = 0.0; ///< means over the runs
    double tailShare = 0.0; ///< mean over the runs; NaN when a run lacks it (not in Pareto)
    double groupCtrGap = std::numeric_limits<double>::quiet_NaN(); ///< mean; NaN as above
    bool pareto = false;
};

class SweepTradeoffs {
public:
    QString sweepId;
    QString recommender;
    QString scenario;
    std::vector<TradeoffPoint> points; ///< in job order (the sweep's parameter order)
    QList<int> missingJobs;            ///< jobs of the plan without a finished run (folders)

    /// Every sweep among `runs` (finished runs whose label SweepPlan::parseLabel reads),
    /// in order of first appearance. `file` is recorded as each run's store.
    static std::vector<SweepTradeoffs> fromRuns(const QList<RunRecord>& runs, const QString& file);
    /// A sweep folder (DIR/jobs.json and the job-I.db present) or a run store. Errors name
    /// the file; a store without sweep runs is an error too.
    static core::Result<std::vector<SweepTradeoffs>> load(const QString& dirOrStore);

    /// Fills every run's groupCtrGap (and the points' means) from its slate log: the run
    /// is read from `store` when given (the GUI's history), else from its file. Regenerates
    /// the shop once per scenario and seed (population of the run). load() calls it. A
    /// run that cannot be read keeps NaN and the others go on; the first such error is
    /// returned (it names the file or run).
    core::Status measureGroupGaps(const RunStore* store = nullptr);

    /// {sweep_id, recommender, scenario, missing_jobs, points: [{params, params_text, ctr,
    /// coverage, revenue, tail_share, group_ctr_gap, pareto, runs: [{file, run, job, seed,
    /// ctr, coverage, revenue, tail_share, group_ctr_gap}]}]}; unknown figures are null.
    QJsonObject toJson() const;

private:
    void finish();
};

} // namespace recoscope::sim
