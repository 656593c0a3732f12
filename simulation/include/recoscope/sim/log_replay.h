#pragma once
// Prequential replay of an imported log (docs/metrics.md, "Prequential replay"): events
// in time order; for each event of a target kind, first the core ranks (recommend, k
// items), the rank of the item the user actually chose is scored, then the core learns
// from the event (observe). Events whose user or item had never been seen before cannot
// be ranked by any core: they are counted apart and, unless includeUnseen, left out of
// the ranking metrics. Items become rankable (available) from their first event on.
//
// The replay is stored as a run (scenario name "log:NAME") with its ranking metrics per
// time bucket, so the history and charts show it like a simulated run; --export-trec
// writes trec_eval's qrels and run files for an independent check of the figures.
// Synchronous; the caller's thread drives the core.

#include "recoscope/core/event.h"
#include "recoscope/core/ranking_metrics.h"
#include "recoscope/core/registry.h"
#include "recoscope/core/result.h"

#include <QJsonObject>
#include <QString>

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace recoscope::sim {

class RunStore;

struct ReplaySpec {
    QString log;                               ///< name of an imported log
    std::string recommender;                   ///< registry id
    std::map<std::string, std::string> params; ///< validated against the schema
    int k = 10;                                ///< list length, 1 .. 1000
    /// Kinds that are scored (all are learnt from). Empty = every kind but search and
    /// cart removal.
    std::vector<core::EventKind> targets;
    bool excludeSeen = false;   ///< never recommend what the user already interacted with
    bool includeUnseen = false; ///< score unseen-user / unseen-item events too (as misses)
    std::uint64_t seed = 1;     ///< the core's own random stream
    int buckets = 50;           ///< time buckets of the metrics over time
    bool store = true;          ///< record the replay as a run
    QString trecDir;            ///< write qrels and run files there (empty: no export)
    QString label;
    bool keepPerEvent = false; ///< fill ReplayResult::perEvent* (paired comparisons)
};

struct ReplayResult {
    qint64 runId = 0; ///< 0 when not stored
    core::RankingSummary ranking;
    qint64 events = 0, scored = 0, unseenUser = 0, unseenItem = 0;
    double wallSeconds = 0, eventsPerSecond = 0, latencyP50us = 0, latencyP99us = 0;
    /// Every figure, with the resolved spec (targets filled in): `replay --json`.
    QJsonObject summary;
    /// With keepPerEvent: hit and NDCG of every scored event, in replay order. The
    /// scored events depend on the log and the spec only, never on the core, so two
    /// cores' vectors pair event by event.
    std::vector<float> perEventHit, perEventNdcg;
    QJsonObject toJson(const ReplaySpec& spec) const;
};

/// Runs the replay; `cancel` (may be null) stops it between events, keeping what was
/// scored. Errors: unknown log or core, a core that needs the simulator's truth, store
/// or export failures (naming the file).
core::Result<ReplayResult> replayLog(RunStore& store, const core::RecommenderRegistry& registry,
                                     const ReplaySpec& spec,
                                     const std::atomic<bool>* cancel = nullptr,
                                     const std::function<void(double)>& progress = {});

/// A closed time bucket of a replay, for live charts: the ranking figures of every core
/// over the queries scored in the bucket (coverage and Gini cumulative). A core with
/// queries == 0 scored nothing in it.
struct ReplayBucket {
    double end = 0.0;      ///< seconds since the log's first event
    double fraction = 0.0; ///< of the log's events replayed so far
    qint64 events = 0;     ///< replayed so far
    std::vector<core::RankingSummary> cores;
    std::vector<qint64> runIds; ///< 0 where not stored
};

/// Several cores on the same events in one pass over the log (the workbench's live
/// replay, `replay --recommenders`): for each event every core ranks, is scored and
/// learns before the next event, so each core sees exactly what it would have seen
/// alone and per-event results pair. The specs must agree on log, k, targets,
/// excludeSeen, includeUnseen and buckets (an error names the first that does not);
/// recommender, params, seed, label, store, trecDir and keepPerEvent are per core.
/// `onBucket` is called, on the caller's thread, as each time bucket closes; `progress`
/// about every 4,096 events (a caller may block in it to pause). With several cores,
/// each core's wallSeconds is the pass's shared work plus the time inside its own calls.
core::Result<std::vector<ReplayResult>>
replayLogs(RunStore& store, const core::RecommenderRegistry& registry,
           const std::vector<ReplaySpec>& specs, const std::atomic<bool>* cancel = nullptr,
           const std::function<void(double)>& progress = {},
           const std::function<void(const ReplayBucket&)>& onBucket = {});

/// The kinds scored when none are named: every kind but search and cart removal.
inline std::vector<core::EventKind> defaultReplayTargets() {
    return {core::EventKind::View, core::EventKind::Click, core::EventKind::Favourite,
            core::EventKind::CartAdd, core::EventKind::Purchase};
}

/// "view,purchase" -> kinds, named as core::eventKindName names them (view, click, search,
/// favourite, cart-add, cart-remove, purchase).
core::Result<std::vector<core::EventKind>> parseEventKinds(const QString& text);

} // namespace recoscope::sim
