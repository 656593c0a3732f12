#include "recoscope/sim/engine_worker.h"

#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <exception>
#include <iterator>
#include <limits>
#include <unordered_map>

namespace recoscope::sim {

namespace {

// A slice yields to the worker's event loop after this much wall-clock time: short enough
// that pause/stop/inspector requests wait at most ~20 ms, long enough that the per-slice
// overhead (sink flush, bucket hand-over) stays below 1 %.
constexpr qint64 kSliceMs = 20;
// At most one batch per 50 ms: the GUI repaints at ~30 Hz, more would only queue up.
constexpr qint64 kEmitMs = 50;
// Recent events kept per user for the shopper inspector.
constexpr std::size_t kRecentEvents = 12;
constexpr std::size_t kRecentUsers = 60;
// Per-item time bins: at most 8M counters (32 MB) per core; catalogues too large for 8
// bins per item keep totals only.
constexpr std::size_t kMaxBinCells = 8u * 1024u * 1024u;

core::Counters minus(const core::Counters& a, const core::Counters& b) {
    core::Counters d;
    d.events = a.events - b.events;
    d.sessions = a.sessions - b.sessions;
    d.requests = a.requests - b.requests;
    d.impressions = a.impressions - b.impressions;
    d.clicks = a.clicks - b.clicks;
    d.views = a.views - b.views;
    d.searches = a.searches - b.searches;
    d.favourites = a.favourites - b.favourites;
    d.carts = a.carts - b.carts;
    d.cartRemoves = a.cartRemoves - b.cartRemoves;
    d.purchases = a.purchases - b.purchases;
    d.recPurchases = a.recPurchases - b.recPurchases;
    d.revenue = a.revenue - b.revenue;
    d.recRevenue = a.recRevenue - b.recRevenue;
    for (std::size_t i = 0; i < d.byKind.size(); ++i)
        d.byKind[i] = a.byKind[i] - b.byKind[i];
    return d;
}

double ratio(std::uint64_t num, std::uint64_t den) {
    return den ? static_cast<double>(num) / static_cast<double>(den) : 0.0;
}

// The stored cold-start fields. Counts are per bucket; `cumulative` fields hold the value
// at the bucket's end.
struct ColdField {
    const char* name;
    std::uint64_t ColdStartStats::*count;
    double ColdStartStats::*real;
    bool cumulative;
};
constexpr ColdField kColdFields[] = {
    {"cold_new_user_impressions", &ColdStartStats::newUserImpressions, nullptr, false},
    {"cold_new_user_clicks", &ColdStartStats::newUserClicks, nullptr, false},
    {"cold_established_user_impressions", &ColdStartStats::oldUserImpressions, nullptr, false},
    {"cold_established_user_clicks", &ColdStartStats::oldUserClicks, nullptr, false},
    {"cold_new_item_impressions", &ColdStartStats::newItemImpressions, nullptr, false},
    {"cold_new_item_clicks", &ColdStartStats::newItemClicks, nullptr, false},
    {"cold_established_item_impressions", &ColdStartStats::oldItemImpressions, nullptr, false},
    {"cold_established_item_clicks", &ColdStartStats::oldItemClicks, nullptr, false},
    {"cold_launched_items", &ColdStartStats::launchedItems, nullptr, true},
    {"cold_launched_items_shown", &ColdStartStats::launchedWithImpression, nullptr, true},
    {"cold_launched_items_bought", &ColdStartStats::launchedWithPurchase, nullptr, true},
    {"cold_launch_to_first_impression_h", nullptr, &ColdStartStats::meanHoursToFirstImpression,
     true},
    {"cold_launch_to_first_purchase_h", nullptr, &ColdStartStats::meanHoursToFirstPurchase, true},
};
// Derived per-bucket rates: stored for SQL and CSV readers, recomputed from the counts when
// a run is reopened.
struct ColdRate {
    const char* name;
    std::uint64_t ColdStartStats::*clicks;
    std::uint64_t ColdStartStats::*impressions;
};
constexpr ColdRate kColdRates[] = {
    {"cold_ctr_new_users", &ColdStartStats::newUserClicks, &ColdStartStats::newUserImpressions},
    {"cold_ctr_established_users", &ColdStartStats::oldUserClicks,
     &ColdStartStats::oldUserImpressions},
    {"cold_ctr_new_items", &ColdStartStats::newItemClicks, &ColdStartStats::newItemImpressions},
    {"cold_ctr_established_items", &ColdStartStats::oldItemClicks,
     &ColdStartStats::oldItemImpressions},
};

} // namespace

std::vector<MetricRow> coldStartRows(core::SimTime bucketEnd, const ColdStartStats& bucket) {
    std::vector<MetricRow> out;
    out.reserve(std::size(kColdFields) + std::size(kColdRates));
    for (const ColdField& f : kColdFields)
        out.push_back(
            {bucketEnd, f.name, f.count ? static_cast<double>(bucket.*f.count) : bucket.*f.real});
    for (const ColdRate& r : kColdRates)
        out.push_back({bucketEnd, r.name, ratio(bucket.*r.clicks, bucket.*r.impressions)});
    return out;
}

bool isColdStartMetric(const QString& name) {
    for (const ColdField& f : kColdFields)
        if (name == QLatin1String(f.name))
            return true;
    for (const ColdRate& r : kColdRates)
        if (name == QLatin1String(r.name))
            return true;
    return false;
}

bool setColdStartMetric(ColdStartStats& bucket, const QString& name, double value) {
    for (const ColdField& f : kColdFields) {
        if (name != QLatin1String(f.name))
            continue;
        if (f.count)
            bucket.*f.count = static_cast<std::uint64_t>(std::llround(std::max(0.0, value)));
        else
            bucket.*f.real = value;
        return true;
    }
    return false;
}

void addColdStartBucket(ColdStartStats& total, const ColdStartStats& bucket) {
    for (const ColdField& f : kColdFields) {
        if (f.count)
            total.*f.count = f.cumulative ? bucket.*f.count : total.*f.count + bucket.*f.count;
        else
            total.*f.real = bucket.*f.real; // every real field is cumulative
    }
}

struct EngineWorker::CoreState {
    // Declared before the job so it outlives it: RunJob writes events through a writer
    // thread of its own, so every core gets its own connection (one RunStore per thread);
    // the worker's metric writes go through EngineWorker::m_store, a third connection.
    std::unique_ptr<RunStore> store;
    std::unique_ptr<RunJob> job;
    core::Counters closedSum; // counters of the buckets closed so far
    std::vector<core::MetricPoint> pendingBuckets;
    bool done = false;
    ActionRecord scratch;

