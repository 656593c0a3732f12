// The shortcuts of the shopper's slate scoring (issue 17, fourth round, branch shop4)
// against the plain computations they replace, bit for bit, over many random inputs:
// - Dot16 (the user's row kept in registers for a whole slate) against fixedDot<16>;
// - HistoryCache::categoryFatigue (an item in no item mask: its category's sum, the key
//   compared first) and fatigueSums (a slot's sum read by key even when the slot is
//   shared) against scanFatigue and sums written out, on caches whose slots are shared
//   by many ids.
// The whole utilities (the slate loop's two history paths and its v + 0 for entries
// without history, prepare() without the count test) are compared with a plain
// recomputation in tst_history_cache.
//
// Mutations tried, each caught (then restored): Dot16 adding the third and fourth
// products in swapped order; categoryFatigue without the key comparison, and returning
// +0 for a shared slot instead of scanning; fatigueSums reading a shared slot's sum for
// an id that is not its key. In tst_history_cache: the slate loop's no-history test
// without the brand mask, prepare's uncapped loop for rings up to kMax + 16.

#include "affinity_dot.h"

#include "recoscope/sim/history_cache.h"

#include "random_history_cache.h"
#include "same_bits.h"

#include <QTest>

#include <bit>
#include <cmath>
#include <cstdint>
#include <random>

using namespace recoscope;

namespace {

using test::sameBits;

// A float from every range the rows can hold and some they cannot: ordinary values,
// huge and tiny ones (overflow to infinity, denormal products), signed zeros, infinities.
// No NaN: with a NaN in both operands x86 returns the first one's payload, and Dot16
// multiplies v x u where fixedDot multiplies u x v (hidden vectors are never NaN).
float anyFloat(std::mt19937& rng) {
    switch (rng() % 8) {
    case 0:
        return (rng() % 2 ? -0.0f : 0.0f);
    case 1:
        return std::ldexp(static_cast<float>(rng() % 2000) - 1000.0f,
                          static_cast<int>(rng() % 260) - 140);
    case 2:
        return rng() % 16 == 0 ? (rng() % 2 ? INFINITY : -INFINITY) : 1.0f;
    default:
        return std::uniform_real_distribution<float>(-1.0f, 1.0f)(rng);
    }
}

} // namespace

class TestSlateScoring : public QObject {
    Q_OBJECT

private slots:
    void dot16EqualsFixedDot() {
        std::mt19937 rng(17);
        alignas(16) float u[16], v[16 * 8];
        long compared = 0;
        for (int round = 0; round < 40000; ++round) {
            for (float& x : u)
                x = anyFloat(rng);
            for (float& x : v)
                x = anyFloat(rng);
            const sim::Dot16 dot(u);
            // Unaligned rows too (the item table's rows start anywhere a float can).
            for (int row = 0; row < 7; ++row) {
                const float* r = v + row * 16 + (row % 3);
                const float want = sim::fixedDot<16>(u, r);
                const float got = dot(r);
                if (!(sameBits(got, want) || (std::isnan(got) && std::isnan(want))))
                    QFAIL(qPrintable(QStringLiteral("round %1 row %2: %3, fixedDot %4")
                                         .arg(round)
                                         .arg(row)
                                         .arg(double(got), 0, 'g', 9)
                                         .arg(double(want), 0, 'g', 9)));
                ++compared;
            }
        }
        qInfo("%ld dot products compared", compared);
    }

    void slotLookupsEqualTheScan() {
        // Caches filled as prepare() fills them, on ids from small ranges (every slot
        // shared by several ids, keys often not the id looked up).
        std::mt19937 rng(23);
        long categoryLookups = 0, sharedMisses = 0;
        for (int round = 0; round < 30000; ++round) {
            sim::HistoryCache c;
            const std::uint32_t itemRange = 1 + rng() % 300, categoryRange = 1 + rng() % 200;
            test::fillRandomHistory(c, rng, itemRange, categoryRange, 3000);
            for (int probe = 0; probe < 12; ++probe) {
                const core::ItemId item = rng() % (itemRange + 64);
                const std::uint32_t category = rng() % (categoryRange + 64);
                float wantItem = 0.0f, wantCategory = 0.0f;
                for (int k = 0; k < c.shown; ++k) {
                    if (c.shownItem[k] == item)
                        wantItem += c.shownDecay[k];
                    if (c.shownCategory[k] == category)
                        wantCategory += c.shownDecay[k];
                }
                float gotItem = -1.0f, gotCategory = -1.0f;
                if (c.fatigueSums(item, category, gotItem, gotCategory)) {
                    QVERIFY(sameBits(gotItem, wantItem));
                    QVERIFY(sameBits(gotCategory, wantCategory));
                } else {
                    QVERIFY(wantItem == 0.0f && wantCategory == 0.0f);
                }
                // The short path's lookup, for every category whose bit is set.
                if (sim::HistoryCache::hasBit(c.categoryMask, category)) {
                    QVERIFY(sameBits(c.categoryFatigue(category), wantCategory));
                    ++categoryLookups;
                    sharedMisses += c.categoryKey[category & 63u] != category &&
                                    sim::HistoryCache::hasBit(c.categoryShared, category);
                }
            }
        }
        qInfo("%ld category lookups, %ld of them on a shared slot it does not hold",
              categoryLookups, sharedMisses);
        QVERIFY(categoryLookups > 100000);
        QVERIFY(sharedMisses > 10000);
    }
};

QTEST_GUILESS_MAIN(TestSlateScoring)
#include "tst_slate_scoring.moc"
