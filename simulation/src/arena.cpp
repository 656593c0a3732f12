#include "recoscope/sim/arena.h"

#include "recoscope/sim/coupon_report.h"
#include "recoscope/sim/onboarding_report.h"

#include "recoscope/core/cold_start_accumulator.h"
#include "recoscope/sim/beyond_accuracy_json.h"
#include "recoscope/sim/inspector_ledger.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <exception>
#include <iterator>
#include <limits>
#include <mutex>
#include <thread>

namespace recoscope::sim {

namespace {
// Arena::run collects (flushes sinks, stores closed buckets) every this many actions: the
// writer threads batch 8,192 events anyway, and closed buckets stay few.
constexpr int kCollectEvery = 4096;

std::vector<MetricRow> coldRows(core::SimTime bucketEnd, const ColdStartStats& s) {
    std::vector<MetricRow> rows;
    for (auto& [name, value] : s.named())
        rows.push_back({bucketEnd, std::move(name), value});
    return rows;
}
} // namespace

struct Arena::Core {
    // Declared before the job so it outlives it: RunJob writes events through a writer
    // thread of its own, so every core gets its own connection (one RunStore per thread);
    // the arena's metric writes go through Arena::m_store, a third connection.
    std::unique_ptr<RunStore> store;
    std::unique_ptr<RunJob> job;
    std::vector<core::MetricPoint> pendingBuckets;
    bool done = false;
    ActionRecord scratch;
    std::unique_ptr<core::ColdStartAccumulator> cold;
    std::unique_ptr<core::FeedbackLoop> loop;
    core::UserOutcomes outcomes;
    std::unique_ptr<InspectorLedger> ledger;
    // Serve-time explanations (the engine's serve observer composes them before the
    // shopper reacts): for every action while `captureAll`, else for `captureUser` and
    // the arena's watched user. `captured` says whether `served` is the current action's.
    bool captureAll = false;
    core::UserId captureUser = core::kNoUser;
    bool captured = false;
    std::vector<core::Explanation> served;

