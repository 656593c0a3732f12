#include "validation_text.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace recoscope::ui {

namespace {

// The "got ..." part, from the value itself rather than from the English words.
QString value(const QJsonValue& v) {
    switch (v.type()) {
    case QJsonValue::Double:
        return QCoreApplication::translate("Validation", "the number %1").arg(v.toDouble());
    case QJsonValue::String:
        return QCoreApplication::translate("Validation", "the text \"%1\"").arg(v.toString());
    case QJsonValue::Bool:
        return QCoreApplication::translate("Validation", "a boolean");
    case QJsonValue::Array:
        return QCoreApplication::translate("Validation", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("Validation", "an object");
    case QJsonValue::Null:
        return QCoreApplication::translate("Validation", "null");
    case QJsonValue::Undefined:
        break;
    }
    return QCoreApplication::translate("Validation", "nothing");
}

QString weightsMessage(const sim::ValidationIssue& i) {
    // A named count: lupdate (Qt 6.4) skips a translate() whose count is a static_cast.
    const int entries = static_cast<int>(i.got.toArray().size());
    const QString got =
        i.got.isArray() ? QCoreApplication::translate("Validation", "%n entries", nullptr, entries)
                        : value(i.got);
    if (i.minCount == i.maxCount)
        return QCoreApplication::translate("Validation",
                                           "expected an array of %1 non-negative numbers, got %2")
            .arg(i.minCount)
            .arg(got);
    if (i.maxCount == 0)
        return QCoreApplication::translate(
                   "Validation", "expected a non-empty array of non-negative numbers, got %1")
            .arg(got);
    return QCoreApplication::translate("Validation",
                                       "expected an array of %1 to %2 non-negative numbers, got %3")
        .arg(i.minCount)
        .arg(i.maxCount)
        .arg(got);
}

} // namespace

QString translatedIssueMessage(const sim::ValidationIssue& i) {
    using Kind = sim::ValidationIssue::Kind;
    switch (i.kind) {
    case Kind::WholeNumber:
        return QCoreApplication::translate("Validation", "expected a whole number in %1, got %2")
            .arg(i.range.text(true), value(i.got));
    case Kind::Number:
        return QCoreApplication::translate("Validation", "expected a number in %1, got %2")
            .arg(i.range.text(false), value(i.got));
    case Kind::Boolean:
        return QCoreApplication::translate("Validation", "expected true or false, got %1")
            .arg(value(i.got));
    case Kind::Text:
        return QCoreApplication::translate("Validation", "expected text, got %1").arg(value(i.got));
    case Kind::Choice:
        return QCoreApplication::translate("Validation", "expected one of %1, got \"%2\"")
            .arg(i.choices.join(QStringLiteral(", ")), i.got.toString());
    case Kind::Object:
        return QCoreApplication::translate("Validation", "expected an object, got %1")
            .arg(value(i.got));
    case Kind::Array:
        return QCoreApplication::translate("Validation", "expected an array, got %1")
            .arg(value(i.got));
    case Kind::Weights:
        return weightsMessage(i);
    case Kind::Weight:
        return QCoreApplication::translate("Validation", "expected a non-negative number, got %1")
            .arg(value(i.got));
    case Kind::NoPositiveWeight:
        return QCoreApplication::translate("Validation", "expected at least one positive weight");
    case Kind::UnknownField:
        return QCoreApplication::translate("Validation", "unknown field; known fields here: %1")
            .arg(i.choices.join(QStringLiteral(", ")));
    case Kind::DuplicateKey:
        return QCoreApplication::translate(
                   "Validation",
                   "duplicate key \"%1\" (first on line %2); JSON keeps only one of them, so "
                   "remove the other")
            .arg(i.key)
            .arg(i.firstLine);
    case Kind::TopNotObject:
        return QCoreApplication::translate("Validation", "expected a JSON object at the top level");
    case Kind::Syntax:
    case Kind::Other:
        break;
    }
    return i.message;
}

QString translatedIssueLine(const sim::ValidationIssue& i) {
    if (i.kind == sim::ValidationIssue::Kind::Syntax)
        return i.text();
    const QString where = i.line > 0
                              ? QStringLiteral("%1:%2: %3").arg(i.source).arg(i.line).arg(i.path)
                              : QStringLiteral("%1: %2").arg(i.source, i.path);
    return where + QStringLiteral(": ") + translatedIssueMessage(i);
}

} // namespace recoscope::ui
