#pragma once
// Takes run-store writes off the engine thread. The engine hands over batches of events,
// metric buckets and served slates; one writer thread applies them to the store in order. The queue
// is bounded (backpressure: the engine waits when the disk falls behind), so memory stays flat. The
// first write error is kept and returned by every later call.
//
// Threading: consume/appendMetrics/drain are called from the engine's thread only; the
// store is touched only by the writer thread until drain() returns, then by the caller.

#include "recoscope/sim/engine.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/slate_log.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <variant>
#include <vector>

namespace recoscope::sim {

class StoreWriter final : public EventSink {
public:
    StoreWriter(RunStore& store, qint64 runId, std::size_t maxQueued = 8);
    ~StoreWriter() override;
    StoreWriter(const StoreWriter&) = delete;
    StoreWriter& operator=(const StoreWriter&) = delete;

    core::Status consume(std::span<const core::Event> events) override;
    /// The buckets and their extra rows land in one transaction.
    core::Status appendMetrics(std::vector<core::MetricPoint> points,
                               std::vector<MetricRow> extra = {});
    /// The served slates (table `slates`), in one transaction.
    core::Status appendSlates(SlateBatch slates);
    /// Waits until every queued write is applied; returns the first error, if any.
    core::Status drain();

private:
    struct MetricBatch {
        std::vector<core::MetricPoint> points;
        std::vector<MetricRow> extra;
    };
    using Task = std::variant<std::vector<core::Event>, MetricBatch, SlateBatch>;
    core::Status enqueue(Task task);
    void work();

    RunStore& m_store;
    std::unique_ptr<SlateLog> m_slates; // created on the writer thread when first needed
    qint64 m_runId;
    std::size_t m_maxQueued;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Task> m_queue;
    bool m_busy = false;
    bool m_stop = false;
    std::string m_error;
    std::thread m_thread;
};

} // namespace recoscope::sim