    struct UserStats {
        std::uint32_t sessions = 0;
        std::uint64_t events = 0;
        std::uint64_t purchases = 0;
        double spent = 0.0;
        core::SimTime lastPurchase = -1.0;
    };
    struct UserDetail {
        std::array<core::Event, kRecentEvents> ring{};
        std::size_t count = 0; // events written so far (ring position = count % size)
        core::SimTime slateTime = -1.0;
        core::Surface surface = core::Surface::Home;
        core::ItemId contextItem = core::kNoItem;
        core::Slate slate;
    };
    struct ItemStats {
        core::SimTime firstImpression = -1.0;
        core::SimTime firstPurchase = -1.0;
        std::uint64_t impressions = 0, clicks = 0, purchases = 0;
    };
    std::vector<UserStats> users;
    // Only users who acted get details, so memory follows the active population.
    std::unordered_map<core::UserId, UserDetail> details;
    std::vector<ItemStats> items;
    std::size_t bins = 0;
    double binSeconds = 1.0;
    std::vector<std::uint32_t> binCells; // item-major: [item][bin][impr, click, purchase]
    std::vector<core::ItemId> lateItems; // launched after time 0, by launch time
    ColdStartStats cold;
    // Impression and click counts of the metric buckets, for the stored cold-start rows:
    // a mirror of the engine's MetricsAccumulator buckets (same boundaries, same
    // arithmetic), filled by slate time as the accumulator counts impressions.
    core::SimTime coldBucketWidth = 1.0;
    core::SimTime coldBucketStart = 0.0;
    ColdStartStats coldOpen;                                         // the open bucket
    std::deque<std::pair<core::SimTime, ColdStartStats>> coldClosed; // (end, counts)

    Engine& engine() { return job->engine(); }
    const Engine& engine() const { return job->engine(); }

    void bump(core::ItemId item, core::SimTime t, int which) {
        if (!bins)
            return;
        const auto bin =
            std::min(bins - 1, static_cast<std::size_t>(std::max(0.0, t / binSeconds)));
        ++binCells[(static_cast<std::size_t>(item) * bins + bin) * 3 +
                   static_cast<std::size_t>(which)];
    }

