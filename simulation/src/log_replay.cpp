#include "recoscope/sim/log_replay.h"

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

core::Result<ReplayResult> replayLog(RunStore& store, const core::RecommenderRegistry& registry,
                                     const ReplaySpec& specIn, const std::atomic<bool>* cancel,
                                     const std::function<void(double)>& progress) {
    ReplaySpec spec = specIn;
    if (spec.k < 1 || spec.k > 1000)
        return core::Error{
            QStringLiteral("k must be in [1, 1000], got %1").arg(spec.k).toStdString()};
    if (spec.targets.empty())
        spec.targets = defaultTargetKinds();
    const core::RecommenderEntry* entry = registry.find(spec.recommender);
    if (!entry)
        return core::Error{registry.unknownIdMessage(spec.recommender)};
    if (entry->needsOracle)
        return core::Error{"'" + spec.recommender +
                           "' needs the simulator's hidden truth, which a real log does not have"};
    LogStore logs(store);
    auto info = logs.log(spec.log);
    if (!info)
        return core::Error{info.error()};
    const LogInfo& log = info.value();
    core::ItemTable items = blankItems(static_cast<std::size_t>(log.items));
    core::UserTable users = blankUsers(static_cast<std::size_t>(log.users));
    auto made = registry.create(spec.recommender, spec.params,
                                core::RecommenderContext{&items, &users, nullptr, spec.seed});
    if (!made)
        return core::Error{made.error()};
    std::unique_ptr<core::Recommender> rec = std::move(made).value();

    std::vector<QByteArray> external;
    QFile qrels, runFile;
    if (!spec.trecDir.isEmpty()) {
        auto ids = logs.externalItems(log.id);
        if (!ids)
            return core::Error{ids.error()};
        external = std::move(ids).value();
        QDir().mkpath(spec.trecDir);
        qrels.setFileName(QDir(spec.trecDir).filePath(QStringLiteral("qrels")));
        runFile.setFileName(QDir(spec.trecDir).filePath(QStringLiteral("run")));
        if (!qrels.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            !runFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return core::Error{QStringLiteral("%1: cannot write the trec_eval files")
                                   .arg(spec.trecDir)
                                   .toStdString()};
    }

    qint64 runId = 0;
    if (spec.store) {
        RunInfo ri;
        ri.scenarioName = QStringLiteral("log:") + spec.log;
        ri.scenarioJson = QJsonDocument(QJsonObject{{QStringLiteral("log"), spec.log},
                                                    {QStringLiteral("log_id"), log.id},
                                                    {QStringLiteral("k"), spec.k}})
                              .toJson(QJsonDocument::Compact);
        ri.scenarioHash = QStringLiteral("log:%1").arg(log.id);
        ri.seed = spec.seed;
        ri.recommender = QString::fromStdString(spec.recommender);
        auto resolved = core::resolveParams(entry->params, spec.params);
        ri.paramsJson = resolved ? QByteArray::fromStdString(resolved.value().toJson()) : "{}";
        ri.buildVersion = buildVersion();
        ri.label = spec.label;
        auto id = store.beginRun(ri);
        if (!id)
            return core::Error{id.error()};
        runId = id.value();
    }

    ReplayResult result;
    result.runId = runId;
    core::RankingMetrics metrics(spec.k, items.size());
    core::LatencyHistogram latency;
    std::vector<std::uint8_t> userSeen(users.size(), 0);
    std::vector<std::vector<core::ItemId>> seenBy(spec.excludeSeen ? users.size() : 0);
    bool target[core::kEventKindCount] = {};
    for (core::EventKind k : spec.targets)
        target[static_cast<int>(k)] = true;
    const double first = log.firstTime;
    const double width = std::max(1.0, (log.lastTime - first) / std::max(1, spec.buckets));
    double bucketEnd = width;
    std::vector<MetricRow> rows;
    const QString at = QStringLiteral("@%1").arg(spec.k);
    auto closeBucket = [&](double end) {
        const core::RankingSummary b = metrics.takeBucket();
        if (b.queries == 0)
            return;
        rows.push_back({end, ("hit" + at).toStdString(), b.hit});
        rows.push_back({end, ("mrr" + at).toStdString(), b.mrr});
        rows.push_back({end, ("ndcg" + at).toStdString(), b.ndcg});
        rows.push_back({end, "item_coverage", b.itemCoverage});
        rows.push_back({end, "gini_index", b.gini});
        rows.push_back({end, "scored", static_cast<double>(b.queries)});
    };

    core::Slate slate;
    std::vector<core::ItemId> list;
    const auto wallStart = std::chrono::steady_clock::now();
    bool stopped = false;
    core::Status walked = logs.forEachEvent(log.id, [&](const LogEvent& le) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            stopped = true;
            return false;
        }
        const double t = le.time - first;
        while (t >= bucketEnd) {
            closeBucket(bucketEnd);
            bucketEnd += width;
        }
        ++result.events;
        const bool newUser = !userSeen[le.user];
        const bool newItem = !items.available[le.item];
        if (target[static_cast<int>(le.kind)]) {
            result.unseenUser += newUser;
            result.unseenItem += newItem;
            if (spec.includeUnseen || (!newUser && !newItem)) {
                core::Request req;
                req.user = le.user;
                req.time = t;
                req.k = spec.k;
                if (spec.excludeSeen)
                    req.exclude = seenBy[le.user];
                const auto s = std::chrono::steady_clock::now();
                rec->recommend(req, slate);
                latency.record(
                    static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                                   std::chrono::steady_clock::now() - s)
                                                   .count()));
                list.clear();
                for (const core::SlateEntry& e : slate)
                    list.push_back(e.item);
                const int rank = core::RankingMetrics::rankOf(list, le.item);
                metrics.add(list, rank);
                ++result.scored;
                if (spec.keepPerEvent) {
                    const bool hit = rank >= 1 && rank <= spec.k;
                    result.perEventHit.push_back(hit ? 1.0f : 0.0f);
                    result.perEventNdcg.push_back(
                        hit ? static_cast<float>(1.0 / std::log2(rank + 1.0)) : 0.0f);
                }
                // Bandits learn as if the list had been shown and the chosen item clicked
                // when it was in it (docs/metrics.md says why this favours them).
                rec->observeSlate(req, slate, rank > 0 ? rank - 1 : -1);
                if (qrels.isOpen()) {
                    const QByteArray q = QByteArray::number(result.scored);
                    qrels.write(q + " 0 " + trecId(external[le.item]) + " 1\n");
                    for (std::size_t r = 0; r < list.size(); ++r)
                        runFile.write(q + " Q0 " + trecId(external[list[r]]) + ' ' +
                                      QByteArray::number(r + 1) + ' ' +
                                      QByteArray::number(spec.k - static_cast<int>(r)) +
                                      " recoscope\n");
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
        if (spec.excludeSeen && std::find(seenBy[le.user].begin(), seenBy[le.user].end(),
                                          le.item) == seenBy[le.user].end())
            seenBy[le.user].push_back(le.item);
        rec->observe(e);
        if (progress && (result.events & 0x3FFF) == 0)
            progress(static_cast<double>(result.events) / static_cast<double>(log.events));
        return true;
    });
    if (!walked)
        return core::Error{walked.error()};
    closeBucket(bucketEnd);
    result.wallSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    result.eventsPerSecond =
        result.wallSeconds > 0 ? static_cast<double>(result.events) / result.wallSeconds : 0;
    result.ranking = metrics.summary();
    result.latencyP50us = latency.quantile(0.5) / 1000.0;
    result.latencyP99us = latency.quantile(0.99) / 1000.0;
    result.summary = result.toJson(spec);
    if (qrels.isOpen() && (!qrels.flush() || !runFile.flush()))
        return core::Error{
            QStringLiteral("%1: cannot write the trec_eval files").arg(spec.trecDir).toStdString()};
    if (runId) {
        if (auto st = store.appendMetrics(runId, {}, rows); !st)
            return core::Error{st.error()};
        const QByteArray summary = QJsonDocument(result.summary).toJson(QJsonDocument::Compact);
        if (auto st = store.finishRun(
                runId, stopped ? QStringLiteral("cancelled") : QStringLiteral("finished"), summary);
            !st)
            return core::Error{st.error()};
    }
    return result;
}

} // namespace recoscope::sim
