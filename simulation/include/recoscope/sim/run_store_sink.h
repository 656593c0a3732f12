#pragma once

#include "recoscope/sim/engine.h"
#include "recoscope/sim/run_store.h"

namespace recoscope::sim {

/// Writes a run's events to the store as the engine emits them.
class RunStoreSink final : public EventSink {
public:
    RunStoreSink(RunStore& store, qint64 runId) : m_store(store), m_runId(runId) {}
    core::Status consume(std::span<const core::Event> events) override {
        return m_store.appendEvents(m_runId, events);
    }

private:
    RunStore& m_store;
    qint64 m_runId;
};

} // namespace recoscope::sim
