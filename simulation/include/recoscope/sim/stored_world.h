#pragma once
// The shop a stored run ran in, rebuilt for the analyses that read its log again (report,
// the feedback loop of a reopened run).

#include "recoscope/core/result.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/sim/world.h"

namespace recoscope::sim {

struct StoredWorld {
    RunRecord run;
    Scenario scenario;
    World world;
};

/// Run `runId` of `store`, its scenario parsed from the stored JSON and its world generated
/// again from that scenario and the run's seed. An error naming the store and the run when
/// the run is missing, its scenario does not parse, or the stored catalogue and population
/// hashes say another version made it (runs stored without hashes are taken as they are).
core::Result<StoredWorld> regenerateStoredWorld(const RunStore& store, qint64 runId);

} // namespace recoscope::sim
