#include "recoscope/core/params.h"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace recoscope::core {

namespace {

std::string shortest(double v) {
    // Shortest text that reads back to the same double: stable JSON and messages.
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    assert(ec == std::errc());
    return std::string(buf, end);
}

std::string jsonEscape(const std::string& s) {
    std::string out;
    out.reserve(s.size() + 2);
    for (char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char hex[8];
                std::snprintf(hex, sizeof hex, "\\u%04x", c);
                out += hex;
            } else {
                out += c;
            }
        }
    }
    return out;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

} // namespace

double ParamValues::number(const std::string& key) const {
    auto it = m_values.find(key);
    assert(it != m_values.end() && std::holds_alternative<double>(it->second));
    return std::get<double>(it->second);
}

const std::string& ParamValues::text(const std::string& key) const {
    auto it = m_values.find(key);
    assert(it != m_values.end() && std::holds_alternative<std::string>(it->second));
    return std::get<std::string>(it->second);
}

std::string ParamValues::toJson() const {
    std::string out = "{";
    bool first = true;
    for (const auto& [key, value] : m_values) {
        if (!first)
            out += ",";
        first = false;
        out += "\"" + jsonEscape(key) + "\":";
        if (const double* d = std::get_if<double>(&value))
            out += shortest(*d);
        else
            out += "\"" + jsonEscape(std::get<std::string>(value)) + "\"";
    }
    return out + "}";
}

std::string describeRange(const ParamSpec& spec) {
    switch (spec.kind) {
    case ParamKind::Integer:
    case ParamKind::Real:
        return "[" + shortest(spec.min) + ", " + shortest(spec.max) + "]";
    case ParamKind::Boolean:
        return "true or false";
    case ParamKind::Choice: {
        std::string out = "one of ";
        for (std::size_t i = 0; i < spec.choices.size(); ++i) {
            if (i)
                out += ", ";
            out += spec.choices[i];
        }
        return out;
    }
    case ParamKind::Text:
        return "text";
    }
    return {};
}

std::string formatParamValue(const ParamValue& value) {
    if (const double* d = std::get_if<double>(&value))
        return shortest(*d);
    return std::get<std::string>(value);
}

Status checkParamValue(const ParamSpec& spec, const ParamValue& value) {
    const std::string where = "parameter '" + spec.key + "'";
    switch (spec.kind) {
    case ParamKind::Integer:
    case ParamKind::Real:
    case ParamKind::Boolean: {
        const double* d = std::get_if<double>(&value);
        if (!d)
            return Error{where + ": expected a number in " + describeRange(spec)};
        if (!std::isfinite(*d))
            return Error{where + ": expected a finite number in " + describeRange(spec)};
        if (spec.kind == ParamKind::Integer && std::floor(*d) != *d)
            return Error{where + ": expected a whole number in " + describeRange(spec) + ", got " +
                         shortest(*d)};
        if (spec.kind == ParamKind::Boolean && *d != 0.0 && *d != 1.0)
            return Error{where + ": expected true or false"};
        if (spec.kind != ParamKind::Boolean && (*d < spec.min || *d > spec.max))
            return Error{where + ": " + shortest(*d) + " is outside " + describeRange(spec)};
        return Ok{};
    }
    case ParamKind::Choice: {
        const std::string* s = std::get_if<std::string>(&value);
        if (!s || std::find(spec.choices.begin(), spec.choices.end(), *s) == spec.choices.end())
            return Error{where + ": expected " + describeRange(spec) +
                         (s ? ", got '" + *s + "'" : std::string())};
        return Ok{};
    }
    case ParamKind::Text:
        if (!std::holds_alternative<std::string>(value))
            return Error{where + ": expected text"};
        return Ok{};
    }
    return Ok{};
}

Result<ParamValue> parseParamValue(const ParamSpec& spec, const std::string& text) {
    const std::string where = "parameter '" + spec.key + "'";
    ParamValue value;
    switch (spec.kind) {
    case ParamKind::Integer:
    case ParamKind::Real: {
        double d = 0.0;
        const char* begin = text.data();
        const char* end = text.data() + text.size();
        auto [ptr, ec] = std::from_chars(begin, end, d);
        if (text.empty() || ec != std::errc() || ptr != end)
            return Error{where + ": '" + text + "' is not a number; expected " +
                         describeRange(spec)};
        value = d;
        break;
    }
    case ParamKind::Boolean: {
        const std::string t = lower(text);
        if (t == "1" || t == "true" || t == "yes" || t == "on")
            value = 1.0;
        else if (t == "0" || t == "false" || t == "no" || t == "off")
            value = 0.0;
        else
            return Error{where + ": '" + text + "' is not true or false"};
        break;
    }
    case ParamKind::Choice:
    case ParamKind::Text:
        value = text;
        break;
    }
    Status st = checkParamValue(spec, value);
    if (!st)
        return Error{st.error()};
    return value;
}

Result<ParamValues> resolveParams(const std::vector<ParamSpec>& schema,
                                  const std::map<std::string, std::string>& given) {
    ParamValues values;
    for (const auto& [key, text] : given) {
        // Clang 14 (the fuzz build) cannot capture a structured binding: name it first.
        const std::string& wanted = key;
        auto spec = std::find_if(schema.begin(), schema.end(),
                                 [&](const ParamSpec& s) { return s.key == wanted; });
        if (spec == schema.end()) {
            std::string known;
            for (const ParamSpec& s : schema) {
                if (!known.empty())
                    known += ", ";
                known += s.key;
            }
            if (known.empty())
                known = "(none)";
            return Error{"unknown parameter '" + key + "'; known: " + known};
        }
        Result<ParamValue> v = parseParamValue(*spec, text);
        if (!v)
            return Error{v.error()};
        values.set(key, v.value());
    }
    for (const ParamSpec& spec : schema) {
        if (!values.has(spec.key))
            values.set(spec.key, spec.fallback);
    }
    return values;
}

} // namespace recoscope::core
