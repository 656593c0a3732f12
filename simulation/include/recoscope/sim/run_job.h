#pragma once
// One run from start to stored summary: engine + recommender + (optionally) the run
// store. Shared by the CLI (which runs it to the end) and the GUI's EngineWorker (which
// runs it in slices between which it can pause, stop or report).

#include "recoscope/sim/engine.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/sim/slate_log.h"

#include <QJsonObject>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace recoscope::sim {

class StoreWriter;

struct RunSpec {
    Scenario scenario;
    std::uint64_t seed = 1;
    std::string recommender;
    std::map<std::string, std::string> params;
    RunLimits limits;
    qint64 experimentId = 0;
    QString label;
    /// 0: the core's random stream derives from the run seed, as always. Another value
    /// gives the core an independent stream on the same shoppers (an A/A replicate of a
    /// stochastic core); such runs cannot be stored (the store does not record it).
    std::uint64_t coreStream = 0;
    /// Stored runs keep every served slate with its propensities (table `slates`, read by
    /// `recoscope-cli ope`); false stores events and metrics only.
    bool logSlates = true;
};

class RunJob {
public:
    /// Builds the engine and the core and, when `store` is given, records the run as
    /// "running". The store must outlive the job. Errors: unknown core, bad parameters,
    /// database failures.
    static core::Result<std::unique_ptr<RunJob>>
    create(const RunSpec& spec, const core::RecommenderRegistry& registry, RunStore* store);
    ~RunJob();

    /// Runs up to `maxEvents` more events (0 = to the end), stopping early at the run's
    /// limits or when `cancel` is set. Completed metric buckets are stored as they close.
    RunOutcome runSlice(std::uint64_t maxEvents, const std::atomic<bool>* cancel = nullptr,
                        const std::function<void(const Progress&)>& progress = {});
    /// True once the run's event limit, day limit or the scenario's end is reached.
    bool done() const;

    /// Extra named rows to store with each metric bucket this job stores (its runSlice
    /// buckets and the last bucket closed by finish()), in the same write as the bucket so
    /// the run is never marked finished before they land. The GUI's worker adds its
    /// cold-start figures this way; the CLI sets none. Called on the job's thread.
    using BucketRows = std::function<std::vector<MetricRow>(const core::MetricPoint& bucket)>;
    void setBucketRows(BucketRows rows) { m_bucketRows = std::move(rows); }

    /// Closes the last bucket, stores it and the summary, marks the run with `status`
    /// (finished, cancelled, failed). Idempotent.
    core::Status finish(const QString& status);

    Engine& engine() { return *m_engine; }
    const Engine& engine() const { return *m_engine; }
    const RunSpec& spec() const { return m_spec; }
    qint64 runId() const { return m_runId; }
    /// Metric buckets closed so far (stored or not), for charts.
    const std::vector<core::MetricPoint>& buckets() const { return m_buckets; }
    double wallSeconds() const { return m_wallSeconds; }
    /// The summary object printed by `recoscope-cli run --json` (docs/cli.md).
    QJsonObject summary() const;
    QString resolvedParamsJson() const { return m_paramsJson; }

private:
    RunJob() = default;
    core::Status storeBuckets(std::vector<core::MetricPoint> points);
    void logSlate(const ActionRecord& action);
    core::Status flushSlates();

    RunSpec m_spec;
    std::unique_ptr<Engine> m_engine;
    RunStore* m_store = nullptr;
    std::unique_ptr<StoreWriter> m_writer;
    BucketRows m_bucketRows;
    qint64 m_runId = 0;
    QString m_paramsJson;
    QString m_catalogueHash;
    QString m_populationHash;
    std::vector<core::MetricPoint> m_buckets;
    double m_wallSeconds = 0.0;
    /// Wall seconds create() took: generating the shop, building the core, hashing the
    /// shop, opening the run in the store (the summary's setup_s).
    double m_setupSeconds = 0.0;
    bool m_finished = false;
    std::uint64_t m_startEvents = 0;
    SlateBatch m_slates; // served, not yet handed to the writer
    qint64 m_slateSeq = 0;
    std::string m_slateError; // the first failed hand-over, reported by finish()
};

/// The Recoscope version and build description stored with every run.
QString buildVersion();

/// The process's peak resident memory so far in MB (getrusage's ru_maxrss); 0 where the
/// system does not tell.
double peakResidentMegabytes();

} // namespace recoscope::sim
