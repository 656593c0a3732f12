#include "recoscope/sim/inventory_report.h"

#include "recoscope/sim/inventory_monitor.h"
#include "recoscope/sim/inventory_score.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/sim/stored_world.h"
#include "recoscope/sim/world.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace recoscope::sim {

namespace {

// Undefined figures (a rate over nothing) are null in JSON, never 0.
QJsonValue number(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonValue dayOrNull(double day) {
    return day >= 0.0 ? QJsonValue(day) : QJsonValue(QJsonValue::Null);
}

} // namespace

core::ForecastSettings inventorySettings(const Scenario& scenario, double horizonDays) {
    core::ForecastSettings s;
    s.alpha = scenario.inventory.smoothing;
    s.horizonDays = horizonDays > 0.0 ? horizonDays : scenario.inventory.horizonDays;
    s.overstockDays = scenario.inventory.overstockDays;
    return s;
}

QJsonObject inventoryJson(const InventoryMonitor& monitor, const QJsonObject& summary,
                          bool stockUnlimited, int maxItems) {
    const core::ForecastSettings& st = monitor.settings();
    const InventoryScore s = scoreWarnings(monitor.warnings(), monitor.stockOuts(), st.horizonDays);
    const std::vector<WarnedItem> rows =
        warnedItems(monitor.warnings(), monitor.stockOuts(), st.horizonDays);
    QJsonArray items;
    for (std::size_t i = 0; i < rows.size() && i < static_cast<std::size_t>(maxItems); ++i) {
        const WarnedItem& r = rows[i];
        items.append(QJsonObject{{QStringLiteral("item"), static_cast<double>(r.item)},
                                 {QStringLiteral("first_warning_day"), r.firstWarningDay},
                                 {QStringLiteral("warnings"), static_cast<double>(r.warnings)},
                                 {QStringLiteral("forecast_per_day"), r.forecast},
                                 {QStringLiteral("stock"), r.stock},
                                 {QStringLiteral("stock_out_day"), dayOrNull(r.stockOutDay)},
                                 {QStringLiteral("lead_days"), dayOrNull(r.leadDays)}});
    }
    QJsonObject o{{QStringLiteral("horizon_days"), st.horizonDays},
                  {QStringLiteral("overstock_days"), st.overstockDays},
                  {QStringLiteral("smoothing"), st.alpha},
                  {QStringLiteral("stock_unlimited"), stockUnlimited},
                  {QStringLiteral("days_closed"), monitor.forecaster().closedDays()},
                  {QStringLiteral("warnings"), static_cast<double>(s.warnings)},
                  {QStringLiteral("warnings_confirmed"), static_cast<double>(s.confirmed)},
                  {QStringLiteral("precision"), number(s.precision)},
                  {QStringLiteral("sell_outs"), static_cast<double>(s.sellOuts)},
                  {QStringLiteral("sell_outs_warned"), static_cast<double>(s.warned)},
                  {QStringLiteral("recall"), number(s.recall)},
                  {QStringLiteral("mean_lead_days"), number(s.meanLeadDays)},
                  {QStringLiteral("shock_stock_outs"), static_cast<double>(s.shockStockOuts)},
                  {QStringLiteral("overstocked_items"), static_cast<double>(monitor.overstocked())},
                  {QStringLiteral("items_total"), static_cast<double>(rows.size())},
                  {QStringLiteral("items"), items}};
    // What only the engine saw: the lost sales (and its own stock-out count, which the
    // ledger's sell-outs + shocks must equal). Runs stored before these existed: null.
    for (const char* key : {"lost_sales", "lost_carts", "lost_requests", "stock_outs"}) {
        const QJsonValue v = summary.value(QLatin1String(key));
        o.insert(QLatin1String(key), v.isDouble() ? v : QJsonValue(QJsonValue::Null));
    }
    return o;
}

core::Result<QJsonObject> storedInventoryJson(const RunStore& store, qint64 runId,
                                              double horizonDays, const std::atomic<bool>* cancel) {
    core::Result<StoredScenario> stored = readStoredScenario(store, runId);
    if (!stored)
        return core::Error{stored.error()};
    const RunRecord& r = stored.value().run;
    const Scenario& scenario = stored.value().scenario;
    const QString& source = stored.value().source;
    // The horizon first: a run without inventory needs no world (seconds for `large`).
    const core::ForecastSettings settings = inventorySettings(scenario, horizonDays);
    if (settings.horizonDays <= 0.0)
        return QJsonObject{};
    const core::Result<World> world = regenerateWorld(stored.value());
    if (!world)
        return core::Error{world.error()};
    InventoryMonitor monitor(scenario, world.value(), r.seed, settings);
    const QJsonObject summary = QJsonDocument::fromJson(r.summaryJson).object();
    double end = summary.value(QStringLiteral("sim_days")).toDouble() * core::kSecondsPerDay;
    constexpr qint64 kChunk = 100000;
    for (qint64 offset = 0;; offset += kChunk) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return core::Error{(source + QStringLiteral(": cancelled")).toStdString()};
        core::Result<std::vector<core::Event>> events = store.events(runId, offset, kChunk);
        if (!events)
            return core::Error{events.error()};
        for (const core::Event& e : events.value()) {
            monitor.addEvent(e);
            end = std::max(end, e.time);
        }
        if (static_cast<qint64>(events.value().size()) < kChunk)
            break;
    }
    monitor.finish(end);
    return inventoryJson(monitor, summary, scenario.catalogue.stockMean <= 0.0);
}

} // namespace recoscope::sim
