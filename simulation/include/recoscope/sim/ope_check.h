#pragma once
// Off-policy evaluation checked against the truth (docs/ope.md, `recoscope-cli ope`):
// estimate a target core's CTR from a logged run with the estimators of ope_estimators.h,
// then run the target on the same shoppers (same scenario and seed: common random numbers)
// for real and report each estimator's error and whether its interval covered the truth.
//
// The target answers every logged request in the context the logger saw: the logged run is
// simulated again (it is deterministic: same scenario, seed, core and parameters) with the
// target beside the logging core. The target gets every logged event and every logged slate
// with its click, exactly when the logger got them (prequential replay), and is asked for
// its slate at each request against the same catalogue state (availability, prices, the
// cart). Its own random stream is independent of the logger's. With a stored run, each
// slate simulated again must equal the stored one (items, click, propensities): a store
// written by a different build is refused rather than evaluated against the wrong log.
//
// The truth run covers the same simulated period: every shopper action up to the time of
// the last logged slate. It is one realisation: its CTR has sampling noise of its own.
// Synchronous; the caller's thread drives every core. Errors come back as core::Result.

#include "recoscope/core/registry.h"
#include "recoscope/core/result.h"
#include "recoscope/sim/ope_estimators.h"
#include "recoscope/sim/scenario.h"

#include <QJsonObject>
#include <QString>

#include <atomic>
#include <functional>
#include <map>
#include <string>

namespace recoscope::sim {

class RunStore;

struct OpeCore {
    std::string id;
    std::map<std::string, std::string> params;
};

struct OpeTruth {
    double ctr = 0.0; ///< clicks / impressions of the target's own run
    double slates = 0.0, impressions = 0.0, clicks = 0.0;
};

struct OpeResult {
    qint64 runId = 0; ///< 0 for a fresh (not stored) logging run
    QString scenario;
    std::uint64_t seed = 0;
    OpeCore logger, target;  ///< with every parameter resolved
    double periodDays = 0.0; ///< simulated period of the log and of the truth run
    OpeEstimates estimates;
    OpeTruth truth;
    /// {"run_id", "scenario", "seed", "logger", "target", "period_days", "log": {...},
    /// "truth": {...}, "estimators": [{"name", "estimate", "low", "high", "std_error",
    /// "error", "covered", "valid", "problem"}]}: `ope --json` (docs/cli.md).
    QJsonObject toJson() const;
};

/// Progress as the fraction of the work done (replay, then the truth run).
using OpeProgress = std::function<void(double)>;

/// Evaluates `target` on stored run `runId`. Errors: no such run, a run without slate log
/// (stored before schema 6 or with logging off), unknown core or bad parameters, a log that
/// does not replay, cancellation.
core::Result<OpeResult> checkStoredRun(const RunStore& store, qint64 runId, const OpeCore& target,
                                       const core::RecommenderRegistry& registry,
                                       const std::atomic<bool>* cancel = nullptr,
                                       const OpeProgress& progress = {});

/// Logs a fresh run of `logger` on (scenario, seed), `days` simulated days (0 = the whole
/// scenario), without storing it, then evaluates `target` on it like checkStoredRun.
core::Result<OpeResult> checkFreshRun(const Scenario& scenario, std::uint64_t seed, double days,
                                      const OpeCore& logger, const OpeCore& target,
                                      const core::RecommenderRegistry& registry,
                                      const std::atomic<bool>* cancel = nullptr,
                                      const OpeProgress& progress = {});

/// Across seeds (`ope --seeds K`): per estimator, over the seeds where it was computed, the
/// mean estimate, bias (mean error), RMSE and the share of intervals covering the truth.
QJsonObject summariseSeeds(const std::vector<OpeResult>& results);

} // namespace recoscope::sim
