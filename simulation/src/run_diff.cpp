#include "recoscope/sim/run_diff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>

namespace recoscope::sim {

namespace {

QString compact(const QJsonValue& v) {
    if (v.isString())
        return v.toString();
    // A scalar is written as the one element of an array: "[3.5]" -> "3.5".
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
        .chopped(1)
        .mid(1);
}

void collect(const QJsonValue& v, const QString& path,
             std::vector<std::pair<QString, QString>>& out) {
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.isEmpty())
            out.emplace_back(path, QStringLiteral("{}"));
        for (auto it = o.begin(); it != o.end(); ++it)
            collect(it.value(), path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key(),
                    out);
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (a.isEmpty())
            out.emplace_back(path, QStringLiteral("[]"));
        for (qsizetype i = 0; i < a.size(); ++i)
            collect(a.at(i), QStringLiteral("%1[%2]").arg(path).arg(i), out);
    } else {
        out.emplace_back(path, compact(v));
    }
}

std::map<QString, QString> leavesOf(const RunRecord& r) {
    std::map<QString, QString> m;
    m[QStringLiteral("recommender")] = r.recommender;
    m[QStringLiteral("seed")] = QString::number(r.seed);
    for (const auto& [k, v] :
         jsonLeaves(QJsonDocument::fromJson(r.paramsJson).object(), QStringLiteral("params")))
        m[k] = v;
    for (const auto& [k, v] :
         jsonLeaves(QJsonDocument::fromJson(r.scenarioJson).object(), QStringLiteral("scenario")))
        m[k] = v;
    return m;
}

// recommender, seed, params.*, scenario.*: the order a reader compares them in.
int group(const QString& path) {
    if (path == QLatin1String("recommender"))
        return 0;
    if (path == QLatin1String("seed"))
        return 1;
    return path.startsWith(QLatin1String("params")) ? 2 : 3;
}

} // namespace

std::vector<std::pair<QString, QString>> jsonLeaves(const QJsonValue& value,
                                                    const QString& prefix) {
    std::vector<std::pair<QString, QString>> out;
    collect(value, prefix, out);
    return out;
}

std::vector<RunDiffRow> diffRuns(const RunRecord& a, const RunRecord& b) {
    const std::map<QString, QString> la = leavesOf(a), lb = leavesOf(b);
    std::map<std::pair<int, QString>, RunDiffRow> rows;
    const QString absent = QStringLiteral("(absent)");
    for (const auto& [path, v] : la)
        rows[{group(path), path}] = {path, v, absent, true};
    for (const auto& [path, v] : lb) {
        RunDiffRow& r = rows[{group(path), path}];
        if (r.path.isEmpty())
            r = {path, absent, v, true};
        else
            r.b = v;
    }
    std::vector<RunDiffRow> out;
    for (auto& [key, r] : rows) {
        r.differs = r.a != r.b;
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace recoscope::sim
