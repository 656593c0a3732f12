#include "metric_text.h"

#include <QCoreApplication>
#include <QLocale>

namespace recoscope::ui {

QString metricTitle(MetricId id) {
    switch (id) {
    case MetricId::Ctr:
        return QCoreApplication::translate("Metrics", "Click-through rate (CTR)");
    case MetricId::Cvr:
        return QCoreApplication::translate("Metrics", "Conversion rate (CVR)");
    case MetricId::Revenue:
        return QCoreApplication::translate("Metrics", "Revenue");
    case MetricId::Coverage:
        return QCoreApplication::translate("Metrics", "Catalogue coverage");
    case MetricId::Gini:
        return QCoreApplication::translate("Metrics", "Gini of exposure");
    case MetricId::LatencyP50:
    case MetricId::LatencyP95:
    case MetricId::LatencyP99:
        return QCoreApplication::translate("Metrics", "Recommend latency");
    case MetricId::HitRate:
        return QCoreApplication::translate("Metrics", "Hit rate (HR@k)");
    case MetricId::Mrr:
        return QCoreApplication::translate("Metrics", "Mean reciprocal rank (MRR@k)");
    case MetricId::Ndcg:
        return QCoreApplication::translate("Metrics", "NDCG@k");
    case MetricId::ItemCoverage:
        return QCoreApplication::translate("Metrics", "Item coverage of the lists");
    }
    return {};
}

QString metricAxis(MetricId id) {
    switch (id) {
    case MetricId::Ctr:
    case MetricId::Cvr:
        return QCoreApplication::translate("Metrics", "%");
    case MetricId::Revenue:
        return QCoreApplication::translate("Metrics", "total so far");
    case MetricId::Coverage:
        return QCoreApplication::translate("Metrics", "share");
    case MetricId::Gini:
        return QCoreApplication::translate("Metrics", "Gini (0 = equal)");
    case MetricId::HitRate:
        return QCoreApplication::translate("Metrics", "%");
    case MetricId::Mrr:
    case MetricId::Ndcg:
        return QCoreApplication::translate("Metrics", "mean");
    case MetricId::ItemCoverage:
        return QCoreApplication::translate("Metrics", "share");
    default:
        return QCoreApplication::translate("Metrics", "µs (p50 dotted, p95 solid, p99 dashed)");
    }
}

QString metricValueText(MetricId id, double value) {
    const QLocale loc;
    switch (id) {
    case MetricId::Ctr:
    case MetricId::Cvr:
    case MetricId::HitRate:
    case MetricId::Coverage:
    case MetricId::ItemCoverage:
        return loc.toString(value * 100.0, 'f', 2) + QLatin1Char('%');
    case MetricId::Revenue:
        return loc.toString(value, 'f', 0); // whole currency units, as the counters table
    case MetricId::Gini:
        return loc.toString(value, 'f', 3);
    case MetricId::Mrr:
    case MetricId::Ndcg:
        return loc.toString(value, 'f', 4);
    case MetricId::LatencyP50:
    case MetricId::LatencyP95:
    case MetricId::LatencyP99:
        return QCoreApplication::translate("Metrics", "%1 µs").arg(loc.toString(value, 'f', 0));
    }
    return loc.toString(value, 'g', 4);
}

QString metricHelp(MetricId id) {
    switch (id) {
    case MetricId::Ctr:
        return QCoreApplication::translate(
            "Metrics", "Clicks on recommended items divided by recommended impressions, over a "
                       "moving window of the last buckets. The band is a 95 % confidence "
                       "interval (normal approximation of a binomial proportion).");
    case MetricId::Cvr:
        return QCoreApplication::translate(
            "Metrics", "Purchases attributed to a recommendation click divided by clicks on "
                       "recommended items, over the moving window, with a 95 % band.");
    case MetricId::Revenue:
        return QCoreApplication::translate(
            "Metrics", "Sum of prices paid over all purchases since the start of the run "
                       "(recommended or not), in the shop's currency.");
    case MetricId::Coverage:
        return QCoreApplication::translate(
            "Metrics", "Share of the launched catalogue recommended at least once so far.");
    case MetricId::Gini:
        return QCoreApplication::translate(
            "Metrics", "Gini coefficient of cumulative impressions over launched items: 0 when "
                       "every item is shown equally often, close to 1 when a few items take all "
                       "the exposure (popularity bias).");
    case MetricId::HitRate:
        return QCoreApplication::translate(
            "Metrics", "Prequential replay of a real log: share of scored events whose item was "
                       "in the core's top k, asked just before the event, over the moving window "
                       "of buckets, with a 95 % band (normal approximation).");
    case MetricId::Mrr:
        return QCoreApplication::translate(
            "Metrics", "Mean of 1 / rank of the item the user actually chose (0 when it was not "
                       "in the top k), over the moving window.");
    case MetricId::Ndcg:
        return QCoreApplication::translate(
            "Metrics", "Mean of 1 / log2(rank + 1) of the chosen item (0 outside the top k), "
                       "over the moving window; one relevant item per event, so the ideal DCG "
                       "is 1.");
    case MetricId::ItemCoverage:
        return QCoreApplication::translate(
            "Metrics", "Share of the log's items recommended at least once so far.");
    default:
        return QCoreApplication::translate(
            "Metrics", "Wall-clock duration of the core's recommend() call per request: median "
                       "(p50, dotted), 95th (solid) and 99th percentile (dashed) within each "
                       "bucket. Not part of the deterministic results.");
    }
}

QString counterTitle(const QString& key) {
    if (key == QLatin1String("events"))
        return QCoreApplication::translate("Metrics", "Events");
    if (key == QLatin1String("sessions"))
        return QCoreApplication::translate("Metrics", "Sessions");
    if (key == QLatin1String("impressions"))
        return QCoreApplication::translate("Metrics", "Impressions");
    if (key == QLatin1String("clicks"))
        return QCoreApplication::translate("Metrics", "Clicks");
    if (key == QLatin1String("favourites"))
        return QCoreApplication::translate("Metrics", "Favourites");
    if (key == QLatin1String("carts"))
        return QCoreApplication::translate("Metrics", "Carts");
    if (key == QLatin1String("purchases"))
        return QCoreApplication::translate("Metrics", "Purchases");
    if (key == QLatin1String("ctr"))
        return QCoreApplication::translate("Metrics", "CTR");
    if (key == QLatin1String("cvr"))
        return QCoreApplication::translate("Metrics", "CVR");
    if (key == QLatin1String("revenue"))
        return QCoreApplication::translate("Metrics", "Revenue");
    if (key == QLatin1String("coverage"))
        return QCoreApplication::translate("Metrics", "Coverage");
    if (key == QLatin1String("gini"))
        return QCoreApplication::translate("Metrics", "Gini");
    if (key == QLatin1String("p95"))
        return QCoreApplication::translate("Metrics", "p95 latency");
    if (key == QLatin1String("scored"))
        return QCoreApplication::translate("Metrics", "Scored events");
    if (key == QLatin1String("hit"))
        return QCoreApplication::translate("Metrics", "HR@k");
    if (key == QLatin1String("mrr"))
        return QCoreApplication::translate("Metrics", "MRR@k");
    if (key == QLatin1String("ndcg"))
        return QCoreApplication::translate("Metrics", "NDCG@k");
    if (key == QLatin1String("item_coverage"))
        return QCoreApplication::translate("Metrics", "Item coverage");
    if (key == QLatin1String("gini_index"))
        return QCoreApplication::translate("Metrics", "Gini of lists");
    return key;
}

QString counterHelp(const QString& key) {
    if (key == QLatin1String("events"))
        return QCoreApplication::translate(
            "Metrics", "Behavioural events: views, clicks, searches, favourites, cart changes and "
                       "purchases (impressions are not events).");
    if (key == QLatin1String("sessions"))
        return QCoreApplication::translate("Metrics", "Shopper visits started so far.");
    if (key == QLatin1String("impressions"))
        return QCoreApplication::translate(
            "Metrics", "Items shown in recommendation slates (slates served × items per slate).");
    if (key == QLatin1String("clicks"))
        return QCoreApplication::translate("Metrics", "Clicks on items of a recommendation slate.");
    if (key == QLatin1String("favourites"))
        return QCoreApplication::translate("Metrics", "Items added to a wish-list.");
    if (key == QLatin1String("carts"))
        return QCoreApplication::translate("Metrics", "Units added to a cart.");
    if (key == QLatin1String("purchases"))
        return QCoreApplication::translate("Metrics", "Units bought, recommended or not.");
    if (key == QLatin1String("ctr"))
        return metricHelp(MetricId::Ctr);
    if (key == QLatin1String("cvr"))
        return metricHelp(MetricId::Cvr);
    if (key == QLatin1String("revenue"))
        return metricHelp(MetricId::Revenue);
    if (key == QLatin1String("coverage"))
        return metricHelp(MetricId::Coverage);
    if (key == QLatin1String("gini"))
        return metricHelp(MetricId::Gini);
    if (key == QLatin1String("p95"))
        return QCoreApplication::translate(
            "Metrics", "95th percentile of the wall-clock duration of recommend() over the whole "
                       "run, in microseconds.");
    if (key == QLatin1String("scored"))
        return QCoreApplication::translate(
            "Metrics", "Events of the target kinds whose user and item had been seen before: "
                       "the core was asked to rank before each of them.");
    if (key == QLatin1String("hit"))
        return metricHelp(MetricId::HitRate);
    if (key == QLatin1String("mrr"))
        return metricHelp(MetricId::Mrr);
    if (key == QLatin1String("ndcg"))
        return metricHelp(MetricId::Ndcg);
    if (key == QLatin1String("item_coverage"))
        return metricHelp(MetricId::ItemCoverage);
    if (key == QLatin1String("gini_index"))
        return QCoreApplication::translate(
            "Metrics", "Gini index of how often each item of the log was recommended, zeros "
                       "included (RecBole's giniindex).");
    return {};
}

QString segmentTitle(const QString& key) {
    if (key == QLatin1String("new"))
        return QCoreApplication::translate("Metrics",
                                           "New shopper (first two visits, no purchase yet)");
    if (key == QLatin1String("browser"))
        return QCoreApplication::translate("Metrics", "Browser (visits but never bought)");
    if (key == QLatin1String("champion"))
        return QCoreApplication::translate("Metrics",
                                           "Champion (3+ purchases, bought in the last 3 days)");
    if (key == QLatin1String("loyal"))
        return QCoreApplication::translate("Metrics", "Active buyer (bought in the last 3 days)");
    if (key == QLatin1String("at-risk"))
        return QCoreApplication::translate("Metrics", "At risk (no purchase for more than 3 days)");
    return key;
}

QString eventKindTitle(int kind) {
    switch (kind) {
    case 0:
        return QCoreApplication::translate("Metrics", "view");
    case 1:
        return QCoreApplication::translate("Metrics", "click");
    case 2:
        return QCoreApplication::translate("Metrics", "search");
    case 3:
        return QCoreApplication::translate("Metrics", "favourite");
    case 4:
        return QCoreApplication::translate("Metrics", "add to cart");
    case 5:
        return QCoreApplication::translate("Metrics", "remove from cart");
    case 6:
        return QCoreApplication::translate("Metrics", "purchase");
    default:
        return QCoreApplication::translate("Metrics", "event %1").arg(kind);
    }
}

QString surfaceTitle(int surface) {
    switch (surface) {
    case 0:
        return QCoreApplication::translate("Metrics", "home feed");
    case 1:
        return QCoreApplication::translate("Metrics", "search results");
    case 2:
        return QCoreApplication::translate("Metrics", "product page");
    case 3:
        return QCoreApplication::translate("Metrics", "cart page");
    default:
        return QCoreApplication::translate("Metrics", "surface %1").arg(surface);
    }
}

QString itemAndWhy(const QString& item, const QString& why) {
    if (why.isEmpty())
        return item;
    if (why.startsWith(item))
        return item + QLatin1Char('\n') + QStringLiteral("…") + why.mid(item.size()).trimmed();
    return item + QLatin1Char('\n') + why;
}

} // namespace recoscope::ui
