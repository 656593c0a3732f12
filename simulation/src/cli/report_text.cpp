#include "report_text.h"

#include "surface_text.h"
#include "text_table.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace recoscope::sim {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// JSON null means "not defined" (a rate over nothing): keep it apart from a true 0.
double value(const QJsonValue& v) {
    return v.isDouble() ? v.toDouble() : kMissing;
}

QString count(const QJsonValue& v) {
    return v.isDouble() ? QString::number(static_cast<qint64>(std::llround(v.toDouble())))
                        : QStringLiteral("-");
}

QString pct(const QJsonValue& v, int decimals = 1) {
    return TextTable::percent(value(v), decimals);
}

QString num(const QJsonValue& v, int decimals) {
    return TextTable::number(value(v), decimals);
}

QString key(const char* name) {
    return QString::fromLatin1(name);
}

void runHeader(const QJsonObject& a, QTextStream& out) {
    out << "Run " << a.value(key("run_id")).toInteger() << ": scenario '"
        << a.value(key("scenario")).toString() << "' (seed " << a.value(key("seed")).toInteger()
        << "), recommender " << a.value(key("recommender")).toString() << ", "
        << a.value(key("status")).toString() << '\n';
    // What the user wrote on the run (recoscope-cli label / note, the history).
    if (const QString label = a.value(key("label")).toString(); !label.isEmpty())
        out << "Label: " << label << '\n';
    if (const QString note = a.value(key("note")).toString(); !note.isEmpty())
        out << "Note: " << QString(note).replace(QLatin1Char('\n'), QStringLiteral("\n      "))
            << '\n';
    out << '\n';
}

void funnel(const QJsonObject& f, QTextStream& out) {
    TextTable rec(QStringLiteral("Recommendation funnel (CTR %1)").arg(pct(f.value(key("ctr")), 2)),
                  {QStringLiteral("step"), QStringLiteral("count"), QStringLiteral("from previous"),
                   QStringLiteral("drop-off")});
    bool first = true;
    for (const QJsonValue& v : f.value(key("recommendations")).toArray()) {
        const QJsonObject s = v.toObject();
        rec.addRow({s.value(key("step")).toString(), count(s.value(key("count"))),
                    first ? QStringLiteral("-") : pct(s.value(key("rate_from_previous")), 2),
                    first ? QStringLiteral("-") : pct(s.value(key("drop_off")), 1)});
        first = false;
    }
    rec.write(out);

    const QJsonObject shop = f.value(key("shop")).toObject();
    const QJsonObject visits = f.value(key("visits")).toObject();
    TextTable t(QStringLiteral("Shop funnel"),
                {QStringLiteral("measure"), QStringLiteral("value")});
    t.addRow({QStringLiteral("visits"), count(visits.value(key("visits")))});
    t.addRow({QStringLiteral("events per visit"), num(visits.value(key("events_per_visit")), 2)});
    t.addRow({QStringLiteral("visits that buy"), pct(visits.value(key("with_purchase")), 2)});
    t.addRow({QStringLiteral("product views"), count(shop.value(key("product_views")))});
    t.addRow({QStringLiteral("carts"), count(shop.value(key("carts")))});
    t.addRow({QStringLiteral("cart removals"), count(shop.value(key("cart_removes")))});
    t.addRow({QStringLiteral("purchases"), count(shop.value(key("purchases")))});
    t.addRow({QStringLiteral("view -> cart"), pct(shop.value(key("view_to_cart")), 2)});
    t.addRow({QStringLiteral("cart -> purchase"), pct(shop.value(key("cart_to_purchase")), 1)});
    t.write(out);
}

