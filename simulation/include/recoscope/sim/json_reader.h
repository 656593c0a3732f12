#pragma once
// Reads and validates a JSON document field by field, collecting every problem with the
// file, line and JSON path ("shop.json:12: $.catalogue.items: expected an integer in
// [10, 1000000], got 5") instead of stopping at the first. Unknown fields are errors too:
// a typo must not silently fall back to a default.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <initializer_list>

namespace recoscope::sim {

class JsonReader {
public:
    /// `source` names the document in messages (a file path or "builtin:default");
    /// `raw` is its text, used to point at line numbers.
    JsonReader(QString source, QByteArray raw);

    /// Parses the raw text; on failure records the line and column and returns false.
    /// A key that appears twice in one object is a failure too (JSON parsers keep one of
    /// them silently), reported with both lines.
    bool parse(QJsonObject& root);

    /// Each getter returns the value at obj[key] (path + "." + key in messages), or
    /// `fallback` when the key is absent. A present value of the wrong type or out of
    /// range records an error and also returns the fallback.
    qint64 integer(const QJsonObject& obj, const QString& path, const QString& key, qint64 fallback,
                   qint64 min, qint64 max);
    double real(const QJsonObject& obj, const QString& path, const QString& key, double fallback,
                double min, double max);
    bool boolean(const QJsonObject& obj, const QString& path, const QString& key, bool fallback);
    QString text(const QJsonObject& obj, const QString& path, const QString& key,
                 const QString& fallback, const QStringList& choices = {});
    /// A sub-object (empty when absent; an error when present but not an object).
    QJsonObject object(const QJsonObject& obj, const QString& path, const QString& key);
    /// An array (empty when absent; an error when present but not an array).
    QJsonArray array(const QJsonObject& obj, const QString& path, const QString& key);
    /// A list of non-negative weights of exactly `size` entries (or any size >= 1 when
    /// size is 0), at least one positive; returns `fallback` when absent.
    std::vector<double> weights(const QJsonObject& obj, const QString& path, const QString& key,
                                std::vector<double> fallback, std::size_t size);

    /// Records an error for every key of obj not in `known`.
    void rejectUnknown(const QJsonObject& obj, const QString& path, const QStringList& known);
    /// Records a free-form error at a path.
    void fail(const QString& path, const QString& message);

    bool ok() const { return m_errors.isEmpty(); }
    const QStringList& errors() const { return m_errors; }
    const QString& source() const { return m_source; }

private:
    int lineOf(const QString& path) const;
    void checkDuplicateKeys();

    QString m_source;
    QByteArray m_raw;
    QStringList m_errors;
};

} // namespace recoscope::sim
