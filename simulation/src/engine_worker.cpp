#include "recoscope/sim/engine_worker.h"

#include "recoscope/sim/run_job.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>
#include <exception>
#include <limits>

namespace recoscope::sim {

namespace {
// A slice yields to the worker's event loop after this much wall-clock time: short enough
// that pause/stop/inspector requests wait at most ~20 ms, long enough that the per-slice
// overhead (sink flush, bucket hand-over) stays below 1 %.
constexpr qint64 kSliceMs = 20;
// At most one batch per 50 ms: the GUI repaints at ~30 Hz, more would only queue up.
constexpr qint64 kEmitMs = 50;
constexpr std::size_t kRecentUsers = 60;
// The paired per-user statistics cost O(users) per core: once a second is enough for a
// table a person reads, and keeps them off most snapshots of huge populations.
constexpr qint64 kStatisticsMs = 1000;
// Threaded slices: how far past the slowest core one round takes every core (simulated
// seconds). An hour is a few thousand actions on `default`: cores stay within an hour of
// each other, and a round is long enough that starting its threads costs nothing.
constexpr core::SimTime kRoundSimSeconds = 3600.0;
} // namespace

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
    m_jobTimer = new QTimer(this);
    m_jobTimer->setSingleShot(true);
    connect(m_jobTimer, &QTimer::timeout, this, [this] {
        try {
            runJob();
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
        m_arena.reset();
        m_generation = generation;
        m_recentUsers.clear();
        m_job.reset();
        m_jobTimer->stop();
        m_tape = StepTape{};
        m_spec = spec;
        if (spec.cores.empty()) {
            emit runFailed(generation, tr("Choose at least one recommender core."));
            return;
        }
        // The runs of one arena share an experiment id so that the history can group them.
        // Wall-clock milliseconds: unique enough across sessions and never part of results.
        const qint64 experimentId = spec.cores.size() > 1 ? QDateTime::currentMSecsSinceEpoch() : 0;
        auto arena = Arena::create(spec, registry(), experimentId);
        if (!arena) {
            emit runFailed(generation, QString::fromStdString(arena.error()));
            return;
        }
        m_arena = std::move(arena).value();
        m_sinceStatistics.invalidate();
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
    if (!m_running || !m_paused || m_job)
        return;
    m_paused = false;
    m_paceClock.start();
    m_paceSimStart = m_arena ? m_arena->engine(0).now() : 0.0;
    scheduleSlice(0);
}

void EngineWorker::stop() {
    m_timer->stop();
    m_jobTimer->stop();
    m_job.reset();
    if (m_running) {
        try {
            finishRun(true);
        } catch (const std::exception& e) {
            fail(QString::fromStdString(e.what()));
        }
    }
}

core::SimTime EngineWorker::slowestTime() const {
    core::SimTime slowest = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; m_arena && i < m_arena->size(); ++i)
        slowest = std::min(slowest, m_arena->engine(i).now());
    return m_arena ? slowest : 0.0;
}

void EngineWorker::setSpeed(double simSecondsPerSecond) {
    m_speed = std::max(0.0, simSecondsPerSecond);
    m_paceClock.start();
    m_paceSimStart = slowestTime();
}

void EngineWorker::shutdown() {
    m_timer->stop();
    m_jobTimer->stop();
    m_job.reset();
    if (m_running) {
        try {
            finishRun(true);
        } catch (...) {
            // Best effort at exit: the store keeps the run as "running" at worst.
        }
    }
    m_arena.reset();
}

void EngineWorker::scheduleSlice(int delayMs) {
    m_timer->start(delayMs);
}

void EngineWorker::noteUser(core::UserId user) {
    if (m_recentUsers.empty() || m_recentUsers.back() != user)
        m_recentUsers.push_back(user);
}

// Stores what the slice closed; false (and the run failed) on a store error.
bool EngineWorker::collect() {
    if (core::Status st = m_arena->collect(); !st) {
        fail(QString::fromStdString(st.error()));
        return false;
    }
    return true;
}

void EngineWorker::runSlice() {
    if (!m_running || m_paused)
        return;
    QElapsedTimer slice;
    slice.start();
    const core::SimTime target =
        m_speed > 0.0
            ? m_paceSimStart + static_cast<double>(m_paceClock.elapsed()) / 1000.0 * m_speed
            : std::numeric_limits<double>::infinity();
    bool waiting = false;
    if (m_spec.threads > 1 && m_arena->size() > 1) {
        // Cores on several threads: rounds that take every core to one simulated hour past
        // the slowest (so that their charts stay aligned, as in lock-step), until the slice's
        // wall-clock time is spent. The tape keeps each core's calls for Step back.
        std::vector<core::UserId> users;
        while (slice.elapsed() < kSliceMs) {
            const int slowest = m_arena->slowest();
            if (slowest < 0)
                break;
            const core::SimTime now = m_arena->engine(static_cast<std::size_t>(slowest)).now();
            if (now >= target) {
                waiting = true;
                break;
            }
            const std::vector<std::uint64_t> calls = m_arena->advanceEach(
                std::min(target, now + kRoundSimSeconds), std::numeric_limits<std::uint64_t>::max(),
                m_spec.threads, kSliceMs - slice.elapsed(), &users);
            m_tape.recordRunEach(calls);
        }
        for (core::UserId u : users)
            noteUser(u);
    } else {
        runLockStep(slice, target, waiting);
    }
    if (!collect())
        return;
    if (m_arena->allDone()) {
        finishRun(false);
        return;
    }
    if (m_sinceEmit.elapsed() >= m_emitIntervalMs)
        emitBatch(false);
    // When paced and ahead of the wall clock, sleep a frame instead of spinning.
    scheduleSlice(waiting ? 15 : 0);
}

void EngineWorker::runLockStep(const QElapsedTimer& slice, core::SimTime target, bool& waiting) {
    std::uint64_t calls = 0; // advance() calls, for the tape (Step back replays them)
    for (int n = 1;; ++n) {
        const int i = m_arena->slowest();
        if (i < 0)
            break;
        const auto core = static_cast<std::size_t>(i);
        if (m_arena->engine(core).now() >= target) {
            waiting = true;
            break;
        }
        const ActionRecord* a = m_arena->advance(core);
        ++calls;
        if (a && core == 0)
            noteUser(a->user);
        if (n % 32 == 0 && slice.elapsed() >= kSliceMs)
            break;
    }
    m_tape.recordRun(calls);
}

void EngineWorker::step(quint32 follow) {
    if (!m_running || !m_paused || m_job)
        return;
    m_job = std::make_unique<StepJob>(
        std::vector<StepTape::Op>{{StepTape::Op::Kind::Step, 0, follow, {}}}, m_tape.steps() + 1);
    m_jobIsStep = true;
    m_jobFollow = follow;
    m_jobTimer->start(0);
}

void EngineWorker::stepBack(quint64 generation) {
    try {
        if (core::Status st = rebuild(generation); !st) {
            fail(QString::fromStdString(st.error()));
            return;
        }
        m_jobTimer->start(0);
    } catch (const std::exception& e) {
        fail(QString::fromStdString(e.what()));
    }
}

// A fresh arena from the same spec, with the tape cut to the previous step for runJob()
// to replay: the arena is deterministic, so this is the state that step left.
core::Status EngineWorker::rebuild(quint64 generation) {
    m_timer->stop();
    m_jobTimer->stop();
    m_job.reset();
    const int target = std::max(0, m_tape.steps() - 1);
    std::vector<StepTape::Op> ops = m_tape.prefix(target);
    std::vector<qint64> superseded;
    if (m_arena) {
        superseded = m_running ? m_arena->finish(true).runIds : std::vector<qint64>{};
        for (std::size_t i = 0; !m_running && i < m_arena->size(); ++i)
            superseded.push_back(m_arena->job(i).runId());
    }
    m_arena.reset();
    m_running = false;
    m_generation = generation;
    if (!m_spec.dbPath.isEmpty() && !superseded.empty()) {
        // The replay stores the same events again: the superseded runs would be duplicates.
        auto store = RunStore::open(m_spec.dbPath);
        if (!store)
            return core::Error{store.error()};
        for (qint64 id : superseded)
            if (id > 0)
                if (core::Status st = store.value()->deleteRun(id); !st)
                    return st;
    }
    const qint64 experimentId = m_spec.cores.size() > 1 ? QDateTime::currentMSecsSinceEpoch() : 0;
    auto arena = Arena::create(m_spec, registry(), experimentId);
    if (!arena)
        return core::Error{arena.error()};
    m_arena = std::move(arena).value();
    m_tape.truncate(target);
    m_recentUsers.clear();
    m_sinceStatistics.invalidate();
    m_running = true;
    m_paused = true;
    m_sinceEmit.start();
    m_job = std::make_unique<StepJob>(std::move(ops), 1);
    m_jobIsStep = false;
    return core::Ok{};
}

void EngineWorker::runJob() {
    if (!m_job || !m_arena)
        return;
    QElapsedTimer slice;
    slice.start();
    bool done = false;
    while (!done && slice.elapsed() < kSliceMs)
        done = m_job->work(*m_arena, 1024);
    for (core::UserId u : m_job->takeRunUsers())
        noteUser(u);
    if (!collect())
        return;
    if (!done) {
        if (m_sinceEmit.elapsed() >= m_emitIntervalMs)
            emitBatch(false);
        m_jobTimer->start(0);
        return;
    }
    if (m_jobIsStep)
        m_tape.recordStep(m_jobFollow);
    StepReport report = m_job->hasReport() ? m_job->report() : StepReport{};
    m_job.reset();
    report.generation = m_generation;
    if (!report.cores.empty() && report.cores.front().valid)
        m_recentUsers.push_back(report.cores.front().user);
    emit stepped(report);
    if (m_arena->allDone())
        finishRun(false);
    else
        emitBatch(false);
}

void EngineWorker::emitBatch(bool finished) {
    QElapsedTimer cost;
    cost.start();
    m_sinceEmit.start();
    SnapshotBatch b;
    const bool statistics =
        finished || !m_sinceStatistics.isValid() || m_sinceStatistics.elapsed() >= kStatisticsMs;
    if (statistics)
        m_sinceStatistics.start();
    static_cast<ArenaSnapshot&>(b) = m_arena->takeSnapshot(finished, statistics);
    b.generation = m_generation;
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
    const Arena::Finish f = m_arena->finish(cancelled);
    for (const std::string& error : f.errors)
        emit runFailed(m_generation, QString::fromStdString(error));
    emitBatch(true);
    emit runEnded(m_generation, QList<qint64>(f.runIds.begin(), f.runIds.end()), f.cancelled);
}

void EngineWorker::fail(const QString& message) {
    m_timer->stop();
    m_jobTimer->stop();
    m_job.reset();
    if (m_running) {
        m_running = false;
        m_arena->fail();
    }
    emit runFailed(m_generation, message);
}

void EngineWorker::inspectUser(quint64 generation, int coreIndex, quint32 user) {
    UserInspection r;
    if (generation != m_generation || !m_arena || coreIndex < 0 ||
        coreIndex >= static_cast<int>(m_arena->size())) {
        r.user = user;
        r.error = tr("No run to inspect.");
    } else {
        // From now on this shopper's slates keep the explanations composed when served.
        m_arena->watchUser(user);
        r = m_arena->inspectUser(static_cast<std::size_t>(coreIndex), user);
    }
    r.generation = generation;
    r.core = coreIndex;
    emit userInspected(r);
}

void EngineWorker::inspectItem(quint64 generation, int coreIndex, quint32 item) {
    ItemInspection r;
    if (generation != m_generation || !m_arena || coreIndex < 0 ||
        coreIndex >= static_cast<int>(m_arena->size())) {
        r.item = item;
        r.error = tr("No run to inspect.");
    } else {
        r = m_arena->inspectItem(static_cast<std::size_t>(coreIndex), item);
    }
    r.generation = generation;
    r.core = coreIndex;
    emit itemInspected(r);
}

} // namespace recoscope::sim