    bool isNewItem(core::ItemId item, core::SimTime t) const {
        const core::SimTime launch = engine().world().items.launchTime[item];
        return launch > 0.0 && t - launch < core::kSecondsPerDay;
    }

    void track(const ActionRecord& a) {
        const core::SimTime t = a.time;
        if (!a.slate.empty())
            advanceColdTo(t);
        UserStats& u = users[a.user];
        if (a.sessionStarted)
            ++u.sessions;
        const bool newUser = u.sessions <= 2;
        for (std::size_t p = 0; p < a.slate.size(); ++p) {
            const core::ItemId item = a.slate[p].item;
            if (item >= items.size())
                continue;
            const bool clicked = static_cast<int>(p) == a.clicked;
            ItemStats& is = items[item];
            ++is.impressions;
            if (is.firstImpression < 0.0)
                is.firstImpression = t;
            bump(item, t, 0);
            const bool newItem = isNewItem(item, t);
            for (ColdStartStats* k : {&cold, &coldOpen}) {
                (newUser ? k->newUserImpressions : k->oldUserImpressions) += 1;
                (newItem ? k->newItemImpressions : k->oldItemImpressions) += 1;
                if (clicked) {
                    (newUser ? k->newUserClicks : k->oldUserClicks) += 1;
                    (newItem ? k->newItemClicks : k->oldItemClicks) += 1;
                }
            }
        }
        UserDetail& d = details[a.user];
        d.slate = a.slate;
        d.slateTime = t;
        d.surface = a.request.surface;
        d.contextItem = a.request.contextItem;
        for (const core::Event& e : a.events) {
            UserStats& eu = users[e.user];
            ++eu.events;
            UserDetail& ed = e.user == a.user ? d : details[e.user];
            ed.ring[ed.count % kRecentEvents] = e;
            ++ed.count;
            if (e.item >= items.size())
                continue;
            if (e.kind == core::EventKind::Click) {
                ++items[e.item].clicks;
                bump(e.item, e.time, 1);
            } else if (e.kind == core::EventKind::Purchase) {
                ++eu.purchases;
                eu.spent += e.price;
                eu.lastPurchase = e.time;
                ItemStats& is = items[e.item];
                ++is.purchases;
                if (is.firstPurchase < 0.0)
                    is.firstPurchase = e.time;
                bump(e.item, e.time, 2);
            }
        }
    }

    // Adds the launch figures to `s`: items launched after time 0, up to `asOf`. With
    // `strict`, only what happened before `asOf` counts (a closed bucket holds what came
    // before its end); without, everything tracked so far (the live view, the last bucket).
    void addLaunchFigures(ColdStartStats& s, core::SimTime asOf, bool strict) const {
        const auto& launch = engine().world().items.launchTime;
        auto reached = [&](core::SimTime at) { return at >= 0.0 && (!strict || at < asOf); };
        double toImpression = 0.0, toPurchase = 0.0;
        for (core::ItemId item : lateItems) {
            if (strict ? launch[item] >= asOf : launch[item] > asOf)
                break;
            ++s.launchedItems;
            const ItemStats& is = items[item];
            if (reached(is.firstImpression)) {
                ++s.launchedWithImpression;
                toImpression += (is.firstImpression - launch[item]) / core::kSecondsPerHour;
            }
            if (reached(is.firstPurchase)) {
                ++s.launchedWithPurchase;
                toPurchase += (is.firstPurchase - launch[item]) / core::kSecondsPerHour;
            }
        }
        if (s.launchedWithImpression)
            s.meanHoursToFirstImpression =
                toImpression / static_cast<double>(s.launchedWithImpression);
        if (s.launchedWithPurchase)
            s.meanHoursToFirstPurchase = toPurchase / static_cast<double>(s.launchedWithPurchase);
    }

    ColdStartStats coldStart() const {
        ColdStartStats s = cold;
        addLaunchFigures(s, engine().now(), false);
        return s;
    }

    // Closes the mirror buckets that end at or before `time`, as
    // MetricsAccumulator::advanceTo does.
    void advanceColdTo(core::SimTime time) {
        while (time >= coldBucketStart + coldBucketWidth) {
            const core::SimTime end = coldBucketStart + coldBucketWidth;
            coldClosed.emplace_back(end, coldOpen);
            coldOpen = ColdStartStats{};
            coldBucketStart = end;
        }
    }

