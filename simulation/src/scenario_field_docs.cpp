// The field table rendered for people (the Markdown reference in docs/scenario-format.md)
// and for programs (JSON: the translation catalogue script, other tools).

#include "recoscope/sim/scenario_fields.h"

#include <QJsonObject>

namespace recoscope::sim {

namespace {

using Type = ScenarioField::Type;

QString typeName(Type t) {
    switch (t) {
    case Type::Integer:
        return QStringLiteral("integer");
    case Type::Real:
        return QStringLiteral("number");
    case Type::Text:
        return QStringLiteral("text");
    case Type::Choice:
        return QStringLiteral("choice");
    case Type::Weights:
        return QStringLiteral("weights");
    case Type::Object:
        return QStringLiteral("object");
    case Type::List:
        return QStringLiteral("array");
    }
    return {};
}

QString number(double v, bool integer) {
    // As the validator's messages print numbers, so the doc and the messages agree.
    return integer ? QString::number(static_cast<qint64>(v)) : QStringLiteral("%1").arg(v);
}

QString typeCell(const ScenarioField& f) {
    QString t = f.type == Type::Choice ? QStringLiteral("text") : typeName(f.type);
    if (f.type == Type::Weights)
        t += f.minCount == f.maxCount
                 ? QStringLiteral(" (%1)").arg(f.minCount)
                 : QStringLiteral(" (%1 to %2)").arg(f.minCount).arg(f.maxCount);
    if (*f.unit)
        t += QStringLiteral(", %1").arg(QString::fromLatin1(f.unit));
    return t;
}

QString defaultCell(const ScenarioField& f) {
    const QJsonValue v = f.defaultValue();
    switch (f.type) {
    case Type::Integer:
    case Type::Real:
        return number(v.toDouble(), f.type == Type::Integer);
    case Type::Text:
    case Type::Choice:
        return v.toString().isEmpty() ? QStringLiteral("empty")
                                      : QStringLiteral("`%1`").arg(v.toString());
    case Type::Weights: {
        QStringList parts;
        for (const QJsonValue& e : v.toArray())
            parts << number(e.toDouble(), false);
        return parts.join(QStringLiteral(", "));
    }
    case Type::List:
        return QStringLiteral("`[]`");
    case Type::Object:
        break;
    }
    return {};
}

QString rangeCell(const ScenarioField& f) {
    if (f.numeric())
        return f.range.text(f.type == Type::Integer);
    if (f.type == Type::Choice)
        return QLatin1Char('`') + f.choices.join(QStringLiteral("`, `")) + QLatin1Char('`');
    if (f.type == Type::List)
        return QStringLiteral("at most %1 entries").arg(f.maxCount);
    return {};
}

QString table(const QString& parent) {
    QString out = QStringLiteral("| field | type | default | range | meaning |\n"
                                 "|---|---|---|---|---|\n");
    for (const ScenarioField& f : scenarioFields())
        if (f.parent() == parent)
            out += QStringLiteral("| `%1` | %2 | %3 | %4 | %5 |\n")
                       .arg(f.key(), typeCell(f), defaultCell(f), rangeCell(f),
                            QString::fromUtf8(f.help));
    return out;
}

} // namespace

QString scenarioFieldsMarkdown() {
    QString out = QStringLiteral("## Top level\n\n") + table(QString());
    for (const ScenarioField& f : scenarioFields())
        if (f.type == Type::Object)
            out += QStringLiteral("\n## `%1`\n\n").arg(f.path) + table(f.path);
    return out;
}

QJsonArray scenarioFieldsJson() {
    QJsonArray rows;
    for (const ScenarioField& f : scenarioFields()) {
        QJsonObject o{{QStringLiteral("path"), f.path},
                      {QStringLiteral("type"), typeName(f.type)},
                      {QStringLiteral("label"), QString::fromUtf8(f.label)},
                      {QStringLiteral("help"), QString::fromUtf8(f.help)}};
        if (f.numeric()) {
            o.insert(QStringLiteral("min"), f.range.min);
            o.insert(QStringLiteral("max"), f.range.max);
            o.insert(QStringLiteral("min_open"), f.range.minOpen);
            o.insert(QStringLiteral("max_open"), f.range.maxOpen);
            o.insert(QStringLiteral("decimals"), f.decimals);
        }
        if (f.type == Type::Choice)
            o.insert(QStringLiteral("choices"), QJsonArray::fromStringList(f.choices));
        if (f.type == Type::Weights)
            o.insert(QStringLiteral("min_count"), f.minCount);
        if (f.type == Type::Weights || f.type == Type::List)
            o.insert(QStringLiteral("max_count"), f.maxCount);
        if (f.type != Type::Object && f.type != Type::List)
            o.insert(QStringLiteral("default"), f.defaultValue());
        if (*f.unit)
            o.insert(QStringLiteral("unit"), QString::fromLatin1(f.unit));
        rows.append(o);
    }
    return rows;
}

} // namespace recoscope::sim
