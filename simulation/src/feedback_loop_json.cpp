#include "recoscope/sim/feedback_loop_json.h"

#include "recoscope/core/feedback_loop.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/slate_log.h"
#include "recoscope/sim/world.h"

#include <QJsonArray>

#include <cmath>

namespace recoscope::sim {

namespace {
QJsonValue figure(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}
} // namespace

core::Result<std::optional<QJsonObject>> storedFeedbackLoopJson(const RunStore& store, qint64 runId,
                                                                const World& world) {
    core::FeedbackLoop loop(world.items, world.itemVectors, world.dim);
    bool slates = false;
    SlateLog log(store);
    core::Status st = log.forEach(runId, [&](const LoggedSlate& s) {
        slates = true;
        for (core::ItemId i : s.items)
            loop.onImpression(s.time, i);
        return true;
    });
    if (!st)
        return core::Error{st.error()};
    if (!slates)
        return std::optional<QJsonObject>{};
    constexpr qint64 kChunk = 65536; // bounded memory whatever the run's length
    for (qint64 offset = 0;; offset += kChunk) {
        auto chunk = store.events(runId, offset, kChunk);
        if (!chunk)
            return core::Error{chunk.error()};
        for (const core::Event& e : chunk.value())
            if (e.kind == core::EventKind::View)
                loop.onView(e.time, e.item);
        if (static_cast<qint64>(chunk.value().size()) < kChunk)
            break;
    }
    QJsonArray days;
    for (const core::FeedbackDay& d : loop.days())
        days.append(QJsonObject{{QStringLiteral("day"), d.day},
                                {QStringLiteral("views"), static_cast<double>(d.views)},
                                {QStringLiteral("impressions"), static_cast<double>(d.impressions)},
                                {QStringLiteral("interest_drift"), figure(d.interestDrift)},
                                {QStringLiteral("view_concentration"), figure(d.viewConcentration)},
                                {QStringLiteral("exposure_gini"), figure(d.exposureGini)}});
    return std::optional<QJsonObject>{QJsonObject{{QStringLiteral("days"), days}}};
}

} // namespace recoscope::sim
