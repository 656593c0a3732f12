// The sections of html_report.cpp that read the runs' events and metric rows: the paired
// differences, the charts and the funnels.

#include "html_report_sections.h"

#include "recoscope/sim/ab_statistics.h"
#include "recoscope/sim/core_palette.h"
#include "recoscope/sim/run_analysis.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/svg_line_chart.h"

#include "recoscope/core/types.h"

#include <QJsonArray>

#include <QJsonObject>
#include <QStringList>
#include <limits>

#include <cmath>
#include <limits>

namespace recoscope::sim {

namespace {

QString esc(QString s) {
    return s.replace(QLatin1Char('&'), QLatin1String("&amp;"))
        .replace(QLatin1Char('<'), QLatin1String("&lt;"))
        .replace(QLatin1Char('>'), QLatin1String("&gt;"));
}

QString fmt(double v, int decimals) {
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("–");
}

QString swatch(std::size_t i) {
    return QStringLiteral("<span class=\"sw\" style=\"background:%1\"></span>")
        .arg(QLatin1String(coreColour(i)));
}

} // namespace

core::Result<QString> htmlReportDifferences(const RunStore& store, const std::vector<qint64>& ids,
                                            const std::atomic<bool>* cancel) {
    if (ids.size() < 2)
        return QString();
    // Only runs that faced the same shoppers (scenario and seed) are paired with the first.
    std::vector<std::size_t> paired{0};
    auto first = store.run(ids[0]);
    if (!first)
        return core::Error{first.error()};
    QStringList apart;
    for (std::size_t i = 1; i < ids.size(); ++i) {
        auto r = store.run(ids[i]);
        if (!r)
            return core::Error{r.error()};
        if (r.value().scenarioHash == first.value().scenarioHash &&
            r.value().seed == first.value().seed)
            paired.push_back(i);
        else
            apart << QStringLiteral("#%1").arg(ids[i]);
    }
    QStringList h{QStringLiteral("<h2>Differences against run #%1</h2>").arg(ids[0])};
    if (!apart.isEmpty())
        h << QStringLiteral("<p class=\"note\">Not paired (another scenario or seed, so other "
                            "shoppers): %1.</p>")
                 .arg(apart.join(QStringLiteral(", ")));
    if (paired.size() < 2)
        return h.join(QLatin1Char('\n'));
    std::vector<UserRows> rows;
    for (std::size_t i : paired) {
        auto r = storedUserOutcomes(store, ids[i], cancel);
        if (!r)
            return core::Error{r.error()};
        rows.push_back(std::move(r).value());
    }
    std::vector<const UserRows*> cores;
    for (const UserRows& r : rows)
        cores.push_back(&r);
    const std::vector<PairComparison> cmp = comparePairs(cores, versusFirst(cores.size()), false);
    h << QStringLiteral("<p class=\"note\">Per shopper, paired over the shoppers both runs "
                        "saw: the mean difference (run − #%1) with its 95 % Student-t "
                        "interval; p adjusted by Holm over the runs compared for each figure. "
                        "Bold: significant at 5 %. CTR per shopper needs impressions, which "
                        "stored runs do not keep (docs/metrics.md).</p>")
             .arg(ids[0]);
    h << QStringLiteral("<table><tr><th>figure per shopper</th><th>run</th><th>mean</th>"
                        "<th>mean #%1</th><th>difference</th><th>95 % CI</th><th>p (Holm)</th>"
                        "<th>shoppers</th></tr>")
             .arg(ids[0]);
    for (const PairComparison& c : cmp) {
        const std::size_t run = paired[c.a];
        const bool sig = c.significant();
        h << QStringLiteral("<tr%1><td>%2</td><td>%3#%4</td><td>%5</td><td>%6</td><td>%7</td>"
                            "<td>[%8, %9]</td><td>%10</td><td>%11</td></tr>")
                 .arg(sig ? QStringLiteral(" class=\"sig\"") : QString(),
                      esc(QString::fromStdString(c.metric)), swatch(run))
                 .arg(ids[run])
                 .arg(fmt(c.meanA, 4), fmt(c.meanB, 4), fmt(c.diff.mean, 4), fmt(c.diff.low, 4),
                      fmt(c.diff.high, 4),
                      std::isfinite(c.pHolm) ? QString::number(c.pHolm, 'g', 3)
                                             : QStringLiteral("–"))
                 .arg(c.diff.n);
    }
    h << QStringLiteral("</table>");
    return h.join(QLatin1Char('\n'));
}

QString htmlReportCharts(const RunStore& store, const std::vector<qint64>& ids) {
    struct Spec {
        const char* metric;
        const char* title;
        bool percent;
    };
    static const Spec specs[] = {{"ctr", "CTR", true},
                                 {"cvr_clicks", "Conversion (purchases / clicks)", true},
                                 {"revenue", "Revenue per bucket", false},
                                 {"coverage", "Catalogue coverage", true},
                                 {"gini", "Gini of exposure", false},
                                 {"latency_p95_us", "Latency p95 (µs)", false}};
    QStringList h{QStringLiteral("<h2>Charts</h2><div class=\"charts\">")};
    for (const Spec& s : specs) {
        SvgLineChart chart;
        chart.setTitle(QString::fromUtf8(s.title));
        chart.setAxisTitles(QStringLiteral("simulated days"), QString());
        chart.setPercent(s.percent);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            auto series = store.metricSeries(ids[i], QString::fromLatin1(s.metric));
            auto run = store.run(ids[i]);
            SvgLineChart::Series line{
                QStringLiteral("#%1 %2").arg(ids[i]).arg(run ? run.value().recommender : QString()),
                QLatin1String(coreColour(i)),
                {}};
            if (series)
                for (const MetricSample& m : series.value())
                    line.points.emplace_back(m.bucketEnd / core::kSecondsPerDay, m.value);
            chart.addSeries(std::move(line));
        }
        if (!chart.isEmpty())
            h << chart.toSvg(520, 300);
    }
    h << QStringLiteral("</div>");
    return h.join(QLatin1Char('\n'));
}

