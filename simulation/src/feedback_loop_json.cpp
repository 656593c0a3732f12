#include "recoscope/sim/feedback_loop_json.h"

#include "recoscope/sim/run_store.h"
#include "recoscope/sim/slate_log.h"
#include "recoscope/sim/stored_world.h"
#include "recoscope/sim/world.h"

#include <QJsonArray>

#include <cmath>

namespace recoscope::sim {

namespace {
QJsonValue figure(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}
bool cancelled(const std::atomic<bool>* cancel) {
    return cancel && cancel->load();
}
} // namespace

core::Result<std::optional<std::vector<core::FeedbackDay>>>
storedFeedbackDays(const RunStore& store, qint64 runId, const World& world,
                   const std::atomic<bool>* cancel) {
    using Days = std::optional<std::vector<core::FeedbackDay>>;
    core::FeedbackLoop loop(world.items, world.itemVectors, world.dim);
    bool slates = false;
    SlateLog log(store);
    core::Status st = log.forEach(runId, [&](const LoggedSlate& s) {
        slates = true;
        for (core::ItemId i : s.items)
            loop.onImpression(s.time, i);
        return !cancelled(cancel);
    });
    if (!st)
        return core::Error{st.error()};
    if (!slates || cancelled(cancel))
        return Days{};
    constexpr qint64 kChunk = 65536; // bounded memory whatever the run's length
    for (qint64 offset = 0;; offset += kChunk) {
        if (cancelled(cancel))
            return Days{};
        auto chunk = store.events(runId, offset, kChunk);
        if (!chunk)
            return core::Error{chunk.error()};
        for (const core::Event& e : chunk.value())
            if (e.kind == core::EventKind::View)
                loop.onView(e.time, e.item);
        if (static_cast<qint64>(chunk.value().size()) < kChunk)
            break;
    }
    return Days{loop.days()};
}

core::Result<std::optional<std::vector<core::FeedbackDay>>>
storedFeedbackDays(const RunStore& store, qint64 runId, const std::atomic<bool>* cancel) {
    // The feedback loop reads the shop's categories and latent vectors.
    core::Result<StoredWorld> shop = regenerateStoredWorld(store, runId);
    if (!shop)
        return core::Error{shop.error()};
    return storedFeedbackDays(store, runId, shop.value().world, cancel);
}

core::Result<std::optional<QJsonObject>> storedFeedbackLoopJson(const RunStore& store, qint64 runId,
                                                                const World& world) {
    auto loop = storedFeedbackDays(store, runId, world);
    if (!loop)
        return core::Error{loop.error()};
    if (!loop.value())
        return std::optional<QJsonObject>{};
    QJsonArray days;
    for (const core::FeedbackDay& d : *loop.value())
        days.append(QJsonObject{{QStringLiteral("day"), d.day},
                                {QStringLiteral("views"), static_cast<double>(d.views)},
                                {QStringLiteral("impressions"), static_cast<double>(d.impressions)},
                                {QStringLiteral("interest_drift"), figure(d.interestDrift)},
                                {QStringLiteral("view_concentration"), figure(d.viewConcentration)},
                                {QStringLiteral("exposure_gini"), figure(d.exposureGini)}});
    return std::optional<QJsonObject>{QJsonObject{{QStringLiteral("days"), days}}};
}

} // namespace recoscope::sim
