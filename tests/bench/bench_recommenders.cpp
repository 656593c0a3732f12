// Per-core speed: events per second of observe() and p50/p99 latency of recommend()
// (k = 10) for every registered core at 10k, 100k and 1M items, on a synthetic shop
// (tests/core/contract_fixture.h) with 10k users, after a warm-up of 1,000 slates with
// feedback (100 at 1M items) and 30k organic events.
// Plus the online-MF throughput figure of issue 5: mf-sgd with 10 factors and 100
// negatives on 2k users x 1k items.
//
//   build/bench/bench_recommenders                              everything (~10 min)
//   build/bench/bench_recommenders --benchmark_filter='bpr'     one core
//   build/bench/bench_recommenders --benchmark_filter='/10000$' one size
//   build/bench/bench_recommenders --benchmark_filter='recommend_live/'
//   --benchmark_counters_tabular=true
//                                       issue 17's check: every core at 10k items, recommend
//                                       interleaved with observe as in a live run
//
// Counters: observe -> items_per_second (= events/s); recommend -> p50_us, p99_us (wall),
// p50_cpu_us, p99_cpu_us (thread CPU time, which leaves out time the scheduler gave to
// others) and,
// for cores with a `factors` parameter, bound_us = the time to stream the item factors
// (and biases) once at 26 GB/s (../shared/limits.md, idle machine), the floor of a full
// scan, ratio = p50_us / bound_us, and ratio_now = the same against the bandwidth
// measured at start-up in this process (sum of a 512 MiB float array on huge pages,
// median of 5, printed as read_bandwidth_GBps): the machines are shared, so both are
// shown.

#include "../core/contract_fixture.h"

#include "recoscope/core/registry.h"

#include <benchmark/benchmark.h>
#include <sys/mman.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <memory>
#include <vector>

