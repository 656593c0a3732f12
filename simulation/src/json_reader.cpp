#include "recoscope/sim/json_reader.h"

#include <QJsonParseError>
#include <QRegularExpression>

#include <QHash>

#include <cmath>
#include <vector>

namespace recoscope::sim {

namespace {
QString typeName(const QJsonValue& v) {
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("the number %1").arg(v.toDouble());
    case QJsonValue::String:
        return QStringLiteral("the text \"%1\"").arg(v.toString());
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

// The text of a JSON string token (quotes included) as the key it names; escapes are
// decoded by Qt's own parser so that "a" and "\u0061" count as the same key.
QString decodeKey(const QByteArray& token) {
    if (!token.contains('\\'))
        return QString::fromUtf8(token.mid(1, token.size() - 2));
    const QJsonDocument d = QJsonDocument::fromJson("[" + token + "]");
    return d.array().at(0).toString();
}

struct Frame {
    bool object = false;
    QString path;
    QHash<QString, int> keyLines; // key -> line of its first occurrence
    QString lastKey;
    bool keyNext = true;
    int index = 0;
};
} // namespace

void JsonReader::checkDuplicateKeys() {
    // QJsonDocument keeps the last of two equal keys without a word; a scenario whose
    // "population" appears twice would run with whichever came last. The text already
    // parsed, so this scan only needs to follow strings, nesting and commas.
    std::vector<Frame> stack;
    int line = 1;
    for (qsizetype i = 0; i < m_raw.size(); ++i) {
        const char c = m_raw.at(i);
        if (c == '\n') {
            ++line;
        } else if (c == '"') {
            const qsizetype start = i;
            for (++i; i < m_raw.size() && m_raw.at(i) != '"'; ++i)
                if (m_raw.at(i) == '\\')
                    ++i;
            if (stack.empty() || !stack.back().object || !stack.back().keyNext)
                continue;
            Frame& f = stack.back();
            f.lastKey = decodeKey(m_raw.mid(start, i - start + 1));
            f.keyNext = false;
            const auto first = f.keyLines.constFind(f.lastKey);
            if (first == f.keyLines.constEnd()) {
                f.keyLines.insert(f.lastKey, line);
                continue;
            }
            m_errors << QStringLiteral("%1:%2: %3.%4: duplicate key \"%4\" (first on line %5); "
                                       "JSON keeps only one of them, so remove the other")
                            .arg(m_source)
                            .arg(line)
                            .arg(f.path, f.lastKey)
                            .arg(first.value());
        } else if (c == '{' || c == '[') {
            Frame child;
            child.object = c == '{';
            if (stack.empty())
                child.path = QStringLiteral("$");
            else if (stack.back().object)
                child.path = stack.back().path + QLatin1Char('.') + stack.back().lastKey;
            else
                child.path =
                    QStringLiteral("%1[%2]").arg(stack.back().path).arg(stack.back().index);
            stack.push_back(std::move(child));
        } else if (c == '}' || c == ']') {
            if (!stack.empty())
                stack.pop_back();
        } else if (c == ',' && !stack.empty()) {
            if (stack.back().object)
                stack.back().keyNext = true;
            else
                ++stack.back().index;
        }
    }
}

JsonReader::JsonReader(QString source, QByteArray raw)
    : m_source(std::move(source)), m_raw(std::move(raw)) {}

bool JsonReader::parse(QJsonObject& root) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(m_raw, &error);
    if (error.error != QJsonParseError::NoError) {
        const QByteArray before = m_raw.left(error.offset);
        const int line = static_cast<int>(before.count('\n')) + 1;
        const int column = static_cast<int>(error.offset - before.lastIndexOf('\n'));
        m_errors << QStringLiteral("%1:%2:%3: invalid JSON: %4")
                        .arg(m_source)
                        .arg(line)
                        .arg(column)
                        .arg(error.errorString());
        return false;
    }
    if (!doc.isObject()) {
        m_errors
            << QStringLiteral("%1:1: $: expected a JSON object at the top level").arg(m_source);
        return false;
    }
    checkDuplicateKeys();
    if (!m_errors.isEmpty())
        return false;
    root = doc.object();
    return true;
}

int JsonReader::lineOf(const QString& path) const {
    // Best effort: find each key of the path in turn, each after the previous one. Good
    // enough for hand-written files, where it points at the right line; 0 when not found.
    qsizetype pos = 0;
    const QStringList parts = path.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    bool found = false;
    for (const QString& partWithIndex : parts) {
        QString part = partWithIndex;
        part.remove(QRegularExpression(QStringLiteral("\\[\\d+\\]$")));
        if (part == QLatin1String("$"))
            continue;
        const QByteArray needle = "\"" + part.toUtf8() + "\"";
        const qsizetype at = m_raw.indexOf(needle, pos);
        if (at < 0)
            break;
        pos = at + needle.size();
        found = true;
    }
    return found ? static_cast<int>(m_raw.left(pos).count('\n')) + 1 : 0;
}

void JsonReader::fail(const QString& path, const QString& message) {
    const int line = lineOf(path);
    if (line > 0)
        m_errors << QStringLiteral("%1:%2: %3: %4").arg(m_source).arg(line).arg(path, message);
    else
        m_errors << QStringLiteral("%1: %2: %3").arg(m_source, path, message);
}

qint64 JsonReader::integer(const QJsonObject& obj, const QString& path, const QString& key,
                           qint64 fallback, qint64 min, qint64 max) {
    const QJsonValue v = obj.value(key);
    if (v.isUndefined())
        return fallback;
    const QString at = path + QLatin1Char('.') + key;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || std::floor(d) != d || d < static_cast<double>(min) ||
        d > static_cast<double>(max)) {
        fail(at, QStringLiteral("expected a whole number in [%1, %2], got %3")
                     .arg(min)
                     .arg(max)
                     .arg(typeName(v)));
        return fallback;
    }
    return static_cast<qint64>(d);
}

