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

/// "view,purchase" -> kinds, named as core::eventKindName names them (view, click, search,
/// favourite, cart-add, cart-remove, purchase).
core::Result<std::vector<core::EventKind>> parseEventKinds(const QString& text);

} // namespace recoscope::sim
