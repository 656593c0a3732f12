#include "recoscope/sim/shopper_groups_json.h"

#include "recoscope/sim/demographic_names.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/slate_log.h"

#include <QJsonArray>

#include <cmath>

namespace recoscope::sim {

namespace {

// A rate over nothing is null in JSON, never 0 (report_text shows it as "-").
QJsonValue rate(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonObject disparityJson(const core::Disparity& d) {
    return {{QStringLiteral("gap"), rate(d.gap)},
            {QStringLiteral("ratio"), rate(d.ratio)},
            {QStringLiteral("groups_counted"), d.counted}};
}

Demographic demographicOf(const std::string& attribute) {
    if (attribute == "age_band")
        return Demographic::AgeBand;
    if (attribute == "gender")
        return Demographic::Gender;
    if (attribute == "occupation")
        return Demographic::Occupation;
    return Demographic::Region;
}

} // namespace

core::Result<std::vector<core::UserOutcomes::Row>>
storedSlateOutcomes(const RunStore& store, qint64 runId, std::size_t users) {
    std::vector<core::UserOutcomes::Row> rows(users);
    SlateLog slates(store);
    core::Status st = slates.forEach(runId, [&](const LoggedSlate& s) {
        if (s.user < rows.size()) {
            rows[s.user].impressions += s.items.size();
            rows[s.user].clicks += s.clicked >= 0 ? 1u : 0u;
        }
        return true;
    });
    if (!st)
        return core::Error{st.error()};
    constexpr qint64 kChunk = 65536; // bounded memory whatever the run's length
    for (qint64 offset = 0;; offset += kChunk) {
        auto chunk = store.events(runId, offset, kChunk);
        if (!chunk)
            return core::Error{chunk.error()};
        for (const core::Event& e : chunk.value())
            if (e.user < rows.size() && e.kind == core::EventKind::Purchase &&
                e.fromRecommendation) {
                ++rows[e.user].recPurchases;
                rows[e.user].recRevenue += e.price;
            }
        if (static_cast<qint64>(chunk.value().size()) < kChunk)
            break;
    }
    return rows;
}

QJsonObject shopperGroupsJson(const std::vector<core::AttributeGroups>& attributes,
                              std::uint64_t minImpressions) {
    QJsonArray out;
    for (const core::AttributeGroups& a : attributes) {
        QJsonArray groups;
        for (const core::ShopperGroup& g : a.groups)
            groups.append(QJsonObject{
                {QStringLiteral("code"), g.code},
                {QStringLiteral("name"),
                 QString::fromUtf8(demographicName(demographicOf(a.attribute), g.code))},
                {QStringLiteral("shoppers"), static_cast<double>(g.shoppers)},
                {QStringLiteral("shown"), static_cast<double>(g.shown)},
                {QStringLiteral("clicked"), static_cast<double>(g.clicked)},
                {QStringLiteral("impressions"), static_cast<double>(g.impressions)},
                {QStringLiteral("clicks"), static_cast<double>(g.clicks)},
                {QStringLiteral("rec_purchases"), static_cast<double>(g.recPurchases)},
                {QStringLiteral("ctr"), rate(g.ctr())},
                {QStringLiteral("conversion"), rate(g.conversion())},
                {QStringLiteral("hit_rate"), rate(g.hitRate())}});
        out.append(QJsonObject{{QStringLiteral("attribute"), QString::fromStdString(a.attribute)},
                               {QStringLiteral("ctr"), disparityJson(a.ctr)},
                               {QStringLiteral("conversion"), disparityJson(a.conversion)},
                               {QStringLiteral("hit_rate"), disparityJson(a.hitRate)},
                               {QStringLiteral("groups"), groups}});
    }
    return {{QStringLiteral("min_impressions"), static_cast<double>(minImpressions)},
            {QStringLiteral("attributes"), out}};
}

} // namespace recoscope::sim
