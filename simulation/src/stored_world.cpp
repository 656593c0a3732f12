#include "recoscope/sim/stored_world.h"

namespace recoscope::sim {

core::Result<StoredWorld> regenerateStoredWorld(const RunStore& store, qint64 runId) {
    core::Result<RunRecord> run = store.run(runId);
    if (!run)
        return core::Error{run.error()};
    const RunRecord& r = run.value();
    const QString source = QStringLiteral("%1: run %2").arg(store.path()).arg(runId);
    core::Result<Scenario> scenario = parseScenario(r.scenarioJson, source);
    if (!scenario)
        return core::Error{scenario.error()};
    // The item table and vectors the run's shop had, checked against the stored hashes: an
    // analysis of another shop would read the log against the wrong items.
    World world = generateWorld(scenario.value(), r.seed);
    if (!r.catalogueHash.isEmpty() &&
        (world.catalogueHash() != r.catalogueHash || world.populationHash() != r.populationHash))
        return core::Error{
            QStringLiteral("%1: the regenerated shop does not match the stored hashes (run made by "
                           "another version: %2)")
                .arg(source, r.buildVersion)
                .toStdString()};
    return StoredWorld{std::move(run.value()), std::move(scenario.value()), std::move(world)};
}

} // namespace recoscope::sim
