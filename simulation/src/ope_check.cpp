#include "recoscope/sim/ope_check.h"

#include "recoscope/sim/engine.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/seeds.h"
#include "recoscope/sim/slate_log.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <cstring>

namespace recoscope::sim {

namespace {

// The target's random stream in the replay: independent of the logger's. With the same
// stream, a stochastic target (random beside random) would repeat the logger's draws, every
// position would match and IPS would multiply the logged CTR by 1 / propensity.
constexpr std::uint64_t kTargetStream = streamId("ope-target");

// The logging core with the target beside it: both learn from the same events and logged
// slates, both are asked at every request; only the logger's slate is shown.
class ShadowPair final : public core::Recommender {
public:
    ShadowPair(std::unique_ptr<core::Recommender> logger, std::unique_ptr<core::Recommender> target)
        : m_logger(std::move(logger)), m_target(std::move(target)) {}
    void observe(const core::Event& e) override {
        m_logger->observe(e);
        m_target->observe(e);
    }
    void observeSlate(const core::Request& r, const core::Slate& s, int clicked) override {
        m_logger->observeSlate(r, s, clicked);
        m_target->observeSlate(r, s, clicked);
    }
    void recommend(const core::Request& r, core::Slate& out) override {
        m_target->recommend(r, m_targetSlate);
        m_logger->recommend(r, out);
    }
    core::Explanation explain(const core::Request& r,
                              const core::SlateEntry& entry) const override {
        return m_logger->explain(r, entry);
    }
    const core::Slate& targetSlate() const { return m_targetSlate; }

private:
    std::unique_ptr<core::Recommender> m_logger, m_target;
    core::Slate m_targetSlate;
};

core::Result<core::ParamValues> resolve(const core::RecommenderRegistry& registry,
                                        const OpeCore& c) {
    const core::RecommenderEntry* entry = registry.find(c.id);
    if (!entry)
        return core::Error{registry.unknownIdMessage(c.id)};
    core::Result<core::ParamValues> p = core::resolveParams(entry->params, c.params);
    if (!p)
        return core::Error{"core '" + c.id + "': " + p.error()};
    return p;
}

OpeCore resolved(const OpeCore& c, const core::ParamValues& values) {
    OpeCore out{c.id, {}};
    for (const auto& [key, value] : values.all())
        out.params[key] = core::formatParamValue(value);
    return out;
}

bool samePropensity(float a, float b) {
    return a == b || (std::isnan(a) && std::isnan(b));
}

const core::Error kCancelled{"cancelled"};

struct Replay {
    std::vector<OpeSlate> log;
    double lastTime = 0.0;
    OpeCore logger, target;
};

// Simulates the logging run again with the target beside the logger. `stored` (may be
// empty) holds the stored log to check slate by slate and to complete with the target's
// answers; otherwise the log is collected, until `stopTime` (seconds, 0 = the end).
core::Result<Replay> replay(const Scenario& scenario, std::uint64_t seed, double horizonDays,
                            const OpeCore& logger, const OpeCore& target,
                            const core::RecommenderRegistry& registry, std::vector<OpeSlate> stored,
                            double stopTime, const std::atomic<bool>* cancel,
                            const OpeProgress& progress) {
    core::Result<core::ParamValues> lp = resolve(registry, logger);
    if (!lp)
        return core::Error{lp.error()};
    core::Result<core::ParamValues> tp = resolve(registry, target);
    if (!tp)
        return core::Error{tp.error()};
    Engine engine(scenario, seed, horizonDays);
    const core::RecommenderContext ctx = engine.recommenderContext();
    core::RecommenderContext targetCtx = ctx;
    targetCtx.seed = mix64(ctx.seed ^ kTargetStream);
    auto l = registry.create(logger.id, lp.value(), ctx);
    if (!l)
        return core::Error{l.error()};
    auto t = registry.create(target.id, tp.value(), targetCtx);
    if (!t)
        return core::Error{t.error()};
    auto pair = std::make_unique<ShadowPair>(std::move(l).value(), std::move(t).value());
    ShadowPair& shadow = *pair;
    engine.setRecommender(std::move(pair));

    Replay out;
    out.logger = resolved(logger, lp.value());
    out.target = resolved(target, tp.value());
    const bool checking = !stored.empty();
    out.log = std::move(stored);
    const std::size_t expected = out.log.size();
    const double end = stopTime > 0.0 ? stopTime : engine.endTime();
    ActionRecord a;
    for (std::size_t j = 0;; ++j) {
        if (checking && j == expected)
            break;
        if (!checking && stopTime > 0.0 && engine.nextScheduledTime() >= stopTime)
            break;
        if ((j & 1023) == 0) {
            if (cancel && cancel->load())
                return kCancelled;
            if (progress)
                progress(checking ? double(j) / double(expected)
                                  : std::min(1.0, engine.now() / end));
        }
        if (!engine.nextAction(&a)) {
            if (checking)
                return core::Error{"the run stored " + std::to_string(expected) +
                                   " slates but simulating it again gives only " +
                                   std::to_string(j) +
                                   ": it cannot be replayed (stored by another Recoscope build?)"};
            break;
        }
        if (!checking)
            out.log.push_back({});
        OpeSlate& s = out.log[j];
        if (checking) {
            bool same = s.logged.size() == a.slate.size() && s.clicked == a.clicked;
            for (std::size_t k = 0; same && k < a.slate.size(); ++k)
                same = s.logged[k] == a.slate[k].item &&
                       samePropensity(s.propensities[k], a.slate[k].propensity);
            if (!same)
                return core::Error{"slate " + std::to_string(j) +
                                   " of the stored run differs from the same slate simulated "
                                   "again: the run cannot be replayed (stored by another "
                                   "Recoscope build?)"};
        } else {
            s.clicked = a.clicked;
            for (const core::SlateEntry& e : a.slate) {
                s.logged.push_back(e.item);
                s.propensities.push_back(e.propensity);
            }
        }
        s.target.clear();
        for (const core::SlateEntry& e : shadow.targetSlate())
            s.target.push_back(e.item);
        out.lastTime = a.time;
    }
    return out;
}

// The target's own run over the same period: every action up to `lastTime` inclusive.
core::Result<OpeTruth> truthRun(const Scenario& scenario, std::uint64_t seed, double horizonDays,
                                const OpeCore& target, const core::RecommenderRegistry& registry,
                                double lastTime, const std::atomic<bool>* cancel,
                                const OpeProgress& progress) {
    core::Result<core::ParamValues> tp = resolve(registry, target);
    if (!tp)
        return core::Error{tp.error()};
    Engine engine(scenario, seed, horizonDays);
    auto t = registry.create(target.id, tp.value(), engine.recommenderContext());
    if (!t)
        return core::Error{t.error()};
    engine.setRecommender(std::move(t).value());
    OpeTruth truth;
    ActionRecord a;
    for (std::uint64_t j = 0; engine.nextScheduledTime() <= lastTime; ++j) {
        if ((j & 1023) == 0) {
            if (cancel && cancel->load())
                return kCancelled;
            if (progress && lastTime > 0.0)
                progress(std::min(1.0, engine.now() / lastTime));
        }
        if (!engine.nextAction(&a))
            break;
        truth.slates += 1.0;
        truth.impressions += static_cast<double>(a.slate.size());
        truth.clicks += a.clicked >= 0 ? 1.0 : 0.0;
    }
    truth.ctr = truth.impressions > 0.0 ? truth.clicks / truth.impressions : 0.0;
    return truth;
}

core::Result<OpeResult> evaluate(const Scenario& scenario, std::uint64_t seed, double horizonDays,
                                 const OpeCore& logger, const OpeCore& target,
                                 const core::RecommenderRegistry& registry,
                                 std::vector<OpeSlate> stored, double stopTime,
                                 const std::atomic<bool>* cancel, const OpeProgress& progress) {
    // The replay puts the logging core (and the target beside it) behind every surface: a run
    // whose scenario gives some surfaces cores of their own would be replayed with the wrong
    // cores (or refused as "cannot be replayed"). Refused by name instead, never ignored.
    if (!scenario.surfaces.empty()) {
        std::string assigned;
        const SurfaceAssignments n = scenario.surfaces.normalised();
        for (int s = 0; s < core::kSurfaceCount; ++s)
            if (const QString& spec = n.specs[static_cast<std::size_t>(s)]; !spec.isEmpty())
                assigned += (assigned.empty() ? "" : ", ") +
                            std::string(core::surfaceName(static_cast<core::Surface>(s))) + "=" +
                            spec.toStdString();
        return core::Error{"$.surfaces: the scenario gives surfaces cores of their own (" +
                           assigned +
                           "); off-policy evaluation replays one logging core on every surface "
                           "and cannot evaluate a strategy per surface: use a run whose scenario "
                           "has no `surfaces`"};
    }
    auto half = [&](double offset) {
        return [&progress, offset](double f) {
            if (progress)
                progress(offset + 0.5 * f);
        };
    };
    core::Result<Replay> r = replay(scenario, seed, horizonDays, logger, target, registry,
                                    std::move(stored), stopTime, cancel, half(0.0));
    if (!r)
        return core::Error{r.error()};
    if (r.value().log.size() < 2)
        return core::Error{"the logged run served fewer than two slates: nothing to estimate"};
    core::Result<OpeTruth> truth = truthRun(scenario, seed, horizonDays, target, registry,
                                            r.value().lastTime, cancel, half(0.5));
    if (!truth)
        return core::Error{truth.error()};
    OpeResult out;
    out.scenario = scenario.name;
    out.seed = seed;
    out.logger = r.value().logger;
    out.target = r.value().target;
    out.periodDays = r.value().lastTime / core::kSecondsPerDay;
    out.estimates = estimateOffPolicy(r.value().log);
    out.truth = truth.value();
    if (progress)
        progress(1.0);
    return out;
}

} // namespace

core::Result<OpeResult> checkStoredRun(const RunStore& store, qint64 runId, const OpeCore& target,
                                       const core::RecommenderRegistry& registry,
                                       const std::atomic<bool>* cancel,
                                       const OpeProgress& progress) {
    core::Result<RunRecord> run = store.run(runId);
    if (!run)
        return core::Error{run.error()};
    const RunRecord& rec = run.value();
    core::Result<Scenario> scenario =
        parseScenario(rec.scenarioJson, QStringLiteral("run %1").arg(runId));
    if (!scenario)
        return core::Error{scenario.error()};
    OpeCore logger{rec.recommender.toStdString(), {}};
    const QJsonObject params = QJsonDocument::fromJson(rec.paramsJson).object();
    for (auto it = params.begin(); it != params.end(); ++it)
        logger.params[it.key().toStdString()] = it.value().isDouble()
                                                    ? core::formatParamValue(it.value().toDouble())
                                                    : it.value().toString().toStdString();

    std::vector<OpeSlate> log;
    const SlateLog slates(store);
    core::Status read = slates.forEach(runId, [&log](const LoggedSlate& s) {
        log.push_back({s.items, s.propensities, s.clicked, {}});
        return true;
    });
    if (!read)
        return core::Error{read.error()};
    if (log.empty())
        return core::Error{QStringLiteral("%1: run %2 has no slate log (stored before schema "
                                          "version 6, with slate logging off, or it served no "
                                          "slate): record it again with this Recoscope")
                               .arg(store.path())
                               .arg(runId)
                               .toStdString()};
    // A run longer than its scenario ran on a longer horizon (Engine's horizonDays).
    const double simDays = QJsonDocument::fromJson(rec.summaryJson)
                               .object()
                               .value(QStringLiteral("sim_days"))
                               .toDouble();
    const double horizon = simDays > scenario.value().durationDays ? simDays : 0.0;
    core::Result<OpeResult> out = evaluate(scenario.value(), rec.seed, horizon, logger, target,
                                           registry, std::move(log), 0.0, cancel, progress);
    if (out)
        out.value().runId = runId;
    return out;
}

core::Result<OpeResult> checkFreshRun(const Scenario& scenario, std::uint64_t seed, double days,
                                      const OpeCore& logger, const OpeCore& target,
                                      const core::RecommenderRegistry& registry,
                                      const std::atomic<bool>* cancel,
                                      const OpeProgress& progress) {
    const double horizon = days > scenario.durationDays ? days : 0.0;
    return evaluate(scenario, seed, horizon, logger, target, registry, {},
                    days > 0.0 ? days * core::kSecondsPerDay : 0.0, cancel, progress);
}

} // namespace recoscope::sim