void activity(const QJsonObject& a, QTextStream& out) {
    const QJsonArray days = a.value(key("weekdays")).toArray();
    const QJsonArray events = a.value(key("events_by_weekday")).toArray();
    TextTable t(QStringLiteral("Activity by weekday"),
                {QStringLiteral("day"), QStringLiteral("events")});
    for (qsizetype i = 0; i < days.size(); ++i)
        t.addRow({days.at(i).toString(), count(events.at(i))});
    t.write(out);

    const QJsonArray byHour = a.value(key("events_by_hour")).toArray();
    const QJsonArray buys = a.value(key("purchases_by_hour")).toArray();
    TextTable h(QStringLiteral("Activity by hour (simulated time)"),
                {QStringLiteral("hours"), QStringLiteral("events"), QStringLiteral("purchases")});
    // Four-hour blocks keep the table short; the JSON form has every hour.
    for (int start = 0; start < 24 && start < byHour.size(); start += 4) {
        double e = 0.0, p = 0.0;
        for (int k = start; k < start + 4 && k < byHour.size(); ++k) {
            e += byHour.at(k).toDouble();
            p += buys.at(k).toDouble();
        }
        h.addRow({QStringLiteral("%1-%2")
                      .arg(start, 2, 10, QLatin1Char('0'))
                      .arg(start + 4, 2, 10, QLatin1Char('0')),
                  TextTable::number(e, 0), TextTable::number(p, 0)});
    }
    h.write(out);
}

void paths(const QJsonObject& p, QTextStream& out) {
    TextTable t(QStringLiteral("Typical visit paths (%1 distinct)")
                    .arg(p.value(key("distinct_paths")).toInteger()),
                {QStringLiteral("path"), QStringLiteral("visits"), QStringLiteral("share")});
    int shown = 0;
    for (const QJsonValue& v : p.value(key("top")).toArray()) {
        if (++shown > 10)
            break;
        const QJsonObject o = v.toObject();
        t.addRow({o.value(key("path")).toString(), count(o.value(key("visits"))),
                  pct(o.value(key("share")))});
    }
    t.write(out);
}

void segments(const QJsonObject& s, QTextStream& out) {
    TextTable t(
        QStringLiteral("Shopper segments (k-means, k = %1)").arg(s.value(key("k")).toInteger()),
        {QStringLiteral("segment"), QStringLiteral("users"), QStringLiteral("views/user"),
         QStringLiteral("clicks/user"), QStringLiteral("buys/user"), QStringLiteral("spend/user"),
         QStringLiteral("CTR"), QStringLiteral("CVR")});
    int n = 0;
    for (const QJsonValue& v : s.value(key("segments")).toArray()) {
        const QJsonObject o = v.toObject();
        t.addRow({QString::number(++n), count(o.value(key("users"))),
                  num(o.value(key("views_per_user")), 1), num(o.value(key("clicks_per_user")), 1),
                  num(o.value(key("purchases_per_user")), 2),
                  num(o.value(key("spend_per_user")), 2), pct(o.value(key("ctr")), 2),
                  pct(o.value(key("cvr")), 2)});
    }
    t.write(out);
}

void rfm(const QJsonObject& r, QTextStream& out) {
    TextTable t(QStringLiteral("RFM: %1 buyers, %2 active shoppers who never bought")
                    .arg(r.value(key("buyers")).toInteger())
                    .arg(r.value(key("active_non_buyers")).toInteger()),
                {QStringLiteral("measure"), QStringLiteral("bucket"), QStringLiteral("buyers")});
    t.alignLeft(1);
    for (const char* name : {"recency_days", "frequency"}) {
        const QJsonObject o = r.value(key(name)).toObject();
        const QJsonArray buckets = o.value(key("buckets")).toArray();
        const QJsonArray buyers = o.value(key("buyers")).toArray();
        for (qsizetype i = 0; i < buckets.size(); ++i)
            t.addRow({i == 0 ? (qstrcmp(name, "frequency") == 0 ? QStringLiteral("purchases")
                                                                : QStringLiteral("days since"))
                             : QString(),
                      buckets.at(i).toString(), count(buyers.at(i))});
    }
    const QJsonObject m = r.value(key("monetary_quantiles")).toObject();
    for (const char* q : {"p25", "p50", "p75", "p95", "max"})
        t.addRow({qstrcmp(q, "p25") == 0 ? QStringLiteral("spend") : QString(), key(q),
                  num(m.value(key(q)), 2)});
    t.write(out);
}

