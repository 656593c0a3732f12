// End-to-end throughput: every registered core on the `default` scenario, with and
// without the SQLite run store. One iteration = one whole run (the scenario's 7 days, or
// --events); the figure that matters is the `events/s` counter.
//
//   build/bench/bench_engine                         all cores, default scenario
//   build/bench/bench_engine --benchmark_filter=popularity
//   RECOSCOPE_BENCH_SCENARIO=large RECOSCOPE_BENCH_EVENTS=2000000 build/bench/bench_engine
//   build/bench/bench_engine --benchmark_filter=db-cost    the log's cost, side by side

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"

#include <benchmark/benchmark.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

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

struct OneRun {
    double events = 0.0, wallSeconds = 0.0;
    std::string error; ///< empty when the run went through
};

// One whole run of `id`, with a fresh store in a temporary folder when `withDb`; the wall
// time includes finish(), which waits for the writer thread.
OneRun runOne(const sim::Scenario& scenario, const core::RecommenderRegistry& registry,
              const std::string& id, bool withDb, std::uint64_t maxEvents) {
    OneRun r;
    QTemporaryDir dir;
    std::unique_ptr<sim::RunStore> store;
    if (withDb) {
        auto opened = sim::RunStore::open(dir.filePath(QStringLiteral("bench.db")));
        if (!opened) {
            r.error = opened.error();
            return r;
        }
        store = std::move(opened).value();
    }
    sim::RunSpec spec;
    spec.scenario = scenario;
    spec.seed = 7;
    spec.recommender = id;
    spec.limits.maxEvents = maxEvents;
    auto job = sim::RunJob::create(spec, registry, store.get());
    if (!job) {
        r.error = job.error();
        return r;
    }
    const sim::RunOutcome out = job.value()->runSlice(0);
    if (auto st = job.value()->finish(QStringLiteral("finished"));
        !st || out.reason == sim::StopReason::SinkFailed) {
        r.error = "run failed";
        return r;
    }
    r.events = static_cast<double>(job.value()->engine().eventsConsumed());
    r.wallSeconds = job.value()->wallSeconds();
    return r;
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
        const OneRun r = runOne(scenario.value(), registry, id, withDb, cfg.events);
        if (!r.error.empty()) {
            state.SkipWithError(r.error.c_str());
            return;
        }
        events += r.events;
        wall += r.wallSeconds;
        state.SetIterationTime(r.wallSeconds);
    }
    state.counters["events"] = events / static_cast<double>(state.iterations());
    state.counters["events/s"] = wall > 0.0 ? events / wall : 0.0;
}

// The cost of the full log (issue 17: `random` with the database within 20 % of without),
// side by side: RECOSCOPE_BENCH_PAIRS (default 5) pairs of runs, each pair one run without
// and one with the store, back to back so both see the same load on a shared machine.
// Counters: the median events/s of each kind and the median of the per-pair ratios
// (db_ratio = with / without; 1 = free, 0.8 = the target's limit).
void dbCost(benchmark::State& state, const core::RecommenderRegistry& registry,
            const std::string& id) {
    const Config cfg = config();
    auto scenario = sim::loadScenario(cfg.scenario);
    if (!scenario) {
        state.SkipWithError(scenario.error().c_str());
        return;
    }
    int pairs = 5;
    if (const char* p = std::getenv("RECOSCOPE_BENCH_PAIRS"))
        pairs = std::max(1, std::atoi(p));
    std::vector<double> without, with, ratio;
    double wall = 0.0;
    for (auto _ : state) {
        for (int k = 0; k < pairs; ++k) {
            const OneRun a = runOne(scenario.value(), registry, id, false, cfg.events);
            const OneRun b = runOne(scenario.value(), registry, id, true, cfg.events);
            if (!a.error.empty() || !b.error.empty()) {
                state.SkipWithError((a.error.empty() ? b.error : a.error).c_str());
                return;
            }
            without.push_back(a.events / a.wallSeconds);
            with.push_back(b.events / b.wallSeconds);
            ratio.push_back(with.back() / without.back());
            wall += a.wallSeconds + b.wallSeconds;
        }
        state.SetIterationTime(wall);
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        const std::size_t n = v.size();
        return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    };
    state.counters["events/s_no-db"] = median(without);
    state.counters["events/s_db"] = median(with);
    state.counters["db_ratio"] = median(ratio);
    state.counters["db_ratio_min"] = *std::min_element(ratio.begin(), ratio.end());
    state.counters["db_ratio_max"] = *std::max_element(ratio.begin(), ratio.end());
    state.counters["pairs"] = static_cast<double>(ratio.size());
}

} // namespace

int main(int argc, char** argv) {
    static core::RecommenderRegistry registry;
    core::registerBuiltinRecommenders(registry);
    // First, so that `make bench` prints the log's cost at the top of bench_engine's table.
    benchmark::RegisterBenchmark("random/db-cost",
                                 [](benchmark::State& s) { dbCost(s, registry, "random"); })
        ->Iterations(1)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
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