    // The counts of the engine bucket ending at `end`. `whole` is false for the run's last,
    // partial bucket (the open one).
    ColdStartStats takeColdBucket(core::SimTime end, bool& whole) {
        advanceColdTo(end);
        ColdStartStats counts;
        while (!coldClosed.empty() && coldClosed.front().first <= end) {
            addColdStartBucket(counts, coldClosed.front().second);
            const bool match = coldClosed.front().first == end;
            coldClosed.pop_front();
            if (match) {
                whole = true;
                return counts;
            }
        }
        addColdStartBucket(counts, coldOpen);
        coldOpen = ColdStartStats{};
        coldBucketStart = std::max(coldBucketStart, end);
        whole = false;
        return counts;
    }

    // The stored cold-start rows of one bucket the engine closed.
    std::vector<MetricRow> bucketRows(const core::MetricPoint& bucket) {
        bool whole = false;
        ColdStartStats s = takeColdBucket(bucket.bucketEnd, whole);
        if (whole)
            addLaunchFigures(s, bucket.bucketEnd, true);
        else
            addLaunchFigures(s, engine().now(), false); // what the live panel ends with
        return coldStartRows(bucket.bucketEnd, s);
    }

    // Rows for buckets the worker stores itself; when not storing, keeps the mirror in step.
    std::vector<MetricRow> closedRows(const std::vector<core::MetricPoint>& closed, bool stored) {
        std::vector<MetricRow> out;
        for (const core::MetricPoint& p : closed) {
            if (stored) {
                std::vector<MetricRow> rows = bucketRows(p);
                out.insert(out.end(), std::make_move_iterator(rows.begin()),
                           std::make_move_iterator(rows.end()));
            } else {
                bool whole = false;
                (void)takeColdBucket(p.bucketEnd, whole);
            }
        }
        return out;
    }
};

EngineWorker::EngineWorker(const core::RecommenderRegistry& registry, QObject* parent)
    : QObject(parent), m_registry(registry), m_timer(new QTimer(this)) {
    qRegisterMetaType<ArenaSpec>();
    qRegisterMetaType<SnapshotBatch>();
    qRegisterMetaType<StepReport>();
    qRegisterMetaType<UserInspection>();
    qRegisterMetaType<ItemInspection>();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        try {
            runSlice();
        } catch (const std::exception& e) {
            fail(QString::fromStdString(e.what()));
        }
    });
}

EngineWorker::~EngineWorker() {
    shutdown();
}

void EngineWorker::start(const ArenaSpec& spec, quint64 generation, bool paused) {
    try {
        if (m_running)
            finishRun(true);
        m_cores.clear();
        m_generation = generation;
        m_recentUsers.clear();
        if (spec.cores.empty()) {
            emit runFailed(generation, tr("Choose at least one recommender core."));
            return;
        }
        if (!spec.dbPath.isEmpty() && (!m_store || spec.dbPath != m_storePath)) {
            m_store.reset();
            auto opened = RunStore::open(spec.dbPath);
            if (!opened) {
                emit runFailed(generation, QString::fromStdString(opened.error()));
                return;
            }
            m_store = std::move(opened).value();
            m_storePath = spec.dbPath;
        }
        // The runs of one arena share an experiment id so that the history can group them.
        // Wall-clock milliseconds: unique enough across sessions and never part of results.
        const qint64 experimentId = spec.cores.size() > 1 ? QDateTime::currentMSecsSinceEpoch() : 0;
        for (const ArenaSpec::Core& c : spec.cores) {
            RunSpec rs;
            rs.scenario = spec.scenario;
            rs.seed = spec.seed;
            rs.recommender = c.recommender;
            rs.params = c.params;
            rs.limits = spec.limits;
            rs.label = spec.label;
            rs.experimentId = experimentId;
            auto state = std::make_unique<CoreState>();
            if (!spec.dbPath.isEmpty()) {
                auto opened = RunStore::open(spec.dbPath);
                if (!opened) {
                    m_cores.clear();
                    emit runFailed(generation, QString::fromStdString(opened.error()));
                    return;
                }
                state->store = std::move(opened).value();
            }
            auto job = RunJob::create(rs, m_registry, state->store.get());
            if (!job) {
                m_cores.clear();
                emit runFailed(generation, QString::fromStdString(job.error()));
                return;
            }
            state->job = std::move(job).value();
            state->coldBucketWidth = state->engine().metrics().bucketWidth();
            // The last bucket is closed and stored by RunJob::finish: its cold-start rows go
            // in the same write, before the run is marked finished.
            CoreState* raw = state.get();
            state->job->setBucketRows(
                [raw](const core::MetricPoint& bucket) { return raw->bucketRows(bucket); });
            const World& w = state->engine().world();
            state->users.resize(w.users.size());
            state->items.resize(w.items.size());
            const double duration = std::max(1.0, state->engine().endTime());
            if (w.items.size()) {
                state->bins = std::clamp<std::size_t>(kMaxBinCells / (w.items.size() * 3), 0, 96);
                if (state->bins < 8)
                    state->bins = 0; // huge catalogues: totals only
            }
            if (state->bins) {
                state->binSeconds = duration / static_cast<double>(state->bins);
                state->binCells.assign(w.items.size() * state->bins * 3, 0);
            }
            for (core::ItemId i = 0; i < w.items.size(); ++i)
                if (w.items.launchTime[i] > 0.0)
                    state->lateItems.push_back(i);
            std::stable_sort(state->lateItems.begin(), state->lateItems.end(),
                             [&](core::ItemId a, core::ItemId b) {
                                 return w.items.launchTime[a] < w.items.launchTime[b];
                             });
            m_cores.push_back(std::move(state));
        }
        const Engine& first = m_cores.front()->engine();
        m_endTime = spec.limits.maxDays > 0.0
                        ? std::min(first.endTime(), spec.limits.maxDays * core::kSecondsPerDay)
                        : first.endTime();
        m_maxEvents = spec.limits.maxEvents;
        m_running = true;
        m_paused = paused;
        m_sinceEmit.start();
        m_paceClock.start();
        m_paceSimStart = 0.0;
        emitBatch(false);
        if (!m_paused)
            scheduleSlice(0);
    } catch (const std::exception& e) {
        fail(QString::fromStdString(e.what()));
    }
}

