#include "beyond_reference.h"

#include "recoscope/sim/engine.h"

#include <QtGlobal>

namespace recoscope::test {

BeyondReference beyondReference(const sim::Scenario& scenario, std::uint64_t seed,
                                const core::RecommenderRegistry& registry,
                                const std::string& coreId, double days) {
    auto created = sim::Engine::create(scenario, seed, registry, coreId, {});
    if (!created)
        qFatal("%s", created.error().c_str());
    sim::Engine& engine = *created.value();
    const sim::World& world = engine.world();
    core::BeyondAccuracy acc(world.items, world.itemVectors, world.dim);
    BeyondReference ref;
    ref.bucketSeconds = scenario.bucketHours * core::kSecondsPerHour;
    double end = ref.bucketSeconds;
    // A bucket closes before the first slate or event at or after its end; buckets
    // without any are closed too, so bucket i always ends at (i + 1) x width.
    auto closeUpTo = [&](core::SimTime t) {
        while (t >= end) {
            ref.buckets.push_back(acc.take());
            end += ref.bucketSeconds;
        }
    };
    const core::SimTime limit = days * core::kSecondsPerDay;
    sim::ActionRecord a;
    while (engine.nextScheduledTime() < limit && engine.nextAction(&a)) {
        closeUpTo(a.time);
        acc.onSlate(a.time, a.user, a.slate);
        for (const core::Event& e : a.events) {
            closeUpTo(e.time);
            acc.onEvent(e);
        }
    }
    ref.buckets.push_back(acc.take()); // the last, partial bucket
    ref.total = acc.total();
    ref.retention = acc.retentionTable(8);
    return ref;
}

} // namespace recoscope::test
