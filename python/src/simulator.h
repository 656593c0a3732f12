#pragma once
// recoscope.Simulator: the engine stepped by a Python policy, one slate at a time
// (docs/python.md). It takes exactly the engine's own step (Engine::prepareAction /
// serveAction), so two simulators with the same scenario and seed face the same shoppers
// with the same dice whatever the slates (common random numbers, decision 0004).
// Owned by Python; every call holds the GIL.

#include "recoscope/python/request_builder.h"
#include "recoscope/sim/engine.h"
#include "recoscope/sim/run_job.h"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace recoscope::python {

class Simulator {
public:
    /// `scenario`: a built-in name or a scenario file; `seed` overrides the scenario's.
    /// Throws ValueError naming the scenario when it cannot be loaded.
    Simulator(const std::string& scenario, std::optional<std::uint64_t> seed, double days);

    /// The next shopper's request (RequestBuilder's dict), or None once the scenario is
    /// over. Raises RuntimeError when the previous request has not been answered.
    pybind11::object nextRequest();
    /// Shows `slate` (item ids, display order) to the waiting shopper; returns the events of
    /// the shopper's reaction. ValueError for a malformed slate (the request stays open).
    pybind11::array respond(const pybind11::object& slate, const pybind11::object& scores,
                            const pybind11::object& propensities);
    /// The summary `recoscope-cli run --json` prints, as JSON text.
    std::string metricsJson() const;

    const pybind11::dict& items() const;
    std::size_t itemCount() const { return m_job->engine().world().items.size(); }
    std::size_t userCount() const { return m_job->engine().world().users.size(); }
    double now() const { return m_job->engine().now(); }
    std::uint64_t events() const { return m_job->engine().eventsConsumed(); }
    bool finished() const { return m_done; }

private:
    std::shared_ptr<sim::RunJob> m_job; // shared with the zero-copy views
    std::unique_ptr<RequestBuilder> m_requests;
    sim::ActionRecord m_action;
    bool m_open = false;
    bool m_done = false;
    double m_stopTime = 0.0;
    std::chrono::steady_clock::time_point m_served;
};

} // namespace recoscope::python