    Engine& engine() { return job->engine(); }
    const Engine& engine() const { return job->engine(); }
};

Arena::Arena() = default;
Arena::~Arena() = default;

core::Result<std::unique_ptr<Arena>> Arena::create(const ArenaSpec& spec,
                                                   const core::RecommenderRegistry& registry,
                                                   qint64 experimentId) {
    if (spec.cores.empty())
        return core::Error{"choose at least one recommender core"};
    std::unique_ptr<Arena> arena(new Arena);
    if (!spec.dbPath.isEmpty()) {
        auto opened = RunStore::open(spec.dbPath);
        if (!opened)
            return core::Error{opened.error()};
        arena->m_store = std::move(opened).value();
    }
    for (std::size_t i = 0; i < spec.cores.size(); ++i) {
        const ArenaSpec::Core& c = spec.cores[i];
        RunSpec rs;
        rs.scenario = spec.scenario;
        if (i < spec.couponPolicies.size())
            rs.scenario.coupons.policy = spec.couponPolicies[i];
        if (i < spec.onboarding.size())
            rs.scenario.onboarding.questionnaire = spec.onboarding[i];
        rs.seed = spec.seed;
        rs.recommender = c.recommender;
        rs.params = c.params;
        if (c.surfaces)
            rs.scenario.surfaces = *c.surfaces;
        rs.limits = spec.limits;
        rs.label = spec.label;
        rs.experimentId = experimentId;
        rs.coreStream = i < spec.coreStreams.size() ? spec.coreStreams[i] : 0;
        auto state = std::make_unique<Core>();
        if (!spec.dbPath.isEmpty()) {
            auto opened = RunStore::open(spec.dbPath);
            if (!opened)
                return core::Error{opened.error()};
            state->store = std::move(opened).value();
        }
        auto job = RunJob::create(rs, registry, state->store.get());
        if (!job)
            return core::Error{job.error()};
        state->job = std::move(job).value();
        const Engine& e = state->engine();
        state->cold = std::make_unique<core::ColdStartAccumulator>(e.world().items,
                                                                   e.metrics().bucketWidth());
        state->outcomes = core::UserOutcomes(e.world().users.size());
        state->loop = std::make_unique<core::FeedbackLoop>(e.world().items, e.world().itemVectors,
                                                           e.world().dim);
        if (spec.inspectors) {
            state->ledger = std::make_unique<InspectorLedger>(e.world(), e.endTime());
            Core* self = state.get();
            const core::UserId* watched = &arena->m_watched;
            state->engine().setServeObserver(
                [self, watched](const core::Request& request, const core::Slate& slate) {
                    self->captured = self->captureAll || request.user == self->captureUser ||
                                     request.user == *watched;
                    if (!self->captured)
                        return;
                    const core::Recommender& rec = *self->engine().recommender();
                    self->served.clear();
                    for (const core::SlateEntry& entry : slate)
                        self->served.push_back(rec.explain(request, entry));
                });
        }
        // The last bucket is closed and stored by RunJob::finish: its cold-start rows go
        // in the same write, before the run is marked finished.
        Core* raw = state.get();
        state->job->setBucketRows([raw](const core::MetricPoint& bucket) {
            return coldRows(bucket.bucketEnd,
                            raw->cold->takeBucket(bucket.bucketEnd, raw->engine().now()));
        });
        arena->m_cores.push_back(std::move(state));
    }
    const Engine& first = arena->m_cores.front()->engine();
    arena->m_endTime = spec.limits.maxDays > 0.0
                           ? std::min(first.endTime(), spec.limits.maxDays * core::kSecondsPerDay)
                           : first.endTime();
    arena->m_maxEvents = spec.limits.maxEvents;
    return arena;
}

int Arena::slowest() const {
    int best = -1;
    for (std::size_t i = 0; i < m_cores.size(); ++i) {
        const Core& c = *m_cores[i];
        if (!c.done && (best < 0 ||
                        c.engine().now() < m_cores[static_cast<std::size_t>(best)]->engine().now()))
            best = static_cast<int>(i);
    }
    return best;
}

bool Arena::done(std::size_t i) const {
    return m_cores[i]->done;
}

bool Arena::allDone() const {
    return std::all_of(m_cores.begin(), m_cores.end(), [](const auto& c) { return c->done; });
}

const ActionRecord* Arena::advance(std::size_t i, StepRecord* record) {
    return act(*m_cores[i], record, core::kNoUser);
}

Arena::Seek Arena::seek(std::size_t i, core::UserId user, StepRecord& record,
                        std::uint64_t budget) {
    Core& c = *m_cores[i];
    for (std::uint64_t n = 0; n < budget; ++n) {
        const ActionRecord* a = act(c, &record, user);
        if (!a)
            return Seek::Done;
        if (a->user == user)
            return Seek::Found;
        ++record.passed;
    }
    return Seek::Budget;
}

const ActionRecord* Arena::act(Core& c, StepRecord* record, core::UserId only) {
    if (c.done)
        return nullptr;
    ActionRecord& a = c.scratch;
    // A day limit stops where Engine::run stops: nothing scheduled at or after the limit
    // is generated, so a run driven here stores the same events as the CLI's.
    if (m_endTime < c.engine().endTime() && c.engine().nextScheduledTime() >= m_endTime) {
        c.done = true;
        return nullptr;
    }
    c.captureAll = record != nullptr && only == core::kNoUser;
    c.captureUser = record != nullptr ? only : core::kNoUser;
    c.captured = false;
    const bool acted = c.engine().nextAction(&a);
    c.captureAll = false;
    c.captureUser = core::kNoUser;
    if (!acted) {
        c.done = true;
        return nullptr;
    }
    const std::vector<core::Explanation>* served = c.captured ? &c.served : nullptr;
    if (record && c.ledger && (only == core::kNoUser || a.user == only))
        c.ledger->describe(c.engine(), a, served, *record); // before track(): previous slate
    if (a.sessionStarted)
        c.outcomes.onSessionStart(a.user);
    // "New user": the slate was served in the shopper's first or second session.
    c.cold->onSlate(a.time, a.slate, a.clicked, c.outcomes.sessions(a.user) <= 2);
    c.outcomes.onSlate(a.user, a.slate.size(), a.clicked);
    for (const core::SlateEntry& entry : a.slate)
        c.loop->onImpression(a.time, entry.item);
    for (const core::Event& e : a.events) {
        c.outcomes.onEvent(e);
        if (e.kind == core::EventKind::View)
            c.loop->onView(e.time, e.item);
        if (e.kind == core::EventKind::Purchase)
            c.cold->onPurchase(e.item, e.time);
    }
    if (c.ledger)
        c.ledger->track(a, served);
    if (c.job->done())
        c.done = true;
    return &a;
}

core::Status Arena::collect() {
    for (auto& c : m_cores) {
        if (core::Status st = c->engine().flushSink(); !st)
            return st;
        std::vector<core::MetricPoint> closed = c->engine().takeFinishedBuckets();
        if (closed.empty())
            continue;
        const bool storing = m_store && c->job->runId();
        std::vector<MetricRow> rows;
        for (const core::MetricPoint& p : closed) {
            const ColdStartStats s = c->cold->takeBucket(p.bucketEnd, c->engine().now());
            if (storing) {
                std::vector<MetricRow> r = coldRows(p.bucketEnd, s);
                rows.insert(rows.end(), std::make_move_iterator(r.begin()),
                            std::make_move_iterator(r.end()));
            }
        }
        if (storing) {
            if (core::Status st = m_store->appendMetrics(c->job->runId(), closed, rows); !st)
                return st;
        }
        c->pendingBuckets.insert(c->pendingBuckets.end(), closed.begin(), closed.end());
    }
    return core::Ok{};
}

std::vector<std::uint64_t> Arena::advanceEach(core::SimTime horizon, std::uint64_t maxActions,
                                              int threads, qint64 wallBudgetMs,
                                              std::vector<core::UserId>* firstCoreUsers) {
    const std::size_t n = m_cores.size();
    std::vector<std::uint64_t> calls(n, 0);
    QElapsedTimer wall;
    wall.start();
    std::atomic<bool> outOfTime{false};
    // One core from start to its horizon: only this core's state is touched (its engine,
    // job, sink, ledger, outcomes), so two cores never share a write.
    auto runCore = [&](std::size_t i) {
        Core& c = *m_cores[i];
        std::uint64_t k = 0;
        while (k < maxActions && !c.done && c.engine().now() < horizon) {
            const ActionRecord* a = act(c, nullptr, core::kNoUser);
            if (a && i == 0 && firstCoreUsers)
                firstCoreUsers->push_back(a->user);
            ++k;
            if (wallBudgetMs > 0 && k % 32 == 0 &&
                (outOfTime.load(std::memory_order_relaxed) || wall.elapsed() >= wallBudgetMs)) {
                outOfTime.store(true, std::memory_order_relaxed);
                break;
            }
        }
        calls[i] = k;
    };
    const int extra = std::clamp(threads, 1, static_cast<int>(std::max<std::size_t>(n, 1))) - 1;
    if (extra == 0) {
        for (std::size_t i = 0; i < n; ++i)
            runCore(i);
        return calls;
    }
    // Cores are handed out one at a time (a slow core does not hold up a whole share).
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < n;) {
            try {
                runCore(i);
            } catch (...) {
                const std::lock_guard lock(failureMutex);
                if (!failure)
                    failure = std::current_exception();
            }
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(extra));
    for (int t = 0; t < extra; ++t)
        pool.emplace_back(worker);
    worker();
    for (std::thread& t : pool)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
    return calls;
}

