// analyseStoredRun(): a stored run's analyses, replayed from the run store (apart from
// run_analysis.cpp, the live analyses, to keep that file within bounds).

#include "recoscope/sim/run_analysis.h"

#include "recoscope/sim/coupon_report.h"
#include "recoscope/sim/coupon_store.h"
#include "recoscope/sim/feedback_loop_json.h"
#include "recoscope/sim/item_exposure_json.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/shopper_groups_json.h"
#include "recoscope/sim/stored_world.h"

#include <QJsonDocument>

#include <algorithm>

namespace recoscope::sim {

core::Result<QJsonObject> analyseStoredRun(const RunStore& store, qint64 runId) {
    core::Result<StoredWorld> shop = regenerateStoredWorld(store, runId);
    if (!shop)
        return core::Error{shop.error()};
    const RunRecord& r = shop.value().run;
    const World& world = shop.value().world;
    const Scenario& scenario = shop.value().scenario;
    RunAnalysis analysis(scenario, world, r.seed);
    const QJsonObject summary = QJsonDocument::fromJson(r.summaryJson).object();
    analysis.setTotals(
        static_cast<std::uint64_t>(summary.value(QStringLiteral("impressions")).toDouble()),
        static_cast<std::uint64_t>(summary.value(QStringLiteral("requests")).toDouble()));
    constexpr qint64 kChunk = 100000;
    double now = summary.value(QStringLiteral("sim_days")).toDouble() * core::kSecondsPerDay;
    for (qint64 offset = 0;; offset += kChunk) {
        core::Result<std::vector<core::Event>> events = store.events(runId, offset, kChunk);
        if (!events)
            return core::Error{events.error()};
        for (const core::Event& e : events.value()) {
            analysis.addEvent(e);
            now = std::max(now, e.time);
        }
        if (static_cast<qint64>(events.value().size()) < kChunk)
            break;
    }
    QJsonObject out = analysis.toJson(now);
    // Fairness across shoppers needs the slates (impressions): runs stored without a slate
    // log (--no-slate-log, or before schema 6) have no such block.
    auto rows = storedSlateOutcomes(store, runId, world.users.size());
    if (!rows)
        return core::Error{rows.error()};
    if (std::any_of(rows.value().begin(), rows.value().end(),
                    [](const core::UserOutcomes::Row& row) { return row.impressions > 0; }))
        out.insert(QStringLiteral("shopper_groups"),
                   shopperGroupsJson(
                       core::shopperGroups(world.users, rows.value(), kFairnessMinImpressions),
                       kFairnessMinImpressions));
    // Fairness to items and the feedback loop, also from the slate log (none without one).
    auto exposure = storedItemExposureJson(store, runId, world);
    if (!exposure)
        return core::Error{exposure.error()};
    if (exposure.value())
        out.insert(QStringLiteral("item_exposure"), *exposure.value());
    auto loop = storedFeedbackLoopJson(store, runId, world);
    if (!loop)
        return core::Error{loop.error()};
    if (loop.value())
        out.insert(QStringLiteral("feedback_loop"), *loop.value());
    // Coupons (decisions/0028): recomputed from the stored ledger, as the live run did.
    if (scenario.coupons.policy != QLatin1String("none")) {
        auto lines = storedCouponLines(store, runId);
        if (!lines)
            return core::Error{lines.error()};
        out.insert(QStringLiteral("coupons"), couponReportJson(scenario.coupons, lines.value()));
    }
    // New-user onboarding (decisions/0031): counted live, kept in the summary (null for runs
    // stored before it).
    out.insert(QStringLiteral("onboarding"), summary.contains(QStringLiteral("onboarding"))
                                                 ? summary.value(QStringLiteral("onboarding"))
                                                 : QJsonValue(QJsonValue::Null));
    out.insert(QStringLiteral("run_id"), static_cast<double>(runId));
    out.insert(QStringLiteral("scenario"), r.scenarioName);
    out.insert(QStringLiteral("recommender"), r.recommender);
    out.insert(QStringLiteral("seed"), static_cast<double>(r.seed));
    out.insert(QStringLiteral("status"), r.status);
    out.insert(QStringLiteral("label"), r.label);
    out.insert(QStringLiteral("note"), r.note);
    return out;
}

} // namespace recoscope::sim
