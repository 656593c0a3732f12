// Pruned top-k searches (issue 17, decision 0038) against the full scan they replaced.
//
// Each row builds the core twice from the registry with the same parameters and seed; one
// is switched to its full scan through the test-only core::FullScanProbe (every
// available, non-excluded item scored, core::TopK keeping the best k: the path the core
// had before). Both get the same stream: organic events over simulated days (a short
// half-life makes the popularity counter rebase and quiet items decay to exact zeros),
// requests from users with and without a profile, on home and product pages, k from 0
// to 12, exclusions of popular items, items going out of stock and back, and the same
// cascade feedback. After every request the two slates must be equal item by item and
// score by score, bit for bit, fill-ins included.
//
// - `content`: kit::maxScoreTopK over the inverted index of the item vectors (one list per
//   feature and top category, bounds capped per feature class: decision 0044) and the
//   kept popularity order; rows with k up to 36 (the hybrids ask for 3k) and 200-feature
//   profiles. kit::maxScoreTopK and kit::FeatureIndex are also tested directly, on random
//   grouped indexes against a scan and against the index's definition.
// - `linucb` (decision 0040): the seen items, then a walk down the items in order of the
//   item part K of the score, stopped by K + a bound on the shopper's part.
// - `bpr`, `mf-sgd`, `ials` (decision 0041): kit::ScreenedItemIndex, int8 screening with an
//   error bound and exact re-scoring of the survivors, against kit::ExactItemIndex (every
//   item's q_i . u + b_i); the SGD cores move item rows on every event, ials retrains
//   (markAll) every `retrain_events`. tests/core/tst_screened_item_index.cpp tests the
//   index itself on adversarial catalogues, with its own mutations. Here: sync() not
//   re-quantising dirty rows failed every bpr and mf-sgd row (ials rows change only at a
//   retrain, which markAll covers); T from the lower bounds of ineligible items too failed
//   all six; the quantisation bound halved and the rounding slack dropped survived here
//   (the actual error rarely reaches half the bound) and are caught by that file's
//   boundsHoldWhereTheErrorIsTight.
// - `mf-sgd`, `bpr`, `ials` with retrieval=ivf and no probe budget (decision 0042): the
//   k-means lists visited best bound first, against the same core with retrieval=exact
//   (every learning step marks items dirty, `ials` retrains: the lists are rebuilt).
// - `trending` (decision 0043): kit::CategoryBlocks, blocks of items of one top category
//   visited by decreasing (largest trend x category factor); the reference recomputes
//   every item's trend one by one.
//
// Mutations tried (each made the named rows fail):
// - maxScoreTopK's bound without the prior at the current depth (only the features left):
//   "content 600, strong prior, short profile" (an item carried by its popularity missed);
// - the bound of what is left forgetting the largest unread list (left[j - 1] for left[j]):
//   every content row;
// - FeatureIndex keeping each feature's last value instead of its largest: every row.
// Decision 0044 (each made the random-index test and the content rows named fail):
// - every class capped at 1 (an item's 3 words bounded as if it held one): every content
//   row and the random indexes;
// - a group's bound summed from its smallest unread bounds instead of its largest: the
//   same;
// - a list skipped on its own bound instead of its group's: the same;
// - the bound without the prior at the current depth: the random indexes and "content
//   600, strong prior, short profile";
// - each list's largest value replaced by its last: the same as the first, and the
//   index test;
// - a feature's postings not split by group (one list in the first item's group): the
//   random indexes, the index test and six of the seven content rows.
// - content's score skipping the fourth slot of each step of four: not caught here (the
//   full-scan instance shares the expression) but by tst_core_fingerprints.
// - linucb's bound without the brand share (U_brand taken as 0): "linucb 600", "linucb 600,
//   alpha 0, refresh 1" and "linucb 600, ridge 0.01" (an item carried by its brand missed);
// - linucb not scoring the seen items before the walk (the walk skips them): every
//   linucb row.
// - linucb's bound summing the signed A^-1_ab U_a U_b instead of max(0, A^-1_ab) U_a U_b
//   (kit::LinUcbWalk::gain): "linucb 600, ridge 0.01".
// - ivf's bound with the radius term's sign flipped (u·c - |u| r): every ivf row
//   (tst_item_index lists the index's own mutations).
// - trending (kit::CategoryBlocks): stopping at a bound equal to the k-th score
//   (`<=` for `<`), skipping blocks whose bound only ties it, the bound without the
//   category factor (every trending row but "no category weight", where the factor is 1),
//   and a block maximum that skips the block's first position (every trending row; the
//   two tie mutations too, from the first request, where all trends are 0).
// Survived, and why they are not errors of the search:
// - ivf not growing the radius of the list an updated item stays in: survived here
//   (mf-sgd visits ~17 of 55 lists per request, so the bound prunes, but each changed list
//   is re-centred, its radius recomputed exactly, within ~55 requests, and no item that
//   left its ball reached the top k in between); tst_item_index::ivfExactEqualsExactScan
//   catches it.
// - content without the re-sort of the popularity order after a rebase: a rebase scales
//   every count by one factor (monotone), so the order stays sorted by key; only ties made
//   by the scaling or by zeroing sit out of id order, and tied keys give the same bound.
//   The re-sort is kept: RankedOrder::update's binary search assumes the exact order.
// - reading the lists smallest bound first: the sum "left" then overstates what is
//   unread, a looser bound (slower, still exact).
// - the rounding slack set to 0: the bound sums exact doubles of q_f x max x_f, above the
//   float score unless the float sum rounds up past it; the stream never produced that
//   collision. The slack is kept: it is what makes the bound a bound.
// - linucb's rounding slack set to 0: the same reason; the bound's own looseness (the
//   largest shares, sqrt(q + d) <= sqrt q + sqrt d) dwarfs the rounding. Kept for the same
//   reason.