core::Status Arena::run(const std::atomic<bool>* cancel, int threads) {
    if (threads > 1 && m_cores.size() > 1) {
        // Rounds of kCollectEvery actions per core between collects, as the loop below
        // collects every kCollectEvery actions; thread start-up (tens of microseconds) is
        // lost in a round's milliseconds.
        while (!allDone()) {
            (void)advanceEach(std::numeric_limits<double>::infinity(), kCollectEvery, threads);
            if (core::Status st = collect(); !st)
                return st;
            if (cancel && cancel->load(std::memory_order_relaxed))
                break;
        }
        return collect();
    }
    for (int n = 1;; ++n) {
        const int i = slowest();
        if (i < 0)
            break;
        (void)advance(static_cast<std::size_t>(i));
        if (n % kCollectEvery == 0) {
            if (core::Status st = collect(); !st)
                return st;
            if (cancel && cancel->load(std::memory_order_relaxed))
                break;
        }
    }
    return collect();
}

ArenaSnapshot Arena::takeSnapshot(bool finished, bool withStatistics) {
    ArenaSnapshot b;
    b.finished = finished;
    b.endTime = m_endTime;
    core::SimTime slowestTime = std::numeric_limits<double>::infinity();
    double fraction = 1.0;
    for (auto& c : m_cores) {
        CoreSnapshot s;
        s.runId = c->job->runId();
        s.buckets = std::move(c->pendingBuckets);
        c->pendingBuckets.clear();
        const Engine& e = c->engine();
        const core::SimTime now = e.now();
        slowestTime = std::min(slowestTime, now);
        s.total = e.summary();
        if (!finished) {
            s.partial = e.metrics().openBucket(s.total);
            s.hasPartial = s.partial.counters.impressions > 0 || s.partial.counters.events > 0;
        }
        s.coldStart = c->cold->total(now);
        s.surfaces = e.surfaceMetrics().totals();
        s.surfaceCores = c->job->spec().scenario.surfaces.normalised();
        s.retention = e.metrics().beyondAccuracy().retentionTable(kRetentionDays);
        s.fault = e.coreFault();
        s.feedbackDays = c->loop->days();         // days x items: a few thousand counts, cheap
        if (const CouponDesk* desk = e.coupons()) // a few sorts of the ledger: small
            s.coupons = couponReportJson(desk->spec(), desk->lines());
        s.onboarding =
            onboardingReportJson(c->job->spec().scenario.onboarding, e.onboarding().figures());
        b.events += s.total.counters.events;
        const double f =
            m_maxEvents ? static_cast<double>(e.eventsConsumed()) / static_cast<double>(m_maxEvents)
                        : (m_endTime > 0.0 ? now / m_endTime : 1.0);
        fraction = std::min(fraction, c->done ? 1.0 : std::clamp(f, 0.0, 1.0));
        b.cores.push_back(std::move(s));
    }
    b.simTime = m_cores.empty() ? 0.0 : slowestTime;
    b.fraction = finished ? 1.0 : fraction;
    if (withStatistics && m_cores.size() > 1) {
        std::vector<const UserRows*> rows;
        for (const auto& c : m_cores)
            rows.push_back(&c->outcomes.rows());
        b.comparisons = comparePairs(rows, versusFirst(m_cores.size()));
        b.hasComparisons = true;
    }
    return b;
}

