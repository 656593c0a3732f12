#pragma once
// Reads and validates a JSON document field by field, collecting every problem with the
// file, line and JSON path ("shop.json:12: $.catalogue.items: expected an integer in
// [10, 1000000], got 5") instead of stopping at the first. Unknown fields are errors too:
// a typo must not silently fall back to a default. Every problem is also kept as a
// ValidationIssue (kind, path, bound) for callers that present it in their own words.

#include "recoscope/sim/number_range.h"
#include "recoscope/sim/validation_issue.h"

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
    /// The same with a range that may exclude its bounds.
    qint64 integer(const QJsonObject& obj, const QString& path, const QString& key, qint64 fallback,
                   const NumberRange& range);
    double real(const QJsonObject& obj, const QString& path, const QString& key, double fallback,
                const NumberRange& range);
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
    /// The same with between minCount and maxCount entries (maxCount 0: no upper limit).
    std::vector<double> weights(const QJsonObject& obj, const QString& path, const QString& key,
                                std::vector<double> fallback, int minCount, int maxCount);

    /// Records an error for every key of obj not in `known`.
    void rejectUnknown(const QJsonObject& obj, const QString& path, const QStringList& known);
    /// Records a free-form error at a path (kind Other).
    void fail(const QString& path, const QString& message);

    bool ok() const { return m_issues.isEmpty(); }
    /// The English lines, one per issue (ValidationIssue::text()).
    QStringList errors() const;
    const QList<ValidationIssue>& issues() const { return m_issues; }
    const QString& source() const { return m_source; }

private:
    int lineOf(const QString& path) const;
    void checkDuplicateKeys();
    /// Fills in source and line (from the path unless already set) and keeps the issue.
    void record(ValidationIssue issue);

    QString m_source;
    QByteArray m_raw;
    QList<ValidationIssue> m_issues;
};

} // namespace recoscope::sim
