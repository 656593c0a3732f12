#pragma once
// Offline split evaluation of an imported log (docs/metrics.md, "Offline split
// evaluation"): the core learns every training event in time order, then ranks once for
// each held-out user, excluding the items that user touched in training, and the list
// is scored against the user's held-out items (several relevant items per user).
//   temporal:F      the first F of the events (by count, in time order) train; the
//                   rest are held out
//   leave-last-out  each user's last event of a target kind is held out (users with
//                   only one such event are not evaluated); everything else trains
// Users with no training event cannot be ranked: they are counted apart.

#include "recoscope/core/ranking_metrics.h"
#include "recoscope/core/registry.h"
#include "recoscope/core/result.h"

#include <QJsonObject>
#include <QString>

#include <map>
#include <string>
#include <vector>

namespace recoscope::sim {

class RunStore;

struct EvalSpec {
    QString log;
    std::string recommender;
    std::map<std::string, std::string> params;
    int k = 10;
    /// Kinds whose items count as held out (all kinds train). Empty = every kind but
    /// search and cart removal.
    std::vector<core::EventKind> targets;
    enum class Split { Temporal, LeaveLastOut } split = Split::Temporal;
    double trainFraction = 0.8; ///< temporal only, in (0, 1)
    std::uint64_t seed = 1;
};

struct EvalResult {
    core::RankingSummary ranking;
    qint64 trainEvents = 0, testUsers = 0, skippedUsers = 0;
    QJsonObject summary; ///< `evaluate --json`
};

/// "temporal:0.8" or "leave-last-out" into the spec's split fields.
core::Status parseSplit(const QString& text, EvalSpec& spec);

core::Result<EvalResult> evaluateLog(RunStore& store, const core::RecommenderRegistry& registry,
                                     const EvalSpec& spec);

} // namespace recoscope::sim