namespace {

using namespace recoscope;

constexpr std::size_t kUsers = 10000;
constexpr std::size_t kWarmup = 30000;

const test::SyntheticShop& shop(std::size_t items, std::size_t users = kUsers) {
    static std::map<std::pair<std::size_t, std::size_t>, std::unique_ptr<test::SyntheticShop>>
        shops;
    auto& s = shops[{items, users}];
    if (!s)
        s = std::make_unique<test::SyntheticShop>(items, users);
    return *s;
}

const core::RecommenderRegistry& registry() {
    static core::RecommenderRegistry r = [] {
        core::RecommenderRegistry reg;
        core::registerBuiltinRecommenders(reg);
        return reg;
    }();
    return r;
}

const test::FakeOracle oracle;

std::unique_ptr<core::Recommender> make(const std::string& id, const test::SyntheticShop& s,
                                        const std::map<std::string, std::string>& params = {}) {
    core::RecommenderContext ctx{&s.items, &s.users, &oracle, 7};
    auto r = registry().create(id, params, ctx);
    return r ? std::move(r).value() : nullptr;
}

/// Plain organic events (no slates): skewed items, a mix of kinds, time moving on.
std::vector<core::Event> events(const test::SyntheticShop& s, std::size_t count,
                                std::uint64_t seed) {
    test::Mix rng{seed};
    std::vector<core::Event> out;
    out.reserve(count);
    double t = 0.0;
    const std::size_t n = s.items.size(), users = s.users.size();
    for (std::size_t e = 0; e < count; ++e) {
        t += 1.0;
        const double r = rng.unit();
        const auto item = static_cast<core::ItemId>(r * r * static_cast<double>(n));
        const std::uint32_t roll = rng.below(100);
        const core::EventKind kind = roll < 85   ? core::EventKind::View
                                     : roll < 90 ? core::EventKind::Favourite
                                     : roll < 97 ? core::EventKind::CartAdd
                                                 : core::EventKind::Purchase;
        out.push_back({t, static_cast<core::UserId>(rng.below(users)), item, kind,
                       core::Surface::Home, -1, false, 0.0f});
    }
    return out;
}

/// Warm-up: slates with feedback (bandits need them; at most 1,000 requests so that the
/// 1M-item runs stay short) then kWarmup organic events. Returns the simulated time.
double warmUp(core::Recommender& core, const test::SyntheticShop& s) {
    test::Feed feed(s, 3);
    feed.run(core, s.items.size() >= 1000000 ? 300 : 3000);
    const std::vector<core::Event> evs = events(s, kWarmup, 4);
    for (core::Event e : evs) {
        e.time += feed.time();
        core.observe(e);
    }
    return feed.time() + evs.back().time;
}

/// CPU time of this thread: unlike wall time it does not count the slices in which the
/// scheduler ran someone else (the machines are shared, a 4 ms time slice would
/// otherwise be every p99). Includes ~0.3 us of clock_gettime overhead.
double threadCpuMicros() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

/// Summing pass of the bandwidth probe: 16-float vectors, four chains, reads 2 KiB ahead
/// (the same tricks as the factor scan), cloned per instruction set like it.
__attribute__((target_clones("avx512f", "avx2", "default"))) float sumFloats(const float* a,
                                                                             std::size_t n) {
    using V16 = float __attribute__((vector_size(64)));
    V16 acc[4] = {};
    for (std::size_t i = 0; i + 64 <= n; i += 64) {
        for (std::size_t l = 0; l < 4; ++l)
            __builtin_prefetch(a + i + 512 + 16 * l);
        for (std::size_t l = 0; l < 4; ++l) {
            V16 x;
            std::memcpy(&x, a + i + 16 * l, sizeof x);
            acc[l] += x;
        }
    }
    float sum = 0.0f;
    for (const V16& v : acc)
        for (int k = 0; k < 16; ++k)
            sum += v[k];
    return sum;
}

/// Single-thread read bandwidth in bytes per second, measured side by side with the
/// scans (the machines are shared: a constant would hide the load of the moment). The
/// best the process can do: a 512 MiB array on huge pages where the kernel allows them,
/// summed with wide vectors and software prefetch.
double bandwidth() {
    static const double bw = [] {
        constexpr std::size_t bytes = std::size_t{512} << 20;
        auto* a = static_cast<float*>(std::aligned_alloc(std::size_t{2} << 20, bytes));
        (void)madvise(a, bytes, MADV_HUGEPAGE);
        const std::size_t n = bytes / sizeof(float);
        std::fill(a, a + n, 1.0f);
        std::vector<double> rates;
        for (int r = 0; r < 5; ++r) {
            const auto t0 = std::chrono::steady_clock::now();
            const float sum = sumFloats(a, n);
            benchmark::DoNotOptimize(sum);
            const auto t1 = std::chrono::steady_clock::now();
            rates.push_back(static_cast<double>(bytes) /
                            std::chrono::duration<double>(t1 - t0).count());
        }
        std::free(a);
        std::sort(rates.begin(), rates.end());
        return rates[2];
    }();
    return bw;
}

bool isNeural(const std::string& id) {
    const core::RecommenderEntry* e = registry().find(id);
    return e && e->family == "neural";
}

void observeBench(benchmark::State& state, const std::string& id, std::size_t items) {
    const test::SyntheticShop& s = shop(items);
    auto core = make(id, s);
    if (!core) {
        state.SkipWithError("cannot create core");
        return;
    }
    const double now = warmUp(*core, s);
    const std::vector<core::Event> evs = events(s, 200000, 5);
    std::size_t next = 0;
    double shift = now;
    for (auto _ : state) {
        core::Event e = evs[next];
        e.time += shift;
        core->observe(e);
        if (++next == evs.size()) {
            next = 0;
            shift += evs.back().time;
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void recommendBench(benchmark::State& state, const std::string& id, std::size_t items) {
    const test::SyntheticShop& s = shop(items);
    auto core = make(id, s);
    if (!core) {
        state.SkipWithError("cannot create core");
        return;
    }
    const double now = warmUp(*core, s);
    test::Mix rng{9};
    core::Slate slate;
    std::vector<double> us, cpu;
    us.reserve(static_cast<std::size_t>(state.max_iterations));
    cpu.reserve(static_cast<std::size_t>(state.max_iterations));
    for (auto _ : state) {
        core::Request req;
        req.user = rng.below(kUsers);
        req.time = now + 1.0;
        req.k = 10;
        if (rng.below(2) == 0) {
            req.surface = core::Surface::Product;
            req.contextItem = rng.below(items);
        }
        const double c0 = threadCpuMicros();
        const auto t0 = std::chrono::steady_clock::now();
        core->recommend(req, slate);
        const auto t1 = std::chrono::steady_clock::now();
        const double c1 = threadCpuMicros();
        benchmark::DoNotOptimize(slate.data());
        us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
        cpu.push_back(c1 - c0);
    }
    std::sort(us.begin(), us.end());
    std::sort(cpu.begin(), cpu.end());
    state.counters["p50_cpu_us"] = cpu.empty() ? 0.0 : cpu[cpu.size() / 2];
    state.counters["p99_cpu_us"] =
        cpu.empty() ? 0.0 : cpu[std::min(cpu.size() - 1, cpu.size() * 99 / 100)];
    auto pct = [&](double p) {
        return us.empty()
                   ? 0.0
                   : us[std::min(us.size() - 1,
                                 static_cast<std::size_t>(p * static_cast<double>(us.size())))];
    };
    state.counters["p50_us"] = pct(0.50);
    state.counters["p99_us"] = pct(0.99);
    const core::RecommenderEntry* e = registry().find(id);
    for (const core::ParamSpec& p : e->params)
        if (p.key == "factors") {
            const double bytes =
                static_cast<double>(items) * (std::get<double>(p.fallback) + 1.0) * 4.0;
            state.counters["bound_us"] = bytes / 26e9 * 1e6;
            state.counters["ratio"] = pct(0.50) / (bytes / 26e9 * 1e6);
            state.counters["ratio_now"] = pct(0.50) / (bytes / bandwidth() * 1e6);
        }
}

/// Times recommend() of the core it wraps and forwards everything else: test::Feed drives it
/// exactly as it drives a core in the contract tests (a slate every third event, cascade
/// feedback, the click and organic events observed in between), so the latency includes
/// whatever observe() left for recommend() to do (lazy refreshes, dirty caches).
class TimedCore final : public core::Recommender {
public:
    explicit TimedCore(core::Recommender& inner) : m_inner(inner) {}
    void observe(const core::Event& e) override { m_inner.observe(e); }
    void observeSlate(const core::Request& r, const core::Slate& s, int clicked) override {
        m_inner.observeSlate(r, s, clicked);
    }
    void recommend(const core::Request& r, core::Slate& out) override {
        const double c0 = threadCpuMicros();
        const auto t0 = std::chrono::steady_clock::now();
        m_inner.recommend(r, out);
        const auto t1 = std::chrono::steady_clock::now();
        const double c1 = threadCpuMicros();
        wall.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
        cpu.push_back(c1 - c0);
    }
    std::vector<double> wall, cpu;

private:
    core::Recommender& m_inner;
};

double percentile(std::vector<double> v, double p) {
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

/// Issue 17: recommend() p50/p99 with observe() interleaved as in a live run (one slate
/// and two organic or click events per iteration, test::Feed), after 30,000 such events.
void recommendLiveBench(benchmark::State& state, const std::string& id, std::size_t items) {
    const test::SyntheticShop& s = shop(items);
    auto core = make(id, s);
    if (!core) {
        state.SkipWithError("cannot create core");
        return;
    }
    test::Feed feed(s, 3);
    feed.run(*core, 30000);
    TimedCore timed(*core);
    for (auto _ : state)
        feed.run(timed, 3); // event 0 of each call is a slate
    state.counters["p50_cpu_us"] = percentile(timed.cpu, 0.50);
    state.counters["p99_cpu_us"] = percentile(timed.cpu, 0.99);
    state.counters["p50_us"] = percentile(timed.wall, 0.50);
    state.counters["p99_us"] = percentile(timed.wall, 0.99);
}

void mfThroughput(benchmark::State& state, int replay) {
    // Issue 5's reference point: published C++ streaming libraries reach about 12,000
    // events/s with 10 factors and 100 negatives on 2k users x 1k items.
    const test::SyntheticShop& s = shop(1000, 2000);
    auto core = make("mf-sgd", s,
                     {{"factors", "10"}, {"negatives", "100"}, {"replay", std::to_string(replay)}});
    const std::vector<core::Event> evs = events(s, 100000, 13);
    std::size_t next = 0;
    double shift = 0.0;
    for (auto _ : state) {
        core::Event e = evs[next];
        e.time += shift;
        core->observe(e);
        if (++next == evs.size()) {
            next = 0;
            shift += evs.back().time;
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    benchmark::AddCustomContext("read_bandwidth_GBps", std::to_string(bandwidth() / 1e9));
    benchmark::RegisterBenchmark("mf_sgd_throughput/f10_neg100_2kx1k/replay0",
                                 [](benchmark::State& st) { mfThroughput(st, 0); })
        ->MinTime(1.0);
    benchmark::RegisterBenchmark("mf_sgd_throughput/f10_neg100_2kx1k/replay1",
                                 [](benchmark::State& st) { mfThroughput(st, 1); })
        ->MinTime(1.0);
    for (const std::string& id : registry().ids())
        benchmark::RegisterBenchmark(
            ("recommend_live/" + id + "/10000").c_str(),
            [id](benchmark::State& st) { recommendLiveBench(st, id, 10000); })
            ->Iterations(isNeural(id) ? 1000 : 5000)
            ->Unit(benchmark::kMicrosecond);
    for (const std::string& id : registry().ids()) {
        for (std::size_t items : {std::size_t{10000}, std::size_t{100000}, std::size_t{1000000}}) {
            const std::string suffix = id + "/" + std::to_string(items);
            // Fixed iteration counts: each repetition rebuilds and warms the core.
            benchmark::RegisterBenchmark(
                ("observe/" + suffix).c_str(),
                [id, items](benchmark::State& st) { observeBench(st, id, items); })
                ->Iterations(isNeural(id) || items >= 1000000 ? 20000 : 100000)
                ->Unit(benchmark::kMicrosecond);
            const std::int64_t reps = items <= 10000    ? 3000
                                      : items <= 100000 ? 500
                                                        : (isNeural(id) ? 20 : 100);
            benchmark::RegisterBenchmark(
                ("recommend/" + suffix).c_str(),
                [id, items](benchmark::State& st) { recommendBench(st, id, items); })
                ->Iterations(reps)
                ->Unit(benchmark::kMicrosecond);
        }
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
