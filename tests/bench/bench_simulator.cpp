// Simulator throughput without a learning core: the `random` core (O(k) per slate), no
// database, analyses off. What is measured is the shop itself: arrivals, sessions,
// utilities, choices, fatigue, stock and timeline. Also the time and memory to generate
// a scenario's shop (catalogue + population + engine state), `large` included.
//
//   build/bench/bench_simulator                                  everything
//   build/bench/bench_simulator --benchmark_filter=default       default only
//   RECOSCOPE_BENCH_LARGE_EVENTS=5000000 build/bench/bench_simulator --benchmark_filter=large
//
// Counters: events/s (behavioural events per wall second, one core), steps/s (slates
// served), gen_s (generation wall seconds), rss_MB (resident memory added by the engine:
// shop tables, hidden vectors, per-user history, metric state), items, users.

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/engine.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

namespace {

using namespace recoscope;

double residentMegabytes() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
    return 0.0;
}

const core::RecommenderRegistry& registry() {
    static core::RecommenderRegistry r = [] {
        core::RecommenderRegistry reg;
        core::registerBuiltinRecommenders(reg);
        return reg;
    }();
    return r;
}

void generate(benchmark::State& state, const char* name) {
    auto scenario = sim::loadBuiltinScenario(QString::fromLatin1(name));
    if (!scenario) {
        state.SkipWithError(scenario.error().c_str());
        return;
    }
    double seconds = 0.0, rss = 0.0;
    std::size_t items = 0, users = 0;
    for (auto _ : state) {
        const double before = residentMegabytes();
        const auto start = std::chrono::steady_clock::now();
        auto engine = sim::Engine::create(scenario.value(), 7, registry(), "random", {});
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!engine) {
            state.SkipWithError(engine.error().c_str());
            return;
        }
        rss = residentMegabytes() - before;
        seconds += s;
        items = engine.value()->world().items.size();
        users = engine.value()->world().users.size();
        state.SetIterationTime(s);
    }
    state.counters["gen_s"] = seconds / static_cast<double>(state.iterations());
    state.counters["rss_MB"] = rss;
    state.counters["items"] = static_cast<double>(items);
    state.counters["users"] = static_cast<double>(users);
}

void simulate(benchmark::State& state, const char* name, std::uint64_t maxEvents) {
    auto scenario = sim::loadBuiltinScenario(QString::fromLatin1(name));
    if (!scenario) {
        state.SkipWithError(scenario.error().c_str());
        return;
    }
    double events = 0.0, steps = 0.0, wall = 0.0, rss = 0.0;
    for (auto _ : state) {
        const double before = residentMegabytes();
        auto engine = sim::Engine::create(scenario.value(), 7, registry(), "random", {});
        if (!engine) {
            state.SkipWithError(engine.error().c_str());
            return;
        }
        sim::RunLimits limits;
        limits.maxEvents = maxEvents;
        const sim::RunOutcome out = engine.value()->run(limits);
        rss = residentMegabytes() - before;
        events += static_cast<double>(engine.value()->eventsConsumed());
        steps += static_cast<double>(engine.value()->metrics().totals().requests);
        wall += out.wallSeconds;
        state.SetIterationTime(out.wallSeconds);
    }
    state.counters["events"] = events / static_cast<double>(state.iterations());
    state.counters["events/s"] = wall > 0.0 ? events / wall : 0.0;
    state.counters["steps/s"] = wall > 0.0 ? steps / wall : 0.0;
    state.counters["rss_MB"] = rss;
}

} // namespace

int main(int argc, char** argv) {
    std::uint64_t largeEvents = 3'000'000;
    if (const char* e = std::getenv("RECOSCOPE_BENCH_LARGE_EVENTS"))
        largeEvents = std::strtoull(e, nullptr, 10);
    benchmark::RegisterBenchmark("generate/default",
                                 [](benchmark::State& s) { generate(s, "default"); })
        ->Iterations(3)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("simulate/default/random",
                                 [](benchmark::State& s) { simulate(s, "default", 0); })
        ->Iterations(3)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("generate/large",
                                 [](benchmark::State& s) { generate(s, "large"); })
        ->Iterations(1)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(
        "simulate/large/random",
        [largeEvents](benchmark::State& s) { simulate(s, "large", largeEvents); })
        ->Iterations(1)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
