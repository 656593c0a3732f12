#pragma once
// CoreGuard: every call the engine makes into a recommender goes through it, so that a core
// that throws, answers with a malformed slate (core::slateFault) or exceeds its latency
// budget is stopped with a message naming what it did, instead of crashing the workbench or
// corrupting the run. The engine then ends the run as failed (StopReason::CoreFailed); in an
// arena only that core's run ends, the others go on (docs/reliability.md).

#include "recoscope/core/event.h"
#include "recoscope/core/recommender.h"

#include <chrono>
#include <string>

namespace recoscope::sim {

class CoreGuard {
public:
    /// A recommend() slower than `budget` is a fault; zero (the default) means no budget.
    /// Wall-clock time: a run with a budget is only reproducible while the core keeps it.
    void setLatencyBudget(std::chrono::nanoseconds budget) { m_budget = budget; }
    std::chrono::nanoseconds latencyBudget() const { return m_budget; }

    /// Calls core.recommend(request, slate) and returns its latency. On a fault the slate is
    /// emptied (the shopper sees nothing) and fault() says what happened.
    std::chrono::nanoseconds recommend(core::Recommender& core, const core::Request& request,
                                       core::Slate& slate, std::size_t catalogueSize);
    /// core.observe(event) / core.observeSlate(...), an exception being a fault. Inline: the
    /// engine makes one of each per event and per slate, and a call that returns costs only
    /// the core's own call (the fault is handled out of line).
    void observe(core::Recommender& core, const core::Event& event) {
        try {
            core.observe(event);
        } catch (...) {
            observeThrew(event);
        }
    }
    void observeSlate(core::Recommender& core, const core::Request& request,
                      const core::Slate& slate, int clicked) {
        try {
            core.observeSlate(request, slate, clicked);
        } catch (...) {
            observeSlateThrew(request);
        }
    }

    bool failed() const { return !m_fault.empty(); }
    /// The first fault, e.g. "recommend() for shopper 12 at day 0, 03:10 threw
    /// std::runtime_error: boom"; empty while the core behaves.
    const std::string& fault() const { return m_fault; }

private:
    void fail(const std::string& call, double time, const std::string& what);
    // The fault paths of recommend(), out of line: a core that threw (called from the
    // catch clause), and a slate that is malformed or came too late.
    [[gnu::cold, gnu::noinline]] void recommendThrew(const core::Request& request,
                                                     core::Slate& slate);
    // observe() / observeSlate() threw (called from their catch clauses).
    [[gnu::cold, gnu::noinline]] void observeThrew(const core::Event& event);
    [[gnu::cold, gnu::noinline]] void observeSlateThrew(const core::Request& request);
    [[gnu::cold, gnu::noinline]] void refuse(const core::Request& request, core::Slate& slate,
                                             std::size_t catalogueSize,
                                             std::chrono::nanoseconds latency);

    std::chrono::nanoseconds m_budget{0};
    std::string m_fault;
};

} // namespace recoscope::sim
