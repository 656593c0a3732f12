#pragma once
// The shop a stored run ran in, rebuilt for the analyses that read its log again (report,
// the feedback loop of a reopened run).

#include "recoscope/core/result.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/sim/world.h"

namespace recoscope::sim {

/// A stored run with its scenario parsed from the stored JSON; `source` names the store and
/// the run for messages ("FILE: run N").
struct StoredScenario {
    RunRecord run;
    Scenario scenario;
    QString source;
};

struct StoredWorld {
    RunRecord run;
    Scenario scenario;
    World world;
};

/// Run `runId` of `store` and its parsed scenario; an error naming the store and the run
/// when the run is missing or its scenario does not parse.
core::Result<StoredScenario> readStoredScenario(const RunStore& store, qint64 runId);

/// The world of a stored run generated again from its scenario and seed. An error naming
/// the store and the run when the stored catalogue and population hashes say another
/// version made it (runs stored without hashes are taken as they are).
core::Result<World> regenerateWorld(const StoredScenario& stored);

/// Both of the above: the run, its scenario and its world.
core::Result<StoredWorld> regenerateStoredWorld(const RunStore& store, qint64 runId);

} // namespace recoscope::sim