void EngineWorker::pause() {
    m_paused = true;
    m_timer->stop();
    if (m_running)
        emitBatch(false);
}

void EngineWorker::resume() {
    if (!m_running || !m_paused)
        return;
    m_paused = false;
    m_paceClock.start();
    m_paceSimStart = m_cores.empty() ? 0.0 : m_cores.front()->engine().now();
    scheduleSlice(0);
}

void EngineWorker::stop() {
    m_timer->stop();
    if (m_running) {
        try {
            finishRun(true);
        } catch (const std::exception& e) {
            fail(QString::fromStdString(e.what()));
        }
    }
}

void EngineWorker::setSpeed(double simSecondsPerSecond) {
    m_speed = std::max(0.0, simSecondsPerSecond);
    m_paceClock.start();
    core::SimTime slowest = std::numeric_limits<double>::infinity();
    for (const auto& c : m_cores)
        slowest = std::min(slowest, c->engine().now());
    m_paceSimStart = m_cores.empty() ? 0.0 : slowest;
}

void EngineWorker::shutdown() {
    m_timer->stop();
    if (m_running) {
        try {
            finishRun(true);
        } catch (...) {
            // Best effort at exit: the store keeps the run as "running" at worst.
        }
    }
    m_cores.clear();
    m_store.reset();
}

void EngineWorker::scheduleSlice(int delayMs) {
    m_timer->start(delayMs);
}

bool EngineWorker::allDone() const {
    return std::all_of(m_cores.begin(), m_cores.end(), [](const auto& c) { return c->done; });
}

bool EngineWorker::advance(CoreState& c, StepRecord* record) {
    if (c.done)
        return false;
    ActionRecord& a = c.scratch;
    // A day limit stops where Engine::run stops: nothing scheduled at or after the limit
    // is generated, so a run driven here stores the same events as the CLI's.
    if (m_endTime < c.engine().endTime() && c.engine().nextScheduledTime() >= m_endTime) {
        c.done = true;
        return false;
    }
    if (!c.engine().nextAction(&a)) {
        c.done = true;
        return false;
    }
    if (record) {
        record->valid = true;
        record->user = a.user;
        record->time = a.time;
        record->surface = a.request.surface;
        record->contextItem = a.request.contextItem;
        record->clicked = a.clicked;
        record->sessionStarted = a.sessionStarted;
        record->sessionEnded = a.sessionEnded;
        record->events = a.events;
        record->slate = explain(c, a.request, a.slate);
        auto it = c.details.find(a.user);
        if (it != c.details.end() && it->second.slateTime >= 0.0) {
            core::Request previous = a.request;
            previous.surface = it->second.surface;
            previous.contextItem = it->second.contextItem;
            previous.exclude = {};
            record->previousSlate = explain(c, previous, it->second.slate);
        }
    }
    c.track(a);
    if (c.job->done())
        c.done = true;
    return true;
}

