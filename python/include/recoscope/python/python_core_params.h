#pragma once
// The parameters of a Python core (docs/python.md#parameters): the keyword arguments of
// its class's constructor become the core's parameter schema, so `--param key=value`, the
// workbench's parameter form and recoscope.run(params=...) check and pass them exactly as
// they do for a built-in core. A keyword argument's default gives its type (bool, int,
// float or str) and default value; an optional class attribute
//   PARAMS = {"alpha": {"min": 0.0, "max": 5.0, "help": "exploration"},
//             "mode": {"choices": ["ucb", "greedy"]}}
// narrows ranges, lists the choices of a text parameter and adds help texts.
//
// Every call needs the GIL.

#include "recoscope/core/params.h"
#include "recoscope/core/result.h"

#include <pybind11/pybind11.h>

#include <vector>

namespace recoscope::python {

/// Numbers without a PARAMS range are accepted in [-kUnboundedParam, kUnboundedParam]
/// (the workbench's spin boxes need finite bounds).
inline constexpr double kUnboundedParam = 1e9;

/// The schema of `cls`'s constructor. Errors name the argument and what is wrong with it
/// (no default, a default of another type, a PARAMS entry that is malformed or names no
/// argument, a default outside its declared range).
core::Result<std::vector<core::ParamSpec>> pythonParamSchema(const pybind11::handle& cls);

/// The validated values as keyword arguments for the constructor: Integer as int, Real
/// as float, Boolean as bool, Choice and Text as str.
pybind11::dict pythonKeywordArguments(const std::vector<core::ParamSpec>& schema,
                                      const core::ParamValues& values);

} // namespace recoscope::python