Arena::Finish Arena::finish(bool cancelled) {
    Finish out;
    out.cancelled = cancelled && !allDone();
    for (auto& c : m_cores) {
        const std::size_t before = c->job->buckets().size();
        core::Status st = c->job->finish(out.cancelled ? QStringLiteral("cancelled")
                                                       : QStringLiteral("finished"));
        const auto& all = c->job->buckets();
        // RunJob::finish closes and stores the last (partial) bucket; hand it to the charts.
        for (std::size_t i = before; i < all.size(); ++i)
            c->pendingBuckets.push_back(all[i]);
        if (!st)
            out.errors.push_back(st.error());
        if (const std::string& fault = c->engine().coreFault(); !fault.empty())
            out.coreFailures.push_back("core " + std::to_string(out.runIds.size() + 1) + " (" +
                                       c->job->spec().recommender + ") stopped: " + fault);
        out.runIds.push_back(c->job->runId());
    }
    return out;
}

void Arena::fail() {
    for (auto& c : m_cores)
        (void)c->job->finish(QStringLiteral("failed"));
}

const Engine& Arena::engine(std::size_t i) const {
    return m_cores[i]->engine();
}

const RunJob& Arena::job(std::size_t i) const {
    return *m_cores[i]->job;
}

const core::UserOutcomes& Arena::outcomes(std::size_t i) const {
    return m_cores[i]->outcomes;
}

UserInspection Arena::inspectUser(std::size_t i, core::UserId user) const {
    const Core& c = *m_cores[i];
    if (!c.ledger) {
        UserInspection r;
        r.user = user;
        r.error = QStringLiteral("this arena keeps no inspector ledger");
        return r;
    }
    return c.ledger->inspectUser(c.engine(), c.outcomes, user);
}

ItemInspection Arena::inspectItem(std::size_t i, core::ItemId item) const {
    const Core& c = *m_cores[i];
    if (!c.ledger) {
        ItemInspection r;
        r.item = item;
        r.error = QStringLiteral("this arena keeps no inspector ledger");
        return r;
    }
    return c.ledger->inspectItem(c.engine(), item);
}

} // namespace recoscope::sim
