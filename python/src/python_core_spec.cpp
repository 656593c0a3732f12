#include "recoscope/python/python_core_spec.h"

#include "recoscope/python/python_core_params.h"
#include "recoscope/python/python_recommender.h"
#include "recoscope/python/request_builder.h"

#include <pybind11/embed.h>

#include <filesystem>
#include <mutex>

namespace py = pybind11;

namespace recoscope::python {

namespace {

// The interpreter is started once and its GIL released at once: the engine may call a
// Python core from any thread (compare's runs, the GUI's worker), each call taking it.
// It is never finalised: NumPy and friends do not survive Py_Finalize/re-initialise, and
// the process ends soon after the last run anyway.
void ensureInterpreter() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (Py_IsInitialized())
            return; // inside the recoscope module: Python runs us
        py::initialize_interpreter();
        registerEventDtype();
        PyEval_SaveThread();
    });
}

} // namespace

bool isPythonCoreSpec(const std::string& spec) {
    return spec.rfind("py:", 0) == 0;
}

core::Result<core::RecommenderEntry> pythonCoreEntry(const std::string& spec) {
    if (!isPythonCoreSpec(spec))
        return core::Error{"'" + spec + "' is not a Python core (py:FILE.py:CLASS)"};
    const std::string rest = spec.substr(3);
    const std::size_t colon = rest.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size())
        return core::Error{"'" + spec + "': expected py:FILE.py:CLASS"};
    const std::string file = rest.substr(0, colon);
    const std::string cls = rest.substr(colon + 1);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        return core::Error{"'" + spec + "': no such file '" + file + "'"};

    ensureInterpreter();
    py::gil_scoped_acquire gil;
    try {
        const std::string dir = std::filesystem::absolute(file).parent_path().string();
        py::list path = py::module_::import("sys").attr("path");
        if (!path.contains(dir))
            path.insert(0, dir); // the core's own helper modules, next to it
        py::module_ util = py::module_::import("importlib.util");
        const std::string name = std::filesystem::path(file).stem().string();
        py::object loader = util.attr("spec_from_file_location")(name, file);
        py::object module = util.attr("module_from_spec")(loader);
        loader.attr("loader").attr("exec_module")(module);
        if (!py::hasattr(module, cls.c_str()))
            return core::Error{"'" + spec + "': " + file + " defines no '" + cls + "'"};
        return pythonClassEntry(module.attr(cls.c_str()), spec,
                                "Python core " + cls + " from " + file);
    } catch (py::error_already_set& e) {
        return core::Error{"'" + spec + "': loading " + file + " failed:\n" + formatPythonError(e)};
    }
}

core::Result<core::RecommenderEntry> pythonClassEntry(const py::object& cls, const std::string& id,
                                                      const std::string& description) {
    if (!PyCallable_Check(cls.ptr()))
        return core::Error{"'" + id + "': not a class"};
    auto schema = pythonParamSchema(cls);
    if (!schema)
        return core::Error{"'" + id + "': " + schema.error()};
    core::RecommenderEntry entry;
    entry.id = id;
    entry.description = description;
    entry.family = "python";
    entry.params = schema.value();
    auto factory = std::make_shared<py::object>(cls);
    entry.make =
        [factory, id, specs = schema.value()](
            const core::RecommenderContext& context, const core::ParamValues& values,
            const core::RecommenderRegistry&) -> core::Result<std::unique_ptr<core::Recommender>> {
        py::gil_scoped_acquire held;
        try {
            // The registry checked the values against the schema; the constructor gets them
            // all, defaults included, as keyword arguments.
            py::object instance = (*factory)(**pythonKeywordArguments(specs, values));
            return std::unique_ptr<core::Recommender>(
                std::make_unique<PythonRecommender>(std::move(instance), context));
        } catch (py::error_already_set& e) {
            return core::Error{"'" + id + "': creating the core failed:\n" + formatPythonError(e)};
        } catch (const PythonError& e) {
            return core::Error{"'" + id + "': " + e.what()};
        }
    };
    return entry;
}

core::Result<std::string> addPythonCore(core::RecommenderRegistry& registry,
                                        const std::string& spec) {
    if (registry.find(spec))
        return spec;
    auto entry = pythonCoreEntry(spec);
    if (!entry)
        return core::Error{entry.error()};
    if (core::Status added = registry.add(std::move(entry).value()); !added)
        return core::Error{added.error()};
    return spec;
}

core::Status addPythonCores(core::RecommenderRegistry& registry,
                            const std::vector<std::string>& arguments) {
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        std::string value;
        const std::string& a = arguments[i];
        for (const char* flag : {"--recommender", "--recommenders", "--target"}) {
            const std::string f = flag;
            if (a == f && i + 1 < arguments.size())
                value = arguments[i + 1];
            else if (a.rfind(f + "=", 0) == 0)
                value = a.substr(f.size() + 1);
        }
        std::size_t start = 0;
        while (!value.empty() && start <= value.size()) {
            const std::size_t comma = std::min(value.find(',', start), value.size());
            const std::string id = value.substr(start, comma - start);
            start = comma + 1;
            if (!isPythonCoreSpec(id) || registry.find(id))
                continue;
            auto entry = pythonCoreEntry(id);
            if (!entry)
                return core::Error{entry.error()};
            if (core::Status added = registry.add(std::move(entry).value()); !added)
                return added;
        }
    }
    return core::Ok{};
}

} // namespace recoscope::python
