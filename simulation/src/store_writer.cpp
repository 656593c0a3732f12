#include "store_writer.h"
#include "recoscope/sim/vector_state.h"

namespace recoscope::sim {

StoreWriter::StoreWriter(RunStore& store, qint64 runId, std::size_t maxQueued)
    : m_store(store), m_runId(runId), m_maxQueued(maxQueued), m_thread([this] { work(); }) {}

StoreWriter::~StoreWriter() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

core::Status StoreWriter::enqueue(Task task) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queue.size() < m_maxQueued || !m_error.empty(); });
    if (!m_error.empty())
        return core::Error{m_error};
    m_queue.push_back(std::move(task));
    lock.unlock();
    m_changed.notify_all();
    return core::Ok{};
}

core::Status StoreWriter::consume(std::span<const core::Event> events) {
    return enqueue(std::vector<core::Event>(events.begin(), events.end()));
}

core::Status StoreWriter::appendMetrics(std::vector<core::MetricPoint> points,
                                        std::vector<MetricRow> extra) {
    if (points.empty() && extra.empty())
        return core::Ok{};
    return enqueue(MetricBatch{std::move(points), std::move(extra)});
}

core::Status StoreWriter::appendSlates(SlateBatch slates) {
    if (slates.empty())
        return core::Ok{};
    return enqueue(std::move(slates));
}

core::Status StoreWriter::drain() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return (m_queue.empty() && !m_busy) || !m_error.empty(); });
    if (!m_error.empty())
        return core::Error{m_error};
    return core::Ok{};
}

void StoreWriter::work() {
    for (;;) {
        Task task;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_queue.empty() || m_stop; });
            if (m_queue.empty())
                return; // stopping, nothing left
            task = std::move(m_queue.front());
            m_queue.pop_front();
            m_busy = true;
        }
        m_changed.notify_all();
        clearUpperVectorState(); // Qt's hash on this thread would slow SQLite's SSE code
        core::Status st = core::Ok{};
        if (const auto* events = std::get_if<std::vector<core::Event>>(&task))
            st = m_store.appendEvents(m_runId, *events);
        else if (const auto* batch = std::get_if<MetricBatch>(&task))
            st = m_store.appendMetrics(m_runId, batch->points, batch->extra);
        else if (const auto* slates = std::get_if<SlateBatch>(&task)) {
            if (!m_slates)
                m_slates = std::make_unique<SlateLog>(m_store);
            st = m_slates->append(m_runId, *slates);
        }
        {
            std::lock_guard lock(m_mutex);
            m_busy = false;
            if (!st && m_error.empty()) {
                m_error = st.error();
                m_queue.clear(); // nothing after a failed write may land out of order
            }
        }
        m_changed.notify_all();
    }
}

} // namespace recoscope::sim