core::Result<std::vector<QJsonObject>> htmlReportAnalyses(const RunStore& store,
                                                          const std::vector<qint64>& ids) {
    std::vector<QJsonObject> out;
    for (qint64 id : ids) {
        auto a = analyseStoredRun(store, id);
        if (!a)
            return core::Error{a.error()};
        out.push_back(std::move(a).value());
    }
    return out;
}

QString htmlReportFunnels(const std::vector<QJsonObject>& analyses,
                          const std::vector<qint64>& ids) {
    QStringList h{QStringLiteral("<h2>Recommendation funnel</h2><table><tr><th>step</th>")};
    std::vector<QJsonArray> steps;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        steps.push_back(analyses[i]
                            .value(QStringLiteral("funnel"))
                            .toObject()
                            .value(QStringLiteral("recommendations"))
                            .toArray());
        h << QStringLiteral("<th>%1#%2 count</th><th>from previous</th>")
                 .arg(swatch(i))
                 .arg(ids[i]);
    }
    h << QStringLiteral("</tr>");
    const qsizetype n = steps.empty() ? 0 : steps.front().size();
    for (qsizetype r = 0; r < n; ++r) {
        h << QStringLiteral("<tr><td>%1</td>")
                 .arg(esc(steps.front().at(r).toObject().value(QStringLiteral("step")).toString()));
        for (const QJsonArray& s : steps) {
            const QJsonObject o = s.at(r).toObject();
            const QJsonValue rate = o.value(QStringLiteral("rate_from_previous"));
            h << QStringLiteral("<td>%1</td><td>%2</td>")
                     .arg(fmt(o.value(QStringLiteral("count")).toDouble(), 0),
                          r == 0 || !rate.isDouble()
                              ? QStringLiteral("–")
                              : fmt(rate.toDouble() * 100.0, 2) + QLatin1Char('%'));
        }
        h << QStringLiteral("</tr>");
    }
    h << QStringLiteral("</table>");
    return h.join(QLatin1Char('\n'));
}

