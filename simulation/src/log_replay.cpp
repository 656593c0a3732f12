#include "recoscope/sim/log_replay.h"
#include "recoscope/sim/vector_state.h"

#include "log_catalogue.h"

#include "recoscope/core/latency_histogram.h"
#include "recoscope/core/shop.h"
#include "recoscope/sim/log_store.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace recoscope::sim {

namespace {

// trec_eval splits on white space: ids are percent-encoded where they hold anything but
// printable ASCII other than '%'.
QByteArray trecId(const QByteArray& external) {
    return external.toPercentEncoding(QByteArrayLiteral("!\"#$&'()*+,-./:;<=>?@[\\]^_`{|}~"));
}

} // namespace

core::Result<std::vector<core::EventKind>> parseEventKinds(const QString& text) {
    std::vector<core::EventKind> out;
    for (const QString& name : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString n = name.trimmed();
        const std::optional<core::EventKind> kind = core::eventKindFromName(n.toStdString());
        if (!kind) {
            QStringList known;
            for (int k = 0; k < core::kEventKindCount; ++k)
                known << kindName(static_cast<core::EventKind>(k));
            return core::Error{QStringLiteral("unknown event kind '%1'; known: %2")
                                   .arg(n, known.join(QStringLiteral(", ")))
                                   .toStdString()};
        }
        out.push_back(*kind);
    }
    if (out.empty())
        return core::Error{"no event kinds given"};
    return out;
}

QJsonObject ReplayResult::toJson(const ReplaySpec& spec) const {
    QJsonArray targets;
    for (core::EventKind k : spec.targets)
        targets.append(kindName(k));
    const QString at = QStringLiteral("@%1").arg(spec.k);
    return {{QStringLiteral("run_id"), runId},
            {QStringLiteral("log"), spec.log},
            {QStringLiteral("recommender"), QString::fromStdString(spec.recommender)},
            {QStringLiteral("k"), spec.k},
            {QStringLiteral("targets"), targets},
            {QStringLiteral("exclude_seen"), spec.excludeSeen},
            {QStringLiteral("include_unseen"), spec.includeUnseen},
            {QStringLiteral("events"), events},
            {QStringLiteral("scored"), scored},
            {QStringLiteral("unseen_user_events"), unseenUser},
            {QStringLiteral("unseen_item_events"), unseenItem},
            {QStringLiteral("hit") + at, ranking.hit},
            {QStringLiteral("mrr") + at, ranking.mrr},
            {QStringLiteral("ndcg") + at, ranking.ndcg},
            {QStringLiteral("recall") + at, ranking.recall},
            {QStringLiteral("precision") + at, ranking.precision},
            {QStringLiteral("item_coverage"), ranking.itemCoverage},
            {QStringLiteral("gini_index"), ranking.gini},
            {QStringLiteral("events_per_sec"), eventsPerSecond},
            {QStringLiteral("wall_s"), wallSeconds},
            {QStringLiteral("latency_us"), QJsonObject{{QStringLiteral("p50"), latencyP50us},
                                                       {QStringLiteral("p99"), latencyP99us}}}};
}

