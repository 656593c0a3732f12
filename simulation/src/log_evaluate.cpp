#include "recoscope/sim/log_evaluate.h"
#include "recoscope/sim/vector_state.h"

#include "log_catalogue.h"
#include "recoscope/sim/log_store.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace recoscope::sim {

core::Status parseSplit(const QString& text, EvalSpec& spec) {
    if (text == QLatin1String("leave-last-out")) {
        spec.split = EvalSpec::Split::LeaveLastOut;
        return core::Ok{};
    }
    if (text.startsWith(QLatin1String("temporal:"))) {
        bool ok = false;
        const double f = text.mid(9).toDouble(&ok);
        if (ok && f > 0.0 && f < 1.0) {
            spec.split = EvalSpec::Split::Temporal;
            spec.trainFraction = f;
            return core::Ok{};
        }
    }
    return core::Error{QStringLiteral("--split expects temporal:F with 0 < F < 1, or "
                                      "leave-last-out; got '%1'")
                           .arg(text)
                           .toStdString()};
}

core::Result<EvalResult> evaluateLog(RunStore& store, const core::RecommenderRegistry& registry,
                                     const EvalSpec& specIn) {
    EvalSpec spec = specIn;
    if (spec.k < 1 || spec.k > 1000)
        return core::Error{"k must be in [1, 1000]"};
    if (spec.targets.empty())
        spec.targets = defaultReplayTargets();
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
    bool target[core::kEventKindCount] = {};
    for (core::EventKind k : spec.targets)
        target[static_cast<int>(k)] = true;

    // Pass 1 (leave-last-out): the index, in time order, of each user's last target event.
    const auto users = static_cast<std::size_t>(log.users);
    std::vector<qint64> heldOut(users, -1);
    std::vector<std::uint32_t> targetCount(users, 0);
    if (spec.split == EvalSpec::Split::LeaveLastOut) {
        qint64 index = 0;
        if (auto st = logs.forEachEvent(log.id,
                                        [&](const LogEvent& e) {
                                            if (target[static_cast<int>(e.kind)]) {
                                                heldOut[e.user] = index;
                                                ++targetCount[e.user];
                                            }
                                            ++index;
                                            return true;
                                        });
            !st)
            return core::Error{st.error()};
        for (std::size_t u = 0; u < users; ++u)
            if (targetCount[u] < 2)
                heldOut[u] = -1; // nothing would be left to learn the user from
    }
    const qint64 cutoff =
        static_cast<qint64>(std::floor(spec.trainFraction * static_cast<double>(log.events)));

    core::ItemTable items = blankItems(static_cast<std::size_t>(log.items));
    core::UserTable population = blankUsers(users);
    auto made = registry.create(spec.recommender, spec.params,
                                core::RecommenderContext{&items, &population, nullptr, spec.seed});
    if (!made)
        return core::Error{made.error()};
    std::unique_ptr<core::Recommender> rec = std::move(made).value();

    // Pass 2: train on the training events; collect each user's held-out items.
    std::vector<std::vector<core::ItemId>> seen(users), relevant(users);
    std::vector<double> askTime(users, 0.0);
    EvalResult result;
    qint64 index = 0;
    double lastTrainTime = 0.0;
    const double first = log.firstTime;
    if (auto st = logs.forEachEvent(
            log.id,
            [&](const LogEvent& le) {
                const bool test = spec.split == EvalSpec::Split::Temporal
                                      ? index >= cutoff
                                      : index == heldOut[le.user];
                ++index;
                const double t = le.time - first;
                if (test) {
                    auto& rel = relevant[le.user];
                    if (target[static_cast<int>(le.kind)] &&
                        std::find(rel.begin(), rel.end(), le.item) == rel.end())
                        rel.push_back(le.item);
                    askTime[le.user] = t;
                    return true;
                }
                if (!items.available[le.item]) {
                    items.available[le.item] = 1;
                    items.launchTime[le.item] = t;
                    ++items.availableCount;
                }
                if (std::find(seen[le.user].begin(), seen[le.user].end(), le.item) ==
                    seen[le.user].end())
                    seen[le.user].push_back(le.item);
                rec->observe(core::Event{
                    t, le.user, le.item, le.kind, core::Surface::Home, -1, false,
                    le.kind == core::EventKind::Purchase ? static_cast<float>(le.value) : 0.0f});
                ++result.trainEvents;
                lastTrainTime = t;
                return true;
            });
        !st)
        return core::Error{st.error()};

    core::RankingMetrics metrics(spec.k, items.size());
    core::Slate slate;
    std::vector<core::ItemId> list;
    clearUpperVectorState(); // after the log reader's Qt code (vector_state.h)
    for (std::size_t u = 0; u < users; ++u) {
        if (relevant[u].empty())
            continue;
        if (seen[u].empty()) {
            ++result.skippedUsers; // never seen in training: no core can rank for them
            continue;
        }
        core::Request req;
        req.user = static_cast<core::UserId>(u);
        // Temporal: everyone is asked at the cut; leave-last-out: at the held-out moment.
        req.time = spec.split == EvalSpec::Split::Temporal ? lastTrainTime : askTime[u];
        req.k = spec.k;
        req.exclude = seen[u];
        rec->recommend(req, slate);
        list.clear();
        for (const core::SlateEntry& e : slate)
            list.push_back(e.item);
        metrics.add(list, relevant[u]);
        ++result.testUsers;
    }
    result.ranking = metrics.summary();
    const QString at = QStringLiteral("@%1").arg(spec.k);
    result.summary = {
        {QStringLiteral("log"), spec.log},
        {QStringLiteral("recommender"), QString::fromStdString(spec.recommender)},
        {QStringLiteral("split"), spec.split == EvalSpec::Split::Temporal
                                      ? QStringLiteral("temporal:%1").arg(spec.trainFraction)
                                      : QStringLiteral("leave-last-out")},
        {QStringLiteral("k"), spec.k},
        {QStringLiteral("train_events"), result.trainEvents},
        {QStringLiteral("test_users"), result.testUsers},
        {QStringLiteral("skipped_users"), result.skippedUsers},
        {QStringLiteral("hit") + at, result.ranking.hit},
        {QStringLiteral("mrr") + at, result.ranking.mrr},
        {QStringLiteral("ndcg") + at, result.ranking.ndcg},
        {QStringLiteral("recall") + at, result.ranking.recall},
        {QStringLiteral("precision") + at, result.ranking.precision},
        {QStringLiteral("item_coverage"), result.ranking.itemCoverage},
        {QStringLiteral("gini_index"), result.ranking.gini}};
    return result;
}

} // namespace recoscope::sim
