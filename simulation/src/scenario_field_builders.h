#pragma once
// Internal: the helpers that build rows of the scenario field table (scenario_fields.cpp
// for the top level, scenario_field_rows.cpp for the objects). A row's accessors are
// instantiated from a chain of member pointers, so each row names its member once.

#include "recoscope/sim/scenario.h"
#include "recoscope/sim/scenario_fields.h"

#include <QCoreApplication>

#include <cstdint>
#include <vector>

namespace recoscope::sim::fieldrows {

using Type = ScenarioField::Type;
using S = Scenario;
using C = CatalogueSpec;
using P = PopulationSpec;
using B = BehaviourSpec;
using I = InventorySpec;

// toJson() has always written whole numbers as JSON integers and the seed as a double;
// the canonical JSON, and so every stored scenario hash, depends on keeping that.
inline QJsonValue toValue(int v) {
    return v;
}
inline QJsonValue toValue(double v) {
    return v;
}
inline QJsonValue toValue(std::uint64_t v) {
    return static_cast<double>(v);
}
inline QJsonValue toValue(const QString& v) {
    return v;
}
inline QJsonValue toValue(const std::vector<double>& v) {
    QJsonArray a;
    for (double d : v)
        a.append(d);
    return a;
}

inline void fromValue(int& m, const QJsonValue& v) {
    m = static_cast<int>(v.toDouble());
}
inline void fromValue(double& m, const QJsonValue& v) {
    m = v.toDouble();
}
inline void fromValue(std::uint64_t& m, const QJsonValue& v) {
    m = static_cast<std::uint64_t>(v.toDouble());
}
inline void fromValue(QString& m, const QJsonValue& v) {
    m = v.toString();
}
inline void fromValue(std::vector<double>& m, const QJsonValue& v) {
    m.clear();
    for (const QJsonValue& e : v.toArray())
        m.push_back(e.toDouble());
}

// A member reached through a chain of member pointers: field<&S::catalogue, &C::items>.
template <auto... Ms> QJsonValue readMember(const Scenario& s) {
    return toValue((s.*....*Ms));
}
template <auto... Ms> void writeMember(Scenario& s, const QJsonValue& v) {
    fromValue((s.*....*Ms), v);
}

template <auto... Ms>
ScenarioField row(const char* path, Type type, const char* label, const char* help) {
    ScenarioField f;
    f.path = QString::fromLatin1(path);
    f.type = type;
    f.label = label;
    f.help = help;
    f.read = &readMember<Ms...>;
    f.write = &writeMember<Ms...>;
    return f;
}

template <auto... Ms>
ScenarioField whole(const char* path, qint64 min, qint64 max, const char* label, const char* help,
                    const char* unit = "") {
    ScenarioField f = row<Ms...>(path, Type::Integer, label, help);
    f.range = {static_cast<double>(min), static_cast<double>(max)};
    f.unit = unit;
    return f;
}

template <auto... Ms>
ScenarioField real(const char* path, NumberRange range, int decimals, const char* label,
                   const char* help, const char* unit = "") {
    ScenarioField f = row<Ms...>(path, Type::Real, label, help);
    f.range = range;
    f.decimals = decimals;
    f.unit = unit;
    return f;
}

template <auto... Ms>
ScenarioField weights(const char* path, int minCount, int maxCount, const char* label,
                      const char* help) {
    ScenarioField f = row<Ms...>(path, Type::Weights, label, help);
    f.minCount = minCount;
    f.maxCount = maxCount;
    f.decimals = 2;
    return f;
}

inline ScenarioField group(const char* path, Type type, const char* label, const char* help) {
    ScenarioField f;
    f.path = QString::fromLatin1(path);
    f.type = type;
    f.label = label;
    f.help = help;
    return f;
}

void appendCatalogueFields(std::vector<ScenarioField>& table);
void appendPopulationFields(std::vector<ScenarioField>& table);
void appendBehaviourFields(std::vector<ScenarioField>& table);
void appendInventoryFields(std::vector<ScenarioField>& table);
void appendSurfaceFields(std::vector<ScenarioField>& table);
void appendCouponFields(std::vector<ScenarioField>& table);
void appendPrivacyFields(std::vector<ScenarioField>& table);
void appendOnboardingFields(std::vector<ScenarioField>& table);

} // namespace recoscope::sim::fieldrows
