// The factor cores' item indexes (core/src/recommenders/item_index.h): the HNSW and IVF
// indexes against the exact scan on a seeded random set, online updates, exclusions and
// the fallback, determinism. The exact scan is the reference: it scores every item.
//
// IVF (decision 0042) mutations tried, each made the named test fail, then restored:
// - the bound's radius term with the wrong sign (u·c - |u| r): ivfExactEqualsExactScan
//   (a slate differs at the first request) and ivfFarMovesAreFound;
// - refresh() not growing the radius of the list an updated item stays in or moves to:
//   ivfExactEqualsExactScan (checkInvariants: "outside the radius", and slates differ);
// - the budget stop counting one list too few (visited + 1 >= probe):
//   ivfBudgetVisitsAtMostProbe (it first survived, when the test only checked "at most
//   probe lists"; it now checks that a walk not proven exact used the whole budget);
// - remove() not re-pointing the moved last member's slot: ivfExactEqualsExactScan
//   ("not at its slot", slates differ), ivfBudgetVisitsAtMostProbe, ivfFarMovesAreFound;
// - refresh() not raising the list's largest bias B: ivfExactEqualsExactScan ("bias above
//   the list's largest"), ivfBudgetVisitsAtMostProbe;
// - recentre() moving the centre but keeping the old radius: ivfExactEqualsExactScan
//   (slates differ at the first request: the build re-centres every list).
// Survived, and why: the rounding slack set to 0 (the ball bound's own looseness, |u| r
// against the members' real spread, dwarfs float rounding on these sets; kept, it is what
// makes the bound a bound).

#include "exact_item_index.h"
#include "hnsw_item_index.h"
#include "ivf_item_index.h"
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
using core::kit::IvfItemIndex;

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

QString describe(const std::vector<core::SlateEntry>& s) {
    QString out;
    for (const core::SlateEntry& e : s)
        out += QStringLiteral("%1:%2 ").arg(e.item).arg(static_cast<double>(e.score), 0, 'g', 9);
    return out;
}