void EngineWorker::runSlice() {
    if (!m_running || m_paused)
        return;
    QElapsedTimer slice;
    slice.start();
    const bool paced = m_speed > 0.0;
    const core::SimTime target =
        paced ? m_paceSimStart + static_cast<double>(m_paceClock.elapsed()) / 1000.0 * m_speed
              : std::numeric_limits<double>::infinity();
    bool waiting = false;
    for (int n = 1;; ++n) {
        CoreState* slowest = nullptr;
        for (auto& c : m_cores)
            if (!c->done && (!slowest || c->engine().now() < slowest->engine().now()))
                slowest = c.get();
        if (!slowest)
            break;
        if (slowest->engine().now() >= target) {
            waiting = true;
            break;
        }
        if (advance(*slowest, nullptr) && slowest == m_cores.front().get()) {
            const core::UserId u = slowest->scratch.user;
            if (m_recentUsers.empty() || m_recentUsers.back() != u)
                m_recentUsers.push_back(u);
        }
        if (n % 32 == 0 && slice.elapsed() >= kSliceMs)
            break;
    }
    for (auto& c : m_cores) {
        if (core::Status st = c->engine().flushSink(); !st) {
            fail(QString::fromStdString(st.error()));
            return;
        }
        std::vector<core::MetricPoint> closed = c->engine().takeFinishedBuckets();
        if (!closed.empty()) {
            const bool storing = m_store && c->job->runId();
            const std::vector<MetricRow> cold = c->closedRows(closed, storing);
            if (storing) {
                if (core::Status st = m_store->appendMetrics(c->job->runId(), closed, cold); !st) {
                    fail(QString::fromStdString(st.error()));
                    return;
                }
            }
            for (const core::MetricPoint& p : closed)
                c->closedSum.add(p.counters);
            c->pendingBuckets.insert(c->pendingBuckets.end(), closed.begin(), closed.end());
        }
    }
    if (allDone()) {
        finishRun(false);
        return;
    }
    if (m_sinceEmit.elapsed() >= m_emitIntervalMs)
        emitBatch(false);
    // When paced and ahead of the wall clock, sleep a frame instead of spinning.
    scheduleSlice(waiting ? 15 : 0);
}

void EngineWorker::step() {
    if (!m_running || !m_paused)
        return;
    try {
        StepReport report;
        report.generation = m_generation;
        for (std::size_t i = 0; i < m_cores.size(); ++i) {
            StepRecord r;
            r.core = static_cast<int>(i);
            advance(*m_cores[i], &r);
            if (i == 0 && r.valid)
                m_recentUsers.push_back(r.user);
            report.cores.push_back(std::move(r));
        }
        for (auto& c : m_cores) {
            if (core::Status st = c->engine().flushSink(); !st) {
                fail(QString::fromStdString(st.error()));
                return;
            }
            std::vector<core::MetricPoint> closed = c->engine().takeFinishedBuckets();
            const bool storing = m_store && c->job->runId();
            const std::vector<MetricRow> cold = c->closedRows(closed, storing);
            if (!closed.empty() && storing)
                (void)m_store->appendMetrics(c->job->runId(), closed, cold);
            for (const core::MetricPoint& p : closed)
                c->closedSum.add(p.counters);
            c->pendingBuckets.insert(c->pendingBuckets.end(), closed.begin(), closed.end());
        }
        emit stepped(report);
        if (allDone())
            finishRun(false);
        else
            emitBatch(false);
    } catch (const std::exception& e) {
        fail(QString::fromStdString(e.what()));
    }
}

std::vector<ExplainedEntry> EngineWorker::explain(const CoreState& c, const core::Request& request,
                                                  const core::Slate& slate) const {
    std::vector<ExplainedEntry> out;
    const core::Recommender* rec = c.engine().recommender();
    const core::ItemTable& items = c.engine().world().items;
    for (const core::SlateEntry& e : slate) {
        ExplainedEntry x;
        x.item = e.item;
        x.score = e.score;
        if (items.contains(e.item))
            x.itemDescription = QString::fromStdString(core::describeItem(items, e.item));
        if (rec)
            x.explanation = QString::fromStdString(rec->explain(request, e.item));
        out.push_back(std::move(x));
    }
    return out;
}

