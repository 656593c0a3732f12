#include "recoscope/sim/run_params_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace recoscope::sim {

namespace {

// 10 significant digits, like the sweep report's params_text, so that the same parameter
// set reads the same in the history, `runs` and `report --sweep`.
QString valueText(const QJsonValue& v) {
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 10);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isString())
        return v.toString();
    if (v.isNull())
        return QStringLiteral("null");
    const QJsonDocument nested =
        v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    return QString::fromUtf8(nested.toJson(QJsonDocument::Compact));
}

QStringList parts(const QByteArray& paramsJson, const QString& separator, bool* ok) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(paramsJson, &error);
    *ok = error.error == QJsonParseError::NoError && doc.isObject();
    QStringList out;
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it)
        out << it.key() + separator + valueText(it.value());
    return out;
}

} // namespace

QString RunParamsText::brief(const QByteArray& paramsJson) {
    bool ok = false;
    const QStringList p = parts(paramsJson, QStringLiteral("="), &ok);
    if (!ok)
        return QStringLiteral("(not JSON)");
    return p.isEmpty() ? QStringLiteral("(none)") : p.join(QStringLiteral(", "));
}

QString RunParamsText::full(const QByteArray& paramsJson) {
    bool ok = false;
    const QStringList p = parts(paramsJson, QStringLiteral(" = "), &ok);
    if (!ok)
        return QStringLiteral("(not JSON)");
    return p.isEmpty() ? QStringLiteral("(none)") : p.join(QLatin1Char('\n'));
}

} // namespace recoscope::sim
