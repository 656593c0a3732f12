#include "recoscope/sim/stored_world.h"

namespace recoscope::sim {

core::Result<StoredScenario> readStoredScenario(const RunStore& store, qint64 runId) {
    core::Result<RunRecord> run = store.run(runId);
    if (!run)
        return core::Error{run.error()};
    const QString source = QStringLiteral("%1: run %2").arg(store.path()).arg(runId);
    core::Result<Scenario> scenario = parseScenario(run.value().scenarioJson, source);
    if (!scenario)
        return core::Error{scenario.error()};
    return StoredScenario{std::move(run.value()), std::move(scenario.value()), source};
}

core::Result<World> regenerateWorld(const StoredScenario& stored) {
    // The item table and vectors the run's shop had, checked against the stored hashes: an
    // analysis of another shop would read the log against the wrong items.
    const RunRecord& r = stored.run;
    World world = generateWorld(stored.scenario, r.seed);
    if (!r.catalogueHash.isEmpty() &&
        (world.catalogueHash() != r.catalogueHash || world.populationHash() != r.populationHash))
        return core::Error{
            QStringLiteral("%1: the regenerated shop does not match the stored hashes (run made by "
                           "another version: %2)")
                .arg(stored.source, r.buildVersion)
                .toStdString()};
    return world;
}

core::Result<StoredWorld> regenerateStoredWorld(const RunStore& store, qint64 runId) {
    core::Result<StoredScenario> stored = readStoredScenario(store, runId);
    if (!stored)
        return core::Error{stored.error()};
    core::Result<World> world = regenerateWorld(stored.value());
    if (!world)
        return core::Error{world.error()};
    return StoredWorld{std::move(stored.value().run), std::move(stored.value().scenario),
                       std::move(world.value())};
}

} // namespace recoscope::sim
