#include "recoscope/python/python_recommender.h"

#include "recoscope/python/integer_ids.h"

#include <pybind11/numpy.h>

#include <cmath>
#include <optional>

namespace py = pybind11;

namespace recoscope::python {

struct PythonRecommender::State {
    py::object object;
    py::object recommend;
    py::object observe;      // none when the object does not learn
    py::object observeSlate; // none when it has no use for slate feedback
    std::unique_ptr<RequestBuilder> requests;
};

std::string formatPythonError(py::error_already_set& e) {
    try {
        py::object format = py::module_::import("traceback").attr("format_exception");
        py::list lines = format(e.type(), e.value(), e.trace());
        std::string text;
        for (py::handle line : lines)
            text += line.cast<std::string>();
        while (!text.empty() && text.back() == '\n')
            text.pop_back();
        return text;
    } catch (py::error_already_set&) {
        return e.what(); // the traceback module itself failed: pybind11's summary
    }
}

PythonRecommender::PythonRecommender(py::object object, const core::RecommenderContext& context)
    : m_state(std::make_unique<State>()), m_items(context.items) {
    m_state->object = std::move(object);
    if (!py::hasattr(m_state->object, "recommend"))
        throw PythonError("the Python core has no recommend(request) method");
    m_state->recommend = m_state->object.attr("recommend");
    m_state->observe = py::getattr(m_state->object, "observe", py::none());
    m_state->observeSlate = py::getattr(m_state->object, "observe_slate", py::none());
    // The views live only during a call: the engine (and its item table) may go first.
    m_state->requests = std::make_unique<RequestBuilder>(*context.items, py::none());
}

PythonRecommender::~PythonRecommender() {
    py::gil_scoped_acquire gil;
    m_state.reset();
}

void PythonRecommender::observe(const core::Event& event) {
    py::gil_scoped_acquire gil;
    m_state->requests->observe(event);
    if (m_state->observe.is_none())
        return;
    try {
        m_state->observe(m_state->requests->event(event));
    } catch (py::error_already_set& e) {
        throw PythonError(formatPythonError(e));
    }
}

void PythonRecommender::observeSlate(const core::Request&, const core::Slate& slate, int clicked) {
    py::gil_scoped_acquire gil;
    if (m_state->observeSlate.is_none())
        return;
    py::array_t<std::uint32_t> ids(static_cast<py::ssize_t>(slate.size()));
    for (std::size_t i = 0; i < slate.size(); ++i)
        ids.mutable_data()[i] = slate[i].item;
    try {
        m_state->observeSlate(ids, clicked);
    } catch (py::error_already_set& e) {
        throw PythonError(formatPythonError(e));
    }
}

void PythonRecommender::recommend(const core::Request& request, core::Slate& out) {
    out.clear();
    py::gil_scoped_acquire gil;
    try {
        py::object answer = m_state->recommend(m_state->requests->build(request));
        py::object ids = answer;
        py::object scores = py::none();
        if (py::isinstance<py::tuple>(answer) && py::len(answer) == 2) {
            py::tuple pair = answer;
            ids = pair[0];
            scores = pair[1];
        }
        // A 1-d integer array is read in place; a list, a tuple or any other integer
        // sequence is converted once per slate.
        using Ids = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;
        const IntegerIds given = IntegerIds::of(ids);
        Ids converted;
        if (!given) {
            converted = Ids::ensure(ids);
            if (!converted || converted.ndim() != 1)
                throw PythonError("recommend() must return a 1-d sequence of item ids, or (ids, "
                                  "scores); got " +
                                  std::string(py::str(py::type::of(answer))));
        }
        const py::ssize_t n = given ? given.size : converted.size();
        std::optional<py::array_t<float, py::array::c_style | py::array::forcecast>> score;
        if (!scores.is_none()) {
            score = py::array_t<float, py::array::c_style | py::array::forcecast>::ensure(scores);
            if (!*score || score->ndim() != 1 || score->size() != n)
                throw PythonError("recommend() returned " + std::to_string(n) +
                                  " ids but scores of another length");
        }
        out.reserve(static_cast<std::size_t>(n));
        for (py::ssize_t i = 0; i < n; ++i) {
            const std::int64_t id = given ? given.at(i) : converted.data()[i];
            if (id < 0 || static_cast<std::uint64_t>(id) >= m_items->size())
                throw PythonError("recommend() returned item id " + std::to_string(id) +
                                  " at position " + std::to_string(i) + ", outside [0, " +
                                  std::to_string(m_items->size()) + ")");
            core::SlateEntry e;
            e.item = static_cast<core::ItemId>(id);
            // Without scores the order is the answer: descending scores keep it.
            e.score = score ? score->data()[i] : static_cast<float>(n - i);
            out.push_back(e);
        }
    } catch (py::error_already_set& e) {
        out.clear();
        throw PythonError(formatPythonError(e));
    }
}

} // namespace recoscope::python
