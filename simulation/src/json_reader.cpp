#include "recoscope/sim/json_reader.h"

#include <QJsonParseError>
#include <QRegularExpression>

#include <QHash>

#include <algorithm>
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

ValidationIssue makeIssue(ValidationIssue::Kind kind, const QString& path, const QJsonValue& got,
                          const QString& message) {
    ValidationIssue issue;
    issue.kind = kind;
    issue.path = path;
    issue.got = got;
    issue.message = message;
    return issue;
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
            ValidationIssue issue;
            issue.kind = ValidationIssue::Kind::DuplicateKey;
            issue.line = line;
            issue.path = f.path + QLatin1Char('.') + f.lastKey;
            issue.key = f.lastKey;
            issue.firstLine = first.value();
            issue.message = QStringLiteral("duplicate key \"%1\" (first on line %2); JSON keeps "
                                           "only one of them, so remove the other")
                                .arg(f.lastKey)
                                .arg(first.value());
            record(std::move(issue));
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
        ValidationIssue issue;
        issue.kind = ValidationIssue::Kind::Syntax;
        issue.line = line;
        issue.column = column;
        issue.message = QStringLiteral("invalid JSON: %1").arg(error.errorString());
        record(std::move(issue));
        return false;
    }
    if (!doc.isObject()) {
        ValidationIssue issue;
        issue.kind = ValidationIssue::Kind::TopNotObject;
        issue.line = 1;
        issue.path = QStringLiteral("$");
        issue.message = QStringLiteral("expected a JSON object at the top level");
        record(std::move(issue));
        return false;
    }
    checkDuplicateKeys();
    if (!m_issues.isEmpty())
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

void JsonReader::record(ValidationIssue issue) {
    issue.source = m_source;
    if (issue.line == 0 && !issue.path.isEmpty())
        issue.line = lineOf(issue.path);
    m_issues.append(std::move(issue));
}

QStringList JsonReader::errors() const {
    QStringList lines;
    for (const ValidationIssue& issue : m_issues)
        lines << issue.text();
    return lines;
}

void JsonReader::fail(const QString& path, const QString& message) {
    ValidationIssue issue;
    issue.path = path;
    issue.message = message;
    record(std::move(issue));
}

qint64 JsonReader::integer(const QJsonObject& obj, const QString& path, const QString& key,
                           qint64 fallback, qint64 min, qint64 max) {
    return integer(obj, path, key, fallback,
                   NumberRange{static_cast<double>(min), static_cast<double>(max)});
}

qint64 JsonReader::integer(const QJsonObject& obj, const QString& path, const QString& key,
                           qint64 fallback, const NumberRange& range) {
    const QJsonValue v = obj.value(key);
    if (v.isUndefined())
        return fallback;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || std::floor(d) != d || !range.contains(d)) {
        ValidationIssue issue;
        issue.kind = ValidationIssue::Kind::WholeNumber;
        issue.path = path + QLatin1Char('.') + key;
        issue.range = range;
        issue.got = v;
        issue.message = QStringLiteral("expected a whole number in %1, got %2")
                            .arg(range.text(true), typeName(v));
        record(std::move(issue));
        return fallback;
    }
    return static_cast<qint64>(d);
}

double JsonReader::real(const QJsonObject& obj, const QString& path, const QString& key,
                        double fallback, double min, double max) {
    return real(obj, path, key, fallback, NumberRange{min, max});
}

double JsonReader::real(const QJsonObject& obj, const QString& path, const QString& key,
                        double fallback, const NumberRange& range) {
    const QJsonValue v = obj.value(key);
    if (v.isUndefined())
        return fallback;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || !std::isfinite(d) || !range.contains(d)) {
        ValidationIssue issue;
        issue.kind = ValidationIssue::Kind::Number;
        issue.path = path + QLatin1Char('.') + key;
        issue.range = range;
        issue.got = v;
        issue.message =
            QStringLiteral("expected a number in %1, got %2").arg(range.text(false), typeName(v));
        record(std::move(issue));
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
        record(makeIssue(ValidationIssue::Kind::Boolean, path + QLatin1Char('.') + key, v,
                         QStringLiteral("expected true or false, got %1").arg(typeName(v))));
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
        record(makeIssue(ValidationIssue::Kind::Text, at, v,
                         QStringLiteral("expected text, got %1").arg(typeName(v))));
        return fallback;
    }
    if (!choices.isEmpty() && !choices.contains(v.toString())) {
        ValidationIssue issue =
            makeIssue(ValidationIssue::Kind::Choice, at, v,
                      QStringLiteral("expected one of %1, got \"%2\"")
                          .arg(choices.join(QStringLiteral(", ")), v.toString()));
        issue.choices = choices;
        record(std::move(issue));
        return fallback;
    }
    return v.toString();
}