// docs/metrics.md, "Fairness across shoppers": the disparity per attribute, then the
// groups of the attributes a reader compares first (gender, age band, region).
void shopperGroups(const QJsonObject& g, QTextStream& out) {
    const QJsonArray attributes = g.value(key("attributes")).toArray();
    if (attributes.isEmpty())
        return;
    TextTable d(QStringLiteral("Fairness across shoppers: gap (max - min) and ratio (min / max) "
                               "between groups with at least %1 impressions")
                    .arg(g.value(key("min_impressions")).toInteger()),
                {QStringLiteral("attribute"), QStringLiteral("CTR gap"), QStringLiteral("ratio"),
                 QStringLiteral("conversion gap"), QStringLiteral("ratio"),
                 QStringLiteral("hit-rate gap"), QStringLiteral("ratio")});
    d.alignLeft(0);
    for (const QJsonValue& v : attributes) {
        const QJsonObject a = v.toObject();
        QStringList row{a.value(key("attribute")).toString()};
        for (const char* m : {"ctr", "conversion", "hit_rate"}) {
            const QJsonObject o = a.value(key(m)).toObject();
            row << pct(o.value(key("gap")), 2) << num(o.value(key("ratio")), 2);
        }
        d.addRow(row);
    }
    d.write(out);
    TextTable t(QStringLiteral("Shopper groups"),
                {QStringLiteral("attribute"), QStringLiteral("group"), QStringLiteral("shoppers"),
                 QStringLiteral("impressions"), QStringLiteral("CTR"), QStringLiteral("conversion"),
                 QStringLiteral("hit rate")});
    t.alignLeft(0);
    t.alignLeft(1);
    for (const QJsonValue& v : attributes) {
        const QJsonObject a = v.toObject();
        if (a.value(key("attribute")).toString() == QLatin1String("occupation"))
            continue; // in --json; the table stays readable
        bool first = true;
        for (const QJsonValue& gv : a.value(key("groups")).toArray()) {
            const QJsonObject o = gv.toObject();
            t.addRow({first ? a.value(key("attribute")).toString() : QString(),
                      o.value(key("name")).toString(), count(o.value(key("shoppers"))),
                      count(o.value(key("impressions"))), pct(o.value(key("ctr")), 2),
                      pct(o.value(key("conversion")), 1), pct(o.value(key("hit_rate")), 1)});
            first = false;
        }
    }
    t.write(out);
}

void itemExposure(const QJsonObject& e, QTextStream& out) {
    const QJsonArray deciles = e.value(key("deciles")).toArray();
    if (deciles.isEmpty())
        return;
    TextTable t(QStringLiteral("Fairness to items: impressions by popularity decile (items ordered "
                               "by intrinsic appeal; 1 = the most appealing tenth)"),
                {QStringLiteral("decile"), QStringLiteral("items"), QStringLiteral("impressions"),
                 QStringLiteral("exposure share"), QStringLiteral("x fair share")});
    for (const QJsonValue& v : deciles) {
        const QJsonObject o = v.toObject();
        t.addRow({count(o.value(key("decile"))), count(o.value(key("items"))),
                  count(o.value(key("impressions"))), pct(o.value(key("exposure_share")), 1),
                  num(o.value(key("ratio")), 2)});
    }
    t.write(out);
    const QJsonObject b = e.value(key("brands")).toObject();
    out << QStringLiteral("Top decile %1 of impressions, bottom half %2. Brands with at least %3 "
                          "items: %4, exposure / catalogue share from %5 to %6, %7 under half "
                          "their share.\n\n")
               .arg(pct(e.value(key("top_decile_share")), 1),
                    pct(e.value(key("bottom_half_share")), 1), count(b.value(key("min_items"))),
                    count(b.value(key("counted"))), num(b.value(key("min_ratio")), 2),
                    num(b.value(key("max_ratio")), 2), count(b.value(key("under_half"))));
}

void feedbackLoop(const QJsonObject& f, QTextStream& out) {
    const QJsonArray days = f.value(key("days")).toArray();
    if (days.isEmpty())
        return;
    TextTable t(QStringLiteral("Feedback loop by day: revealed interest drift (1 - cosine to the "
                               "first day's), concentration of views over categories and of "
                               "impressions over items (Gini)"),
                {QStringLiteral("day"), QStringLiteral("views"), QStringLiteral("interest drift"),
                 QStringLiteral("view concentration"), QStringLiteral("exposure Gini")});
    for (const QJsonValue& v : days) {
        const QJsonObject o = v.toObject();
        t.addRow({count(o.value(key("day"))), count(o.value(key("views"))),
                  num(o.value(key("interest_drift")), 4),
                  num(o.value(key("view_concentration")), 3),
                  num(o.value(key("exposure_gini")), 3)});
    }
    t.write(out);
}