QString htmlReportShopperGroups(const std::vector<QJsonObject>& analyses,
                                const std::vector<qint64>& ids) {
    auto attributes = [&](std::size_t i) {
        return analyses[i]
            .value(QStringLiteral("shopper_groups"))
            .toObject()
            .value(QStringLiteral("attributes"))
            .toArray();
    };
    // Rows follow the first run that has the block (runs stored without slates have none).
    QJsonArray first;
    for (std::size_t i = 0; i < ids.size() && first.isEmpty(); ++i)
        first = attributes(i);
    if (first.isEmpty())
        return {};
    auto rate = [](const QJsonValue& v, int decimals, double scale) {
        return v.isDouble() ? fmt(v.toDouble() * scale, decimals) : QStringLiteral("–");
    };
    QStringList h{QStringLiteral(
        "<h2>Fairness across shoppers</h2><p class=\"note\">CTR per group of shoppers; gap = "
        "max − min and ratio = min / max over the groups with at least 100 impressions "
        "(docs/metrics.md, “Fairness across shoppers”).</p><table><tr><th>attribute</th>"
        "<th>group</th>")};
    for (std::size_t i = 0; i < ids.size(); ++i)
        h << QStringLiteral("<th>%1#%2 CTR</th>").arg(swatch(i)).arg(ids[i]);
    h << QStringLiteral("</tr>");
    for (qsizetype a = 0; a < first.size(); ++a) {
        const QJsonObject attr = first.at(a).toObject();
        const QJsonArray groups = attr.value(QStringLiteral("groups")).toArray();
        const QString name = attr.value(QStringLiteral("attribute")).toString();
        for (qsizetype g = 0; g < groups.size(); ++g) {
            h << QStringLiteral("<tr><td>%1</td><td>%2</td>")
                     .arg(g == 0 ? esc(name) : QString(),
                          esc(groups.at(g).toObject().value(QStringLiteral("name")).toString()));
            for (std::size_t i = 0; i < ids.size(); ++i) {
                const QJsonObject o = attributes(i)
                                          .at(a)
                                          .toObject()
                                          .value(QStringLiteral("groups"))
                                          .toArray()
                                          .at(g)
                                          .toObject();
                h << QStringLiteral("<td>%1</td>")
                         .arg(rate(o.value(QStringLiteral("ctr")), 2, 100.0) +
                              (o.isEmpty() ? QString() : QStringLiteral("%")));
            }
            h << QStringLiteral("</tr>");
        }
        h << QStringLiteral("<tr><td></td><td><b>gap / ratio</b></td>");
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const QJsonObject d =
                attributes(i).at(a).toObject().value(QStringLiteral("ctr")).toObject();
            h << QStringLiteral("<td><b>%1 pp / %2</b></td>")
                     .arg(rate(d.value(QStringLiteral("gap")), 2, 100.0),
                          rate(d.value(QStringLiteral("ratio")), 2, 1.0));
        }
        h << QStringLiteral("</tr>");
    }
    h << QStringLiteral("</table>");
    return h.join(QLatin1Char('\n'));
}

