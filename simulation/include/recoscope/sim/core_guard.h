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
    /// core.observe(event) / core.observeSlate(...), an exception being a fault. Inline:
    /// the engine calls them for every event, and the path of a core that behaves is the
    /// virtual call alone (the handlers are out of line and cold).
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
    // Called from a catch clause only: they name the exception being handled.
    [[gnu::cold, gnu::noinline]] void observeThrew(const core::Event& event);
    [[gnu::cold, gnu::noinline]] void observeSlateThrew(const core::Request& request);
    void fail(const std::string& call, double time, const std::string& what);

    std::chrono::nanoseconds m_budget{0};
    std::string m_fault;
};

} // namespace recoscope::sim
