#pragma once
// One problem found while validating a JSON document, as data: where it is (source, line,
// JSON path), what kind of problem it is and the bound or choices it broke. The English
// line the validator prints is text(); the workbench translates from the fields instead of
// parsing that line.

#include "recoscope/sim/number_range.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace recoscope::sim {

struct ValidationIssue {
    enum class Kind {
        Syntax,           ///< not JSON at all: line and column, Qt's reason in `message`
        TopNotObject,     ///< the document is not a JSON object
        DuplicateKey,     ///< `key` twice in one object; `firstLine` has the first one
        UnknownField,     ///< `choices` lists the known fields of that object
        WholeNumber,      ///< expected a whole number in `range`
        Number,           ///< expected a number in `range`
        Boolean,          ///< expected true or false
        Text,             ///< expected text
        Choice,           ///< expected one of `choices`
        Object,           ///< expected an object
        Array,            ///< expected an array
        Weights,          ///< expected an array of `minCount`..`maxCount` weights
        Weight,           ///< an entry of a weights array is not a non-negative number
        NoPositiveWeight, ///< every weight is 0
        Other             ///< a rule across fields; only `message` says which
    };

    Kind kind = Kind::Other;
    QString source;    ///< file path or "builtin:name"
    int line = 0;      ///< 1-based; 0 when the path could not be found in the text
    int column = 0;    ///< Syntax only
    QString path;      ///< JSON path, "$.catalogue.items"; empty for Syntax
    NumberRange range; ///< WholeNumber, Number
    QStringList choices;
    int minCount = 0, maxCount = 0; ///< Weights (equal: exactly that many; 0 = no limit)
    QJsonValue got;                 ///< the offending value; Undefined when none applies
    QString key;                    ///< DuplicateKey
    int firstLine = 0;              ///< DuplicateKey
    QString message;                ///< English, without the location

    /// "shop.json:4: $.catalogue.items: expected a whole number in [10, 2000000], got the
    /// number 5" - the validator's line, the contract tst_scenario checks.
    QString text() const;
};

} // namespace recoscope::sim
