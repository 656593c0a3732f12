#pragma once
// PythonRecommender: a core::Recommender whose slates come from a Python object, so a
// model written in Python runs in the engine, the arena and the store like a built-in core
// (docs/python.md). The object provides
//   recommend(request) -> item ids, or (item ids, scores)   (request: RequestBuilder's dict)
//   observe(event)                      (optional; a named tuple, RequestBuilder::event)
//   observe_slate(item_ids, clicked)    (optional; after the shopper reacted to the slate
//                                        just returned: clicked position or -1; bandits)
// One call into Python per slate and per event, never per item.
//
// A Python exception becomes a PythonError carrying the formatted traceback; the engine's
// CoreGuard turns it into the run's core_fault, so a failing Python core stops its run,
// never the process. Every call takes the GIL, so the engine may drive the core from any
// thread (the GUI's worker, compare's runs).

#include "recoscope/core/recommender.h"
#include "recoscope/core/shop.h"
#include "recoscope/python/request_builder.h"

#include <pybind11/pybind11.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace recoscope::python {

/// A Python exception, what() being its traceback as Python prints it.
class PythonError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Formats the Python exception held by `e` (traceback included). Needs the GIL.
std::string formatPythonError(pybind11::error_already_set& e);

class PythonRecommender final : public core::Recommender {
public:
    /// `object` is the user's core instance; `context.items` must outlive this core.
    /// Needs the GIL. Throws PythonError when the object has no callable recommend.
    PythonRecommender(pybind11::object object, const core::RecommenderContext& context);
    ~PythonRecommender() override;

    void observe(const core::Event& event) override;
    void observeSlate(const core::Request& request, const core::Slate& slate, int clicked) override;
    void recommend(const core::Request& request, core::Slate& out) override;

private:
    struct State; // the Python objects, released under the GIL
    std::unique_ptr<State> m_state;
    const core::ItemTable* m_items;
};

} // namespace recoscope::python
