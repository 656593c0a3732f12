// Memory is flat in the number of events (issue 5): for every registered core (or the ids
// given), the heap the core holds after 1M, 2M, 5M and 10M events of the contract feed
// (tests/core/contract_fixture.h: organic views, favourites, carts and purchases, a
// slate with click feedback every third step; 20-60 simulated seconds apart, so 10M
// events span about 13 years and every daily, decayed or capped structure turns over
// many times) on a shop of 3,000 items and 10,000 users.
//
//   build/bench/bench_memory                        every core, 10M events (~1 h)
//   build/bench/bench_memory --events 2000000 bpr   one core, checkpoints up to 2M
//
// Heap = glibc's bytes in use (arena + mmapped chunks, mallinfo2) minus what was in use
// before the core was created; the feed itself allocates nothing that lives across
// steps. growth = heap at the last checkpoint minus heap at the first. A core whose state
// grows with events shows it here; one whose state grows with users and items settles
// once all 10,000 users and 3,000 items have been seen (well before 1M events).

#include "../core/contract_fixture.h"

#include "recoscope/core/registry.h"

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace {

using namespace recoscope;

double heapBytes() {
    malloc_trim(0);
    const struct mallinfo2 m = mallinfo2();
    return static_cast<double>(m.uordblks + m.hblkhd);
}

int usage() {
    std::fprintf(stderr, "usage: bench_memory [--events N] [core-id...]\n"
                         "  N >= 1000000: checkpoints at 1M, 2M, 5M, 10M events up to N\n");
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    std::size_t total = 10000000;
    std::vector<std::string> ids;
    for (int a = 1; a < argc; ++a) {
        const std::string arg = argv[a];
        if (arg == "--events" && a + 1 < argc) {
            char* end = nullptr;
            total = std::strtoull(argv[++a], &end, 10);
            if (*end != '\0' || total < 1000000) {
                std::fprintf(stderr,
                             "bench_memory: --events: '%s' is not a whole number >= 1000000\n",
                             argv[a]);
                return usage();
            }
        } else if (!arg.empty() && arg[0] == '-') {
            return usage();
        } else {
            ids.push_back(arg);
        }
    }
    core::RecommenderRegistry registry;
    core::registerBuiltinRecommenders(registry);
    if (ids.empty())
        ids = registry.ids();
    for (const std::string& id : ids)
        if (!registry.find(id)) {
            std::fprintf(stderr,
                         "bench_memory: unknown core '%s' (recoscope-cli list-recommenders)\n",
                         id.c_str());
            return 2;
        }
    std::vector<std::size_t> checkpoints;
    for (std::size_t c :
         {std::size_t{1000000}, std::size_t{2000000}, std::size_t{5000000}, std::size_t{10000000}})
        if (c < total)
            checkpoints.push_back(c);
    checkpoints.push_back(total);

    const test::SyntheticShop shop(3000, 10000);
    const test::FakeOracle oracle;
    std::printf("%-14s", "core");
    for (std::size_t c : checkpoints)
        std::printf(" %9.0fM", static_cast<double>(c) / 1e6);
    std::printf(" %12s %8s\n", "growth_KiB", "seconds");
    for (const std::string& id : ids) {
        const double base = heapBytes();
        core::RecommenderContext ctx{&shop.items, &shop.users, &oracle, 7};
        auto made = registry.create(id, std::map<std::string, std::string>{}, ctx);
        if (!made) {
            std::fprintf(stderr, "bench_memory: %s: %s\n", id.c_str(), made.error().c_str());
            return 1;
        }
        auto core = std::move(made).value();
        test::Feed feed(shop, 11);
        const auto t0 = std::chrono::steady_clock::now();
        std::printf("%-14s", id.c_str());
        std::fflush(stdout);
        std::size_t done = 0;
        std::vector<double> heap;
        for (std::size_t c : checkpoints) {
            feed.run(*core, c - done);
            done = c;
            heap.push_back(heapBytes() - base);
            std::printf(" %8.2fMB", heap.back() / 1048576.0);
            std::fflush(stdout);
        }
        const double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::printf(" %12.1f %8.0f\n", (heap.back() - heap.front()) / 1024.0, secs);
        std::fflush(stdout);
    }
    return 0;
}