void timeline(const QJsonObject& tl, QTextStream& out) {
    const QJsonArray entries = tl.value(key("entries")).toArray();
    if (entries.isEmpty())
        return;
    TextTable t(QStringLiteral("Timeline effects (before / during / after each entry)"),
                {QStringLiteral("entry"), QStringLiteral("start day"), QStringLiteral("window"),
                 QStringLiteral("events"), QStringLiteral("purchases"), QStringLiteral("lift"),
                 QStringLiteral("complete")});
    for (const QJsonValue& v : entries) {
        const QJsonObject e = v.toObject();
        const QJsonArray ev = e.value(key("events")).toArray();
        const QJsonArray buys = e.value(key("all_purchases")).toArray();
        t.addRow(
            {e.value(key("type")).toString(), num(e.value(key("start_day")), 2),
             num(e.value(key("window_days")), 2) + QStringLiteral(" d"),
             QStringLiteral("%1 / %2 / %3").arg(count(ev.at(0)), count(ev.at(1)), count(ev.at(2))),
             QStringLiteral("%1 / %2 / %3")
                 .arg(count(buys.at(0)), count(buys.at(1)), count(buys.at(2))),
             pct(e.value(key("lift_during")), 1),
             e.value(key("complete")).toBool() ? QStringLiteral("yes")
                                               : QStringLiteral("no (run ended)")});
    }
    t.write(out);
}

void beyondAccuracy(const QJsonObject& b, QTextStream& out) {
    if (b.isEmpty())
        return; // a run stored before the figures existed
    TextTable t(QStringLiteral("Beyond accuracy (whole run; docs/metrics.md)"),
                {QStringLiteral("figure"), QStringLiteral("value")});
    t.addRow({QStringLiteral("ILD, categories"), num(b.value(key("ild_category")), 4)});
    t.addRow({QStringLiteral("ILD, latent"), num(b.value(key("ild_latent")), 4)});
    t.addRow({QStringLiteral("novelty (bits)"), num(b.value(key("novelty")), 3)});
    t.addRow({QStringLiteral("avg popularity"), num(b.value(key("avg_popularity")), 1)});
    t.addRow({QStringLiteral("long-tail share"), pct(b.value(key("tail_share")), 2)});
    t.addRow({QStringLiteral("serendipity"), pct(b.value(key("serendipity")), 3)});
    t.addRow({QStringLiteral("homogenisation"), num(b.value(key("homogenisation")), 4)});
    t.addRow({QStringLiteral("orders"), count(b.value(key("orders")))});
    t.addRow({QStringLiteral("average order value"), num(b.value(key("aov")), 2)});
    t.addRow({QStringLiteral("return rate"), pct(b.value(key("return_rate")), 1)});
    t.write(out);
    const QJsonObject r = b.value(key("retention")).toObject();
    const QJsonArray rows = r.value(key("rows")).toArray();
    if (rows.isEmpty())
        return;
    QStringList headers{QStringLiteral("first day")};
    for (qsizetype d = 0; d < rows.first().toArray().size(); ++d)
        headers << QStringLiteral("+%1 d").arg(d);
    TextTable c(QStringLiteral("Retention by cohort: share of the day's new shoppers active d "
                               "days later (- = not observed)"),
                headers);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QStringList cells{QString::number(r.value(key("first_day")).toInteger() + i)};
        for (const QJsonValue& v : rows.at(i).toArray())
            cells << pct(v, 1);
        c.addRow(cells);
    }
    c.write(out);
}

QString fmt(const QJsonObject& o, const char* name, int decimals, double scale = 1.0) {
    return QString::number(scale * o.value(key(name)).toDouble(), 'f', decimals);
}

} // namespace