// One step of an online stream over `s`: `count` items take an SGD-sized step (and their
// bias a small one); every `jumpEvery`-th call one item jumps to a random taste's far end
// or to the negated query, one bias jumps, and a few items sell out or come back.
void perturb(Set& s, Mix& rng, core::kit::ItemIndex& a, core::kit::ItemIndex& b, int count,
             int step, const std::vector<float>& u) {
    const std::size_t n = s.items.size(), d = static_cast<std::size_t>(s.dim);
    for (int x = 0; x < count; ++x) {
        const auto i = static_cast<core::ItemId>(rng.below(n));
        for (std::size_t j = 0; j < d; ++j)
            s.q[i * d + j] += rng.normal() * 0.02f;
        s.bias[i] += rng.normal() * 0.01f;
        a.markDirty(i);
        b.markDirty(i);
    }
    if (step % 5 == 0) {
        const auto i = static_cast<core::ItemId>(rng.below(n));
        const float sign = step % 10 == 0 ? -1.0f : 1.5f;
        for (std::size_t j = 0; j < d; ++j)
            s.q[i * d + j] = sign * u[j];
        const auto k = static_cast<core::ItemId>(rng.below(n));
        s.bias[k] = rng.normal();
        for (core::ItemId m : {i, k}) {
            a.markDirty(m);
            b.markDirty(m);
        }
        for (int f = 0; f < 3; ++f) {
            const auto o = static_cast<core::ItemId>(rng.below(n));
            s.items.available[o] = s.items.available[o] ? 0 : 1;
        }
    }
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

    // IVF with no budget: after every request the same slate as the exact scan, item by
    // item and score by score, over a long stream of updates (small steps, far jumps, bias
    // jumps, items selling out), exclusions and k from 0 to 12; every answer proven exact
    // by the bound, the lists' invariants kept, and the bound pruning most lists.
    void ivfExactEqualsExactScan_data() {
        QTest::addColumn<int>("items");
        QTest::addColumn<int>("dim");
        QTest::addColumn<bool>("withBias");
        QTest::newRow("20000 x 16") << 20000 << 16 << true;
        QTest::newRow("3000 x 8, no bias") << 3000 << 8 << false;
        QTest::newRow("50 x 4") << 50 << 4 << true;
    }
    void ivfExactEqualsExactScan() {
        QFETCH(int, items);
        QFETCH(int, dim);
        QFETCH(bool, withBias);
        Set s(static_cast<std::size_t>(items), dim, 11);
        const std::size_t n = s.items.size();
        ExactItemIndex exact(n, s.dim);
        IvfItemIndex ivf(n, s.dim, 0, 5);
        exact.syncNow(s.q.data());
        Mix rng{21};
        std::size_t visited = 0, compared = 0;
        const int requests = 400;
        for (int step = 0; step < requests; ++step) {
            const auto u = s.query(rng);
            if (step > 0)
                perturb(s, rng, ivf, exact, 20, step, u);
            core::Request req;
            req.k = static_cast<int>(rng.below(13));
            std::vector<core::ItemId> exclude;
            for (std::uint32_t x = rng.below(6); x > 0; --x)
                exclude.push_back(static_cast<core::ItemId>(rng.below(n)));
            req.exclude = exclude;
            core::TopK ta(static_cast<std::size_t>(req.k)), tb(static_cast<std::size_t>(req.k));
            const float* b = withBias ? s.bias.data() : nullptr;
            ivf.topK(s.items, req, ta, s.q.data(), b, u.data());
            exact.topK(s.items, req, tb, s.q.data(), b, u.data());
            core::Slate x, y;
            ta.drainInto(x);
            tb.drainInto(y);
            const std::vector<core::SlateEntry> got(x.begin(), x.end()), want(y.begin(), y.end());
            QVERIFY2(got.size() == want.size() && std::equal(got.begin(), got.end(), want.begin(),
                                                             [](const auto& l, const auto& r) {
                                                                 return l.item == r.item &&
                                                                        l.score == r.score;
                                                             }),
                     qPrintable(QStringLiteral("step %1: ivf %2| exact %3")
                                    .arg(step)
                                    .arg(describe(got), describe(want))));
            QVERIFY(ivf.lastExact());
            compared += got.size();
            visited += ivf.lastVisited();
            if (step % 50 == 0 || step == requests - 1) {
                const std::string bad = ivf.checkInvariants(s.q.data(), b);
                QVERIFY2(bad.empty(), bad.c_str());
            }
        }
        qInfo("%zu lists, %zu places compared, %.1f lists visited per request, %zu moved, %zu "
              "grown, %zu re-centred",
              ivf.lists(), compared, static_cast<double>(visited) / requests, ivf.moved(),
              ivf.grown(), ivf.recentred());
        QVERIFY(compared > 4u * requests);
        QVERIFY(ivf.moved() > 0 && ivf.grown() > 0 && ivf.recentred() > 0);
        if (items >= 3000) // the bound prunes: far fewer lists visited than there are
            QVERIFY(static_cast<double>(visited) / requests < 0.5 * ivf.lists());
    }

    // With a budget the answer may be approximate, but it is k distinct eligible items,
    // best first, each carrying its exact score; a catalogue mostly sold out still gives
    // a full slate (the walk goes on past the budget until k items are found).
    void ivfBudgetVisitsAtMostProbe() {
        Set s(20000, 16, 12);
        const std::size_t n = s.items.size();
        IvfItemIndex ivf(n, s.dim, 2, 9);
        ExactItemIndex exact(n, s.dim);
        Mix rng{4};
        double hits = 0;
        std::size_t inexact = 0;
        for (int step = 0; step < 200; ++step) {
            const auto u = s.query(rng);
            if (step > 0)
                perturb(s, rng, ivf, exact, 20, step, u);
            if (step == 150) // most of the catalogue sold out
                for (std::size_t i = 0; i < n; ++i)
                    s.items.available[i] = i % 500 == 3 ? 1 : 0;
            core::Request req;
            req.k = 10;
            const std::vector<core::ItemId> exclude = {static_cast<core::ItemId>(rng.below(n)), 3};
            req.exclude = exclude;
            const auto got = topOf(ivf, s, req, u);
            const auto want = topOf(exact, s, req, u);
            QCOMPARE(got.size(), want.size());
            // While the first lists hold k items the walk stops at the budget, not before.
            if (step < 150 && !ivf.lastExact())
                QCOMPARE(ivf.lastVisited(), std::size_t{2});
            if (step < 150)
                QVERIFY(ivf.lastVisited() <= 2);
            inexact += ivf.lastExact() ? 0 : 1;
            for (std::size_t p = 0; p < got.size(); ++p) {
                const core::ItemId i = got[p].item;
                QVERIFY(s.items.available[i] && !req.excludes(i));
                QCOMPARE(got[p].score,
                         core::kit::exactScore(s.q.data() + i * 16, u.data(), s.dim, s.bias[i]));
                if (p > 0)
                    QVERIFY(got[p - 1].score > got[p].score ||
                            (got[p - 1].score == got[p].score && got[p - 1].item < i));
                for (const core::SlateEntry& w : want)
                    hits += w.item == i ? 1 : 0;
            }
        }
        qInfo("recall@10 with 2 lists: %.3f, %zu answers not proven exact", hits / 2000.0, inexact);
        QVERIFY(inexact > 0); // the budget did stop some walks
        QCOMPARE(ivf.checkInvariants(s.q.data(), s.bias.data()), std::string());
    }

    // Same seed, same lists, same answers (with a budget, where the lists decide); a
    // retrain (markAll) trains them again and the answers are still exact.
    void ivfSameSeedSameResults() {
        Set s(8000, 8, 6);
        IvfItemIndex a(s.items.size(), s.dim, 1, 77), b(s.items.size(), s.dim, 1, 77);
        ExactItemIndex exact(s.items.size(), s.dim);
        Mix rng{1};
        core::Request req;
        req.k = 10;
        for (int step = 0; step < 60; ++step) {
            const auto u = s.query(rng);
            if (step > 0)
                perturb(s, rng, a, b, 10, step, u);
            const auto x = topOf(a, s, req, u), y = topOf(b, s, req, u);
            QCOMPARE(describe(x), describe(y));
        }
        for (core::ItemId i = 0; i < s.items.size(); ++i) {
            s.q[i * 8] *= -1.0f; // a retrain moves every vector
            exact.markDirty(i);
        }
        a.markAll();
        a.setProbe(0);
        const auto u = s.query(rng);
        QCOMPARE(describe(topOf(a, s, req, u)), describe(topOf(exact, s, req, u)));
        QCOMPARE(a.rebuilds(), std::size_t{1});
        QCOMPARE(a.checkInvariants(s.q.data(), s.bias.data()), std::string());
    }

    // Items moved far from their list (to the query's direction, to its opposite) are
    // found where they now are, with their new scores, even under a budget of one list.
    void ivfFarMovesAreFound() {
        Set s(5000, 8, 5);
        IvfItemIndex ivf(s.items.size(), s.dim, 1, 1);
        Mix rng{2};
        const auto u = s.query(rng);
        core::Request req;
        req.k = 10;
        const auto before = topOf(ivf, s, req, u); // builds the lists
        QVERIFY(ivf.built());
        const core::ItemId moved = 4321;
        for (const core::SlateEntry& e : before)
            QVERIFY(e.item != moved);
        for (std::size_t j = 0; j < 8; ++j)
            s.q[moved * 8 + j] = 3.0f * u[j];
        ivf.markDirty(moved);
        const core::ItemId dropped = before.front().item;
        for (std::size_t j = 0; j < 8; ++j)
            s.q[dropped * 8 + j] = -u[j];
        ivf.markDirty(dropped);
        const auto after = topOf(ivf, s, req, u);
        QCOMPARE(after.front().item, moved);
        QCOMPARE(after.front().score,
                 core::kit::exactScore(s.q.data() + moved * 8, u.data(), s.dim, s.bias[moved]));
        for (const core::SlateEntry& e : after)
            QVERIFY(e.item != dropped);
        QVERIFY(ivf.moved() >= 1);
        QCOMPARE(ivf.checkInvariants(s.q.data(), s.bias.data()), std::string());
        s.bias[moved] = -100.0f; // a bias-only change is seen too
        ivf.markDirty(moved);
        for (const core::SlateEntry& e : topOf(ivf, s, req, u))
            QVERIFY(e.item != moved);
    }
};

QTEST_APPLESS_MAIN(TstItemIndex)
#include "tst_item_index.moc"
