#include "recoscope/ui/run_controller.h"

#include "recoscope/core/registry.h"

#include <QThread>

#include <QTimer>
#include <algorithm>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace recoscope::ui {

RunController::RunController(const core::RecommenderRegistry& registry, QObject* parent)
    : QObject(parent), m_registry(registry), m_thread(new QThread(this)),
      m_worker(new sim::EngineWorker(registry)), m_logWorker(new sim::LogWorker(registry)),
      m_refresh(new QTimer(this)) {
    m_thread->setObjectName(QStringLiteral("recoscope-engine"));
    m_worker->moveToThread(m_thread);
    m_logWorker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_thread, &QThread::finished, m_logWorker, &QObject::deleteLater);
    connectLogWorker();
    connect(m_worker, &sim::EngineWorker::batchReady, this, &RunController::onBatch);
    connect(m_worker, &sim::EngineWorker::stepped, this, [this](const sim::StepReport& r) {
        if (r.generation != m_generation)
            return;
        m_stepNumber = r.step;
        setStepping(false);
        emit stepped(r);
    });
    connect(m_worker, &sim::EngineWorker::userInspected, this,
            [this](const sim::UserInspection& r) {
                if (r.generation == m_generation)
                    emit userInspected(r);
            });
    connect(m_worker, &sim::EngineWorker::itemInspected, this,
            [this](const sim::ItemInspection& r) {
                if (r.generation == m_generation)
                    emit itemInspected(r);
            });
    connect(m_worker, &sim::EngineWorker::runEnded, this,
            [this](quint64 generation, const QList<qint64>& ids, bool cancelled) {
                if (generation != m_generation)
                    return;
                m_eta = 0.0;
                setStepping(false);
                setState(State::Finished);
                emit refreshed();
                emit runEnded(ids, cancelled);
            });
    connect(m_worker, &sim::EngineWorker::runFailed, this,
            [this](quint64 generation, const QString& message) {
                if (generation != m_generation)
                    return;
                setStepping(false);
                setState(State::Finished);
                emit runFailed(message);
            });
    // ~30 Hz: the eye does not need more, and Qt Charts frames cost 5-20 ms each.
    m_refresh->setInterval(33);
    connect(m_refresh, &QTimer::timeout, this, [this] {
        if (!m_dirty)
            return;
        m_dirty = false;
        emit refreshed();
    });
    m_refresh->start();
    m_thread->start();
#ifdef __linux__
    // The engine thread yields to the GUI thread when they compete for a core: nice +5
    // gives it about a third of the GUI thread's CFS weight. QThread priorities are no-ops
    // under SCHED_OTHER, but Linux takes a nice value per thread.
    QMetaObject::invokeMethod(
        m_worker,
        [] { (void)setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 5); },
        Qt::QueuedConnection);
#endif
}

