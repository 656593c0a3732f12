// Approximate retrieval at 1M items (issue 17): the factor cores' HNSW index against
// their exact scan, both on the same seeded item vectors, printing
//   - the exact scan's recommend-retrieval p50/p99: the plain scan of every item
//     (ExactItemIndex) and the default exact index, int8 screening + exact re-scoring
//     (ScreenedItemIndex, decision 0041), whose slates must equal the plain scan's,
//   - the HNSW index's p50/p99 and recall@10 against the exact scan,
//   - the same again with online updates between requests (mf-sgd-like: `--updates`
//     items nudged per request, synced into the graph inside the timed request),
//   - build time and the index's resident memory.
// Targets: p99 <= 1 ms, recall@10 >= 0.95 at 1M items x 32 factors.
// Times are reported twice: thread CPU time (what the request costs; stable on a shared
// machine) and wall clock (what a caller waited, including time descheduled).
//   build/bench/recoscope-bench-ann                       1M x 32, 500 queries
//   build/bench/recoscope-bench-ann --items 200000 --ef 400,200,800 --queries 200
//   build/bench/recoscope-bench-ann --ann 0        the exact scans only (no graph build)
// (--ef: search widths swept on one graph; the first is used for the online part)
#include "exact_item_index.h"
#include "hnsw_item_index.h"
#include "mix.h"
#include "screened_item_index.h"

#include "recoscope/core/candidates.h"
#include "recoscope/core/shop.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

using namespace recoscope;

namespace {

using recoscope::test::Mix;

double cpuNow() {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
double wallNow() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
long rssKiB() {
    std::ifstream f("/proc/self/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    return 0;
}

struct Stats {
    std::vector<double> cpu, wall;
    double pct(std::vector<double> v, double p) const {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0.0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))];
    }
    void print(const char* what) const {
        std::printf("%-44s cpu p50 %8.1f us  p99 %8.1f us | wall p50 %8.1f us  p99 %8.1f us\n",
                    what, pct(cpu, 0.5) * 1e6, pct(cpu, 0.99) * 1e6, pct(wall, 0.5) * 1e6,
                    pct(wall, 0.99) * 1e6);
    }
};

} // namespace