QJsonObject JsonReader::object(const QJsonObject& obj, const QString& path, const QString& key) {
    const QJsonValue v = obj.value(key);
    if (v.isUndefined())
        return {};
    if (!v.isObject()) {
        record(makeIssue(ValidationIssue::Kind::Object, path + QLatin1Char('.') + key, v,
                         QStringLiteral("expected an object, got %1").arg(typeName(v))));
        return {};
    }
    return v.toObject();
}

QJsonArray JsonReader::array(const QJsonObject& obj, const QString& path, const QString& key) {
    const QJsonValue v = obj.value(key);
    if (v.isUndefined())
        return {};
    if (!v.isArray()) {
        record(makeIssue(ValidationIssue::Kind::Array, path + QLatin1Char('.') + key, v,
                         QStringLiteral("expected an array, got %1").arg(typeName(v))));
        return {};
    }
    return v.toArray();
}

std::vector<double> JsonReader::weights(const QJsonObject& obj, const QString& path,
                                        const QString& key, std::vector<double> fallback,
                                        std::size_t size) {
    const int n = static_cast<int>(size);
    return weights(obj, path, key, std::move(fallback), n ? n : 1, n);
}

std::vector<double> JsonReader::weights(const QJsonObject& obj, const QString& path,
                                        const QString& key, std::vector<double> fallback,
                                        int minCount, int maxCount) {
    const QJsonValue v = obj.value(key);
    if (v.isUndefined())
        return fallback;
    const QString at = path + QLatin1Char('.') + key;
    const QJsonArray a = v.toArray();
    const int count = static_cast<int>(a.size());
    QString want;
    if (minCount == maxCount)
        want = QStringLiteral("an array of %1 non-negative numbers").arg(minCount);
    else if (maxCount == 0)
        want = QStringLiteral("a non-empty array of non-negative numbers");
    else
        want =
            QStringLiteral("an array of %1 to %2 non-negative numbers").arg(minCount).arg(maxCount);
    if (!v.isArray() || count < std::max(1, minCount) || (maxCount > 0 && count > maxCount)) {
        ValidationIssue issue = makeIssue(
            ValidationIssue::Kind::Weights, at, v,
            QStringLiteral("expected %1, got %2")
                .arg(want, v.isArray() ? QStringLiteral("%1 entries").arg(count) : typeName(v)));
        issue.minCount = minCount;
        issue.maxCount = maxCount;
        record(std::move(issue));
        return fallback;
    }
    std::vector<double> out;
    double total = 0.0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const double d = a.at(i).toDouble(-1.0);
        if (!a.at(i).isDouble() || !std::isfinite(d) || d < 0.0) {
            record(makeIssue(
                ValidationIssue::Kind::Weight, QStringLiteral("%1[%2]").arg(at).arg(i), a.at(i),
                QStringLiteral("expected a non-negative number, got %1").arg(typeName(a.at(i)))));
            return fallback;
        }
        out.push_back(d);
        total += d;
    }
    if (total <= 0.0) {
        record(makeIssue(ValidationIssue::Kind::NoPositiveWeight, at, v,
                         QStringLiteral("expected at least one positive weight")));
        return fallback;
    }
    return out;
}

void JsonReader::rejectUnknown(const QJsonObject& obj, const QString& path,
                               const QStringList& known) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (known.contains(it.key()))
            continue;
        ValidationIssue issue = makeIssue(ValidationIssue::Kind::UnknownField,
                                          path + QLatin1Char('.') + it.key(), QJsonValue(),
                                          QStringLiteral("unknown field; known fields here: %1")
                                              .arg(known.join(QStringLiteral(", "))));
        issue.choices = known;
        record(std::move(issue));
    }
}

} // namespace recoscope::sim