void writeRunText(const QJsonObject& s, QTextStream& out) {
    const QJsonObject lat = s.value(key("latency_us")).toObject();
    out << "  simulated    " << fmt(s, "sim_days", 2) << " days, "
        << s.value(key("sessions")).toInteger() << " sessions, "
        << s.value(key("events")).toInteger() << " events\n"
        << "  funnel       " << s.value(key("impressions")).toInteger() << " impressions -> "
        << s.value(key("clicks")).toInteger() << " clicks -> " << s.value(key("carts")).toInteger()
        << " carts -> " << s.value(key("purchases")).toInteger() << " purchases\n"
        << "  CTR          " << fmt(s, "ctr", 3, 100.0) << " %\n"
        << "  CVR          " << fmt(s, "cvr", 3, 100.0) << " % of clicks, "
        << fmt(s, "cvr_impressions", 4, 100.0) << " % of impressions\n"
        << "  revenue      " << fmt(s, "revenue", 2) << " (" << fmt(s, "rec_revenue", 2)
        << " from recommendations)\n"
        << "  coverage     " << fmt(s, "coverage", 1, 100.0)
        << " % of the catalogue, Gini of exposure " << fmt(s, "gini", 3) << "\n"
        << "  latency      p50 " << fmt(lat, "p50", 1) << " us, p95 " << fmt(lat, "p95", 1)
        << " us, p99 " << fmt(lat, "p99", 1) << " us\n";
    const QJsonObject b = s.value(key("beyond_accuracy")).toObject();
    if (!b.isEmpty()) {
        // One cohort's retention is enough here; `report --run N` prints them all.
        const QJsonArray first =
            b.value(key("retention")).toObject().value(key("rows")).toArray().at(0).toArray();
        QStringList retained;
        for (qsizetype d = 1; d < first.size(); ++d)
            retained << QStringLiteral("+%1 d %2").arg(d).arg(pct(first.at(d), 1));
        out << "  diversity    ILD " << num(b.value(key("ild_category")), 3) << " (categories), "
            << num(b.value(key("ild_latent")), 3) << " (latent); homogenisation "
            << num(b.value(key("homogenisation")), 3) << "\n"
            << "  novelty      " << num(b.value(key("novelty")), 2) << " bits, avg popularity "
            << num(b.value(key("avg_popularity")), 1) << ", long tail "
            << pct(b.value(key("tail_share")), 1) << ", serendipity "
            << pct(b.value(key("serendipity")), 2) << "\n"
            << "  orders       " << count(b.value(key("orders"))) << ", average value "
            << num(b.value(key("aov")), 2) << ", return rate "
            << pct(b.value(key("return_rate")), 1) << "\n"
            << "  retention    first cohort: " << retained.join(QStringLiteral(", ")) << "\n";
    }
    if (s.contains(key("coupons"))) {
        out << '\n';
        writeCouponText(s.value(key("coupons")).toObject(), out);
    }
    if (s.contains(key("privacy"))) {
        out << '\n';
        writePrivacyText(s.value(key("privacy")).toObject(), out);
    }
    if (s.value(key("onboarding")).toObject().value(key("questionnaire")).toString() !=
        QLatin1String("none")) {
        out << '\n';
        writeOnboardingText(s.value(key("onboarding")).toObject(), out);
    }
    out << "  speed        " << fmt(s, "events_per_sec", 0) << " events/s, " << fmt(s, "wall_s", 2)
        << " s\n";
    if (s.contains(key("setup_s"))) // summaries stored before 2026-12-02 have neither
        out << "  set-up       " << fmt(s, "setup_s", 2) << " s before the first event, peak RSS "
            << fmt(s, "peak_rss_mb", 0) << " MB\n";
}

void writeReportText(const QJsonObject& a, QTextStream& out) {
    runHeader(a, out);
    funnel(a.value(key("funnel")).toObject(), out);
    activity(a.value(key("activity")).toObject(), out);
    paths(a.value(key("paths")).toObject(), out);
    segments(a.value(key("segments")).toObject(), out);
    rfm(a.value(key("rfm")).toObject(), out);
    shopperGroups(a.value(key("shopper_groups")).toObject(), out);
    itemExposure(a.value(key("item_exposure")).toObject(), out);
    feedbackLoop(a.value(key("feedback_loop")).toObject(), out);
    timeline(a.value(key("timeline")).toObject(), out);
    writeInventoryText(a.value(key("inventory")).toObject(), out);
    writeCouponText(a.value(key("coupons")).toObject(), out);
    writePrivacyText(a.value(key("privacy")).toObject(), out);
    writeOnboardingText(a.value(key("onboarding")).toObject(), out);
    beyondAccuracy(a.value(key("beyond_accuracy")).toObject(), out);
    writeSurfaceText(a.value(key("surfaces")), out);
    out << "Every figure, per hour and per entry: --json. Definitions: docs/shop-model.md.\n";
}

} // namespace recoscope::sim
