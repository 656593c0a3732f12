#include "recoscope/sim/run_job.h"

#include "recoscope/sim/privacy_layer.h"

#include "recoscope/sim/beyond_accuracy_json.h"
#include "recoscope/sim/coupon_report.h"
#include "recoscope/sim/coupon_store.h"
#include "recoscope/sim/onboarding_report.h"
#include "recoscope/sim/seeds.h"

#include "store_writer.h"

#include <QJsonDocument>

#include <chrono>
#include <cmath>
#include <iterator>

#include <boost/version.hpp>

#if defined(__linux__)
#include <sys/resource.h>
#endif

namespace recoscope::sim {

double peakResidentMegabytes() {
#if defined(__linux__)
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0)
        return static_cast<double>(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
#endif
    return 0.0;
}

QString buildVersion() {
    return QStringLiteral("recoscope %1 (Qt %2, Boost %3.%4)")
        .arg(QStringLiteral(RECOSCOPE_VERSION), QString::fromLatin1(qVersion()))
        .arg(BOOST_VERSION / 100000)
        .arg(BOOST_VERSION / 100 % 1000);
}

core::Result<std::unique_ptr<RunJob>>
RunJob::create(const RunSpec& spec, const core::RecommenderRegistry& registry, RunStore* store) {
    const core::RecommenderEntry* entry = registry.find(spec.recommender);
    if (!entry)
        return core::Error{registry.unknownIdMessage(spec.recommender)};
    core::Result<core::ParamValues> params = core::resolveParams(entry->params, spec.params);
    if (!params)
        return core::Error{"recommender '" + spec.recommender + "': " + params.error()};

    if (spec.coreStream && store)
        return core::Error{"a run with its own core stream cannot be stored"};

    // What a user waits for before the first event (on `large`, seconds): reported beside
    // the run's own speed, which it does not count.
    const auto setupStarted = std::chrono::steady_clock::now();
    std::unique_ptr<RunJob> job(new RunJob);
    job->m_spec = spec;
    job->m_engine = std::make_unique<Engine>(spec.scenario, spec.seed, spec.limits.maxDays);
    core::RecommenderContext context = job->m_engine->recommenderContext();
    if (spec.coreStream)
        context.seed = mix64(context.seed ^ mix64(spec.coreStream));
    auto rec = registry.create(spec.recommender, params.value(), context);
    if (!rec)
        return core::Error{rec.error()};
    // A strategy per surface: the main core behind a SurfaceRouter. Without assignments
    // the core is set as it is, so such runs stay bit-identical to what they always were.
    if (core::Status st = checkSurfaceCores(spec.scenario.surfaces, registry); !st)
        return core::Error{st.error()};
    auto routed = core::buildSurfaceRouter(
        std::move(rec).value(), surfacePlan(spec.scenario.surfaces).value(), registry, context);
    if (!routed)
        return core::Error{routed.error()};
    job->m_engine->setRecommender(std::move(routed).value());
    if (spec.limits.latencyBudgetUs > 0.0)
        job->m_engine->setLatencyBudget(std::chrono::nanoseconds(
            static_cast<std::int64_t>(std::llround(spec.limits.latencyBudgetUs * 1000.0))));
    job->m_paramsJson = QString::fromStdString(params.value().toJson());
    job->m_catalogueHash = job->m_engine->world().catalogueHash();
    job->m_populationHash = job->m_engine->world().populationHash();

    if (store) {
        RunInfo info;
        info.scenarioName = spec.scenario.name;
        Scenario withSeed = spec.scenario;
        withSeed.seed = spec.seed;
        info.scenarioJson = withSeed.canonicalJson();
        info.scenarioHash = spec.scenario.hash();
        info.seed = spec.seed;
        info.recommender = QString::fromStdString(spec.recommender);
        info.paramsJson = job->m_paramsJson.toUtf8();
        info.buildVersion = buildVersion();
        info.catalogueHash = job->m_catalogueHash;
        info.populationHash = job->m_populationHash;
        info.experimentId = spec.experimentId;
        info.label = spec.label;
        core::Result<qint64> id = store->beginRun(info);
        if (!id)
            return core::Error{id.error()};
        job->m_store = store;
        job->m_runId = id.value();
        job->m_writer = std::make_unique<StoreWriter>(*store, job->m_runId);
        job->m_engine->setEventSink(job->m_writer.get());
        if (spec.logSlates) {
            RunJob* self = job.get();
            job->m_engine->setActionObserver(
                [self](const ActionRecord& a, const Session&) { self->logSlate(a); });
        }
    }
    job->m_setupSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - setupStarted).count();
    return job;
}

RunJob::~RunJob() = default;

