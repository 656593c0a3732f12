// SweepTradeoffs::measureGroupGaps: the CTR gap between shopper groups of each sweep run,
// from its slate log, the way `report` computes shopper_groups (shopper_groups_json.h), so
// the Trade-offs window and `report --sweep` show a fairness re-ranker's price in parity.

#include "recoscope/sim/sweep_tradeoffs.h"

#include "recoscope/core/shopper_groups.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/sim/shopper_groups_json.h"
#include "recoscope/sim/world.h"

#include <QJsonDocument>

#include <cmath>
#include <map>
#include <memory>

namespace recoscope::sim {

core::Status SweepTradeoffs::measureGroupGaps(const RunStore* shared) {
    // A run that cannot be measured keeps NaN ("-" in the tables) and the others go on;
    // the first error is returned.
    core::Status first = core::Ok{};
    auto fail = [&first](std::string message) {
        if (first)
            first = core::Error{std::move(message)};
    };
    // A sweep's runs share a scenario and a few seeds: one population per (scenario, seed).
    std::map<std::pair<QString, quint64>, core::UserTable> populations;
    std::map<QString, std::unique_ptr<RunStore>> opened;
    for (TradeoffPoint& p : points) {
        const QJsonValue attr =
            QJsonDocument::fromJson(p.paramsJson).object().value(QStringLiteral("attribute"));
        const std::string attribute =
            attr.isString() ? attr.toString().toStdString() : std::string("age_band");
        double sum = 0.0;
        for (TradeoffRun& r : p.runs) {
            const RunStore* store = shared;
            if (!store) {
                auto& slot = opened[r.file];
                if (!slot) {
                    auto s = RunStore::open(r.file, RunStore::Mode::ReadOnly);
                    if (!s) {
                        fail(s.error());
                        sum = std::numeric_limits<double>::quiet_NaN();
                        continue;
                    }
                    slot = std::move(s).value();
                }
                store = slot.get();
            }
            r.groupCtrGap = std::numeric_limits<double>::quiet_NaN();
            auto record = store->run(r.runId);
            if (!record) {
                fail(record.error());
                sum = std::numeric_limits<double>::quiet_NaN();
                continue;
            }
            const RunRecord& rec = record.value();
            const auto key = std::make_pair(rec.scenarioHash, rec.seed);
            if (!populations.count(key)) {
                auto parsed = parseScenario(rec.scenarioJson,
                                            QStringLiteral("%1: run %2").arg(r.file).arg(r.runId));
                if (!parsed) {
                    fail(parsed.error());
                    sum = std::numeric_limits<double>::quiet_NaN();
                    continue;
                }
                populations[key] = generateWorld(parsed.value(), rec.seed).users;
            }
            const core::UserTable& users = populations[key];
            auto rows = storedSlateOutcomes(*store, r.runId, users.size());
            if (!rows) {
                fail(rows.error());
                sum = std::numeric_limits<double>::quiet_NaN();
                continue;
            }
            for (const core::AttributeGroups& a :
                 core::shopperGroups(users, rows.value(), kFairnessMinImpressions))
                if (a.attribute == attribute)
                    r.groupCtrGap = a.ctr.gap; // NaN without impressions (no slate log)
            sum += r.groupCtrGap / static_cast<double>(p.runs.size()); // NaN stays NaN
        }
        p.groupCtrGap = p.runs.empty() ? std::numeric_limits<double>::quiet_NaN() : sum;
    }
    return first;
}

} // namespace recoscope::sim
