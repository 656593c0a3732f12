#include "recoscope/sim/log_worker.h"

#include "recoscope/sim/log_reader.h"
#include "recoscope/sim/log_store.h"
#include "recoscope/sim/run_store.h"

#include <QElapsedTimer>
#include <QThread>

namespace recoscope::sim {

LogWorker::LogWorker(const core::RecommenderRegistry& registry, QObject* parent)
    : QObject(parent), m_registry(registry) {
    qRegisterMetaType<LogReplayJob>();
    qRegisterMetaType<LogReplayBatch>();
    qRegisterMetaType<LogImportJob>();
}

void LogWorker::requestCancel(quint64 generation) {
    std::lock_guard lock(m_mutex);
    m_cancelled.insert(generation);
}

bool LogWorker::cancelled(quint64 generation) const {
    std::lock_guard lock(m_mutex);
    return m_cancelled.count(generation) != 0;
}

void LogWorker::replay(const LogReplayJob& job, quint64 generation) {
    std::atomic<bool> cancel{cancelled(generation)};
    auto store = RunStore::open(job.dbPath);
    if (!store) {
        emit replayFailed(generation, QString::fromStdString(store.error()));
        return;
    }
    double span = 0.0;
    if (!job.specs.empty())
        if (auto info = LogStore(*store.value()).log(job.specs.front().log))
            span = info.value().lastTime - info.value().firstTime;
    // Pausing blocks here, between events: the job holds no lock the GUI needs (WAL lets
    // the history read while the replay's runs are open).
    auto wait = [this, generation, &cancel](double) {
        while (m_paused.load() && !cancelled(generation))
            QThread::msleep(20);
        if (cancelled(generation))
            cancel.store(true);
    };
    auto bucket = [this, generation, span](const ReplayBucket& b) {
        emit replayBatch(LogReplayBatch{generation, b, span});
    };
    const core::RecommenderRegistry& registry = m_snapshot ? *m_snapshot : m_registry;
    auto results = replayLogs(*store.value(), registry, job.specs, &cancel, wait, bucket);
    if (!results) {
        emit replayFailed(generation, QString::fromStdString(results.error()));
        return;
    }
    QList<qint64> ids;
    for (const ReplayResult& r : results.value())
        ids << r.runId;
    emit replayEnded(generation, ids, cancel.load());
}

void LogWorker::importLog(const LogImportJob& job, quint64 generation) {
    std::atomic<bool> cancel{cancelled(generation)};
    auto format = LogReader::parseFormat(job.format);
    if (!format) {
        emit importFailed(generation, QString::fromStdString(format.error()));
        return;
    }
    auto reader = LogReader::open(job.path, format.value());
    if (!reader) {
        emit importFailed(generation, QString::fromStdString(reader.error()));
        return;
    }
    auto store = RunStore::open(job.dbPath);
    if (!store) {
        emit importFailed(generation, QString::fromStdString(store.error()));
        return;
    }
    ImportOptions options;
    options.name = job.name;
    options.format = job.format;
    options.source = job.path;
    options.skipBad = job.skipBad;
    options.cancel = &cancel;
    QElapsedTimer since;
    since.start();
    options.progress = [&](qint64 done, qint64 total) {
        if (cancelled(generation))
            cancel.store(true);
        if (since.elapsed() < 200 || total <= 0)
            return;
        since.restart();
        emit importProgress(generation, static_cast<double>(done) / static_cast<double>(total));
    };
    auto result = LogStore(*store.value()).import(*reader.value(), options);
    if (!result) {
        emit importFailed(generation, QString::fromStdString(result.error()));
        return;
    }
    const LogInfo& info = result.value().info;
    emit importFinished(generation, info.name, info.events, info.users, info.items,
                        info.skippedLines);
}

} // namespace recoscope::sim
