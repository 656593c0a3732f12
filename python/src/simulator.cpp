#include "simulator.h"

#include "recoscope/core/registry.h"
#include "recoscope/python/integer_ids.h"
#include "recoscope/sim/builtin_scenarios.h"

#include <QJsonDocument>

#include <cmath>
#include <optional>

namespace py = pybind11;

namespace recoscope::python {

namespace {

// The engine needs a core to observe the events; the slates come from Python.
class PythonPolicySeat final : public core::Recommender {
public:
    void observe(const core::Event&) override {}
    void recommend(const core::Request&, core::Slate& out) override { out.clear(); }
};

constexpr const char* kPolicyId = "python-policy";

const core::RecommenderRegistry& policyRegistry() {
    static const core::RecommenderRegistry registry = [] {
        core::RecommenderRegistry r;
        core::RecommenderEntry e;
        e.id = kPolicyId;
        e.description = "slates chosen by a Python policy through recoscope.Simulator";
        e.family = "python";
        e.make = [](const core::RecommenderContext&, const core::ParamValues&,
                    const core::RecommenderRegistry&)
            -> core::Result<std::unique_ptr<core::Recommender>> {
            return std::unique_ptr<core::Recommender>(std::make_unique<PythonPolicySeat>());
        };
        (void)r.add(std::move(e));
        return r;
    }();
    return registry;
}

} // namespace

Simulator::Simulator(const std::string& scenario, std::optional<std::uint64_t> seed, double days) {
    core::Result<sim::Scenario> loaded = sim::loadScenario(QString::fromStdString(scenario));
    if (!loaded)
        throw py::value_error(loaded.error());
    if (!(days >= 0.0) || days > sim::RunLimits::kMaxDays)
        throw py::value_error("days must be in [0, 3650], got " + std::to_string(days));
    sim::RunSpec spec;
    spec.scenario = loaded.value();
    spec.seed = seed ? *seed : spec.scenario.seed;
    spec.recommender = kPolicyId;
    spec.limits.maxDays = days;
    auto job = sim::RunJob::create(spec, policyRegistry(), nullptr);
    if (!job)
        throw py::value_error(job.error());
    m_job = std::move(job).value();
    const sim::Engine& e = m_job->engine();
    // The feature views keep the engine alive, not the Simulator: an array kept after the
    // simulator is gone stays valid, and no reference cycle leaks either.
    py::capsule owner(new std::shared_ptr<sim::RunJob>(m_job),
                      [](void* p) { delete static_cast<std::shared_ptr<sim::RunJob>*>(p); });
    m_requests = std::make_unique<RequestBuilder>(e.world().items, owner);
    m_stopTime = days > 0.0 ? std::min(e.endTime(), days * core::kSecondsPerDay) : e.endTime();
}

const py::dict& Simulator::items() const {
    return m_requests->items();
}

py::object Simulator::nextRequest() {
    if (m_open)
        throw std::runtime_error("the previous request is still waiting for respond()");
    sim::Engine& e = m_job->engine();
    // A day limit stops where run() stops: nothing due at or after it is started.
    if (m_done)
        return py::none();
    if (e.nextScheduledTime() >= m_stopTime || !e.prepareAction(&m_action)) {
        m_done = true;
        // Let run() end the clock as it ends a run (at the day limit exactly), so that
        // metrics() equals the summary of the same policy run as a core.
        (void)m_job->runSlice(0);
        return py::none();
    }
    m_open = true;
    py::dict request = m_requests->build(m_action.request);
    RequestBuilder::setItem(request, m_requests->sessionKey(), py::int_(m_action.sessionId));
    RequestBuilder::setItem(request, m_requests->sessionStartKey(),
                            py::bool_(m_action.sessionStarted));
    m_served = std::chrono::steady_clock::now();
    return request;
}

py::array Simulator::respond(const py::object& slate, const py::object& scores,
                             const py::object& propensities) {
    const auto answered = std::chrono::steady_clock::now();
    if (!m_open)
        throw std::runtime_error("no shopper is waiting: call next_request() first");
    using Ids = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;
    using Reals = py::array_t<float, py::array::c_style | py::array::forcecast>;
    // The ids as given when they are already a 1-d integer array (a slice of
    // `candidates`, the usual answer): read in place, whatever the integer type and
    // stride, instead of a converted copy (NumPy's cast was a tenth of a step's cost).
    // Anything else (a list, floats) goes through NumPy's conversion.
    const IntegerIds given = IntegerIds::of(slate);
    Ids converted;
    if (!given) {
        converted = Ids::ensure(slate);
        if (!converted || converted.ndim() != 1)
            throw py::value_error("slate must be a 1-d sequence of item ids");
    }
    const py::ssize_t n = given ? given.size : converted.size();
    // Built only when given: a default-constructed array_t allocates an empty array.
    std::optional<Reals> score, prop;
    if (!scores.is_none()) {
        score = Reals::ensure(scores);
        if (!*score || score->ndim() != 1 || score->size() != n)
            throw py::value_error("scores must have one value per slate entry");
    }
    if (!propensities.is_none()) {
        prop = Reals::ensure(propensities);
        if (!*prop || prop->ndim() != 1 || prop->size() != n)
            throw py::value_error("propensities must have one value per slate entry");
    }
    m_action.slate.clear();
    for (py::ssize_t i = 0; i < n; ++i) {
        const std::int64_t id = given ? given.at(i) : converted.data()[i];
        if (id < 0 || static_cast<std::uint64_t>(id) >= itemCount())
            throw py::value_error("item id " + std::to_string(id) + " at position " +
                                  std::to_string(i) + " is outside [0, " +
                                  std::to_string(itemCount()) + ")");
        core::SlateEntry entry;
        entry.item = static_cast<core::ItemId>(id);
        entry.score = score ? score->data()[i] : static_cast<float>(n - i);
        entry.propensity = prop ? prop->data()[i] : 1.0f;
        m_action.slate.push_back(entry);
    }
    // The policy's latency: from handing out the request to getting its answer.
    const auto latency = std::chrono::duration_cast<std::chrono::nanoseconds>(answered - m_served);
    if (core::Status st = m_job->engine().serveAction(&m_action, latency); !st)
        throw py::value_error(st.error());
    m_open = false;
    py::array out = newArray(eventDtype(), m_action.events.size());
    auto* record = static_cast<EventRecord*>(out.mutable_data());
    for (const core::Event& ev : m_action.events) {
        m_requests->observe(ev);
        writeRecord(ev, record++);
    }
    return out;
}

std::string Simulator::metricsJson() const {
    return QJsonDocument(m_job->summary()).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace recoscope::python