namespace {

// One core of a replay: its learner and everything scored for it.
struct CoreRun {
    const ReplaySpec* spec = nullptr;
    std::unique_ptr<core::Recommender> rec;
    core::RankingMetrics metrics{1, 0};
    core::LatencyHistogram latency;
    std::vector<MetricRow> rows;
    ReplayResult result;
    QFile qrels, runFile;
    double coreSeconds = 0; ///< inside this core's calls (several cores in one pass)
};

// The fields that must agree for several cores to be scored on the same events.
QString sharedSpecMismatch(const ReplaySpec& a, const ReplaySpec& b) {
    if (a.log != b.log)
        return QStringLiteral("log");
    if (a.k != b.k)
        return QStringLiteral("k");
    if (a.targets != b.targets)
        return QStringLiteral("targets");
    if (a.excludeSeen != b.excludeSeen)
        return QStringLiteral("exclude-seen");
    if (a.includeUnseen != b.includeUnseen)
        return QStringLiteral("include-unseen");
    if (a.buckets != b.buckets)
        return QStringLiteral("buckets");
    return {};
}

core::Status openTrec(CoreRun& c) {
    const QString dir = c.spec->trecDir;
    QDir().mkpath(dir);
    c.qrels.setFileName(QDir(dir).filePath(QStringLiteral("qrels")));
    c.runFile.setFileName(QDir(dir).filePath(QStringLiteral("run")));
    if (!c.qrels.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !c.runFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return core::Error{
            QStringLiteral("%1: cannot write the trec_eval files").arg(dir).toStdString()};
    return core::Ok{};
}

core::Result<qint64> beginReplayRun(RunStore& store, const core::RecommenderEntry& entry,
                                    const ReplaySpec& spec, const LogInfo& log) {
    RunInfo ri;
    ri.scenarioName = QStringLiteral("log:") + spec.log;
    ri.scenarioJson = QJsonDocument(QJsonObject{{QStringLiteral("log"), spec.log},
                                                {QStringLiteral("log_id"), log.id},
                                                {QStringLiteral("k"), spec.k}})
                          .toJson(QJsonDocument::Compact);
    ri.scenarioHash = QStringLiteral("log:%1").arg(log.id);
    ri.seed = spec.seed;
    ri.recommender = QString::fromStdString(spec.recommender);
    auto resolved = core::resolveParams(entry.params, spec.params);
    ri.paramsJson = resolved ? QByteArray::fromStdString(resolved.value().toJson()) : "{}";
    ri.buildVersion = buildVersion();
    ri.label = spec.label;
    return store.beginRun(ri);
}

} // namespace

core::Result<ReplayResult> replayLog(RunStore& store, const core::RecommenderRegistry& registry,
                                     const ReplaySpec& spec, const std::atomic<bool>* cancel,
                                     const std::function<void(double)>& progress) {
    auto all = replayLogs(store, registry, {spec}, cancel, progress);
    if (!all)
        return core::Error{all.error()};
    return std::move(all.value().front());
}

core::Result<std::vector<ReplayResult>>
replayLogs(RunStore& store, const core::RecommenderRegistry& registry,
           const std::vector<ReplaySpec>& specsIn, const std::atomic<bool>* cancel,
           const std::function<void(double)>& progress,
           const std::function<void(const ReplayBucket&)>& onBucket) {
    if (specsIn.empty())
        return core::Error{"no recommender to replay"};
    std::vector<ReplaySpec> specs = specsIn;
    for (ReplaySpec& spec : specs) {
        if (spec.k < 1 || spec.k > 1000)
            return core::Error{
                QStringLiteral("k must be in [1, 1000], got %1").arg(spec.k).toStdString()};
        if (spec.buckets < 1 || spec.buckets > 100000)
            return core::Error{QStringLiteral("buckets must be in [1, 100000], got %1")
                                   .arg(spec.buckets)
                                   .toStdString()};
        if (spec.targets.empty())
            spec.targets = defaultReplayTargets();
        if (const QString field = sharedSpecMismatch(specs.front(), spec); !field.isEmpty())
            return core::Error{
                ("cores replayed together must share the " + field + " setting").toStdString()};
    }
    const ReplaySpec& shared = specs.front();
    std::vector<const core::RecommenderEntry*> entries;
    for (const ReplaySpec& spec : specs) {
        const core::RecommenderEntry* entry = registry.find(spec.recommender);
        if (!entry)
            return core::Error{registry.unknownIdMessage(spec.recommender)};
        if (entry->needsOracle)
            return core::Error{
                "'" + spec.recommender +
                "' needs the simulator's hidden truth, which a real log does not have"};
        entries.push_back(entry);
    }
    LogStore logs(store);
    auto info = logs.log(shared.log);
    if (!info)
        return core::Error{info.error()};
    const LogInfo& log = info.value();
    core::ItemTable items = blankItems(static_cast<std::size_t>(log.items));
    core::UserTable users = blankUsers(static_cast<std::size_t>(log.users));

    std::vector<std::unique_ptr<CoreRun>> runs;
    std::vector<QByteArray> external;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        auto run = std::make_unique<CoreRun>();
        run->spec = &specs[i];
        auto made =
            registry.create(specs[i].recommender, specs[i].params,
                            core::RecommenderContext{&items, &users, nullptr, specs[i].seed});
        if (!made)
            return core::Error{made.error()};
        run->rec = std::move(made).value();
        run->metrics = core::RankingMetrics(shared.k, items.size());
        if (!specs[i].trecDir.isEmpty()) {
            if (external.empty()) {
                auto ids = logs.externalItems(log.id);
                if (!ids)
                    return core::Error{ids.error()};
                external = std::move(ids).value();
            }
            if (auto st = openTrec(*run); !st)
                return core::Error{st.error()};
        }
        runs.push_back(std::move(run));
    }
    // Runs are begun only once every core was made: a bad parameter leaves no empty run.
    for (std::size_t i = 0; i < runs.size(); ++i)
        if (specs[i].store) {
            auto id = beginReplayRun(store, *entries[i], specs[i], log);
            if (!id)
                return core::Error{id.error()};
            runs[i]->result.runId = id.value();
        }

