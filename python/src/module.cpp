// The recoscope Python module (_recoscope, wrapped by recoscope/__init__.py): scenarios,
// the registry, runs through the CLI's own code, the steppable Simulator, Python cores and
// the run store reader. docs/python.md is the guide; decision 0021 the why.

#include "simulator.h"

#include "recoscope/core/registry.h"
#include "recoscope/python/python_core_spec.h"
#include "recoscope/python/python_recommender.h"
#include "recoscope/python/request_builder.h"
#include "recoscope/sim/command_line.h"
#include "recoscope/sim/run_store.h"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <QStringList>
#include <QTextStream>

namespace py = pybind11;
using namespace recoscope;

namespace {

// recoscope.run(), scenarios() and recommenders() are `recoscope-cli run --json`,
// `list-scenarios --json` and `list-recommenders --json` in-process: the same parsing, checks, run
// and summary code, not a re-implementation. A Python core (an instance, or a class built
// once per run with the run's params) joins the registry under `coreId` for this call.
py::tuple cli(const std::vector<std::string>& args, const py::object& core,
              const std::string& coreId) {
    core::RecommenderRegistry registry;
    core::registerBuiltinRecommenders(registry);
    if (py::isinstance<py::type>(core)) {
        // A class: its constructor's keyword arguments are the core's parameters, so
        // params={...} is checked and passed as for a py:FILE.py:CLASS core.
        auto entry = python::pythonClassEntry(core, coreId, "Python core " + coreId);
        if (!entry)
            throw py::value_error(entry.error());
        if (core::Status st = registry.add(std::move(entry).value()); !st)
            throw py::value_error(st.error());
    } else if (!core.is_none()) {
        core::RecommenderEntry e;
        e.id = coreId;
        e.description = "Python core " + coreId;
        e.family = "python";
        auto object = std::make_shared<py::object>(core);
        e.make = [object](const core::RecommenderContext& context, const core::ParamValues&,
                          const core::RecommenderRegistry&)
            -> core::Result<std::unique_ptr<core::Recommender>> {
            try {
                return std::unique_ptr<core::Recommender>(
                    std::make_unique<python::PythonRecommender>(*object, context));
            } catch (const python::PythonError& err) {
                return core::Error{err.what()};
            }
        };
        if (core::Status st = registry.add(std::move(e)); !st)
            throw py::value_error(st.error());
    }
    // py:FILE.py:CLASS named as the recommender: loaded as the CLI loads it.
    if (core::Status st = python::addPythonCores(registry, args); !st)
        throw py::value_error(st.error());
    QStringList arguments{QStringLiteral("recoscope")};
    for (const std::string& a : args)
        arguments << QString::fromStdString(a);
    QString out, err;
    int code = 0;
    {
        QTextStream o(&out), r(&err);
        sim::CommandLine line(registry, o, r);
        code = line.exec(arguments);
    }
    return py::make_tuple(code, out.toStdString(), err.toStdString());
}

// Read-only access to a run store through the simulation library's reader.
class StoreReader {
public:
    explicit StoreReader(const std::string& path) {
        auto opened =
            sim::RunStore::open(QString::fromStdString(path), sim::RunStore::Mode::ReadOnly);
        if (!opened)
            throw py::value_error(opened.error());
        m_store = std::move(opened).value();
    }
    py::list runs() const {
        auto runs = m_store->runs();
        if (!runs)
            throw std::runtime_error(runs.error());
        py::list out;
        for (const sim::RunRecord& r : runs.value()) {
            py::dict d;
            d["id"] = r.id;
            d["scenario"] = r.scenarioName.toStdString();
            d["seed"] = r.seed;
            d["recommender"] = r.recommender.toStdString();
            d["params_json"] = r.paramsJson.toStdString();
            d["status"] = r.status.toStdString();
            d["started"] = r.started.toStdString();
            d["finished"] = r.finished.toStdString();
            d["label"] = r.label.toStdString();
            d["note"] = r.note.toStdString();
            d["summary_json"] = r.summaryJson.toStdString();
            d["experiment_id"] = r.experimentId;
            out.append(d);
        }
        return out;
    }
    py::array events(qint64 run, qint64 offset, qint64 limit) const {
        if (limit < 0) {
            auto n = m_store->eventCount(run);
            if (!n)
                throw std::runtime_error(n.error());
            limit = n.value();
        }
        auto events = m_store->events(run, offset, limit);
        if (!events)
            throw std::runtime_error(events.error());
        std::vector<python::EventRecord> out(events.value().size());
        for (std::size_t i = 0; i < out.size(); ++i)
            python::writeRecord(events.value()[i], &out[i]);
        return python::eventArray(out.data(), out.size());
    }
    std::vector<std::string> metricNames(qint64 run) const {
        auto names = m_store->metricNames(run);
        if (!names)
            throw std::runtime_error(names.error());
        std::vector<std::string> out;
        for (const QString& n : names.value())
            out.push_back(n.toStdString());
        return out;
    }
    py::tuple metric(qint64 run, const std::string& name) const {
        auto series = m_store->metricSeries(run, QString::fromStdString(name));
        if (!series)
            throw std::runtime_error(series.error());
        const auto n = static_cast<py::ssize_t>(series.value().size());
        py::array_t<double> end(n), value(n);
        for (py::ssize_t i = 0; i < n; ++i) {
            end.mutable_data()[i] = series.value()[static_cast<std::size_t>(i)].bucketEnd;
            value.mutable_data()[i] = series.value()[static_cast<std::size_t>(i)].value;
        }
        return py::make_tuple(end, value);
    }

private:
    std::unique_ptr<sim::RunStore> m_store;
};

} // namespace

