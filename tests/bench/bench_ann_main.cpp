// Approximate retrieval at 1M items (issue 17): the factor cores' HNSW and IVF indexes
// against their exact scan, all on the same seeded item vectors, printing
//   - the exact scan's recommend-retrieval p50/p99: the plain scan of every item
//     (ExactItemIndex) and the default exact index, int8 screening + exact re-scoring
//     (ScreenedItemIndex, decision 0041), whose slates must equal the plain scan's,
//   - per index: build time and the index's resident memory, then p50/p99 and recall@10
//     against the exact scan for each search width (HNSW `ann_ef`) or probe budget (IVF
//     `ivf_probe`, 0 = no budget: exact by its bound) swept on one index,
//   - the same again with online updates between requests (mf-sgd-like: `--updates`
//     items nudged per request, synced into the index inside the timed request), at the
//     first width / budget of the sweep.
// Targets: p99 <= 1 ms, recall@10 >= 0.95 at 1M items x 32 factors.
// Times are reported twice: thread CPU time (what the request costs; stable on a shared
// machine) and wall clock (what a caller waited, including time descheduled).
//   build/bench/recoscope-bench-ann                       1M x 32, 500 queries, both
//   build/bench/recoscope-bench-ann --index ivf --probe 0,8,16,32,64
//   build/bench/recoscope-bench-ann --items 200000 --ef 400,200,800 --queries 200
//   build/bench/recoscope-bench-ann --ann 0        the exact scans only (no index build)
// (--index hnsw,ivf: which indexes; --lists: IVF lists, 0 = about sqrt(items);
//  --tastes: clusters the vectors are drawn around, 64; 1 gives one Gaussian blob)
#include "exact_item_index.h"
#include "hnsw_item_index.h"
#include "ivf_item_index.h"
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
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // each figure out as soon as it is taken
    std::size_t n = 1000000, queries = 500, updates = 200;
    bool withAnn = true;
    int dim = 32;
    std::vector<int> efs = {core::kit::kAnnDefaultEf};
    std::vector<int> probes = {core::kit::kIvfDefaultProbe, 0, 8, 16, 32};
    std::size_t lists = 0, tastes = 64;
    bool runHnsw = true, runIvf = true;
    auto listOf = [](const std::string& text) {
        std::vector<int> out;
        for (std::size_t at = 0; at != std::string::npos;) {
            const std::size_t comma = text.find(',', at);
            out.push_back(std::stoi(text.substr(at, comma - at)));
            at = comma == std::string::npos ? comma : comma + 1;
        }
        return out;
    };
    for (int a = 1; a + 1 < argc; a += 2) {
        const std::string k = argv[a];
        if (k == "--index") {
            const std::string v = argv[a + 1];
            runHnsw = v.find("hnsw") != std::string::npos;
            runIvf = v.find("ivf") != std::string::npos;
            continue;
        }
        const long v = std::stol(argv[a + 1]);
        if (k == "--items")
            n = static_cast<std::size_t>(v);
        else if (k == "--factors")
            dim = static_cast<int>(v);
        else if (k == "--queries")
            queries = static_cast<std::size_t>(v);
        else if (k == "--ef") // a comma-separated list: swept on one graph
            efs = listOf(argv[a + 1]);
        else if (k == "--probe") // likewise, on one set of lists
            probes = listOf(argv[a + 1]);
        else if (k == "--lists")
            lists = static_cast<std::size_t>(v);
        else if (k == "--tastes") // 1: one Gaussian blob, the bound's worst case
            tastes = std::max<std::size_t>(1, static_cast<std::size_t>(v));
        else if (k == "--updates")
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
    // Trained factors are clustered by taste: `--tastes` (64) tastes plus noise; a shopper's vector
    // is a taste, scaled. Biases small.
    Mix rng{17};
    std::vector<float> centres(tastes * d);
    for (float& c : centres)
        c = rng.normal() * 0.3f;
    core::ItemTable items;
    items.category.assign(n, 0);
    items.available.assign(n, 1);
    items.availableCount = n;
    std::vector<float> q(n * d), bias(n);
    for (std::size_t i = 0; i < n; ++i) {
        const float* c = centres.data() + (rng.next() % tastes) * d;
        for (std::size_t j = 0; j < d; ++j)
            q[i * d + j] = c[j] + rng.normal() * 0.1f;
        bias[i] = rng.normal() * 0.05f;
    }
    std::vector<std::vector<float>> users(queries, std::vector<float>(d));
    std::vector<std::vector<core::ItemId>> seen(queries);
    for (std::size_t u = 0; u < queries; ++u) {
        const float* c = centres.data() + (rng.next() % tastes) * d;
        for (std::size_t j = 0; j < d; ++j)
            users[u][j] = 3.0f * c[j] + rng.normal() * 0.3f;
        for (int s = 0; s < 20; ++s) // 20 already-seen items excluded, as the cores' history
            seen[u].push_back(static_cast<core::ItemId>(rng.next() % n));
    }
    std::printf(
        "%zu items x %d factors + bias (%zu tastes), %zu requests, k=10 excluding 20 seen\n", n,
        dim, tastes, queries);

    core::kit::ExactItemIndex exact(n, dim);
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
    // The exact answers again, untimed: an earlier index's online part has moved items.
    auto refreshTruth = [&] {
        for (std::size_t u = 0; u < queries; ++u)
            truth[u] = ask(exact, u, nullptr);
    };

    // The first request builds the index; its time and resident growth are the build's.
    auto build = [&](core::kit::ItemIndex& index, const char* name) {
        const long rss0 = rssKiB();
        const double b0 = cpuNow(), bw0 = wallNow();
        ask(index, 0, nullptr);
        std::printf("%s build: %.1f s cpu, %.1f s wall, +%.0f MiB resident\n", name, cpuNow() - b0,
                    wallNow() - bw0, static_cast<double>(rssKiB() - rss0) / 1024.0);
    };
    // Online: before each request `updates` items take a small SGD-like step (and every
    // 50th request one item jumps far, to half the shopper's vector); the request syncs
    // them. The exact scan takes the same updates and gives the reference answers.
    auto online = [&](core::kit::ItemIndex& index, const char* what) {
        Stats onlineStats;
        std::vector<std::vector<core::ItemId>> truthOnline(queries), gotOnline(queries);
        for (std::size_t u = 0; u < queries; ++u) {
            for (std::size_t x = 0; x < updates; ++x) {
                const auto i = static_cast<core::ItemId>(rng.next() % n);
                for (std::size_t j = 0; j < d; ++j)
                    q[i * d + j] += rng.normal() * 0.01f;
                index.markDirty(i);
                exact.markDirty(i);
            }
            if (u % 50 == 0) {
                const auto i = static_cast<core::ItemId>(rng.next() % n);
                for (std::size_t j = 0; j < d; ++j)
                    q[i * d + j] = users[u][j] * 0.5f;
                index.markDirty(i);
                exact.markDirty(i);
            }
            gotOnline[u] = ask(index, u, &onlineStats);
            truthOnline[u] = ask(exact, u, nullptr);
        }
        onlineStats.print(what);
        std::printf("  recall@10 against the exact scan after updates: %.4f\n",
                    recallOf(gotOnline, truthOnline));
    };

    if (runHnsw) {
        core::kit::HnswItemIndex ann(n, dim, efs.front(), 42);
        build(ann, "hnsw");
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
        char what[96];
        std::snprintf(what, sizeof what, "hnsw ef=%d, %zu item updates synced per request",
                      efs.front(), updates);
        online(ann, what);
        std::printf("  (re-linked %zu items, %zu rebuilds, %zu exact fallbacks)\n", ann.relinked(),
                    ann.rebuilds(), ann.fallbacks());
    }

    if (runIvf) {
        if (runHnsw)
            refreshTruth();
        core::kit::IvfItemIndex ivf(n, dim, probes.front(), 42, lists);
        build(ivf, "ivf");
        std::printf("ivf: %zu lists\n", ivf.lists());
        // Per request: was the answer proven exact, lists visited, items scored.
        struct Work {
            std::size_t exact = 0;
            std::vector<double> visited, scored;
            void add(const core::kit::IvfItemIndex& index) {
                exact += index.lastExact() ? 1 : 0;
                visited.push_back(static_cast<double>(index.lastVisited()));
                scored.push_back(static_cast<double>(index.lastScored()));
            }
            void print(std::size_t requests) const {
                const Stats s;
                std::printf("  exact by the bound in %zu of %zu requests; lists visited p50 %.0f "
                            "p99 %.0f; items scored p50 %.0f p99 %.0f\n",
                            exact, requests, s.pct(visited, 0.5), s.pct(visited, 0.99),
                            s.pct(scored, 0.5), s.pct(scored, 0.99));
            }
        };
        for (int probe : probes) {
            ivf.setProbe(probe);
            Stats ivfStats;
            Work work;
            std::vector<std::vector<core::ItemId>> got(queries);
            for (std::size_t u = 0; u < queries; ++u) {
                got[u] = ask(ivf, u, &ivfStats);
                work.add(ivf);
            }
            char name[64];
            std::snprintf(name, sizeof name, "ivf probe=%d%s", probe,
                          probe == 0 ? " (no budget: exact)" : "");
            ivfStats.print(name);
            std::printf("  recall@10 against the exact scan: %.4f\n", recallOf(got, truth));
            work.print(queries);
        }
        ivf.setProbe(probes.front());
        char what[96];
        std::snprintf(what, sizeof what, "ivf probe=%d, %zu item updates synced per request",
                      probes.front(), updates);
        online(ivf, what);
        std::printf("  (%zu items moved to another list, %zu radii grown, %zu lists "
                    "re-centred, %zu rebuilds)\n",
                    ivf.moved(), ivf.grown(), ivf.recentred(), ivf.rebuilds());
    }
    return 0;
}
