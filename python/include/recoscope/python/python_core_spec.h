#pragma once
// Python cores named on the command line or picked in the workbench:
// "py:path/to/file.py:ClassName" becomes a registry entry whose factory instantiates
// ClassName(**params) from that file in the embedded interpreter (started on first use;
// the process must link pybind11::embed). The entry's id is the spec itself, so runs, the
// store and the arena name the core by it; its parameter schema is the constructor's
// keyword arguments (python_core_params.h). docs/python.md, docs/cli.md.

#include "recoscope/core/registry.h"
#include "recoscope/core/result.h"

#include <string>
#include <vector>

namespace pybind11 {
class object; // not included: this header is read by Qt code (Python's headers clash with `slots`)
} // namespace pybind11

namespace recoscope::python {

/// True for "py:..." specs.
bool isPythonCoreSpec(const std::string& spec);

/// Loads the file and finds the class (once per spec); errors name the spec, the file and
/// the Python traceback (a missing file, a syntax error, no such class).
core::Result<core::RecommenderEntry> pythonCoreEntry(const std::string& spec);

/// The registry entry of a Python class: schema from its constructor (pythonParamSchema),
/// a factory calling `cls(**params)` under the GIL. Needs the GIL; errors name `id`.
core::Result<core::RecommenderEntry> pythonClassEntry(const pybind11::object& cls,
                                                      const std::string& id,
                                                      const std::string& description);

/// Adds the spec's core to `registry` unless it is there already; returns its id (the
/// spec). The workbench's "Add Python core…" loader.
core::Result<std::string> addPythonCore(core::RecommenderRegistry& registry,
                                        const std::string& spec);

/// Adds an entry for every py: spec among the comma-separated values of `--recommender`,
/// `--recommenders` and `--target` in `arguments` (the CLI's), skipping ids already known.
core::Status addPythonCores(core::RecommenderRegistry& registry,
                            const std::vector<std::string>& arguments);

} // namespace recoscope::python