void EngineWorker::emitBatch(bool finished) {
    QElapsedTimer cost;
    cost.start();
    m_sinceEmit.start();
    SnapshotBatch b;
    b.generation = m_generation;
    b.finished = finished;
    b.endTime = m_endTime;
    core::SimTime slowest = std::numeric_limits<double>::infinity();
    double fraction = 1.0;
    for (auto& c : m_cores) {
        CoreSnapshot s;
        s.runId = c->job->runId();
        s.buckets = std::move(c->pendingBuckets);
        c->pendingBuckets.clear();
        const Engine& e = c->engine();
        const core::SimTime now = e.now();
        slowest = std::min(slowest, now);
        s.total = e.summary();
        if (!finished) {
            core::MetricPoint& p = s.partial;
            p.bucketStart = std::floor(now / e.metrics().bucketWidth()) * e.metrics().bucketWidth();
            p.bucketEnd = now;
            p.counters = minus(s.total.counters, c->closedSum);
            p.ctr = ratio(p.counters.clicks, p.counters.impressions);
            p.cvrImpressions = ratio(p.counters.recPurchases, p.counters.impressions);
            p.cvrClicks = ratio(p.counters.recPurchases, p.counters.clicks);
            p.coverage = s.total.coverage;
            p.gini = s.total.gini;
            p.latencyP50us = s.total.latencyP50us;
            p.latencyP95us = s.total.latencyP95us;
            p.latencyP99us = s.total.latencyP99us;
            s.hasPartial = p.counters.impressions > 0 || p.counters.events > 0;
        }
        s.coldStart = c->coldStart();
        b.events += s.total.counters.events;
        const double f =
            m_maxEvents ? static_cast<double>(e.eventsConsumed()) / static_cast<double>(m_maxEvents)
                        : (m_endTime > 0.0 ? now / m_endTime : 1.0);
        fraction = std::min(fraction, c->done ? 1.0 : std::clamp(f, 0.0, 1.0));
        b.cores.push_back(std::move(s));
    }
    b.simTime = m_cores.empty() ? 0.0 : slowest;
    b.fraction = finished ? 1.0 : fraction;
    for (auto it = m_recentUsers.rbegin();
         it != m_recentUsers.rend() && b.activeUsers.size() < kRecentUsers; ++it)
        if (std::find(b.activeUsers.begin(), b.activeUsers.end(), *it) == b.activeUsers.end())
            b.activeUsers.push_back(*it);
    if (m_recentUsers.size() > 4 * kRecentUsers)
        m_recentUsers.erase(m_recentUsers.begin(),
                            m_recentUsers.end() - static_cast<std::ptrdiff_t>(kRecentUsers));
    emit batchReady(b);
    // A snapshot costs O(exposed items) (Gini, coverage): on huge catalogues, space them
    // out so that taking snapshots never eats more than ~10 % of the engine's time.
    m_emitIntervalMs = std::max<qint64>(kEmitMs, 10 * cost.elapsed());
}

void EngineWorker::finishRun(bool cancelled) {
    m_timer->stop();
    if (!m_running)
        return;
    m_running = false;
    QList<qint64> ids;
    const bool wasCancelled = cancelled && !allDone();
    for (auto& c : m_cores) {
        const std::size_t before = c->job->buckets().size();
        core::Status st =
            c->job->finish(wasCancelled ? QStringLiteral("cancelled") : QStringLiteral("finished"));
        const auto& all = c->job->buckets();
        // RunJob::finish closes and stores the last (partial) bucket; hand it to the charts.
        for (std::size_t i = before; i < all.size(); ++i)
            c->pendingBuckets.push_back(all[i]);
        if (!st) {
            emit runFailed(m_generation, QString::fromStdString(st.error()));
        }
        ids.push_back(c->job->runId());
    }
    emitBatch(true);
    emit runEnded(m_generation, ids, wasCancelled);
}

void EngineWorker::fail(const QString& message) {
    m_timer->stop();
    if (m_running) {
        m_running = false;
        for (auto& c : m_cores)
            (void)c->job->finish(QStringLiteral("failed"));
    }
    emit runFailed(m_generation, message);
}

