#pragma once
// A parameter sweep as a list of independent jobs (issue 13, docs/scaling.md): a grid of
// one core's parameters x K seeds on one scenario. Each job runs alone into its own
// SQLite file, so GNU parallel or a Slurm array can run the grid with no coordinator;
// `recoscope-cli merge` combines the files afterwards.
//
// Job order (documented in docs/cli.md, stable across versions): parameter names in
// alphabetical order, the last one varying fastest (an odometer), each name's values in
// the order grid.json lists them; the seeds innermost. Job i therefore has combination
// i / K and seed firstSeed + i % K. Indices start at 0 (Slurm arrays and `seq 0 N-1`).
//
// A sweep directory holds jobs.json (the plan), scenario.json (the resolved scenario
// every job runs, so a job on another machine runs exactly it), run-parallel.sh,
// slurm-array.sh and, as jobs finish, job-I.db. Not thread-safe; plain values.

#include "recoscope/core/registry.h"
#include "recoscope/core/result.h"
#include "recoscope/sim/engine.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/scenario.h"

#include <QJsonObject>
#include <QString>

#include <map>
#include <string>
#include <vector>

namespace recoscope::sim {

struct SweepJob {
    int index = 0;
    std::map<std::string, std::string> params; ///< the swept parameters, as --param text
    std::uint64_t seed = 0;
};

class SweepPlan {
public:
    /// Reads grid.json ({"name": [value, ...], ...}: a core parameter name to the list of
    /// its values; numbers, booleans or strings) and builds the jobs. Names are checked
    /// against the core's ParamSpec schema and values against their type and range; a
    /// value listed twice is refused (it would be the same run twice). Errors name the
    /// file, the key and the value. `seeds` >= 1, seeds firstSeed ... firstSeed+seeds-1.
    static core::Result<SweepPlan> fromGrid(const QString& gridPath,
                                            const core::RecommenderEntry& entry,
                                            const Scenario& scenario, int seeds,
                                            std::uint64_t firstSeed, RunLimits limits);
    /// Reads DIR/jobs.json and DIR/scenario.json (as write() left them), checking the
    /// scenario against the hash the plan recorded. Errors name the file and the field.
    static core::Result<SweepPlan> load(const QString& dir);
    /// Writes jobs.json, scenario.json, run-parallel.sh and slurm-array.sh into `dir`
    /// (created if missing). The scripts call `cliPath` (overridable by RECOSCOPE_CLI).
    /// Refuses a directory that holds another sweep's jobs.json.
    core::Status write(const QString& dir, const QString& cliPath) const;

    /// 12 hex digits of SHA-256 over the scenario, core, grid, seeds and limits.
    QString sweepId() const { return m_id; }
    const std::vector<SweepJob>& jobs() const { return m_jobs; }
    const Scenario& scenario() const { return m_scenario; }
    const std::string& recommender() const { return m_recommender; }
    const RunLimits& limits() const { return m_limits; }
    /// The run of job `index` (0 <= index < jobs().size()), labelled with label().
    RunSpec runSpec(int index) const;

    /// The label stored with a job's run: "sweep:ID job:I".
    static QString label(const QString& sweepId, int index);
    /// Reads a label written by label(); false for any other text.
    static bool parseLabel(const QString& label, QString* sweepId, int* index);
    /// DIR/job-I.db
    static QString jobDbName(int index);

private:
    QJsonObject toJson(const QString& dir, const QString& cliPath) const;
    void buildJobs();
    void computeId();

    Scenario m_scenario;
    std::string m_recommender;
    std::map<std::string, std::vector<std::string>> m_grid;
    std::vector<std::uint64_t> m_seeds;
    RunLimits m_limits;
    std::vector<SweepJob> m_jobs;
    QString m_id;
};

} // namespace recoscope::sim