PYBIND11_MODULE(_recoscope, m) {
    m.doc() = "Recoscope: the shopper simulator and recommender cores (docs/python.md)";
    python::registerEventDtype();
    m.attr("event_dtype") = py::dtype::of<python::EventRecord>();
    py::list kinds, surfaces;
    for (int k = 0; k < core::kEventKindCount; ++k)
        kinds.append(std::string(core::eventKindName(static_cast<core::EventKind>(k))));
    for (int s = 0; s < core::kSurfaceCount; ++s)
        surfaces.append(std::string(core::surfaceName(static_cast<core::Surface>(s))));
    m.attr("EVENT_KINDS") = kinds;
    m.attr("SURFACES") = surfaces;
    m.attr("NO_ITEM") = core::kNoItem;

    m.def("_cli", &cli, py::arg("args"), py::arg("core") = py::none(),
          py::arg("core_id") = std::string());

    py::class_<python::Simulator>(m, "_Simulator")
        .def(py::init<const std::string&, std::optional<std::uint64_t>, double>(),
             py::arg("scenario"), py::arg("seed") = py::none(), py::arg("days") = 0.0)
        .def("next_request", &python::Simulator::nextRequest)
        .def("respond", &python::Simulator::respond, py::arg("slate"),
             py::arg("scores") = py::none(), py::arg("propensities") = py::none())
        .def("_metrics_json", &python::Simulator::metricsJson)
        .def_property_readonly("items", &python::Simulator::items)
        .def_property_readonly("n_items", &python::Simulator::itemCount)
        .def_property_readonly("n_users", &python::Simulator::userCount)
        .def_property_readonly("now", &python::Simulator::now)
        .def_property_readonly("events", &python::Simulator::events)
        .def_property_readonly("finished", &python::Simulator::finished);

    py::class_<StoreReader>(m, "_Store")
        .def(py::init<const std::string&>())
        .def("runs", &StoreReader::runs)
        .def("events", &StoreReader::events, py::arg("run"), py::arg("offset") = 0,
             py::arg("limit") = -1)
        .def("metric_names", &StoreReader::metricNames)
        .def("metric", &StoreReader::metric);
}