void EngineWorker::inspectUser(quint64 generation, int coreIndex, quint32 user) {
    UserInspection r;
    r.generation = generation;
    r.core = coreIndex;
    r.user = user;
    if (generation != m_generation || coreIndex < 0 ||
        coreIndex >= static_cast<int>(m_cores.size())) {
        r.error = tr("No run to inspect.");
        emit userInspected(r);
        return;
    }
    const CoreState& c = *m_cores[static_cast<std::size_t>(coreIndex)];
    const core::UserTable& users = c.engine().world().users;
    if (!users.contains(user)) {
        r.error =
            tr("There is no shopper %1; ids run from 0 to %2.").arg(user).arg(users.size() - 1);
        emit userInspected(r);
        return;
    }
    r.valid = true;
    r.ageBand = users.ageBand[user];
    r.gender = users.gender[user];
    r.occupation = users.occupation[user];
    r.region = users.region[user];
    r.joinTime = users.joinTime.size() > user ? users.joinTime[user] : 0.0;
    const CoreState::UserStats& s = c.users[user];
    r.sessions = s.sessions;
    r.events = s.events;
    r.frequency = s.purchases;
    r.monetary = s.spent;
    const core::SimTime now = c.engine().now();
    r.recencyDays = s.lastPurchase >= 0.0 ? (now - s.lastPurchase) / core::kSecondsPerDay : -1.0;
    const ShopState& state = c.engine().state();
    if (user < state.returnWeight.size())
        r.returnWeight = state.returnWeight[user];
    if (user < state.churned.size())
        r.churned = state.churned[user] != 0;
    // Segments from simple RFM rules, as shop CRM dashboards use them.
    if (s.purchases == 0)
        r.segment = s.sessions <= 2 ? QStringLiteral("new") : QStringLiteral("browser");
    else if (r.recencyDays > 3.0)
        r.segment = QStringLiteral("at-risk");
    else if (s.purchases >= 3)
        r.segment = QStringLiteral("champion");
    else
        r.segment = QStringLiteral("loyal");
    auto it = c.details.find(user);
    if (it != c.details.end()) {
        const CoreState::UserDetail& d = it->second;
        const std::size_t n = std::min(d.count, kRecentEvents);
        for (std::size_t i = d.count - n; i < d.count; ++i)
            r.recentEvents.push_back(d.ring[i % kRecentEvents]);
        if (d.slateTime >= 0.0) {
            core::Request req;
            req.user = user;
            req.time = d.slateTime;
            req.surface = d.surface;
            req.contextItem = d.contextItem;
            req.k = static_cast<int>(d.slate.size());
            r.slateTime = d.slateTime;
            r.slate = explain(c, req, d.slate);
        }
    }
    emit userInspected(r);
}

void EngineWorker::inspectItem(quint64 generation, int coreIndex, quint32 item) {
    ItemInspection r;
    r.generation = generation;
    r.core = coreIndex;
    r.item = item;
    if (generation != m_generation || coreIndex < 0 ||
        coreIndex >= static_cast<int>(m_cores.size())) {
        r.error = tr("No run to inspect.");
        emit itemInspected(r);
        return;
    }
    const CoreState& c = *m_cores[static_cast<std::size_t>(coreIndex)];
    const core::ItemTable& items = c.engine().world().items;
    if (!items.contains(item)) {
        r.error = tr("There is no item %1; ids run from 0 to %2.").arg(item).arg(items.size() - 1);
        emit itemInspected(r);
        return;
    }
    r.valid = true;
    r.description = QString::fromStdString(core::describeItem(items, item));
    if (item < items.category.size() && items.category[item] < items.categoryName.size())
        r.category = QString::fromStdString(items.categoryName[items.category[item]]);
    r.brand = items.brand[item];
    r.price = items.price[item];
    r.discount = items.discount[item];
    r.available = items.isAvailable(item);
    r.launchTime = items.launchTime[item];
    const ShopState& state = c.engine().state();
    if (item < state.stock.size()) {
        r.stock = state.stock[item];
        r.sold = state.sold[item];
        r.restocked = state.restocked[item];
        r.promotionDiscount = state.promotionDiscount[item];
    }
    const CoreState::ItemStats& s = c.items[item];
    r.impressions = s.impressions;
    r.clicks = s.clicks;
    r.purchases = s.purchases;
    if (c.bins) {
        r.binSeconds = c.binSeconds;
        const std::size_t lastBin =
            std::min(c.bins, static_cast<std::size_t>(c.engine().now() / c.binSeconds) + 1);
        for (std::size_t b = 0; b < lastBin; ++b) {
            const std::size_t at = (static_cast<std::size_t>(item) * c.bins + b) * 3;
            r.impressionBins.push_back(c.binCells[at]);
            r.clickBins.push_back(c.binCells[at + 1]);
            r.purchaseBins.push_back(c.binCells[at + 2]);
        }
    }
    emit itemInspected(r);
}

} // namespace recoscope::sim
