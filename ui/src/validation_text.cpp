#include "validation_text.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace recoscope::ui {

namespace {

// The "got ..." part: a JSON value's description.
QString value(const QString& english) {
    static const QRegularExpression number(QStringLiteral(R"(^the number (.*)$)"));
    static const QRegularExpression text(QStringLiteral(R"re(^the text "(.*)"$)re"));
    if (auto m = number.match(english); m.hasMatch())
        return QCoreApplication::translate("Validation", "the number %1").arg(m.captured(1));
    if (auto m = text.match(english); m.hasMatch())
        return QCoreApplication::translate("Validation", "the text \"%1\"").arg(m.captured(1));
    if (english == QLatin1String("a boolean"))
        return QCoreApplication::translate("Validation", "a boolean");
    if (english == QLatin1String("an array"))
        return QCoreApplication::translate("Validation", "an array");
    if (english == QLatin1String("an object"))
        return QCoreApplication::translate("Validation", "an object");
    if (english == QLatin1String("null"))
        return QCoreApplication::translate("Validation", "null");
    return english;
}

QString message(const QString& m) {
    static const QRegularExpression whole(
        QStringLiteral(R"(^expected a whole number in \[([^,]+), ([^\]]+)\], got (.*)$)"));
    static const QRegularExpression real(
        QStringLiteral(R"(^expected a number in \[([^,]+), ([^\]]+)\], got (.*)$)"));
    static const QRegularExpression oneOf(
        QStringLiteral(R"re(^expected one of (.*), got "(.*)"$)re"));
    static const QRegularExpression unknown(
        QStringLiteral(R"(^unknown field; known fields here: (.*)$)"));
    static const QRegularExpression simple(QStringLiteral(
        R"(^expected (text|true or false|an array|an object|a non-negative number), got (.*)$)"));
    if (auto x = whole.match(m); x.hasMatch())
        return QCoreApplication::translate("Validation",
                                           "expected a whole number in [%1, %2], got %3")
            .arg(x.captured(1), x.captured(2), value(x.captured(3)));
    if (auto x = real.match(m); x.hasMatch())
        return QCoreApplication::translate("Validation", "expected a number in [%1, %2], got %3")
            .arg(x.captured(1), x.captured(2), value(x.captured(3)));
    if (auto x = oneOf.match(m); x.hasMatch())
        return QCoreApplication::translate("Validation", "expected one of %1, got \"%2\"")
            .arg(x.captured(1), x.captured(2));
    if (auto x = unknown.match(m); x.hasMatch())
        return QCoreApplication::translate("Validation", "unknown field; known fields here: %1")
            .arg(x.captured(1));
    if (auto x = simple.match(m); x.hasMatch()) {
        const QString what = x.captured(1);
        const QString got = value(x.captured(2));
        if (what == QLatin1String("text"))
            return QCoreApplication::translate("Validation", "expected text, got %1").arg(got);
        if (what == QLatin1String("true or false"))
            return QCoreApplication::translate("Validation", "expected true or false, got %1")
                .arg(got);
        if (what == QLatin1String("an array"))
            return QCoreApplication::translate("Validation", "expected an array, got %1").arg(got);
        if (what == QLatin1String("an object"))
            return QCoreApplication::translate("Validation", "expected an object, got %1").arg(got);
        return QCoreApplication::translate("Validation", "expected a non-negative number, got %1")
            .arg(got);
    }
    if (m == QLatin1String("expected at least one positive weight"))
        return QCoreApplication::translate("Validation", "expected at least one positive weight");
    if (m == QLatin1String("expected a JSON object at the top level"))
        return QCoreApplication::translate("Validation", "expected a JSON object at the top level");
    return m;
}

} // namespace

QString translateValidationLine(const QString& line) {
    // "source:line: $.path: message" (the source may itself contain colons: builtin:x).
    static const QRegularExpression re(QStringLiteral(R"(^(.*:\d+: \$[^:]*: )(.*)$)"));
    const QRegularExpressionMatch m = re.match(line);
    if (!m.hasMatch())
        return line;
    return m.captured(1) + message(m.captured(2));
}

} // namespace recoscope::ui
