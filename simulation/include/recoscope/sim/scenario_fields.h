#pragma once
// The scenario format's field table: one row per field of a scenario file, with its JSON
// path, type, range, default, unit, label and help. It is the one description of the
// format: parseScenario() reads and range-checks every field through it (and words its
// messages from it), Scenario::toJson() writes through it, the workbench builds its form
// from it and docs/scenario-format.md's field reference is generated from it
// (`recoscope-cli list-scenario-fields --markdown`). Defaults are not repeated here: a
// row's default is what its accessor reads from a default-constructed Scenario, so the
// member initialisers in scenario.h stay the single source.
//
// The `timeline` row is a list whose entries (promotions, launches, cohorts, stock
// shocks, seasons) have per-type fields and bounds that depend on other fields (days
// within duration_days, category ids within the tree): their parsing and writing stay
// bespoke in scenario.cpp, reached through the row's accessors. Rules across fields
// (category tree size, brand count, launches and cohorts within the item and user
// limits) stay bespoke too.
//
// Labels, help and units are English, marked for translation in the contexts
// "ScenarioField" and "ScenarioUnit" (QCoreApplication::translate(context, text)).
// The table is built once, on first use, and never changes; any thread may read it.

#include "recoscope/sim/number_range.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <vector>

namespace recoscope::sim {

struct Scenario;

struct ScenarioField {
    enum class Type {
        Integer, ///< a whole number in `range`
        Real,    ///< a number in `range`
        Text,    ///< free text
        Choice,  ///< one of `choices`
        Weights, ///< non-negative numbers, at least one positive; minCount..maxCount entries
        Object,  ///< a group of fields: the rows whose path starts with this one
        List     ///< an array of entries read and written by bespoke code (the timeline)
    };

    QString path; ///< "catalogue.items"; top-level fields have no dot
    Type type = Type::Real;
    NumberRange range;              ///< Integer, Real
    QStringList choices;            ///< Choice
    int minCount = 0, maxCount = 0; ///< Weights (maxCount 0: no limit); List: at most maxCount
    /// Object: left out of toJson() while every field under it has its default, so that
    /// scenarios written before the object existed keep their canonical JSON and hash.
    bool omitWhenDefault = false;
    int decimals = 0;      ///< digits worth showing: 0 for whole numbers, else enough for the range
    const char* unit = ""; ///< "days", "hours", ...; "" for none
    const char* label = "";
    const char* help = "";
    /// The field's value in `s`, as toJson() writes it.
    QJsonValue (*read)(const Scenario& s) = nullptr;
    /// Stores a value already checked against this row. nullptr for Object and List rows
    /// and for `format`, which is checked but not stored.
    void (*write)(Scenario& s, const QJsonValue& v) = nullptr;

    /// "$.catalogue.items", as messages name it.
    QString jsonPath() const { return QStringLiteral("$.") + path; }
    /// "items"
    QString key() const { return path.section(QLatin1Char('.'), -1); }
    /// "catalogue"; "" for top-level fields.
    QString parent() const {
        return path.contains(QLatin1Char('.')) ? path.section(QLatin1Char('.'), 0, -2) : QString();
    }
    bool numeric() const { return type == Type::Integer || type == Type::Real; }
    /// read() of a default-constructed Scenario.
    QJsonValue defaultValue() const;
};

/// Every row, parents before their children, in the order of the documentation.
const std::vector<ScenarioField>& scenarioFields();
/// The row of a path ("catalogue.items" or "$.catalogue.items"), or nullptr.
const ScenarioField* findScenarioField(const QString& path);
/// Keys of the rows directly under `parent` ("" for the top level), in table order.
QStringList scenarioFieldKeys(const QString& parent);

/// The field reference of docs/scenario-format.md (one Markdown table per object), as
/// `recoscope-cli list-scenario-fields --markdown` prints it.
QString scenarioFieldsMarkdown();
/// One JSON object per row: path, type, min/max (and whether open), choices, counts,
/// default, unit, label, help. For `list-scenario-fields --json` and tools outside the
/// project.
QJsonArray scenarioFieldsJson();

} // namespace recoscope::sim
