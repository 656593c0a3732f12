#pragma once
// Recommender parameters described as data, so that the CLI, the GUI and the tests can
// build forms, parse flags and check ranges without knowing the cores.

#include "recoscope/core/result.h"

#include <map>
#include <string>
#include <variant>
#include <vector>

namespace recoscope::core {

enum class ParamKind {
    Integer, ///< whole number in [min, max]
    Real,    ///< real number in [min, max]
    Boolean, ///< 0 or 1 (accepts true/false/yes/no/on/off)
    Choice,  ///< one of `choices`
    Text,    ///< free text (e.g. a list of core ids with weights)
};

struct ParamSpec {
    std::string key;
    ParamKind kind = ParamKind::Real;
    double min = 0.0;
    double max = 1.0;
    /// Default: a number for Integer/Real/Boolean, text for Choice/Text.
    std::variant<double, std::string> fallback = 0.0;
    std::string help;
    std::vector<std::string> choices;
};

using ParamValue = std::variant<double, std::string>;

/// A complete, validated parameter set: every key of the schema has a value.
class ParamValues {
public:
    double number(const std::string& key) const;
    int integer(const std::string& key) const { return static_cast<int>(number(key)); }
    bool flag(const std::string& key) const { return number(key) != 0.0; }
    const std::string& text(const std::string& key) const;
    void set(const std::string& key, ParamValue value) { m_values[key] = std::move(value); }
    bool has(const std::string& key) const { return m_values.count(key) != 0; }
    const std::map<std::string, ParamValue>& all() const { return m_values; }

    /// {"key": value, ...} with keys sorted; numbers in shortest round-trip form.
    std::string toJson() const;

private:
    std::map<std::string, ParamValue> m_values;
};

/// Parses one textual value for the spec ("0.3", "true", "cosine"), checking type and
/// range. Errors name the parameter and the accepted range or choices.
Result<ParamValue> parseParamValue(const ParamSpec& spec, const std::string& text);

/// Checks a typed value against the spec (type and range).
Status checkParamValue(const ParamSpec& spec, const ParamValue& value);

/// Fills defaults for keys not given, and refuses unknown keys and out-of-range values.
Result<ParamValues> resolveParams(const std::vector<ParamSpec>& schema,
                                  const std::map<std::string, std::string>& given);

/// Human text of a spec's range: "[1, 1000]", "one of cosine, pearson", "true or false".
std::string describeRange(const ParamSpec& spec);
/// Human text of a value, numbers in shortest form.
std::string formatParamValue(const ParamValue& value);

} // namespace recoscope::core
