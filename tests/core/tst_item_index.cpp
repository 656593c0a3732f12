// The factor cores' item indexes (core/src/recommenders/item_index.h): the HNSW index
// against the exact scan on a seeded random set, online updates, exclusions and the
// fallback, determinism. The exact scan is the reference: it scores every item.

#include "exact_item_index.h"
#include "hnsw_item_index.h"
#include "mix.h"

#include "recoscope/core/candidates.h"
#include "recoscope/core/shop.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

using namespace recoscope;
using core::kit::ExactItemIndex;
using core::kit::HnswItemIndex;

namespace {

using test::Mix;

struct Set {
    core::ItemTable items;
    std::vector<float> q, bias;
    int dim;
    Set(std::size_t n, int d, std::uint64_t seed) : dim(d) {
        Mix rng{seed};
        items.category.assign(n, 0);
        items.available.assign(n, 1);
        items.availableCount = n;
        q.resize(n * static_cast<std::size_t>(d));
        bias.resize(n);
        // Clustered, as trained factors are: 32 tastes plus noise.
        centres.resize(32 * static_cast<std::size_t>(d));
        for (float& c : centres)
            c = rng.normal() * 0.3f;
        for (std::size_t i = 0; i < n; ++i) {
            const float* c = centres.data() + (rng.next() % 32) * static_cast<std::size_t>(d);
            for (int j = 0; j < d; ++j)
                q[i * static_cast<std::size_t>(d) + static_cast<std::size_t>(j)] =
                    c[j] + rng.normal() * 0.1f;
            bias[i] = rng.normal() * 0.05f;
        }
    }
    std::vector<float> centres;
    // A shopper's factors live in the same taste space as the items': a taste, scaled.
    std::vector<float> query(Mix& rng) const {
        std::vector<float> u(static_cast<std::size_t>(dim));
        const float* c = centres.data() + (rng.next() % 32) * static_cast<std::size_t>(dim);
        for (int j = 0; j < dim; ++j)
            u[static_cast<std::size_t>(j)] = 3.0f * c[j] + rng.normal() * 0.3f;
        return u;
    }
};

std::vector<core::SlateEntry> topOf(core::kit::ItemIndex& index, const Set& s,
                                    const core::Request& req, const std::vector<float>& u) {
    core::TopK topk(static_cast<std::size_t>(req.k));
    index.topK(s.items, req, topk, s.q.data(), s.bias.data(), u.data());
    core::Slate out;
    topk.drainInto(out);
    return {out.begin(), out.end()};
}

} // namespace

class TstItemIndex : public QObject {
    Q_OBJECT

private slots:
    // Recall@10 of HNSW candidates against the exact scan, with exclusions; items both
    // return carry the same score bits. Mutation tried: HnswItemIndex::topK searching
    // the graph with m_vec (the last refreshed item) instead of the query -> recall 0.000,
    // the test fails.
    void recallAgainstExactScan() {
        const Set s(20000, 16, 3);
        ExactItemIndex exact(s.items.size(), s.dim);
        HnswItemIndex ann(s.items.size(), s.dim, 200, 42);
        Mix rng{9};
        double hits = 0;
        const int queries = 100;
        for (int n = 0; n < queries; ++n) {
            const auto u = s.query(rng);
            std::vector<core::ItemId> exclude;
            for (int e = 0; e < 5; ++e)
                exclude.push_back(static_cast<core::ItemId>(rng.next() % s.items.size()));
            core::Request req;
            req.k = 10;
            req.exclude = exclude;
            const auto want = topOf(exact, s, req, u);
            if (n == 0) // exclusions must bite: exclude the exact answer's best item too
                exclude.push_back(want.front().item);
            const auto wantNow = topOf(exact, s, req, u);
            const auto got = topOf(ann, s, req, u);
            QCOMPARE(got.size(), wantNow.size());
            for (const core::SlateEntry& g : got) {
                QVERIFY(!req.excludes(g.item));
                for (const core::SlateEntry& w : wantNow)
                    if (w.item == g.item) {
                        hits += 1;
                        QCOMPARE(g.score, w.score); // bit-identical re-scoring
                    }
            }
        }
        const double recall = hits / (10.0 * queries);
        qInfo("recall@10 = %.3f", recall);
        QVERIFY2(recall >= 0.95, qPrintable(QString::number(recall)));
        QCOMPARE(ann.fallbacks(), std::size_t{0});
    }

