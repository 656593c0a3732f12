#include "recoscope/sim/html_report.h"

#include "recoscope/sim/core_palette.h"
#include "recoscope/sim/paired_stats.h"
#include "recoscope/sim/run_store.h"

#include "html_report_sections.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <cmath>
#include <set>

namespace recoscope::sim {

namespace {

QString esc(QString s) {
    return s.replace(QLatin1Char('&'), QLatin1String("&amp;"))
        .replace(QLatin1Char('<'), QLatin1String("&lt;"))
        .replace(QLatin1Char('>'), QLatin1String("&gt;"))
        .replace(QLatin1Char('"'), QLatin1String("&quot;"));
}

QString pct(double v, int decimals = 2) {
    return std::isfinite(v) ? QString::number(v * 100.0, 'f', decimals) + QLatin1Char('%')
                            : QStringLiteral("–");
}

QString num(double v, int decimals) {
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("–");
}

double field(const QJsonObject& o, const char* key) {
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

QString swatch(std::size_t i) {
    return QStringLiteral("<span class=\"sw\" style=\"background:%1\"></span>")
        .arg(QLatin1String(coreColour(i)));
}

struct Run {
    RunRecord record;
    QJsonObject summary;
    QString name; ///< "#12 popularity"
};

const char* const kStyle = R"css(
body{font-family:sans-serif;max-width:1100px;margin:24px auto;color:#222}
h1{font-size:22px}h2{font-size:18px;border-bottom:1px solid #ccc;padding-bottom:4px;margin-top:28px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}
.sw{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:middle}
.sig{font-weight:bold}.note{color:#555;font-size:13px}pre{background:#f7f7f7;padding:8px;font-size:12px;overflow:auto}
.charts svg{margin:4px}
)css";

void runsSection(const std::vector<Run>& runs, QStringList& h) {
    h << QStringLiteral("<h2>Runs</h2><table><tr><th>run</th><th>core</th><th>status</th>"
                        "<th>scenario</th><th>seed</th><th>events</th><th>simulated days</th>"
                        "<th>started (UTC)</th></tr>");
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const Run& r = runs[i];
        h << QStringLiteral("<tr><td>%1#%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td>"
                            "<td>%7</td><td>%8</td><td>%9</td></tr>")
                 .arg(swatch(i))
                 .arg(r.record.id)
                 .arg(esc(r.record.recommender), esc(r.record.status), esc(r.record.scenarioName))
                 .arg(r.record.seed)
                 .arg(num(field(r.summary, "events"), 0), num(field(r.summary, "sim_days"), 2),
                      esc(r.record.started));
    }
    h << QStringLiteral("</table>");
    // What the user wrote on the runs (history, `recoscope-cli label` / `note`), as written.
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const RunRecord& r = runs[i].record;
        if (r.label.isEmpty() && r.note.isEmpty())
            continue;
        h << QStringLiteral("<p class=\"annotation\">%1#%2 <b>%3</b></p>")
                 .arg(swatch(i))
                 .arg(r.id)
                 .arg(esc(r.label));
        if (!r.note.isEmpty())
            h << QStringLiteral("<blockquote class=\"note\">%1</blockquote>")
                     .arg(esc(r.note).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    }
}

void scenarioSection(const std::vector<Run>& runs, QStringList& h) {
    h << QStringLiteral("<h2>Scenario</h2>");
    std::set<QString> shown;
    for (const Run& r : runs) {
        if (!shown.insert(r.record.scenarioHash).second)
            continue;
        h << QStringLiteral("<p><b>%1</b>, hash <code>%2</code></p><details><summary>Scenario "
                            "file (JSON, resolved)</summary><pre>%3</pre></details>")
                 .arg(esc(r.record.scenarioName), esc(r.record.scenarioHash),
                      esc(QString::fromUtf8(QJsonDocument::fromJson(r.record.scenarioJson)
                                                .toJson(QJsonDocument::Indented))));
    }
}

void paramsSection(const std::vector<Run>& runs, QStringList& h) {
    h << QStringLiteral("<h2>Parameters</h2><table><tr><th>run</th><th>core</th>"
                        "<th>parameters</th></tr>");
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const QJsonObject params = QJsonDocument::fromJson(runs[i].record.paramsJson).object();
        QStringList kv;
        for (auto it = params.begin(); it != params.end(); ++it)
            kv << esc(it.key()) + QLatin1Char('=') +
                      esc(it.value().isString()
                              ? it.value().toString()
                              : QString::fromUtf8(QJsonDocument(QJsonArray{it.value()})
                                                      .toJson(QJsonDocument::Compact))
                                    .chopped(1)
                                    .mid(1));
        h << QStringLiteral("<tr><td>%1#%2</td><td>%3</td><td style=\"text-align:left\">%4</td>"
                            "</tr>")
                 .arg(swatch(i))
                 .arg(runs[i].record.id)
                 .arg(esc(runs[i].record.recommender), kv.isEmpty()
                                                           ? QStringLiteral("(defaults: none)")
                                                           : kv.join(QStringLiteral(", ")));
    }
    h << QStringLiteral("</table>");
}

void summarySection(const std::vector<Run>& runs, QStringList& h) {
    h << QStringLiteral("<h2>Summary</h2><table><tr><th>figure</th>");
    for (std::size_t i = 0; i < runs.size(); ++i)
        h << QStringLiteral("<th>%1#%2 %3</th>")
                 .arg(swatch(i))
                 .arg(runs[i].record.id)
                 .arg(esc(runs[i].record.recommender));
    h << QStringLiteral("</tr>");
    auto row = [&](const QString& label, auto cell) {
        h << QStringLiteral("<tr><td>%1</td>").arg(label);
        for (const Run& r : runs)
            h << QStringLiteral("<td>%1</td>").arg(cell(r.summary));
        h << QStringLiteral("</tr>");
    };
    auto rate = [](const char* k, const char* num, const char* den) {
        return [=](const QJsonObject& s) {
            const Interval ci = wilsonInterval(field(s, num), field(s, den));
            return pct(field(s, k)) + QStringLiteral(" <span class=\"note\">[%1, %2]</span>")
                                          .arg(pct(ci.low), pct(ci.high));
        };
    };
    row(QStringLiteral("CTR (clicks / impressions) [95 % CI]"),
        rate("ctr", "clicks", "impressions"));
    row(QStringLiteral("CVR (rec. purchases / clicks) [95 % CI]"),
        rate("cvr", "rec_purchases", "clicks"));
    const std::pair<const char*, const char*> plain[] = {
        {"revenue", "revenue"},         {"rec_revenue", "revenue from recommendations"},
        {"purchases", "purchases"},     {"clicks", "clicks"},
        {"impressions", "impressions"}, {"sessions", "sessions"}};
    for (const auto& [k, label] : plain)
        row(QString::fromLatin1(label),
            [k = k](const QJsonObject& s) { return num(field(s, k), 0); });
    row(QStringLiteral("catalogue coverage"),
        [](const QJsonObject& s) { return pct(field(s, "coverage"), 1); });
    row(QStringLiteral("Gini of exposure"),
        [](const QJsonObject& s) { return num(field(s, "gini"), 3); });
    for (const char* q : {"p50", "p95", "p99"})
        row(QStringLiteral("latency %1 (µs)").arg(QLatin1String(q)), [q](const QJsonObject& s) {
            return num(field(s.value(QStringLiteral("latency_us")).toObject(), q), 1);
        });
    row(QStringLiteral("regret per slate"),
        [](const QJsonObject& s) { return num(field(s, "regret_per_slate"), 4); });
    // Whatever else the summary holds (beyond-accuracy figures…), as stored.
    static const std::set<QString> known = {QStringLiteral("ctr"),
                                            QStringLiteral("cvr"),
                                            QStringLiteral("revenue"),
                                            QStringLiteral("rec_revenue"),
                                            QStringLiteral("purchases"),
                                            QStringLiteral("clicks"),
                                            QStringLiteral("impressions"),
                                            QStringLiteral("sessions"),
                                            QStringLiteral("coverage"),
                                            QStringLiteral("gini"),
                                            QStringLiteral("regret_per_slate"),
                                            QStringLiteral("run_id"),
                                            QStringLiteral("seed"),
                                            QStringLiteral("events"),
                                            QStringLiteral("sim_days"),
                                            QStringLiteral("wall_s"),
                                            QStringLiteral("events_per_sec")};
    std::set<QString> extra;
    for (const Run& r : runs)
        for (auto it = r.summary.begin(); it != r.summary.end(); ++it)
            if (it.value().isDouble() && !known.count(it.key()))
                extra.insert(it.key());
    for (const QString& k : extra)
        row(esc(k), [k](const QJsonObject& s) {
            const QJsonValue v = s.value(k);
            return v.isDouble() ? QString::number(v.toDouble(), 'g', 5) : QStringLiteral("–");
        });
    h << QStringLiteral("</table>");
}

} // namespace

core::Result<QString> htmlReport(const RunStore& store, const QList<qint64>& runIds,
                                 const std::atomic<bool>* cancel) {
    if (runIds.isEmpty() || runIds.size() > 8)
        return core::Error{"a report covers 1 to 8 runs, got " + std::to_string(runIds.size())};
    std::vector<Run> runs;
    std::vector<qint64> ids;
    for (qint64 id : runIds) {
        auto rec = store.run(id);
        if (!rec)
            return core::Error{rec.error()};
        Run r{rec.value(), QJsonDocument::fromJson(rec.value().summaryJson).object(), {}};
        r.name = QStringLiteral("#%1 %2").arg(id).arg(r.record.recommender);
        runs.push_back(std::move(r));
        ids.push_back(id);
    }
    QStringList h;
    QStringList names;
    for (const Run& r : runs)
        names << r.name;
    h << QStringLiteral("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        "<title>Recoscope report: %1</title><style>%2</style></head><body>")
             .arg(esc(names.join(QStringLiteral(", "))), QLatin1String(kStyle));
    h << QStringLiteral("<h1>Recoscope report: %1</h1><p class=\"note\">Generated %2 UTC by "
                        "%3 from the run store; every figure below is recomputed "
                        "from the stored runs.</p>")
             .arg(esc(names.join(QStringLiteral(", "))),
                  QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                  esc(runs.front().record.buildVersion));
    runsSection(runs, h);
    scenarioSection(runs, h);
    paramsSection(runs, h);
    summarySection(runs, h);
    auto diff = htmlReportDifferences(store, ids, cancel);
    if (!diff)
        return core::Error{diff.error()};
    h << diff.value();
    h << htmlReportCharts(store, ids);
    auto analyses = htmlReportAnalyses(store, ids);
    if (!analyses)
        return core::Error{analyses.error()};
    h << htmlReportFunnels(analyses.value(), ids);
    h << htmlReportShopperGroups(analyses.value(), ids);
    h << htmlReportItemExposure(analyses.value(), ids);
    h << htmlReportFeedbackLoop(analyses.value(), ids);
    h << QStringLiteral("</body></html>\n");
    return h.join(QLatin1Char('\n'));
}

} // namespace recoscope::sim
