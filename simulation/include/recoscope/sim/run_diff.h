#pragma once
// What differs between two stored runs' set-ups: the core, the seed, every parameter and
// every field of the resolved scenario, as one row per leaf ("scenario.catalogue.items",
// "params.neighbours", "scenario.behaviour.hourly[3]"), so that "why do these two runs
// disagree?" has an answer to read (the history's Diff, `recoscope-cli diff`).

#include "recoscope/sim/run_store.h"

#include <QJsonValue>
#include <QString>

#include <vector>

namespace recoscope::sim {

struct RunDiffRow {
    QString path;
    QString a, b; ///< the values as compact JSON; "(absent)" where a run lacks the path
    bool differs = false;
};

/// Every leaf of both runs' set-ups, in path order (recommender, seed, params, scenario),
/// the union of both sides.
std::vector<RunDiffRow> diffRuns(const RunRecord& a, const RunRecord& b);

/// Leaves of `value` under `prefix` as (path, compact JSON) pairs, in order: objects by
/// key, arrays by index.
std::vector<std::pair<QString, QString>> jsonLeaves(const QJsonValue& value, const QString& prefix);

} // namespace recoscope::sim