    // An item changed online is found with its new vector; one made worthless is gone.
    void onlineUpdatesAreSeen() {
        Set s(5000, 8, 5);
        HnswItemIndex ann(s.items.size(), s.dim, 100, 1);
        Mix rng{2};
        const auto u = s.query(rng);
        core::Request req;
        req.k = 10;
        const auto before = topOf(ann, s, req, u); // builds the graph
        QVERIFY(ann.built());
        // Move a far item (not in the top 10) to the query's direction: it must now lead,
        // scored from its new vector. Mutation tried: topK() without sync() after the
        // build (dirty items never reach the graph) -> another item leads, the test fails.
        const core::ItemId moved = 4321;
        for (const core::SlateEntry& e : before)
            QVERIFY(e.item != moved);
        for (int j = 0; j < s.dim; ++j)
            s.q[static_cast<std::size_t>(moved) * 8 + static_cast<std::size_t>(j)] =
                3.0f * u[static_cast<std::size_t>(j)];
        ann.markDirty(moved);
        const core::ItemId dropped = before.front().item;
        for (int j = 0; j < s.dim; ++j)
            s.q[static_cast<std::size_t>(dropped) * 8 + static_cast<std::size_t>(j)] =
                -u[static_cast<std::size_t>(j)];
        ann.markDirty(dropped);
        const auto after = topOf(ann, s, req, u);
        QCOMPARE(after.front().item, moved);
        QCOMPARE(after.front().score,
                 core::kit::exactScore(s.q.data() + static_cast<std::size_t>(moved) * 8, u.data(),
                                       s.dim, s.bias[moved]));
        for (const core::SlateEntry& e : after)
            QVERIFY(e.item != dropped);
        QVERIFY(ann.relinked() >= 2); // both moved far from where they were linked
        // A bias-only change is seen too (the bias is the graph's last coordinate).
        s.bias[moved] = -100.0f;
        ann.markDirty(moved);
        for (const core::SlateEntry& e : topOf(ann, s, req, u))
            QVERIFY(e.item != moved);
    }

    // Most of the catalogue sold out: the candidates hold too few eligible items, so the
    // index answers exactly instead of returning a short list.
    void fallsBackWhenCandidatesAreIneligible() {
        Set s(3000, 8, 8);
        HnswItemIndex ann(s.items.size(), s.dim, 50, 1);
        ExactItemIndex exact(s.items.size(), s.dim);
        for (std::size_t i = 0; i < s.items.size(); ++i)
            s.items.available[i] = i % 100 == 7 ? 1 : 0;
        Mix rng{4};
        const auto u = s.query(rng);
        core::Request req;
        req.k = 10;
        const auto got = topOf(ann, s, req, u);
        const auto want = topOf(exact, s, req, u);
        QCOMPARE(got.size(), std::size_t{10});
        for (std::size_t p = 0; p < got.size(); ++p) {
            QCOMPARE(got[p].item, want[p].item);
            QCOMPARE(got[p].score, want[p].score);
        }
        QCOMPARE(ann.fallbacks(), std::size_t{1});
    }

    // Same seed, same graph, same answers; a retrain (markAll) rebuilds and still answers.
    void sameSeedSameResults() {
        const Set s(4000, 8, 6);
        HnswItemIndex a(s.items.size(), s.dim, 20, 77), b(s.items.size(), s.dim, 20, 77);
        Mix rng{1};
        core::Request req;
        req.k = 10;
        for (int n = 0; n < 30; ++n) {
            const auto u = s.query(rng);
            const auto x = topOf(a, s, req, u), y = topOf(b, s, req, u);
            QCOMPARE(x.size(), y.size());
            for (std::size_t p = 0; p < x.size(); ++p)
                QCOMPARE(x[p].item, y[p].item);
        }
        a.markAll();
        QCOMPARE(topOf(a, s, req, s.query(rng)).size(), std::size_t{10});
    }
};

QTEST_APPLESS_MAIN(TstItemIndex)
#include "tst_item_index.moc"
