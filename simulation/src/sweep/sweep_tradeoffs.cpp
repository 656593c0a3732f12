#include "recoscope/sim/sweep_tradeoffs.h"

#include "recoscope/core/pareto.h"
#include "recoscope/sim/sweep_plan.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <limits>

namespace recoscope::sim {

namespace {

// Runs stored before the beyond-accuracy block (or without impressions) have no long-tail
// share: NaN, so that a mean over them is unknown rather than 0.
double tailShareOf(const QJsonObject& summary) {
    const QJsonValue v = summary.value(QStringLiteral("beyond_accuracy"))
                             .toObject()
                             .value(QStringLiteral("tail_share"));
    return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

QJsonValue figure(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

} // namespace

std::vector<SweepTradeoffs> SweepTradeoffs::fromRuns(const QList<RunRecord>& runs,
                                                     const QString& file) {
    std::vector<SweepTradeoffs> sweeps;
    for (const RunRecord& r : runs) {
        QString id;
        int job = 0;
        // Cancelled or failed runs measured less than the others: not comparable.
        if (r.status != QLatin1String("finished") || !SweepPlan::parseLabel(r.label, &id, &job))
            continue;
        auto sweep = std::find_if(sweeps.begin(), sweeps.end(),
                                  [&](const SweepTradeoffs& s) { return s.sweepId == id; });
        if (sweep == sweeps.end()) {
            sweeps.push_back(SweepTradeoffs{});
            sweep = sweeps.end() - 1;
            sweep->sweepId = id;
            sweep->recommender = r.recommender;
            sweep->scenario = r.scenarioName;
        }
        const QJsonObject s = QJsonDocument::fromJson(r.summaryJson).object();
        const TradeoffRun run{file,
                              r.id,
                              job,
                              r.seed,
                              s.value(QStringLiteral("ctr")).toDouble(),
                              s.value(QStringLiteral("coverage")).toDouble(),
                              s.value(QStringLiteral("revenue")).toDouble(),
                              tailShareOf(s)};
        auto point =
            std::find_if(sweep->points.begin(), sweep->points.end(),
                         [&](const TradeoffPoint& p) { return p.paramsJson == r.paramsJson; });
        if (point == sweep->points.end()) {
            sweep->points.push_back(TradeoffPoint{});
            point = sweep->points.end() - 1;
            point->paramsJson = r.paramsJson;
        }
        point->runs.push_back(run);
    }
    for (SweepTradeoffs& s : sweeps)
        s.finish();
    return sweeps;
}

void SweepTradeoffs::finish() {
    for (TradeoffPoint& p : points) {
        std::sort(p.runs.begin(), p.runs.end(),
                  [](const TradeoffRun& a, const TradeoffRun& b) { return a.job < b.job; });
        p.ctr = p.coverage = p.revenue = p.tailShare = 0.0;
        for (const TradeoffRun& r : p.runs) {
            p.ctr += r.ctr / static_cast<double>(p.runs.size());
            p.coverage += r.coverage / static_cast<double>(p.runs.size());
            p.revenue += r.revenue / static_cast<double>(p.runs.size());
            p.tailShare += r.tailShare / static_cast<double>(p.runs.size()); // NaN stays NaN
        }
    }
    std::sort(points.begin(), points.end(), [](const TradeoffPoint& a, const TradeoffPoint& b) {
        return a.runs.front().job < b.runs.front().job;
    });
    // Name only what the sweep varies: the fixed parameters are the same on every row.
    std::vector<QJsonObject> params;
    for (const TradeoffPoint& p : points)
        params.push_back(QJsonDocument::fromJson(p.paramsJson).object());
    QStringList varying;
    if (!params.empty())
        for (const QString& key : params.front().keys())
            for (const QJsonObject& o : params)
                if (o.value(key) != params.front().value(key)) {
                    varying << key;
                    break;
                }
    std::vector<core::Objectives> objectives;
    for (std::size_t i = 0; i < points.size(); ++i) {
        QStringList parts;
        for (const QString& key : varying) {
            const QJsonValue v = params[i].value(key);
            parts << key + QLatin1Char('=') +
                         (v.isDouble() ? QString::number(v.toDouble(), 'g', 10) : v.toString());
        }
        points[i].paramsText =
            parts.isEmpty() ? QStringLiteral("(defaults)") : parts.join(QStringLiteral(", "));
        objectives.push_back({points[i].ctr, points[i].coverage, points[i].revenue});
    }
    const std::vector<bool> front = core::paretoFront(objectives);
    for (std::size_t i = 0; i < points.size(); ++i)
        points[i].pareto = front[i];
}

core::Result<std::vector<SweepTradeoffs>> SweepTradeoffs::load(const QString& path) {
    if (!QFileInfo(path).isDir()) {
        auto store = RunStore::open(path, RunStore::Mode::ReadOnly);
        if (!store)
            return core::Error{store.error()};
        auto runs = store.value()->runs();
        if (!runs)
            return core::Error{runs.error()};
        std::vector<SweepTradeoffs> sweeps = fromRuns(runs.value(), path);
        if (sweeps.empty())
            return core::Error{
                QStringLiteral("%1: no finished runs of a sweep (labelled 'sweep:ID job:I')")
                    .arg(path)
                    .toStdString()};
        // A run whose gap cannot be measured shows '-': the other columns still stand.
        for (SweepTradeoffs& s : sweeps)
            (void)s.measureGroupGaps(store.value().get());
        return sweeps;
    }
    core::Result<SweepPlan> plan = SweepPlan::load(path);
    if (!plan)
        return core::Error{plan.error()};
    QList<RunRecord> all;
    // Runs of different job files share ids: key them by position, then restore.
    std::vector<std::pair<QString, qint64>> origin;
    QList<int> missing;
    for (const SweepJob& job : plan.value().jobs()) {
        const QString db = QDir(path).filePath(SweepPlan::jobDbName(job.index));
        if (!QFileInfo::exists(db)) {
            missing << job.index;
            continue;
        }
        auto store = RunStore::open(db, RunStore::Mode::ReadOnly);
        if (!store)
            return core::Error{store.error()};
        auto runs = store.value()->runs();
        if (!runs)
            return core::Error{runs.error()};
        for (RunRecord r : runs.value())
            if (r.label == SweepPlan::label(plan.value().sweepId(), job.index)) {
                origin.emplace_back(db, r.id);
                r.id = static_cast<qint64>(origin.size() - 1);
                all.append(r);
            }
    }
    std::vector<SweepTradeoffs> sweeps = fromRuns(all, QString());
    if (sweeps.empty()) {
        sweeps.push_back(SweepTradeoffs{});
        sweeps.back().sweepId = plan.value().sweepId();
        sweeps.back().recommender = QString::fromStdString(plan.value().recommender());
        sweeps.back().scenario = plan.value().scenario().name;
    }
    for (SweepTradeoffs& s : sweeps)
        for (TradeoffPoint& p : s.points)
            for (TradeoffRun& r : p.runs) {
                const auto& [file, id] = origin.at(static_cast<std::size_t>(r.runId));
                r.file = file;
                r.runId = id;
            }
    sweeps.front().missingJobs = missing;
    for (SweepTradeoffs& s : sweeps)
        (void)s.measureGroupGaps(); // as above
    return sweeps;
}

QJsonObject SweepTradeoffs::toJson() const {
    QJsonArray list;
    for (const TradeoffPoint& p : points) {
        QJsonArray runs;
        for (const TradeoffRun& r : p.runs)
            runs.append(QJsonObject{{QStringLiteral("file"), r.file},
                                    {QStringLiteral("run"), r.runId},
                                    {QStringLiteral("job"), r.job},
                                    {QStringLiteral("seed"), static_cast<double>(r.seed)},
                                    {QStringLiteral("ctr"), r.ctr},
                                    {QStringLiteral("coverage"), r.coverage},
                                    {QStringLiteral("revenue"), r.revenue},
                                    {QStringLiteral("tail_share"), figure(r.tailShare)},
                                    {QStringLiteral("group_ctr_gap"), figure(r.groupCtrGap)}});
        list.append(
            QJsonObject{{QStringLiteral("params"), QJsonDocument::fromJson(p.paramsJson).object()},
                        {QStringLiteral("params_text"), p.paramsText},
                        {QStringLiteral("ctr"), p.ctr},
                        {QStringLiteral("coverage"), p.coverage},
                        {QStringLiteral("revenue"), p.revenue},
                        {QStringLiteral("tail_share"), figure(p.tailShare)},
                        {QStringLiteral("group_ctr_gap"), figure(p.groupCtrGap)},
                        {QStringLiteral("pareto"), p.pareto},
                        {QStringLiteral("runs"), runs}});
    }
    QJsonArray missing;
    for (int j : missingJobs)
        missing.append(j);
    return QJsonObject{{QStringLiteral("sweep_id"), sweepId},
                       {QStringLiteral("recommender"), recommender},
                       {QStringLiteral("scenario"), scenario},
                       {QStringLiteral("missing_jobs"), missing},
                       {QStringLiteral("points"), list}};
}

} // namespace recoscope::sim
