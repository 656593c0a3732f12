// core::BeyondAccuracy against its plain version (reference_beyond_accuracy.h: the code as
// it was before the third simulator-step round), bit for bit: both get the same long
// stream of slates (0-40 items, some items with a zero vector) and interactions (a few hot
// items beyond the short head's histogram), and every bucket's figures, the run's and the
// short head after each bucket must be the same doubles. With vectors of 16 dimensions
// (the registers path), of 6 (Eigen's dynamic map) and without vectors.
// Since the fourth round also: more users than the 64 homogenisation samples, half the
// slates counting their exposure in the pass (against a plain count), times jumping to a
// day's edges, and the activity figures and retention table against reference_activity.h.
// Mutations tried, each caught here: the squares of the 16-lane norm added in pairs, the
// log2(C + n) cache not refreshed when C changes, fixHead's histogram not reset below the
// boundary it stopped at, a slate's category counts not reset, the unit flag ignored;
// fourth round: homogenisation's sharing mask not set, or its first pair skipped; the
// count histogram not moved down on an interaction; the last flag pass with < for <=;
// the items above the cap not listed; the served-user bits not cleared at take(); the
// cached day taken to the next day's first second without the check; a stale category
// stamp read as a count. The reserved row (per-user states sized before the stream, as the
// engine sizes them) catches a reserved state that reads as active (firstDay 0).

#include "contract_fixture.h"
#include "recoscope/core/beyond_accuracy.h"
#include "reference_activity.h"
#include "reference_beyond_accuracy.h"

#include "same_bits.h"

#include <QTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

using namespace recoscope;
using core::Event;
using core::EventKind;
using core::ItemId;
using core::UserId;

namespace {

using test::sameBits;

QString differences(const core::BeyondAccuracyPoint& got, const core::BeyondAccuracyPoint& want) {
    QString out;
    auto check = [&](const char* name, double a, double b) {
        if (!sameBits(a, b))
            out += QStringLiteral(" %1: %2 vs %3")
                       .arg(QLatin1String(name))
                       .arg(a, 0, 'g', 17)
                       .arg(b, 0, 'g', 17);
    };
    check("ild_category", got.ildCategory, want.ildCategory);
    check("ild_latent", got.ildLatent, want.ildLatent);
    check("novelty", got.novelty, want.novelty);
    check("avg_popularity", got.averagePopularity, want.averagePopularity);
    check("tail_share", got.tailShare, want.tailShare);
    check("serendipity", got.serendipity, want.serendipity);
    check("homogenisation", got.homogenisation, want.homogenisation);
    check("aov", got.aov, want.aov);
    check("slates", static_cast<double>(got.slates), static_cast<double>(want.slates));
    check("impressions", static_cast<double>(got.impressions),
          static_cast<double>(want.impressions));
    check("orders", static_cast<double>(got.orders), static_cast<double>(want.orders));
    check("active_users", static_cast<double>(got.activeUsers),
          static_cast<double>(want.activeUsers));
    check("return_rate", got.returnRate, want.returnRate);
    return out;
}

bool sameTable(const core::RetentionTable& a, const core::RetentionTable& b) {
    if (a.firstDay != b.firstDay || a.rows.size() != b.rows.size())
        return false;
    for (std::size_t r = 0; r < a.rows.size(); ++r) {
        if (a.rows[r].size() != b.rows[r].size())
            return false;
        for (std::size_t d = 0; d < a.rows[r].size(); ++d)
            if (std::bit_cast<std::uint64_t>(a.rows[r][d]) !=
                std::bit_cast<std::uint64_t>(b.rows[r][d]))
                return false;
    }
    return true;
}

} // namespace