QString htmlReportFeedbackLoop(const std::vector<QJsonObject>& analyses,
                               const std::vector<qint64>& ids) {
    struct Spec {
        const char* key;
        const char* title;
    };
    static const Spec specs[] = {{"exposure_gini", "Exposure Gini by day"},
                                 {"interest_drift", "Revealed-interest drift by day"}};
    QStringList charts;
    for (const Spec& s : specs) {
        SvgLineChart chart;
        chart.setTitle(QString::fromUtf8(s.title));
        chart.setAxisTitles(QStringLiteral("simulated day"), QString());
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const QJsonObject block = analyses[i].value(QStringLiteral("feedback_loop")).toObject();
            if (block.isEmpty())
                continue;
            SvgLineChart::Series line{
                QStringLiteral("#%1 %2").arg(ids[i]).arg(
                    analyses[i].value(QStringLiteral("recommender")).toString()),
                QLatin1String(coreColour(i)),
                {}};
            for (const QJsonValue& v : block.value(QStringLiteral("days")).toArray()) {
                const QJsonValue y = v.toObject().value(QLatin1String(s.key));
                line.points.emplace_back(v.toObject().value(QStringLiteral("day")).toDouble(),
                                         y.isDouble() ? y.toDouble()
                                                      : std::numeric_limits<double>::quiet_NaN());
            }
            chart.addSeries(std::move(line));
        }
        if (!chart.isEmpty())
            charts << chart.toSvg(520, 300);
    }
    if (charts.isEmpty())
        return {};
    return QStringLiteral("<h2>The feedback loop</h2><p class=\"note\">How concentrated each "
                          "run's exposure is day by day, and how far what shoppers view has moved "
                          "from the first day (docs/metrics.md, “The feedback loop”).</p>"
                          "<div class=\"charts\">") +
           charts.join(QLatin1Char('\n')) + QStringLiteral("</div>");
}

QString htmlReportItemExposure(const std::vector<QJsonObject>& analyses,
                               const std::vector<qint64>& ids) {
    auto block = [&](std::size_t i) {
        return analyses[i].value(QStringLiteral("item_exposure")).toObject();
    };
    bool any = false;
    for (std::size_t i = 0; i < ids.size(); ++i)
        any = any || !block(i).isEmpty();
    if (!any)
        return {};
    auto share = [](const QJsonValue& v) {
        return v.isDouble() ? fmt(v.toDouble() * 100.0, 1) + QStringLiteral("%")
                            : QStringLiteral("–");
    };
    QStringList h{QStringLiteral(
        "<h2>Fairness to items</h2><p class=\"note\">Share of each run's impressions per "
        "popularity decile (items ordered by intrinsic appeal; 1 = the most appealing tenth), "
        "with × its fair tenth (docs/metrics.md, “Fairness to items and sellers”).</p><table>"
        "<tr><th>decile</th>")};
    for (std::size_t i = 0; i < ids.size(); ++i)
        h << QStringLiteral("<th>%1#%2 share (× fair)</th>").arg(swatch(i)).arg(ids[i]);
    h << QStringLiteral("</tr>");
    for (int d = 0; d < 10; ++d) {
        h << QStringLiteral("<tr><td>%1</td>").arg(d + 1);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const QJsonObject o =
                block(i).value(QStringLiteral("deciles")).toArray().at(d).toObject();
            const QJsonValue ratio = o.value(QStringLiteral("ratio"));
            h << QStringLiteral("<td>%1 (%2)</td>")
                     .arg(share(o.value(QStringLiteral("exposure_share"))),
                          ratio.isDouble() ? fmt(ratio.toDouble(), 2) : QStringLiteral("–"));
        }
        h << QStringLiteral("</tr>");
    }
    h << QStringLiteral("<tr><td><b>bottom half</b></td>");
    for (std::size_t i = 0; i < ids.size(); ++i)
        h << QStringLiteral("<td><b>%1</b></td>")
                 .arg(share(block(i).value(QStringLiteral("bottom_half_share"))));
    h << QStringLiteral("</tr><tr><td><b>brands under half their share</b></td>");
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const QJsonObject b = block(i).value(QStringLiteral("brands")).toObject();
        h << (b.isEmpty() ? QStringLiteral("<td>–</td>")
                          : QStringLiteral("<td><b>%1 of %2</b></td>")
                                .arg(b.value(QStringLiteral("under_half")).toInt())
                                .arg(b.value(QStringLiteral("counted")).toInt()));
    }
    h << QStringLiteral("</tr></table>");
    return h.join(QLatin1Char('\n'));
}

} // namespace recoscope::sim
