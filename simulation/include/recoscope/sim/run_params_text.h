#pragma once
// RunParamsText: a stored run's core parameters (runs.params_json, every parameter with
// its defaults) as text for a person: the history's Parameters column, `recoscope-cli
// runs`. Keys in alphabetical order; numbers as in the sweep report ('g', 10 digits),
// text as written, booleans true/false. Any thread.

#include <QByteArray>
#include <QString>

namespace recoscope::sim {

class RunParamsText {
public:
    /// One line: "alpha=0.5, k=20"; "(none)" when the core has no parameters; "(not JSON)"
    /// when params_json cannot be read.
    static QString brief(const QByteArray& paramsJson);
    /// One "key = value" per line, for a tooltip; the same texts as brief().
    static QString full(const QByteArray& paramsJson);
};

} // namespace recoscope::sim