class TestBeyondAccuracyBits : public QObject {
    Q_OBJECT
private slots:
    void sameBitsAsThePlainPass_data() {
        QTest::addColumn<int>("dim");
        QTest::addColumn<int>("users");
        QTest::addColumn<int>("reserved"); ///< reserveUsers() before the stream (0: not)
        QTest::newRow("16 dimensions") << 16 << 30 << 0;
        QTest::newRow("6 dimensions") << 6 << 30 << 0;
        QTest::newRow("no vectors") << 0 << 30 << 0;
        // More users than the 64 homogenisation samples, so the bucket's list fills up
        // with different users from bucket to bucket.
        QTest::newRow("16 dimensions, 300 users") << 16 << 300 << 0;
        QTest::newRow("no vectors, 300 users") << 0 << 300 << 0;
        // The per-user states sized at start-up, as the engine does (more than are seen):
        // every figure as when they grow with the ids.
        QTest::newRow("16 dimensions, 300 users, reserved") << 16 << 300 << 1000;
    }
    void sameBitsAsThePlainPass() {
        QFETCH(int, dim);
        QFETCH(int, users);
        QFETCH(int, reserved);
        test::SyntheticShop shop(60, 30, 11);
        const std::size_t n = shop.items.size();
        test::Mix rng{static_cast<std::uint64_t>(17 + dim)};
        std::vector<float> vectors(n * static_cast<std::size_t>(dim));
        for (float& v : vectors)
            v = rng.uniform() * 2.0f - 1.0f;
        for (std::size_t i = 0; i < n && dim > 0; i += 13) // a few zero vectors
            std::fill_n(vectors.begin() + static_cast<std::ptrdiff_t>(i) * dim, dim, 0.0f);
        core::BeyondAccuracy fast(shop.items, vectors, dim, 5);
        test::ReferenceBeyondAccuracy plain(shop.items, vectors, dim, 5);
        if (reserved > 0)
            fast.reserveUsers(static_cast<std::size_t>(reserved));
        test::ReferenceActivity activity;
        // Half the slates count their impressions in the pass (MetricsAccumulator's
        // exposure counters), against a plain count of the same slates.
        std::vector<std::uint64_t> exposure(n, 0), counted(n, 0);
        std::vector<std::vector<ItemId>> last(static_cast<std::size_t>(users));
        double t = 0;
        int buckets = 0;
        for (int step = 0; step < 60000; ++step) {
            t += 30.0 * rng.unit();
            if (rng.below(150) == 0) {
                // To a day's edge: its first second, just before it, or its last seconds
                // (the ends of the cached day in BeyondAccuracy::day()).
                const double edge =
                    (std::floor(t / core::kSecondsPerDay) + 1.0) * core::kSecondsPerDay;
                const double before[] = {0.0, 1e-9, 0.25, 1.0, 1.5, 86399.0};
                t = std::max(t, edge - before[rng.below(6)]);
            }
            const auto user = static_cast<UserId>(rng.below(static_cast<std::uint32_t>(users)));
            const std::uint32_t roll = rng.below(100);
            if (roll < 35) {
                // Slates of 0-40 items, repeats allowed (an item twice in one slate), some
                // above the 32 categories kept on the stack.
                const std::uint32_t size = rng.below(10) == 0 ? rng.below(41) : 10;
                core::Slate s;
                for (std::uint32_t k = 0; k < size; ++k)
                    s.push_back({static_cast<ItemId>(rng.below(n)), 0.0f, 1.0f});
                last[user].clear();
                for (const auto& e : s)
                    last[user].push_back(e.item);
                if (step % 2 == 0) {
                    fast.onSlate(t, user, s, exposure.data());
                    for (const auto& e : s)
                        ++counted[e.item];
                } else {
                    fast.onSlate(t, user, s);
                }
                plain.onSlate(user, s);
            } else {
                Event e;
                e.time = t;
                e.user = user;
                if (roll < 50 && !last[user].empty()) {
                    e.kind = EventKind::Click;
                    e.position = static_cast<std::int16_t>(rng.below(last[user].size()));
                    e.item = last[user][static_cast<std::size_t>(e.position)];
                } else {
                    e.kind = roll < 90 ? EventKind::View : EventKind::Purchase;
                    // Item 0 and 1 hot: above the short head's histogram (4 x 60 + 1024).
                    e.item = rng.below(4) == 0 ? rng.below(2) : static_cast<ItemId>(rng.below(n));
                    e.price = e.kind == EventKind::Purchase ? 5.0f + rng.below(90) : 0.0f;
                }
                fast.onEvent(e);
                plain.onEvent(e);
                activity.onEvent(e);
            }
            if (step % 1500 == 1499) {
                core::BeyondAccuracyPoint want = plain.take();
                activity.take(want);
                const QString diff = differences(fast.take(), want);
                QVERIFY2(diff.isEmpty(),
                         qPrintable(QStringLiteral("bucket %1:%2").arg(buckets).arg(diff)));
                for (ItemId i = 0; i < n; ++i)
                    QVERIFY2(fast.inHead(i) == plain.inHead(i),
                             qPrintable(QStringLiteral("bucket %1, item %2").arg(buckets).arg(i)));
                ++buckets;
            }
        }
        core::BeyondAccuracyPoint want = plain.total();
        activity.total(want);
        const QString diff = differences(fast.total(), want);
        QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("run:%1").arg(diff)));
        QCOMPARE(buckets, 40);
        for (int days = 1; days <= 8; ++days)
            QVERIFY2(sameTable(fast.retentionTable(days), activity.retentionTable(days)),
                     qPrintable(QStringLiteral("retention, %1 days").arg(days)));
        QVERIFY(fast.retentionTable(8).rows.size() >= 10); // the stream spans 10+ days
        QVERIFY(exposure == counted);
    }

    // The short head when the interactions spread out: 400 small shops, each a few buckets
    // of interactions on a random, growing share of its items, so that the 80 % boundary
    // falls to counts the previous bucket's walk did not reach (fixHead keeps its histogram
    // between buckets and must leave it zeroed).
    void shortHeadAsInteractionsSpread() {
        test::SyntheticShop shop(30, 5, 2);
        const std::size_t n = shop.items.size();
        test::Mix rng{23};
        for (int shopRun = 0; shopRun < 400; ++shopRun) {
            core::BeyondAccuracy fast(shop.items);
            test::ReferenceBeyondAccuracy plain(shop.items);
            Event e;
            e.kind = EventKind::View;
            e.user = 1;
            for (int bucket = 0; bucket < 6; ++bucket) {
                const std::uint32_t reach = 1 + rng.below(static_cast<std::uint32_t>(n));
                const std::uint32_t views = rng.below(60);
                for (std::uint32_t v = 0; v < views; ++v) {
                    e.item = rng.below(reach);
                    fast.onEvent(e);
                    plain.onEvent(e);
                }
                fast.take();
                plain.take();
                for (ItemId i = 0; i < n; ++i)
                    QVERIFY2(fast.inHead(i) == plain.inHead(i),
                             qPrintable(QStringLiteral("shop %1, bucket %2, item %3")
                                            .arg(shopRun)
                                            .arg(bucket)
                                            .arg(i)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestBeyondAccuracyBits)
#include "tst_beyond_accuracy_bits.moc"
