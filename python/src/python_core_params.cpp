#include "recoscope/python/python_core_params.h"

#include <cmath>
#include <set>
#include <string>

namespace py = pybind11;

namespace recoscope::python {

namespace {

// The PARAMS entry of one argument refines its spec. Python's own types are checked here,
// not cast blindly: a typo in a core's file must read as a message, not a C++ exception.
core::Status refine(core::ParamSpec& spec, const py::handle& entry) {
    const std::string where = "PARAMS['" + spec.key + "']";
    if (!py::isinstance<py::dict>(entry))
        return core::Error{where + " must be a dict (min, max, help, choices)"};
    static const std::set<std::string> fields{"min", "max", "help", "choices"};
    for (auto item : py::reinterpret_borrow<py::dict>(entry)) {
        const std::string field = py::str(item.first);
        if (!fields.count(field))
            return core::Error{where + ": unknown field '" + field +
                               "' (known: min, max, help, choices)"};
        py::handle v = item.second;
        if (field == "help") {
            spec.help = py::str(v);
        } else if (field == "choices") {
            if (spec.kind != core::ParamKind::Text)
                return core::Error{where + ": choices are for text parameters"};
            if (!py::isinstance<py::list>(v) && !py::isinstance<py::tuple>(v))
                return core::Error{where + ": choices must be a list of strings"};
            for (py::handle c : v) {
                if (!py::isinstance<py::str>(c))
                    return core::Error{where + ": choices must be a list of strings"};
                spec.choices.push_back(c.cast<std::string>());
            }
            if (spec.choices.empty())
                return core::Error{where + ": choices is empty"};
            spec.kind = core::ParamKind::Choice;
        } else {
            if (spec.kind != core::ParamKind::Integer && spec.kind != core::ParamKind::Real)
                return core::Error{where + ": " + field + " is for number parameters"};
            if (py::isinstance<py::bool_>(v) ||
                (!py::isinstance<py::int_>(v) && !py::isinstance<py::float_>(v)))
                return core::Error{where + ": " + field + " must be a number"};
            const double d = v.cast<double>();
            if (!std::isfinite(d))
                return core::Error{where + ": " + field + " must be finite"};
            (field == "min" ? spec.min : spec.max) = d;
        }
    }
    if (spec.min > spec.max)
        return core::Error{where + ": min " + core::formatParamValue(spec.min) + " is above max " +
                           core::formatParamValue(spec.max)};
    return core::Ok{};
}

} // namespace

core::Result<std::vector<core::ParamSpec>> pythonParamSchema(const py::handle& cls) {
    std::vector<core::ParamSpec> schema;
    py::module_ inspect = py::module_::import("inspect");
    py::object signature;
    try {
        signature = inspect.attr("signature")(cls);
    } catch (py::error_already_set&) {
        return schema; // a class Python cannot describe (a C type): no parameters
    }
    const py::object empty = inspect.attr("Parameter").attr("empty");
    const py::object varPositional = inspect.attr("Parameter").attr("VAR_POSITIONAL");
    const py::object varKeyword = inspect.attr("Parameter").attr("VAR_KEYWORD");
    const py::object positionalOnly = inspect.attr("Parameter").attr("POSITIONAL_ONLY");
    for (py::handle p : signature.attr("parameters").attr("values")()) {
        const py::object kind = p.attr("kind");
        if (kind.equal(varPositional) || kind.equal(varKeyword))
            continue; // *args, **kwargs: nothing to describe
        core::ParamSpec spec;
        spec.key = py::str(p.attr("name"));
        const py::object fallback = p.attr("default");
        const std::string where = "constructor argument '" + spec.key + "'";
        if (kind.equal(positionalOnly))
            return core::Error{where + " is positional-only; parameters are passed by name"};
        if (fallback.is(empty))
            return core::Error{where + " has no default; every core parameter needs one "
                                       "(the value used when no --param sets it)"};
        if (py::isinstance<py::bool_>(fallback)) {
            spec.kind = core::ParamKind::Boolean;
            spec.fallback = fallback.cast<bool>() ? 1.0 : 0.0;
        } else if (py::isinstance<py::int_>(fallback)) {
            spec.kind = core::ParamKind::Integer;
            spec.fallback = fallback.cast<double>();
        } else if (py::isinstance<py::float_>(fallback)) {
            spec.kind = core::ParamKind::Real;
            spec.fallback = fallback.cast<double>();
        } else if (py::isinstance<py::str>(fallback)) {
            spec.kind = core::ParamKind::Text;
            spec.fallback = fallback.cast<std::string>();
        } else {
            return core::Error{where + " defaults to a " +
                               std::string(py::str(fallback.attr("__class__").attr("__name__"))) +
                               "; core parameters are bool, int, float or str"};
        }
        spec.help = "keyword argument '" + spec.key + "' of the core's constructor";
        if (spec.kind == core::ParamKind::Integer || spec.kind == core::ParamKind::Real) {
            spec.min = -kUnboundedParam;
            spec.max = kUnboundedParam;
        } else {
            spec.min = 0.0;
            spec.max = 1.0;
        }
        schema.push_back(std::move(spec));
    }
    const py::object declared = py::getattr(cls, "PARAMS", py::none());
    if (!declared.is_none()) {
        if (!py::isinstance<py::dict>(declared))
            return core::Error{"PARAMS must be a dict {argument: {min, max, help, choices}}"};
        for (auto item : py::reinterpret_borrow<py::dict>(declared)) {
            const std::string key = py::str(item.first);
            core::ParamSpec* spec = nullptr;
            for (core::ParamSpec& s : schema)
                if (s.key == key)
                    spec = &s;
            if (!spec)
                return core::Error{"PARAMS['" + key + "'] names no constructor argument"};
            if (core::Status st = refine(*spec, item.second); !st)
                return core::Error{st.error()};
        }
    }
    for (const core::ParamSpec& spec : schema)
        if (core::Status st = core::checkParamValue(spec, spec.fallback); !st)
            return core::Error{"the default of " + st.error()};
    return schema;
}

py::dict pythonKeywordArguments(const std::vector<core::ParamSpec>& schema,
                                const core::ParamValues& values) {
    py::dict kwargs;
    for (const core::ParamSpec& spec : schema) {
        if (!values.has(spec.key))
            continue;
        const char* key = spec.key.c_str();
        switch (spec.kind) {
        case core::ParamKind::Integer:
            kwargs[key] = py::int_(static_cast<long long>(values.number(spec.key)));
            break;
        case core::ParamKind::Real:
            kwargs[key] = py::float_(values.number(spec.key));
            break;
        case core::ParamKind::Boolean:
            kwargs[key] = py::bool_(values.flag(spec.key));
            break;
        case core::ParamKind::Choice:
        case core::ParamKind::Text:
            kwargs[key] = py::str(values.text(spec.key));
            break;
        }
    }
    return kwargs;
}

} // namespace recoscope::python