RunController::~RunController() {
    // A replay or import holds the thread until it polls its cancel flag (a few ms).
    m_logWorker->requestCancel(m_generation);
    m_logWorker->requestCancel(m_importGeneration);
    // Blocking: the worker finishes its slice (<= ~20 ms), records the run as cancelled
    // and closes its store before the thread goes away.
    QMetaObject::invokeMethod(m_worker, &sim::EngineWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void RunController::setState(State s) {
    if (s == m_state)
        return;
    m_state = s;
    emit stateChanged(s);
}

void RunController::stopCurrent() {
    // Both may be needed: the engine stops its arena at the next slice, the log worker its
    // replay at the next poll; the new job is queued behind either.
    if (m_replay)
        m_logWorker->requestCancel(m_generation);
    else if (m_state == State::Running || m_state == State::Paused)
        QMetaObject::invokeMethod(m_worker, &sim::EngineWorker::stop, Qt::QueuedConnection);
    m_logWorker->setPaused(false);
}

void RunController::start(const sim::ArenaSpec& spec, bool paused) {
    if (m_replay)
        stopCurrent();
    m_replay = false;
    m_stopped = false;
    m_spec = spec;
    m_generation = ++m_counter;
    QStringList ids;
    for (const auto& c : spec.cores)
        ids << QString::fromStdString(c.recommender);
    m_series.reset(ids);
    m_faultReported.assign(static_cast<std::size_t>(ids.size()), false);
    m_activeUsers.clear();
    m_fraction = 0.0;
    m_simTime = 0.0;
    m_events = 0;
    m_eta = -1.0;
    m_etaClock.start();
    m_etaFraction0 = 0.0;
    m_stepNumber = 0;
    setStepping(false);
    const quint64 gen = m_generation;
    sim::EngineWorker* w = m_worker;
    const double speed = m_speed;
    // The worker builds the cores from the registry as it is now; cores added while the
    // run goes (Add Python core…, Load plugin…) grow only the GUI's registry.
    auto snapshot = std::make_shared<const core::RecommenderRegistry>(m_registry);
    QMetaObject::invokeMethod(
        w,
        [w, spec, gen, paused, speed, snapshot] {
            w->setSpeed(speed);
            w->useRegistry(snapshot);
            w->start(spec, gen, paused);
        },
        Qt::QueuedConnection);
    setState(paused ? State::Paused : State::Running);
    m_dirty = true;
}

void RunController::pause() {
    if (m_state != State::Running)
        return;
    if (m_replay) {
        m_logWorker->setPaused(true);
        setState(State::Paused);
        return;
    }
    QMetaObject::invokeMethod(m_worker, &sim::EngineWorker::pause, Qt::QueuedConnection);
    setState(State::Paused);
}

void RunController::resume() {
    if (m_state != State::Paused || m_stepping)
        return;
    m_etaClock.start();
    m_etaFraction0 = m_fraction;
    if (m_replay) {
        m_logWorker->setPaused(false);
        setState(State::Running);
        return;
    }
    QMetaObject::invokeMethod(m_worker, &sim::EngineWorker::resume, Qt::QueuedConnection);
    setState(State::Running);
}

void RunController::stop() {
    if (m_state != State::Running && m_state != State::Paused)
        return;
    // The share done when the user pressed Stop is what the status bar keeps saying; a
    // final batch may report its run as complete (fraction 1) because it ended.
    m_stopped = true;
    stopCurrent();
}

void RunController::setStepping(bool on) {
    if (on == m_stepping)
        return;
    m_stepping = on;
    emit steppingChanged(on);
}

void RunController::setFollowUser(core::UserId user) {
    m_follow = user;
}

void RunController::step() {
    if (m_state != State::Paused || m_replay || m_stepping)
        return;
    setStepping(true);
    sim::EngineWorker* w = m_worker;
    const core::UserId follow = m_follow;
    QMetaObject::invokeMethod(
        w, [w, follow] { w->step(follow); }, Qt::QueuedConnection);
}

void RunController::stepBack() {
    if (m_state != State::Paused || m_replay || m_stepping || m_stepNumber == 0)
        return;
    // A new generation: the replay's batches rebuild the charts from the seed, and
    // nothing still queued from the superseded arena reaches them.
    m_generation = ++m_counter;
    QStringList ids;
    for (const auto& c : m_spec.cores)
        ids << QString::fromStdString(c.recommender);
    m_series.reset(ids);
    m_activeUsers.clear();
    setStepping(true);
    sim::EngineWorker* w = m_worker;
    const quint64 gen = m_generation;
    QMetaObject::invokeMethod(
        w, [w, gen] { w->stepBack(gen); }, Qt::QueuedConnection);
    m_dirty = true;
}

void RunController::setSpeed(double simSecondsPerSecond) {
    m_speed = simSecondsPerSecond;
    sim::EngineWorker* w = m_worker;
    QMetaObject::invokeMethod(
        w, [w, simSecondsPerSecond] { w->setSpeed(simSecondsPerSecond); }, Qt::QueuedConnection);
}

void RunController::inspectUser(int core, quint32 user) {
    sim::EngineWorker* w = m_worker;
    const quint64 gen = m_generation;
    QMetaObject::invokeMethod(
        w, [w, gen, core, user] { w->inspectUser(gen, core, user); }, Qt::QueuedConnection);
}

void RunController::inspectItem(int core, quint32 item) {
    sim::EngineWorker* w = m_worker;
    const quint64 gen = m_generation;
    QMetaObject::invokeMethod(
        w, [w, gen, core, item] { w->inspectItem(gen, core, item); }, Qt::QueuedConnection);
}

QList<qint64> RunController::runIds() const {
    QList<qint64> ids;
    for (int i = 0; i < m_series.coreCount(); ++i)
        ids << m_series.core(i).runId;
    return ids;
}

void RunController::onBatch(const sim::SnapshotBatch& batch) {
    if (batch.generation != m_generation)
        return; // a superseded run: never reaches the charts
    const bool first = m_series.coreCount() > 0 && m_series.core(0).runId == 0;
    m_series.append(batch);
    if (first && m_series.core(0).runId != 0)
        emit runStarted(runIds());
    m_activeUsers = batch.activeUsers;
    if (!m_stopped)
        m_fraction = batch.fraction;
    m_simTime = batch.simTime;
    m_endTime = batch.endTime;
    m_events = batch.events;
    updateEta(batch.finished);
    m_dirty = true;
    for (std::size_t i = 0; i < batch.cores.size() && i < m_faultReported.size(); ++i)
        if (!batch.cores[i].fault.empty() && !m_faultReported[i]) {
            m_faultReported[i] = true;
            const int index = static_cast<int>(i);
            emit coreStopped(index,
                             index < m_series.coreCount() ? m_series.core(index).coreId : QString(),
                             QString::fromStdString(batch.cores[i].fault));
        }
}

void RunController::updateEta(bool finished) {
    // Linear in the share done since the last start or resume.
    const double elapsed = static_cast<double>(m_etaClock.elapsed()) / 1000.0;
    const double done = m_fraction - m_etaFraction0;
    m_eta = (m_state == State::Running && done > 1e-4 && elapsed > 0.5)
                ? elapsed * (1.0 - m_fraction) / done
                : (finished ? 0.0 : -1.0);
}

void RunController::startReplay(const sim::LogReplayJob& job) {
    stopCurrent();
    m_replay = true;
    m_stopped = false;
    m_generation = ++m_counter;
    QStringList ids;
    for (const sim::ReplaySpec& c : job.specs)
        ids << QString::fromStdString(c.recommender);
    m_series.resetReplay(ids, job.specs.empty() ? 10 : job.specs.front().k);
    m_activeUsers.clear();
    m_fraction = 0.0;
    m_simTime = 0.0;
    m_endTime = 0.0;
    m_events = 0;
    m_eta = -1.0;
    m_etaClock.start();
    m_etaFraction0 = 0.0;
    const quint64 gen = m_generation;
    sim::LogWorker* w = m_logWorker;
    auto snapshot = std::make_shared<const core::RecommenderRegistry>(m_registry); // as start()
    QMetaObject::invokeMethod(
        w,
        [w, job, gen, snapshot] {
            w->useRegistry(snapshot);
            w->replay(job, gen);
        },
        Qt::QueuedConnection);
    setState(State::Running);
    m_dirty = true;
}

void RunController::importLog(const sim::LogImportJob& job) {
    // Imports share the generation counter so a cancel never reaches a later replay.
    m_importGeneration = ++m_counter;
    m_importing = true;
    const quint64 gen = m_importGeneration;
    sim::LogWorker* w = m_logWorker;
    QMetaObject::invokeMethod(
        w, [w, job, gen] { w->importLog(job, gen); }, Qt::QueuedConnection);
}

void RunController::cancelImport() {
    if (m_importing)
        m_logWorker->requestCancel(m_importGeneration);
}

void RunController::connectLogWorker() {
    connect(m_logWorker, &sim::LogWorker::replayBatch, this, [this](const sim::LogReplayBatch& b) {
        if (b.generation != m_generation || !m_replay)
            return;
        const bool first = m_series.coreCount() > 0 && m_series.core(0).runId == 0;
        m_series.setXExtentDays(b.span / core::kSecondsPerDay);
        m_series.appendReplay(b.bucket);
        if (first && m_series.core(0).runId != 0)
            emit runStarted(runIds());
        if (!m_stopped)
            m_fraction = b.bucket.fraction;
        m_simTime = std::min(b.bucket.end, b.span);
        m_endTime = b.span;
        m_events = static_cast<std::uint64_t>(b.bucket.events);
        updateEta(false);
        m_dirty = true;
    });
    connect(m_logWorker, &sim::LogWorker::replayEnded, this,
            [this](quint64 generation, const QList<qint64>& ids, bool cancelled) {
                if (generation != m_generation)
                    return;
                m_eta = 0.0;
                m_fraction = cancelled || m_stopped ? m_fraction : 1.0;
                setState(State::Finished);
                emit refreshed();
                emit runEnded(ids, cancelled);
            });
    connect(m_logWorker, &sim::LogWorker::replayFailed, this,
            [this](quint64 generation, const QString& message) {
                if (generation != m_generation)
                    return;
                setState(State::Finished);
                emit runFailed(message);
            });
    connect(m_logWorker, &sim::LogWorker::importProgress, this,
            [this](quint64 generation, double fraction) {
                if (generation == m_importGeneration)
                    emit importProgress(fraction);
            });
    connect(m_logWorker, &sim::LogWorker::importFinished, this,
            [this](quint64 generation, const QString& name, qint64 events, qint64 users,
                   qint64 items, qint64 skipped) {
                if (generation != m_importGeneration)
                    return;
                m_importing = false;
                emit importFinished(name, events, users, items, skipped);
            });
    connect(m_logWorker, &sim::LogWorker::importFailed, this,
            [this](quint64 generation, const QString& message) {
                if (generation != m_importGeneration)
                    return;
                m_importing = false;
                emit importFailed(message);
            });
}

} // namespace recoscope::ui