void RunJob::logSlate(const ActionRecord& a) {
    // Called inside the engine's step, before the action's events are consumed: every event
    // consumed so far belongs to earlier actions (the engine generates an action only once
    // the previous one's events are all consumed), so the count is the seq of this
    // action's first event.
    m_slates.add(m_slateSeq++, static_cast<qint64>(m_engine->eventsConsumed()), a.time, a.user,
                 a.request.surface, a.request.contextItem, a.clicked, a.slate);
    // About as many slates as events are served: handed over in batches, like the events,
    // so that the writer thread's transactions stay few.
    if (m_slates.size() >= 4096)
        if (core::Status st = flushSlates(); !st && m_slateError.empty())
            m_slateError = st.error();
}

core::Status RunJob::flushSlates() {
    if (!m_writer || m_slates.empty())
        return core::Ok{};
    SlateBatch batch;
    std::swap(batch, m_slates);
    return m_writer->appendSlates(std::move(batch));
}

bool RunJob::done() const {
    const Engine& e = *m_engine;
    if (e.finished())
        return true;
    if (m_spec.limits.maxEvents && e.eventsConsumed() - m_startEvents >= m_spec.limits.maxEvents)
        return true;
    if (m_spec.limits.maxDays > 0.0 && e.now() >= m_spec.limits.maxDays * core::kSecondsPerDay)
        return true;
    return false;
}

core::Status RunJob::storeBuckets(std::vector<core::MetricPoint> points) {
    if (points.empty())
        return core::Ok{};
    m_buckets.insert(m_buckets.end(), points.begin(), points.end());
    if (!m_writer)
        return core::Ok{};
    std::vector<MetricRow> extra;
    if (m_bucketRows)
        for (const core::MetricPoint& p : points) {
            std::vector<MetricRow> rows = m_bucketRows(p);
            extra.insert(extra.end(), std::make_move_iterator(rows.begin()),
                         std::make_move_iterator(rows.end()));
        }
    return m_writer->appendMetrics(std::move(points), std::move(extra));
}

RunOutcome RunJob::runSlice(std::uint64_t maxEvents, const std::atomic<bool>* cancel,
                            const std::function<void(const Progress&)>& progress) {
    RunLimits limits;
    limits.maxDays = m_spec.limits.maxDays;
    const std::uint64_t done = m_engine->eventsConsumed() - m_startEvents;
    std::uint64_t left = m_spec.limits.maxEvents
                             ? m_spec.limits.maxEvents - std::min(done, m_spec.limits.maxEvents)
                             : 0;
    if (maxEvents && (!left || maxEvents < left))
        left = maxEvents;
    limits.maxEvents = left;
    RunOutcome out = m_engine->run(limits, cancel, progress);
    m_wallSeconds += out.wallSeconds;
    if (out.reason != StopReason::SinkFailed) {
        if (core::Status st = storeBuckets(m_engine->takeFinishedBuckets()); !st) {
            out.reason = StopReason::SinkFailed;
            out.error = st.error();
        }
    }
    return out;
}

core::Status RunJob::finish(const QString& status) {
    if (m_finished)
        return core::Ok{};
    m_finished = true;
    // Waiting for the writer belongs to the run's cost: counted in wall_s.
    const auto started = std::chrono::steady_clock::now();
    core::Status st = m_engine->flushSink();
    if (core::Status slates = flushSlates(); st && !slates)
        st = slates;
    if (st && !m_slateError.empty())
        st = core::Error{m_slateError};
    core::Status bucketsStored = storeBuckets(m_engine->flushBuckets());
    if (st && !bucketsStored)
        st = bucketsStored;
    if (m_writer) {
        // Every queued write must land before the run is marked finished.
        core::Status drained = m_writer->drain();
        if (st && !drained)
            st = drained;
    }
    // The coupon ledger (decisions/0028) lands before the run is marked finished.
    if (const CouponDesk* desk = m_engine->coupons(); m_store && desk && st)
        st = storeCouponLines(*m_store, m_runId, desk->lines());
    m_wallSeconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (m_store) {
        // A core stopped by its guard (it threw, a malformed slate, over budget) failed,
        // whatever the caller thought: its summary says why (core_fault).
        const QString finalStatus =
            st && m_engine->coreFault().empty() ? status : QStringLiteral("failed");
        core::Status fin = m_store->finishRun(
            m_runId, finalStatus, QJsonDocument(summary()).toJson(QJsonDocument::Compact));
        if (st && !fin)
            st = fin;
    }
    return st;
}