    std::vector<std::uint8_t> userSeen(users.size(), 0);
    std::vector<std::vector<core::ItemId>> seenBy(shared.excludeSeen ? users.size() : 0);
    bool target[core::kEventKindCount] = {};
    for (core::EventKind k : shared.targets)
        target[static_cast<int>(k)] = true;
    const double first = log.firstTime;
    const double width = std::max(1.0, (log.lastTime - first) / shared.buckets);
    double bucketEnd = width;
    const QString at = QStringLiteral("@%1").arg(shared.k);
    const std::string hitName = ("hit" + at).toStdString(), mrrName = ("mrr" + at).toStdString(),
                      ndcgName = ("ndcg" + at).toStdString();
    qint64 events = 0, scored = 0, unseenUser = 0, unseenItem = 0;
    ReplayBucket bucket;
    bucket.cores.resize(runs.size());
    auto closeBucket = [&](double end) {
        bool any = false;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            CoreRun& c = *runs[i];
            const core::RankingSummary b = c.metrics.takeBucket();
            bucket.cores[i] = b;
            if (b.queries == 0)
                continue;
            any = true;
            c.rows.push_back({end, hitName, b.hit});
            c.rows.push_back({end, mrrName, b.mrr});
            c.rows.push_back({end, ndcgName, b.ndcg});
            c.rows.push_back({end, "item_coverage", b.itemCoverage});
            c.rows.push_back({end, "gini_index", b.gini});
            c.rows.push_back({end, "scored", static_cast<double>(b.queries)});
        }
        if (onBucket && any) {
            bucket.end = end;
            bucket.events = events;
            bucket.fraction =
                log.events ? static_cast<double>(events) / static_cast<double>(log.events) : 1.0;
            bucket.runIds.clear();
            for (const auto& c : runs)
                bucket.runIds.push_back(c->result.runId);
            onBucket(bucket);
        }
    };

    // With several cores in one pass, each core's speed is the pass's shared work (reading,
    // bookkeeping) plus its own calls: the throughput it would have had alone.
    const bool timeCores = runs.size() > 1;
    core::Slate slate;
    std::vector<core::ItemId> list;
    const auto wallStart = std::chrono::steady_clock::now();
    bool stopped = false;
    core::Status walked = logs.forEachEvent(log.id, [&](const LogEvent& le) {
        clearUpperVectorState(); // the log reader's Qt code may leave it dirty (vector_state.h)
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            stopped = true;
            return false;
        }
        const double t = le.time - first;
        while (t >= bucketEnd) {
            closeBucket(bucketEnd);
            bucketEnd += width;
        }
        ++events;
        const bool newUser = !userSeen[le.user];
        const bool newItem = !items.available[le.item];
        if (target[static_cast<int>(le.kind)]) {
            unseenUser += newUser;
            unseenItem += newItem;
            if (shared.includeUnseen || (!newUser && !newItem)) {
                ++scored;
                core::Request req;
                req.user = le.user;
                req.time = t;
                req.k = shared.k;
                if (shared.excludeSeen)
                    req.exclude = seenBy[le.user];
                for (auto& run : runs) {
                    CoreRun& c = *run;
                    const auto s = std::chrono::steady_clock::now();
                    c.rec->recommend(req, slate);
                    const auto ranked = std::chrono::steady_clock::now();
                    c.latency.record(static_cast<std::uint64_t>(
                        std::chrono::duration_cast<std::chrono::nanoseconds>(ranked - s).count()));
                    if (timeCores)
                        c.coreSeconds += std::chrono::duration<double>(ranked - s).count();
                    list.clear();
                    for (const core::SlateEntry& e : slate)
                        list.push_back(e.item);
                    const int rank = core::RankingMetrics::rankOf(list, le.item);
                    c.metrics.add(list, rank);
                    if (c.spec->keepPerEvent) {
                        const bool hit = rank >= 1 && rank <= shared.k;
                        c.result.perEventHit.push_back(hit ? 1.0f : 0.0f);
                        c.result.perEventNdcg.push_back(
                            hit ? static_cast<float>(1.0 / std::log2(rank + 1.0)) : 0.0f);
                    }
                    // Bandits learn as if the list had been shown and the chosen item
                    // clicked when it was in it (docs/metrics.md says why this favours them).
                    const auto l = timeCores ? std::chrono::steady_clock::now() : ranked;
                    c.rec->observeSlate(req, slate, rank > 0 ? rank - 1 : -1);
                    if (timeCores)
                        c.coreSeconds +=
                            std::chrono::duration<double>(std::chrono::steady_clock::now() - l)
                                .count();
                    if (c.qrels.isOpen()) {
                        const QByteArray q = QByteArray::number(scored);
                        c.qrels.write(q + " 0 " + trecId(external[le.item]) + " 1\n");
                        for (std::size_t r = 0; r < list.size(); ++r)
                            c.runFile.write(q + " Q0 " + trecId(external[list[r]]) + ' ' +
                                            QByteArray::number(r + 1) + ' ' +
                                            QByteArray::number(shared.k - static_cast<int>(r)) +
                                            " recoscope\n");
                    }
                }
            }
        }
        core::Event e{t,
                      le.user,
                      le.item,
                      le.kind,
                      core::Surface::Home,
                      -1,
                      false,
                      le.kind == core::EventKind::Purchase ? static_cast<float>(le.value) : 0.0f};
        userSeen[le.user] = 1;
        if (newItem) {
            items.available[le.item] = 1;
            items.launchTime[le.item] = t;
            ++items.availableCount;
        }
        if (shared.excludeSeen && std::find(seenBy[le.user].begin(), seenBy[le.user].end(),
                                            le.item) == seenBy[le.user].end())
            seenBy[le.user].push_back(le.item);
        for (auto& run : runs) {
            if (!timeCores) {
                run->rec->observe(e);
                continue;
            }
            const auto s = std::chrono::steady_clock::now();
            run->rec->observe(e);
            run->coreSeconds +=
                std::chrono::duration<double>(std::chrono::steady_clock::now() - s).count();
        }
        if (progress && (events & 0xFFF) == 0)
            progress(static_cast<double>(events) / static_cast<double>(log.events));
        return true;
    });
    if (!walked)
        return core::Error{walked.error()};
    closeBucket(bucketEnd);
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    double allCores = 0;
    for (const auto& c : runs)
        allCores += c->coreSeconds;
    const double sharedSeconds = std::max(0.0, wall - allCores);
    std::vector<ReplayResult> out;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        CoreRun& c = *runs[i];
        ReplayResult& r = c.result;
        r.events = events;
        r.scored = scored;
        r.unseenUser = unseenUser;
        r.unseenItem = unseenItem;
        r.wallSeconds = timeCores ? sharedSeconds + c.coreSeconds : wall;
        r.eventsPerSecond = r.wallSeconds > 0 ? static_cast<double>(events) / r.wallSeconds : 0;
        r.ranking = c.metrics.summary();
        r.latencyP50us = c.latency.quantile(0.5) / 1000.0;
        r.latencyP99us = c.latency.quantile(0.99) / 1000.0;
        r.summary = r.toJson(specs[i]);
        if (c.qrels.isOpen() && (!c.qrels.flush() || !c.runFile.flush()))
            return core::Error{QStringLiteral("%1: cannot write the trec_eval files")
                                   .arg(specs[i].trecDir)
                                   .toStdString()};
        if (r.runId) {
            if (auto st = store.appendMetrics(r.runId, {}, c.rows); !st)
                return core::Error{st.error()};
            const QByteArray summary = QJsonDocument(r.summary).toJson(QJsonDocument::Compact);
            if (auto st = store.finishRun(
                    r.runId, stopped ? QStringLiteral("cancelled") : QStringLiteral("finished"),
                    summary);
                !st)
                return core::Error{st.error()};
        }
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace recoscope::sim
