// Side-by-side measurement of the two Debian ANN libraries considered for issue 17
// (docs/decisions/0025-ann-index.md): hnswlib 0.6.2 (libhnswlib-dev) and FAISS 1.7.3
// (libfaiss-dev), 1M items x 32 factors + 1 bias dimension, maximum inner product as the
// factor cores score (q.u + b), k = 10 after excluding 20 already-seen items.
// Not part of the build (FAISS is not a project dependency); compile and run by hand:
//   g++ -O2 -march=x86-64-v2 -std=c++20 scripts/measure-ann-candidates.cpp -o /tmp/ann-measure \
//       -lfaiss -fopenmp && /tmp/ann-measure 1000000 gaussian
// Second argument: gaussian (iid N(0, 0.1), the worst case) or clustered (64 tastes,
// the shape trained factors take); a third argument `hnswlib` stops after hnswlib.
// Times are thread CPU time. Single-threaded throughout (omp_set_num_threads(1)).
#include <hnswlib/hnswlib.h>

#include <faiss/IndexFlat.h>
#include <faiss/IndexHNSW.h>
#include <faiss/IndexIVFFlat.h>
#include <omp.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <random>
#include <string>
#include <vector>

// The thread's CPU time, not the wall clock: on the shared 2-vCPU machine (load 10-14
// while this was written) the wall clock mostly measures time spent descheduled.
struct Clock {
    using time_point = double;
    static double now() {
        timespec ts;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
    }
};
static double secondsSince(double t) {
    return Clock::now() - t;
}
static long rssKiB() {
    std::ifstream f("/proc/self/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    return 0;
}

constexpr int kDim = 32, kD = kDim + 1, kK = 10, kSeen = 20, kQueries = 500;

struct Set {
    std::vector<float> items;   // n x kD: factors, bias
    std::vector<float> queries; // kQueries x kD: user factors, 1
    std::vector<std::vector<long>> seen;
    std::vector<std::vector<long>> truth;
};

static Set makeSet(std::size_t n, bool clustered) {
    std::mt19937 rng(7);
    std::normal_distribution<float> g(0.0f, 0.1f);
    Set s;
    s.items.resize(n * kD);
    std::vector<float> centres(64 * kDim);
    for (float& c : centres)
        c = g(rng) * 3.0f;
    for (std::size_t i = 0; i < n; ++i) {
        const float* c = centres.data() + (i * 2654435761u % 64) * kDim;
        for (int d = 0; d < kDim; ++d)
            s.items[i * kD + d] = clustered ? c[d] + g(rng) : g(rng);
        s.items[i * kD + kDim] = g(rng) * 0.5f;
    }
    s.queries.resize(kQueries * kD);
    std::uniform_int_distribution<long> pick(0, static_cast<long>(n) - 1);
    for (int q = 0; q < kQueries; ++q) {
        const float* c = centres.data() + (q % 64) * kDim;
        for (int d = 0; d < kDim; ++d)
            s.queries[q * kD + d] = clustered ? c[d] + g(rng) : g(rng) * 3.0f;
        s.queries[q * kD + kDim] = 1.0f;
        std::vector<long> seen;
        for (int j = 0; j < kSeen; ++j)
            seen.push_back(pick(rng));
        s.seen.push_back(seen);
    }
    for (int q = 0; q < kQueries; ++q) { // exact scan: the reference
        std::vector<std::pair<float, long>> best;
        for (std::size_t i = 0; i < n; ++i) {
            if (std::find(s.seen[q].begin(), s.seen[q].end(), (long)i) != s.seen[q].end())
                continue;
            float sc = 0;
            for (int d = 0; d < kD; ++d)
                sc += s.items[i * kD + d] * s.queries[q * kD + d];
            best.push_back({-sc, (long)i});
        }
        std::partial_sort(best.begin(), best.begin() + kK, best.end());
        std::vector<long> t;
        for (int j = 0; j < kK; ++j)
            t.push_back(best[j].second);
        s.truth.push_back(t);
    }
    return s;
}

// Runs every query through `search(query, fetch, out ids)`, drops seen items, keeps k;
// prints p50/p99 latency (µs) and recall@10 against the exact scan.
template <class Search> static void report(const char* name, const Set& s, Search search) {
    std::vector<double> us;
    double hits = 0;
    std::vector<long> ids;
    for (int q = 0; q < kQueries; ++q) {
        const auto t = Clock::now();
        search(s.queries.data() + q * kD, kK + kSeen, ids);
        std::vector<long> top;
        for (long id : ids)
            if (std::find(s.seen[q].begin(), s.seen[q].end(), id) == s.seen[q].end() &&
                top.size() < kK)
                top.push_back(id);
        us.push_back(secondsSince(t) * 1e6);
        for (long id : top)
            hits += std::count(s.truth[q].begin(), s.truth[q].end(), id);
    }
    std::sort(us.begin(), us.end());
    std::printf("%-34s p50 %7.1f us  p99 %7.1f us  recall@10 %.3f\n", name, us[us.size() / 2],
                us[us.size() * 99 / 100], hits / (kQueries * kK));
}

int main(int argc, char** argv) {
    omp_set_num_threads(1);
    const std::size_t n = argc > 1 ? std::stoul(argv[1]) : 1000000;
    const bool clustered = argc > 2 && std::string(argv[2]) == "clustered";
    const Set s = makeSet(n, clustered);
    std::printf("%zu items x %d factors + bias, %s, %d queries, k=%d excluding %d seen\n", n, kDim,
                clustered ? "clustered" : "gaussian", kQueries, kK, kSeen);
    std::mt19937 urng(11);
    std::normal_distribution<float> g(0.0f, 0.1f);
    {
        const long before = rssKiB();
        hnswlib::InnerProductSpace space(kD);
        const auto t = Clock::now();
        hnswlib::HierarchicalNSW<float> h(&space, n, 16, 100, 42);
        for (std::size_t i = 0; i < n; ++i)
            h.addPoint(s.items.data() + i * kD, i);
        std::printf("hnswlib M=16 efC=100: build %.1f s, +%.0f MiB RSS\n", secondsSince(t),
                    (rssKiB() - before) / 1024.0);
        for (int ef : {50, 100, 200, 400}) {
            h.setEf(ef);
            char name[64];
            std::snprintf(name, sizeof name, "hnswlib ef=%d", ef);
            report(name, s, [&](const float* q, int fetch, std::vector<long>& ids) {
                auto r = h.searchKnn(q, fetch);
                ids.clear();
                while (!r.empty()) {
                    ids.push_back(static_cast<long>(r.top().second));
                    r.pop();
                }
                std::reverse(ids.begin(), ids.end());
            });
        }
        // Online update: an item's vector changes (an SGD step). Overwrite in place
        // (links unchanged) versus hnswlib's re-linking updatePoint.
        std::vector<float> v(kD);
        auto t2 = Clock::now();
        const int updates = 2000;
        for (int u = 0; u < updates; ++u) {
            const auto id = h.label_lookup_.at(static_cast<std::size_t>(urng() % n));
            std::memcpy(v.data(), h.getDataByInternalId(id), sizeof(float) * kD);
            for (float& x : v)
                x += g(urng) * 0.1f;
            std::memcpy(h.getDataByInternalId(id), v.data(), sizeof(float) * kD);
        }
        std::printf("hnswlib update in place: %.2f us/item\n", secondsSince(t2) * 1e6 / updates);
        t2 = Clock::now();
        for (int u = 0; u < updates; ++u) {
            const std::size_t label = urng() % n;
            std::memcpy(v.data(), s.items.data() + label * kD, sizeof(float) * kD);
            for (float& x : v)
                x += g(urng) * 0.1f;
            h.addPoint(v.data(), label); // existing label: updatePoint, re-links neighbours
        }
        std::printf("hnswlib update re-linked (addPoint existing): %.1f us/item\n",
                    secondsSince(t2) * 1e6 / updates);
    }
    if (argc > 3 && std::string(argv[3]) == "hnswlib")
        return 0; // the FAISS builds take long at 1M on a loaded machine
    {
        const long before = rssKiB();
        const auto t = Clock::now();
        faiss::IndexHNSWFlat h(kD, 16, faiss::METRIC_INNER_PRODUCT);
        h.hnsw.efConstruction = 100;
        h.add(static_cast<faiss::Index::idx_t>(n), s.items.data());
        std::printf("faiss HNSWFlat M=16 efC=100: build %.1f s, +%.0f MiB RSS\n", secondsSince(t),
                    (rssKiB() - before) / 1024.0);
        for (int ef : {50, 100, 200, 400}) {
            h.hnsw.efSearch = ef;
            char name[64];
            std::snprintf(name, sizeof name, "faiss HNSWFlat ef=%d", ef);
            std::vector<float> dist(kK + kSeen);
            report(name, s, [&](const float* q, int fetch, std::vector<long>& ids) {
                ids.resize(fetch);
                h.search(1, q, fetch, dist.data(), ids.data());
            });
        }
        std::printf("faiss HNSWFlat update: not supported (no remove/update; rebuild)\n");
    }
    {
        const long before = rssKiB();
        const auto t = Clock::now();
        faiss::IndexFlatIP coarse(kD);
        faiss::IndexIVFFlat ivf(&coarse, kD, 1024, faiss::METRIC_INNER_PRODUCT);
        ivf.cp.seed = 42;
        ivf.train(static_cast<faiss::Index::idx_t>(n), s.items.data());
        ivf.add(static_cast<faiss::Index::idx_t>(n), s.items.data());
        std::printf("faiss IVFFlat nlist=1024: build %.1f s, +%.0f MiB RSS\n", secondsSince(t),
                    (rssKiB() - before) / 1024.0);
        for (int probe : {8, 16, 32, 64}) {
            ivf.nprobe = probe;
            char name[64];
            std::snprintf(name, sizeof name, "faiss IVFFlat nprobe=%d", probe);
            std::vector<float> dist(kK + kSeen);
            report(name, s, [&](const float* q, int fetch, std::vector<long>& ids) {
                ids.resize(fetch);
                ivf.search(1, q, fetch, dist.data(), ids.data());
            });
        }
        ivf.make_direct_map(true);
        std::vector<float> v(kD);
        const auto t2 = Clock::now();
        const int updates = 200;
        for (int u = 0; u < updates; ++u) {
            const faiss::Index::idx_t id = urng() % n;
            std::memcpy(v.data(), s.items.data() + id * kD, sizeof(float) * kD);
            for (float& x : v)
                x += g(urng) * 0.1f;
            ivf.update_vectors(1, &id, v.data());
        }
        std::printf("faiss IVFFlat update_vectors: %.1f us/item\n",
                    secondsSince(t2) * 1e6 / updates);
    }
}