QJsonObject RunJob::summary() const {
    const core::MetricPoint t = m_engine->summary();
    const core::Counters& c = t.counters;
    auto n = [](std::uint64_t v) { return static_cast<double>(v); };
    QJsonObject latency{{QStringLiteral("p50"), t.latencyP50us},
                        {QStringLiteral("p95"), t.latencyP95us},
                        {QStringLiteral("p99"), t.latencyP99us}};
    QJsonObject o{
        {QStringLiteral("run_id"), static_cast<double>(m_runId)},
        {QStringLiteral("scenario"), m_spec.scenario.name},
        {QStringLiteral("scenario_hash"), m_spec.scenario.hash()},
        {QStringLiteral("seed"), static_cast<double>(m_spec.seed)},
        {QStringLiteral("recommender"), QString::fromStdString(m_spec.recommender)},
        {QStringLiteral("params"), QJsonDocument::fromJson(m_paramsJson.toUtf8()).object()},
        {QStringLiteral("events"), n(c.events)},
        {QStringLiteral("sessions"), n(c.sessions)},
        {QStringLiteral("requests"), n(c.requests)},
        {QStringLiteral("impressions"), n(c.impressions)},
        {QStringLiteral("clicks"), n(c.clicks)},
        {QStringLiteral("views"), n(c.views)},
        {QStringLiteral("favourites"), n(c.favourites)},
        {QStringLiteral("carts"), n(c.carts)},
        {QStringLiteral("purchases"), n(c.purchases)},
        {QStringLiteral("rec_purchases"), n(c.recPurchases)},
        {QStringLiteral("ctr"), t.ctr},
        {QStringLiteral("cvr"), t.cvrClicks},
        {QStringLiteral("cvr_impressions"), t.cvrImpressions},
        {QStringLiteral("revenue"), c.revenue},
        {QStringLiteral("rec_revenue"), c.recRevenue},
        {QStringLiteral("coverage"), t.coverage},
        {QStringLiteral("gini"), t.gini},
        {QStringLiteral("latency_us"), latency},
        {QStringLiteral("sim_days"), m_engine->now() / core::kSecondsPerDay},
        // Regret: click probability lost against the best possible slate, sampled on
        // behaviour.regret_sample of the slates (docs/shop-model.md).
        {QStringLiteral("regret_per_slate"), m_engine->meanSlateRegret()},
        {QStringLiteral("regret_per_session"), m_engine->meanSessionRegret()},
        {QStringLiteral("regret_samples"), n(m_engine->regretSamples())},
        // Inventory (docs/metrics.md, "Inventory warnings"): report --json reads them back.
        {QStringLiteral("stock_outs"), n(m_engine->stockOuts())},
        {QStringLiteral("lost_sales"), n(m_engine->lostSales())},
        {QStringLiteral("lost_carts"), n(m_engine->lostCarts())},
        {QStringLiteral("lost_requests"), n(m_engine->lostRequests())},
        {QStringLiteral("catalogue_hash"), m_catalogueHash},
        {QStringLiteral("population_hash"), m_populationHash},
        {QStringLiteral("events_per_sec"), m_wallSeconds > 0.0 ? n(c.events) / m_wallSeconds : 0.0},
        {QStringLiteral("wall_s"), m_wallSeconds},
        {QStringLiteral("setup_s"), m_setupSeconds},
        // The whole process's peak (with several runs in one process, the largest of them
        // and what they share), not this run's alone.
        {QStringLiteral("peak_rss_mb"), peakResidentMegabytes()},
        // docs/metrics.md, "Beyond accuracy": the run's totals and retention by cohort.
        // Per surface (core/surface_metrics.h): which core served it and what it did.
        {QStringLiteral("surfaces"),
         surfaceTotalsJson(m_engine->surfaceMetrics().totals(), m_spec.scenario.surfaces,
                           QString::fromStdString(m_spec.recommender))},
        {QStringLiteral("beyond_accuracy"),
         beyondAccuracyJson(t.beyond,
                            m_engine->metrics().beyondAccuracy().retentionTable(kRetentionDays))}};
    // Coupons (decisions/0028): only when the scenario's policy is not "none".
    if (const CouponDesk* desk = m_engine->coupons())
        o.insert(QStringLiteral("coupons"), couponReportJson(desk->spec(), desk->lines()));
    // Privacy (decisions/0032): what the cores saw and the accountant's figures.
    if (const PrivacyLayer* privacy = m_engine->privacy())
        o.insert(QStringLiteral("privacy"), privacy->toJson());
    // New-user onboarding (decisions/0031): every run, so "with" compares to "without".
    o.insert(QStringLiteral("onboarding"),
             onboardingReportJson(m_spec.scenario.onboarding, m_engine->onboarding().figures()));
    if (const std::string& fault = m_engine->coreFault(); !fault.empty())
        o.insert(QStringLiteral("core_fault"), QString::fromStdString(fault));
    return o;
}

} // namespace recoscope::sim