int main(int argc, char** argv) {
    std::size_t n = 1000000, queries = 500, updates = 200;
    bool withAnn = true;
    int dim = 32;
    std::vector<int> efs = {core::kit::kAnnDefaultEf};
    for (int a = 1; a + 1 < argc; a += 2) {
        const std::string k = argv[a];
        const long v = std::stol(argv[a + 1]);
        if (k == "--items")
            n = static_cast<std::size_t>(v);
        else if (k == "--factors")
            dim = static_cast<int>(v);
        else if (k == "--queries")
            queries = static_cast<std::size_t>(v);
        else if (k == "--ef") { // a comma-separated list: swept on one graph
            efs.clear();
            for (std::size_t at = 0; at != std::string::npos;) {
                const std::size_t comma = std::string(argv[a + 1]).find(',', at);
                efs.push_back(std::stoi(std::string(argv[a + 1]).substr(at, comma - at)));
                at = comma == std::string::npos ? comma : comma + 1;
            }
        } else if (k == "--updates")
            updates = static_cast<std::size_t>(v);
        else if (k == "--ann")
            withAnn = v != 0;
        else {
            std::fprintf(stderr, "recoscope-bench-ann: unknown option '%s'\n", k.c_str());
            return 2;
        }
    }
    if (argc % 2 == 0) {
        std::fprintf(stderr, "recoscope-bench-ann: option '%s' needs a value\n", argv[argc - 1]);
        return 2;
    }
    const auto d = static_cast<std::size_t>(dim);
    // Trained factors are clustered by taste: 64 tastes plus noise; a shopper's vector is
    // a taste, scaled. Biases small.
    Mix rng{17};
    std::vector<float> centres(64 * d);
    for (float& c : centres)
        c = rng.normal() * 0.3f;
    core::ItemTable items;
    items.category.assign(n, 0);
    items.available.assign(n, 1);
    items.availableCount = n;
    std::vector<float> q(n * d), bias(n);
    for (std::size_t i = 0; i < n; ++i) {
        const float* c = centres.data() + (rng.next() % 64) * d;
        for (std::size_t j = 0; j < d; ++j)
            q[i * d + j] = c[j] + rng.normal() * 0.1f;
        bias[i] = rng.normal() * 0.05f;
    }
    std::vector<std::vector<float>> users(queries, std::vector<float>(d));
    std::vector<std::vector<core::ItemId>> seen(queries);
    for (std::size_t u = 0; u < queries; ++u) {
        const float* c = centres.data() + (rng.next() % 64) * d;
        for (std::size_t j = 0; j < d; ++j)
            users[u][j] = 3.0f * c[j] + rng.normal() * 0.3f;
        for (int s = 0; s < 20; ++s) // 20 already-seen items excluded, as the cores' history
            seen[u].push_back(static_cast<core::ItemId>(rng.next() % n));
    }
    std::printf("%zu items x %d factors + bias, %zu requests, k=10 excluding 20 seen\n", n, dim,
                queries);

    core::kit::ExactItemIndex exact(n, dim);
    core::kit::HnswItemIndex ann(n, dim, efs.front(), 42);
    exact.syncNow(q.data());
    auto ask = [&](core::kit::ItemIndex& index, std::size_t u, Stats* stats) {
        core::Request req;
        req.k = 10;
        req.exclude = seen[u];
        core::TopK topk(10);
        const double c0 = cpuNow(), w0 = wallNow();
        index.topK(items, req, topk, q.data(), bias.data(), users[u].data());
        if (stats) {
            stats->cpu.push_back(cpuNow() - c0);
            stats->wall.push_back(wallNow() - w0);
        }
        core::Slate out;
        topk.drainInto(out);
        std::vector<core::ItemId> ids;
        for (const core::SlateEntry& e : out)
            ids.push_back(e.item);
        return ids;
    };
    auto recallOf = [&](const std::vector<std::vector<core::ItemId>>& got,
                        const std::vector<std::vector<core::ItemId>>& want) {
        double hits = 0, total = 0;
        for (std::size_t u = 0; u < got.size(); ++u) {
            for (core::ItemId i : got[u])
                hits += static_cast<double>(std::count(want[u].begin(), want[u].end(), i));
            total += static_cast<double>(want[u].size());
        }
        return hits / total;
    };

    Stats exactStats;
    std::vector<std::vector<core::ItemId>> truth(queries);
    for (std::size_t u = 0; u < queries; ++u)
        truth[u] = ask(exact, u, &exactStats);
    exactStats.print("exact scan (plain, every item)");

    core::kit::ScreenedItemIndex screened(n, dim);
    screened.syncNow(q.data());
    Stats screenedStats;
    std::size_t differ = 0;
    for (std::size_t u = 0; u < queries; ++u)
        differ += ask(screened, u, &screenedStats) != truth[u] ? 1 : 0;
    screenedStats.print("exact scan (int8 screening + re-scoring)");
    std::printf("  slates unlike the plain scan's: %zu of %zu; re-scored %.1f items per request, "
                "%zu plain-scan fallbacks\n",
                differ, queries,
                static_cast<double>(screened.rescored()) / static_cast<double>(queries),
                screened.fallbacks());
    if (!withAnn)
        return differ == 0 ? 0 : 1;

    const long rss0 = rssKiB();
    const double b0 = cpuNow(), bw0 = wallNow();
    ask(ann, 0, nullptr); // the first request builds the graph
    std::printf("hnsw build: %.1f s cpu, %.1f s wall, +%.0f MiB resident\n", cpuNow() - b0,
                wallNow() - bw0, static_cast<double>(rssKiB() - rss0) / 1024.0);
    for (int ef : efs) {
        ann.setEf(ef);
        Stats annStats;
        std::vector<std::vector<core::ItemId>> got(queries);
        for (std::size_t u = 0; u < queries; ++u)
            got[u] = ask(ann, u, &annStats);
        char name[64];
        std::snprintf(name, sizeof name, "hnsw ef=%d, candidates re-scored exactly", ef);
        annStats.print(name);
        std::printf("  recall@10 against the exact scan: %.4f\n", recallOf(got, truth));
    }
    ann.setEf(efs.front());

    // Online: before each request `updates` items take a small SGD-like step (and every
    // 50th request one item jumps far, which forces a re-link); the request syncs them.
    Stats onlineStats;
    std::vector<std::vector<core::ItemId>> truthOnline(queries), gotOnline(queries);
    for (std::size_t u = 0; u < queries; ++u) {
        for (std::size_t x = 0; x < updates; ++x) {
            const auto i = static_cast<core::ItemId>(rng.next() % n);
            for (std::size_t j = 0; j < d; ++j)
                q[i * d + j] += rng.normal() * 0.01f;
            ann.markDirty(i);
            exact.markDirty(i);
        }
        if (u % 50 == 0) {
            const auto i = static_cast<core::ItemId>(rng.next() % n);
            for (std::size_t j = 0; j < d; ++j)
                q[i * d + j] = users[u][j] * 0.5f;
            ann.markDirty(i);
            exact.markDirty(i);
        }
        gotOnline[u] = ask(ann, u, &onlineStats);
        truthOnline[u] = ask(exact, u, nullptr);
    }
    char what[96];
    std::snprintf(what, sizeof what, "hnsw ef=%d, %zu item updates synced per request", efs.front(),
                  updates);
    onlineStats.print(what);
    std::printf("recall@10 against the exact scan after updates: %.4f (re-linked %zu items, "
                "%zu rebuilds, %zu exact fallbacks)\n",
                recallOf(gotOnline, truthOnline), ann.relinked(), ann.rebuilds(), ann.fallbacks());
    return 0;
}