double JsonReader::real(const QJsonObject& obj, const QString& path, const QString& key,
                        double fallback, double min, double max) {
    const QJsonValue v = obj.value(key);
    if (v.isUndefined())
        return fallback;
    const QString at = path + QLatin1Char('.') + key;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || !std::isfinite(d) || d < min || d > max) {
        fail(at, QStringLiteral("expected a number in [%1, %2], got %3")
                     .arg(min)
                     .arg(max)
                     .arg(typeName(v)));
        return fallback;
    }
    return d;
}

bool JsonReader::boolean(const QJsonObject& obj, const QString& path, const QString& key,
                         bool fallback) {
    const QJsonValue v = obj.value(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isBool()) {
        fail(path + QLatin1Char('.') + key,
             QStringLiteral("expected true or false, got %1").arg(typeName(v)));
        return fallback;
    }
    return v.toBool();
}

QString JsonReader::text(const QJsonObject& obj, const QString& path, const QString& key,
                         const QString& fallback, const QStringList& choices) {
    const QJsonValue v = obj.value(key);
    if (v.isUndefined())
        return fallback;
    const QString at = path + QLatin1Char('.') + key;
    if (!v.isString()) {
        fail(at, QStringLiteral("expected text, got %1").arg(typeName(v)));
        return fallback;
    }
    if (!choices.isEmpty() && !choices.contains(v.toString())) {
        fail(at, QStringLiteral("expected one of %1, got \"%2\"")
                     .arg(choices.join(QStringLiteral(", ")), v.toString()));
        return fallback;
    }
    return v.toString();
}

QJsonObject JsonReader::object(const QJsonObject& obj, const QString& path, const QString& key) {
    const QJsonValue v = obj.value(key);
    if (v.isUndefined())
        return {};
    if (!v.isObject()) {
        fail(path + QLatin1Char('.') + key,
             QStringLiteral("expected an object, got %1").arg(typeName(v)));
        return {};
    }
    return v.toObject();
}

QJsonArray JsonReader::array(const QJsonObject& obj, const QString& path, const QString& key) {
    const QJsonValue v = obj.value(key);
    if (v.isUndefined())
        return {};
    if (!v.isArray()) {
        fail(path + QLatin1Char('.') + key,
             QStringLiteral("expected an array, got %1").arg(typeName(v)));
        return {};
    }
    return v.toArray();
}

std::vector<double> JsonReader::weights(const QJsonObject& obj, const QString& path,
                                        const QString& key, std::vector<double> fallback,
                                        std::size_t size) {
    const QJsonValue v = obj.value(key);
    if (v.isUndefined())
        return fallback;
    const QString at = path + QLatin1Char('.') + key;
    const QJsonArray a = v.toArray();
    const QString want = size ? QStringLiteral("an array of %1 non-negative numbers").arg(size)
                              : QStringLiteral("a non-empty array of non-negative numbers");
    if (!v.isArray() || (size && static_cast<std::size_t>(a.size()) != size) || a.isEmpty()) {
        fail(at, QStringLiteral("expected %1, got %2")
                     .arg(want,
                          v.isArray() ? QStringLiteral("%1 entries").arg(a.size()) : typeName(v)));
        return fallback;
    }
    std::vector<double> out;
    double total = 0.0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const double d = a.at(i).toDouble(-1.0);
        if (!a.at(i).isDouble() || !std::isfinite(d) || d < 0.0) {
            fail(QStringLiteral("%1[%2]").arg(at).arg(i),
                 QStringLiteral("expected a non-negative number, got %1").arg(typeName(a.at(i))));
            return fallback;
        }
        out.push_back(d);
        total += d;
    }
    if (total <= 0.0) {
        fail(at, QStringLiteral("expected at least one positive weight"));
        return fallback;
    }
    return out;
}

void JsonReader::rejectUnknown(const QJsonObject& obj, const QString& path,
                               const QStringList& known) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (!known.contains(it.key()))
            fail(path + QLatin1Char('.') + it.key(),
                 QStringLiteral("unknown field; known fields here: %1")
                     .arg(known.join(QStringLiteral(", "))));
    }
}

} // namespace recoscope::sim