#include "contract_fixture.h"
#include "feature_index.h"
#include "internals_stream.h"
#include "recoscope/core/introspection.h"
#include "recoscope/core/registry.h"

#include <QTest>

#include <map>

using namespace recoscope;

namespace {

// The cores of this test with seed 99.
std::unique_ptr<core::Recommender> make(const core::RecommenderRegistry& registry,
                                        const std::string& id, const test::SyntheticShop& shop,
                                        const std::map<std::string, std::string>& params) {
    return test::makeCore(registry, shop, id, params, 99);
}

} // namespace

class TestPrunedTopK : public QObject {
    Q_OBJECT

    core::RecommenderRegistry m_registry;

private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }

    // kit::maxScoreTopK itself (decision 0044) against a plain scan of every item, on
    // random indexes built to stress its bound: several groups, a class whose cap is 3
    // (items hold 1-3 of its features) beside classes capped at 1, features shared by
    // groups, values and priors drawn from a few levels (ties in scores and in the prior
    // order), ineligible items, k from 1 to 40, and queries of 1 to 40 features. The score
    // is the float sum the index documents; slates must match item by item, bit for bit.
    void searchEqualsScanOnRandomIndexes() {
        test::Mix rng{77};
        std::size_t compared = 0, skippedLists = 0;
        for (int round = 0; round < 400; ++round) {
            const std::size_t n = 50 + rng.below(1500), groups = 1 + rng.below(6);
            const std::size_t features = 20 + rng.below(60);
            std::vector<std::uint8_t> featureClass(features);
            for (std::size_t f = 0; f < features; ++f)
                featureClass[f] = static_cast<std::uint8_t>(f % 3); // class 0 capped at 3
            std::vector<std::uint32_t> offsets{0}, feat, group(n);
            std::vector<float> val;
            for (std::size_t i = 0; i < n; ++i) {
                group[i] = rng.below(static_cast<std::uint32_t>(groups));
                std::vector<std::uint32_t> mine;
                const std::uint32_t count[3] = {1 + rng.below(3), rng.below(2), rng.below(2)};
                for (std::uint32_t c = 0; c < 3; ++c)
                    for (std::uint32_t j = 0; j < count[c]; ++j) {
                        // Features lean to the item's group, a fifth of them anywhere.
                        const std::uint32_t slot =
                            rng.below(5) == 0 ? rng.below(static_cast<std::uint32_t>(features))
                                              : (group[i] * 7 + rng.below(9)) % features;
                        const std::uint32_t f =
                            slot - slot % 3 + c < features ? slot - slot % 3 + c : c;
                        if (std::find(mine.begin(), mine.end(), f) == mine.end())
                            mine.push_back(f);
                    }
                for (std::uint32_t f : mine) {
                    feat.push_back(f);
                    val.push_back(0.25f * static_cast<float>(1 + rng.below(4)));
                }
                offsets.push_back(static_cast<std::uint32_t>(feat.size()));
            }
            core::kit::FeatureIndex index;
            index.build(offsets, feat, val, features, group, groups, featureClass, 3);
            std::vector<float> query(features, 0.0f), prior(n);
            for (std::uint32_t t = 1 + rng.below(40); t > 0; --t)
                query[rng.below(static_cast<std::uint32_t>(features))] =
                    0.125f * static_cast<float>(rng.below(9));
            const float priorScale =
                rng.below(3) == 0 ? 0.0f : 0.2f * static_cast<float>(rng.unit());
            for (std::size_t i = 0; i < n; ++i)
                prior[i] = static_cast<float>(rng.below(6)) * priorScale;
            core::kit::RankedOrder byPrior(n);
            byPrior.resort([&](core::ItemId i) { return prior[i]; });
            std::vector<std::uint8_t> eligible(n);
            for (std::size_t i = 0; i < n; ++i)
                eligible[i] = rng.below(10) != 0;
            const auto score = [&](core::ItemId i) {
                float s = 0.0f;
                for (std::uint32_t p = offsets[i]; p < offsets[i + 1]; ++p)
                    s += query[feat[p]] * val[p];
                return s + prior[i];
            };
            std::vector<core::kit::QueryTerm> terms;
            for (std::uint32_t f = 0; f < features; ++f)
                if (query[f] > 0.0f)
                    for (std::uint32_t l = index.firstList(f); l < index.firstList(f + 1); ++l)
                        terms.push_back({l, static_cast<double>(query[f]) *
                                                static_cast<double>(index.maxValue(l))});
            const std::size_t k = 1 + rng.below(40);
            core::TopK fast(k), scan(k);
            core::kit::MaxScoreScratch scratch;
            std::size_t scored = 0;
            core::kit::maxScoreTopK(
                index, terms, byPrior, rng.below(3) * (k + 1),
                static_cast<double>(index.longestItem() + 2) * 0x1p-23, fast, scratch,
                [&](core::ItemId i) {
                    ++scored;
                    return score(i);
                },
                [&](core::ItemId i) { return prior[i]; },
                [&](core::ItemId i) { return eligible[i] != 0; });
            for (core::ItemId i = 0; i < n; ++i)
                if (eligible[i])
                    scan.offer(i, score(i));
            skippedLists += scored < n ? 1 : 0;
            core::Slate a, b;
            fast.drainInto(a);
            scan.drainInto(b);
            QVERIFY2(a.size() == b.size(), qPrintable(QStringLiteral("round %1").arg(round)));
            for (std::size_t p = 0; p < a.size(); ++p) {
                QVERIFY2(a[p].item == b[p].item,
                         qPrintable(QStringLiteral("round %1 place %2: item %3, scan %4 (%5)")
                                        .arg(round)
                                        .arg(p)
                                        .arg(a[p].item)
                                        .arg(b[p].item)
                                        .arg(QString::fromStdString(test::describeSlate(b)))));
                QCOMPARE(a[p].score, b[p].score);
            }
            compared += a.size();
        }
        qInfo("%zu places compared; the search left items unscored in %zu of 400 rounds", compared,
              skippedLists);
        QVERIFY(skippedLists > 100); // the pruning was exercised, not only full reads
    }

    // FeatureIndex::build against its definition: one list per (feature, group) with items,
    // ids ascending, each list's largest value, and per class the most features one item
    // holds.
    void featureIndexMatchesItsDefinition() {
        test::Mix rng{5};
        const std::size_t n = 700, features = 40, groups = 5;
        std::vector<std::uint32_t> offsets{0}, feat, group(n);
        std::vector<float> val;
        std::vector<std::uint8_t> featureClass(features);
        for (std::size_t f = 0; f < features; ++f)
            featureClass[f] = static_cast<std::uint8_t>(f % 4);
        for (std::size_t i = 0; i < n; ++i) {
            group[i] = rng.below(groups);
            std::vector<std::uint32_t> mine;
            for (std::uint32_t t = rng.below(7); t > 0; --t) {
                const std::uint32_t f = rng.below(features);
                if (std::find(mine.begin(), mine.end(), f) == mine.end())
                    mine.push_back(f);
            }
            for (std::uint32_t f : mine) {
                feat.push_back(f);
                val.push_back(static_cast<float>(rng.unit()));
            }
            offsets.push_back(static_cast<std::uint32_t>(feat.size()));
        }
        core::kit::FeatureIndex index;
        index.build(offsets, feat, val, features, group, groups, featureClass, 4);
        std::uint32_t caps[4] = {0, 0, 0, 0};
        std::size_t longest = 0;
        for (std::size_t i = 0; i < n; ++i) {
            std::uint32_t per[4] = {0, 0, 0, 0};
            for (std::uint32_t p = offsets[i]; p < offsets[i + 1]; ++p)
                caps[featureClass[feat[p]]] =
                    std::max(caps[featureClass[feat[p]]], ++per[featureClass[feat[p]]]);
            longest = std::max<std::size_t>(longest, offsets[i + 1] - offsets[i]);
        }
        for (std::size_t c = 0; c < 4; ++c)
            QCOMPARE(index.cap(c), caps[c]);
        QCOMPARE(index.longestItem(), longest);
        for (std::uint32_t f = 0; f < features; ++f) {
            std::uint32_t l = index.firstList(f);
            for (std::uint32_t g = 0; g < groups; ++g) {
                std::vector<core::ItemId> expected;
                float largest = 0.0f;
                for (std::size_t i = 0; i < n; ++i)
                    for (std::uint32_t p = offsets[i]; p < offsets[i + 1]; ++p)
                        if (feat[p] == f && group[i] == g) {
                            expected.push_back(static_cast<core::ItemId>(i));
                            largest = std::max(largest, val[p]);
                        }
                if (expected.empty())
                    continue;
                QVERIFY(l < index.firstList(f + 1));
                QCOMPARE(index.group(l), g);
                QCOMPARE(index.listClass(l), featureClass[f]);
                QCOMPARE(index.maxValue(l), largest);
                const auto items = index.items(l);
                QVERIFY(std::equal(items.begin(), items.end(), expected.begin(), expected.end()));
                ++l;
            }
            QCOMPARE(l, index.firstList(f + 1));
        }
    }

    void slatesEqualFullScan_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("items");
        // key=value;key=value; "quiet=1" is the test's own: every 3,000 steps the shop
        // falls silent for twelve days (over 60 time constants of a 3 h half-life), so the
        // next event's rebase zeroes the decayed counts and the k-th place is a tie at 0
        // until the shop is busy again (trending's ties by id across blocks).
        QTest::addColumn<QString>("params");
        QTest::addColumn<int>("maxK"); // requests ask for 0 .. maxK items
        QTest::newRow("content 600, half-life 0.5 h")
            << "content" << 600 << "half_life_hours=0.5" << 12;
        QTest::newRow("content 3000") << "content" << 3000 << "" << 12;
        QTest::newRow("content 600, no context, no prior")
            << "content" << 600 << "context_weight=0;popularity_weight=0" << 12;
        QTest::newRow("content 600, strong prior, short profile")
            << "content" << 600 << "popularity_weight=5;profile_size=8" << 12;
        QTest::newRow("content 600, attributes only")
            << "content" << 600 << "attribute_weight=10" << 12;
        // Decision 0044: the hybrids ask content for 3k items; long profiles.
        QTest::newRow("content 3000, k up to 36") << "content" << 3000 << "" << 36;
        QTest::newRow("content 600, profile 200, k up to 36")
            << "content" << 600 << "profile_size=200" << 36;
        QTest::newRow("linucb 600") << "linucb" << 600 << "" << 12;
        QTest::newRow("linucb 3000, alpha 2") << "linucb" << 3000 << "alpha=2" << 12;
        QTest::newRow("linucb 600, alpha 0, refresh 1")
            << "linucb" << 600 << "alpha=0;refresh=1" << 12;
        QTest::newRow("linucb 600, ridge 0.01") << "linucb" << 600 << "ridge=0.01;refresh=4" << 12;
        QTest::newRow("mf-sgd 3000, ivf") << "mf-sgd" << 3000 << "retrieval=ivf;ivf_probe=0" << 12;
        QTest::newRow("bpr 3000, ivf") << "bpr" << 3000 << "retrieval=ivf;ivf_probe=0" << 12;
        QTest::newRow("ials 600, ivf") << "ials" << 600 << "retrieval=ivf;ivf_probe=0" << 12;
        QTest::newRow("bpr 600") << "bpr" << 600 << "" << 12;
        QTest::newRow("bpr 3000, lr 0.3") << "bpr" << 3000 << "learning_rate=0.3" << 12;
        QTest::newRow("mf-sgd 600") << "mf-sgd" << 600 << "" << 12;
        QTest::newRow("mf-sgd 3000, 32 factors, no context")
            << "mf-sgd" << 3000 << "factors=32;context_weight=0" << 12;
        QTest::newRow("ials 600, retrain 300") << "ials" << 600 << "retrain_events=300" << 12;
        QTest::newRow("ials 3000, 7 factors")
            << "ials" << 3000 << "factors=7;retrain_events=1000" << 12;
        QTest::newRow("trending 600") << "trending" << 600 << "" << 12;
        QTest::newRow("trending 600, quiet days") << "trending" << 600 << "quiet=1" << 12;
        QTest::newRow("trending 3000, short half-lives, quiet days")
            << "trending" << 3000 << "short_half_life_hours=0.2;long_half_life_hours=2;quiet=1"
            << 12;
        QTest::newRow("trending 600, no category weight")
            << "trending" << 600 << "category_weight=0" << 12;
        QTest::newRow("trending 600, heavy categories, small prior")
            << "trending" << 600 << "category_weight=100;prior=0.01" << 12;
    }

    void slatesEqualFullScan() {
        QFETCH(QString, id);
        QFETCH(int, items);
        QFETCH(QString, params);
        QFETCH(int, maxK);
        test::SyntheticShop shop(static_cast<std::size_t>(items), 80, 5);
        std::map<std::string, std::string> values;
        for (const QString& kv : params.split(QLatin1Char(';'), Qt::SkipEmptyParts))
            values[kv.section(QLatin1Char('='), 0, 0).toStdString()] =
                kv.section(QLatin1Char('='), 1).toStdString();
        const bool quiet = values.erase("quiet") > 0;
        auto fast = make(m_registry, id.toStdString(), shop, values);
        // A factor core with retrieval=ivf is compared with the same core on the exact scan
        // (retrieval=exact); the other cores with their own full scan.
        const bool ivf = values.count("retrieval") && values.at("retrieval") == "ivf";
        std::map<std::string, std::string> scanValues = values;
        if (ivf)
            scanValues["retrieval"] = "exact";
        auto scan = make(m_registry, id.toStdString(), shop, scanValues);
        if (!ivf) {
            auto* probe = dynamic_cast<core::FullScanProbe*>(scan.get());
            QVERIFY2(probe, "the core must offer its full scan to this test");
            probe->setFullScan(true);
        }

        const std::size_t n = shop.items.size();
        test::Mix rng{31};
        core::Slate a, b;
        double t = 0.0;
        std::size_t compared = 0, ties = 0, requests = 0;
        for (int step = 0; step < 30000; ++step) {
            t += 5.0 + 20.0 * rng.unit(); // ~2.7 simulated days
            if (quiet && step % 3000 == 1500)
                t += 12.0 * 86400.0;
            const auto user = static_cast<core::UserId>(rng.below(shop.users.size()));
            if (step % 3 != 0) {
                const double r = rng.unit();
                const auto item = static_cast<core::ItemId>(r * r * r * static_cast<double>(n));
                const std::uint32_t roll = rng.below(100);
                const core::EventKind kind = roll < 80   ? core::EventKind::View
                                             : roll < 88 ? core::EventKind::Favourite
                                             : roll < 95 ? core::EventKind::CartAdd
                                                         : core::EventKind::Purchase;
                // A tenth of the users never act: their requests have no profile.
                if (user % 10 != 0) {
                    const core::Event e{t, user, item, kind, core::Surface::Home, -1, false, 0.0f};
                    fast->observe(e);
                    scan->observe(e);
                }
                continue;
            }
            if (step % 150 == 0) {
                for (int f = 0; f < 5; ++f) {
                    const core::ItemId i = rng.below(n);
                    shop.items.available[i] = shop.items.available[i] ? 0 : 1;
                }
                shop.recount();
            }
            core::Request req;
            req.user = user;
            req.time = t;
            req.k = static_cast<int>(rng.below(static_cast<std::uint32_t>(maxK) + 1));
            std::vector<core::ItemId> exclude;
            for (std::uint32_t x = rng.below(4); x > 0; --x)
                exclude.push_back(static_cast<core::ItemId>(rng.below(30))); // popular ids
            req.exclude = exclude;
            if (rng.below(2) == 0) {
                req.surface = core::Surface::Product;
                req.contextItem = rng.below(n);
            }
            fast->recommend(req, a);
            scan->recommend(req, b);
            ++requests;
            QVERIFY2(a.size() == b.size(), qPrintable(QStringLiteral("step %1: %2 items, scan %3")
                                                          .arg(step)
                                                          .arg(a.size())
                                                          .arg(b.size())));
            for (std::size_t p = 0; p < a.size(); ++p) {
                QVERIFY2(a[p].item == b[p].item,
                         qPrintable(QStringLiteral("step %1 place %2: item %3, scan %4")
                                        .arg(step)
                                        .arg(p)
                                        .arg(a[p].item)
                                        .arg(b[p].item)));
                QCOMPARE(a[p].score, b[p].score);
                QCOMPARE(a[p].propensity, b[p].propensity);
                if (p > 0 && a[p].score == a[p - 1].score)
                    ++ties;
            }
            compared += a.size();
            int clicked = -1;
            for (std::size_t p = 0; p < a.size() && clicked < 0; ++p)
                if (rng.below(6) == 0)
                    clicked = static_cast<int>(p);
            fast->observeSlate(req, a, clicked);
            scan->observeSlate(req, b, clicked);
        }
        qInfo("%zu requests, %zu places compared, %zu ties", requests, compared, ties);
        QVERIFY(compared > requests * 4);
        QVERIFY2(ties > 0, "the stream must exercise ties (tie-breaking by id)");
    }
};

QTEST_GUILESS_MAIN(TestPrunedTopK)
#include "tst_pruned_topk.moc"
