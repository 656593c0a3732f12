#include "recoscope/sim/item_exposure_json.h"

#include "recoscope/sim/run_store.h"
#include "recoscope/sim/slate_log.h"
#include "recoscope/sim/world.h"

#include <QJsonArray>

#include <cmath>

namespace recoscope::sim {

namespace {

// A share over nothing is null in JSON, never 0 (report_text shows it as "-").
QJsonValue figure(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonObject groupJson(const core::ExposureGroup& g, const char* codeKey) {
    return {{QLatin1String(codeKey), static_cast<double>(g.code)},
            {QStringLiteral("items"), static_cast<double>(g.items)},
            {QStringLiteral("impressions"), static_cast<double>(g.impressions)},
            {QStringLiteral("exposure_share"), figure(g.exposureShare)},
            {QStringLiteral("catalogue_share"), figure(g.catalogueShare)},
            {QStringLiteral("ratio"), figure(g.ratio)}};
}

} // namespace

core::Result<std::vector<std::uint64_t>> storedItemImpressions(const RunStore& store, qint64 runId,
                                                               std::size_t items) {
    std::vector<std::uint64_t> out(items, 0);
    SlateLog slates(store);
    core::Status st = slates.forEach(runId, [&](const LoggedSlate& s) {
        for (core::ItemId i : s.items)
            if (i < out.size())
                ++out[i];
        return true;
    });
    if (!st)
        return core::Error{st.error()};
    return out;
}

QJsonObject itemExposureJson(const core::ItemExposure& e) {
    QJsonArray deciles, brands;
    for (const core::ExposureGroup& g : e.deciles)
        deciles.append(groupJson(g, "decile"));
    for (const core::ExposureGroup& g : e.brands)
        brands.append(groupJson(g, "brand"));
    return {{QStringLiteral("reference"), QStringLiteral("intrinsic appeal")},
            {QStringLiteral("impressions"), static_cast<double>(e.impressions)},
            {QStringLiteral("top_decile_share"), figure(e.topDecileShare)},
            {QStringLiteral("bottom_half_share"), figure(e.bottomHalfShare)},
            {QStringLiteral("deciles"), deciles},
            {QStringLiteral("brands"),
             QJsonObject{{QStringLiteral("min_items"), static_cast<double>(kExposureMinBrandItems)},
                         {QStringLiteral("counted"), e.brandsCounted},
                         {QStringLiteral("min_ratio"), figure(e.brandMinRatio)},
                         {QStringLiteral("max_ratio"), figure(e.brandMaxRatio)},
                         {QStringLiteral("under_half"), e.brandsUnderHalf},
                         {QStringLiteral("groups"), brands}}}};
}

core::Result<std::optional<QJsonObject>> storedItemExposureJson(const RunStore& store, qint64 runId,
                                                                const World& world) {
    auto impressions = storedItemImpressions(store, runId, world.items.size());
    if (!impressions)
        return core::Error{impressions.error()};
    const auto& counts = impressions.value();
    if (std::all_of(counts.begin(), counts.end(), [](std::uint64_t c) { return c == 0; }))
        return std::optional<QJsonObject>{};
    return std::optional<QJsonObject>{itemExposureJson(
        core::itemExposure(world.items, world.itemQuality, counts, kExposureMinBrandItems))};
}

} // namespace recoscope::sim
