// End-to-end throughput: every registered core on the `default` scenario, with and
// without the SQLite run store. One iteration = one whole run (the scenario's 7 days, or
// --events); the figure that matters is the `events/s` counter.
//
//   build/bench/bench_engine                         all cores, default scenario
//   build/bench/bench_engine --benchmark_filter=popularity
//   RECOSCOPE_BENCH_SCENARIO=large RECOSCOPE_BENCH_EVENTS=2000000 build/bench/bench_engine

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"

#include <benchmark/benchmark.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

namespace {

using namespace recoscope;

struct Config {
    QString scenario = QStringLiteral("default");
    std::uint64_t events = 0;
};

Config config() {
    Config c;
    if (const char* s = std::getenv("RECOSCOPE_BENCH_SCENARIO"))
        c.scenario = QString::fromUtf8(s);
    if (const char* e = std::getenv("RECOSCOPE_BENCH_EVENTS"))
        c.events = std::strtoull(e, nullptr, 10);
    return c;
}

void runOnce(benchmark::State& state, const core::RecommenderRegistry& registry,
             const std::string& id, bool withDb) {
    const Config cfg = config();
    auto scenario = sim::loadScenario(cfg.scenario);
    if (!scenario) {
        state.SkipWithError(scenario.error().c_str());
        return;
    }
    double events = 0.0, wall = 0.0;
    for (auto _ : state) {
        QTemporaryDir dir;
        std::unique_ptr<sim::RunStore> store;
        if (withDb) {
            auto opened = sim::RunStore::open(dir.filePath(QStringLiteral("bench.db")));
            if (!opened) {
                state.SkipWithError(opened.error().c_str());
                return;
            }
            store = std::move(opened).value();
        }
        sim::RunSpec spec;
        spec.scenario = scenario.value();
        spec.seed = 7;
        spec.recommender = id;
        spec.limits.maxEvents = cfg.events;
        auto job = sim::RunJob::create(spec, registry, store.get());
        if (!job) {
            state.SkipWithError(job.error().c_str());
            return;
        }
        const sim::RunOutcome out = job.value()->runSlice(0);
        if (auto st = job.value()->finish(QStringLiteral("finished"));
            !st || out.reason == sim::StopReason::SinkFailed) {
            state.SkipWithError("run failed");
            return;
        }
        events += static_cast<double>(job.value()->engine().eventsConsumed());
        wall += job.value()->wallSeconds();
        state.SetIterationTime(job.value()->wallSeconds());
    }
    state.counters["events"] = events / static_cast<double>(state.iterations());
    state.counters["events/s"] = wall > 0.0 ? events / wall : 0.0;
}

} // namespace

int main(int argc, char** argv) {
    static core::RecommenderRegistry registry;
    core::registerBuiltinRecommenders(registry);
    for (const std::string& id : registry.ids()) {
        for (bool withDb : {false, true}) {
            const std::string name = id + (withDb ? "/db" : "/no-db");
            benchmark::RegisterBenchmark(
                name.c_str(),
                [id, withDb](benchmark::State& s) { runOnce(s, registry, id, withDb); })
                ->Iterations(1)
                ->UseManualTime()
                ->Unit(benchmark::kMillisecond);
        }
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
