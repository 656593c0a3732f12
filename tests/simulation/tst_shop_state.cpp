// ShopState's per-user records (one record of whole cache lines per user: the shown and
// bought rings, their hours, the cursors, the active context) against the plain layout
// they replaced (separate tables, main before branch large3), over long random streams of
// remember / rememberSlate / rememberPurchase / setActiveContext: after every operation
// the touched user's rings, hours (bit for bit), cursors and context are equal, and at the
// end every user's are.

#include "recoscope/sim/shop_state.h"

#include <QTest>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <bit>
#include <cstdint>
#include <vector>

using namespace recoscope;

namespace {

/// The layout before: seven tables, the cursors advanced with a modulo.
struct PlainRings {
    int memory = 0;
    static constexpr int kBought = sim::ShopState::kBought;
    std::vector<core::ItemId> shownItem, boughtItem, activeContext;
    std::vector<float> shownHour, boughtHour;
    std::vector<std::uint8_t> shownNext, boughtNext;
    std::uint64_t historyVersion = 0;

    void resize(std::size_t users, int m) {
        memory = m;
        shownItem.assign(users * m, core::kNoItem);
        shownHour.assign(users * m, 0.0f);
        shownNext.assign(users, 0);
        boughtItem.assign(users * kBought, core::kNoItem);
        boughtHour.assign(users * kBought, 0.0f);
        boughtNext.assign(users, 0);
        activeContext.assign(users, core::kNoItem);
    }
    void remember(core::UserId u, core::ItemId item, float hour) {
        ++historyVersion;
        if (memory == 0)
            return;
        const std::size_t at = static_cast<std::size_t>(u) * memory + shownNext[u];
        shownItem[at] = item;
        shownHour[at] = hour;
        shownNext[u] = static_cast<std::uint8_t>((shownNext[u] + 1) % memory);
    }
    void rememberPurchase(core::UserId u, core::ItemId item, float hour) {
        ++historyVersion;
        const std::size_t at = static_cast<std::size_t>(u) * kBought + boughtNext[u];
        boughtItem[at] = item;
        boughtHour[at] = hour;
        boughtNext[u] = static_cast<std::uint8_t>((boughtNext[u] + 1) % kBought);
    }
};

/// Empty when user `u` is the same in both, else what differs.
QByteArray differs(const sim::ShopState& s, const PlainRings& p, core::UserId u) {
    const auto shown = s.shown(u);
    const auto shownHours = s.shownHours(u);
    if (shown.size() != static_cast<std::size_t>(p.memory) || shownHours.size() != shown.size())
        return "ring size";
    for (int k = 0; k < p.memory; ++k) {
        const std::size_t at = static_cast<std::size_t>(u) * p.memory + k;
        if (shown[k] != p.shownItem[at])
            return "shown item " + QByteArray::number(k);
        if (std::bit_cast<std::uint32_t>(shownHours[k]) !=
            std::bit_cast<std::uint32_t>(p.shownHour[at]))
            return "shown hour " + QByteArray::number(k);
    }
    const auto bought = s.bought(u);
    const auto boughtHours = s.boughtHours(u);
    for (int k = 0; k < PlainRings::kBought; ++k) {
        const std::size_t at = static_cast<std::size_t>(u) * PlainRings::kBought + k;
        if (bought[k] != p.boughtItem[at])
            return "bought item " + QByteArray::number(k);
        if (std::bit_cast<std::uint32_t>(boughtHours[k]) !=
            std::bit_cast<std::uint32_t>(p.boughtHour[at]))
            return "bought hour " + QByteArray::number(k);
    }
    if (p.memory > 0 && s.shownNext(u) != p.shownNext[u])
        return "shown cursor";
    if (s.boughtNext(u) != p.boughtNext[u])
        return "bought cursor";
    if (s.activeContext(u) != p.activeContext[u])
        return "active context";
    if (s.historyVersion != p.historyVersion)
        return "history version";
    return {};
}

} // namespace

class TstShopState : public QObject {
    Q_OBJECT

private slots:
    void recordsMatchPlainTables_data() {
        QTest::addColumn<int>("memory");
        QTest::addColumn<int>("users");
        QTest::newRow("large's ring (8)") << 8 << 300;
        QTest::newRow("default's ring (12)") << 12 << 200;
        QTest::newRow("no memory") << 0 << 50;
        QTest::newRow("one slot") << 1 << 50;
        QTest::newRow("longest ring (64)") << 64 << 40;
        QTest::newRow("odd ring (7)") << 7 << 100;
    }
    void recordsMatchPlainTables() {
        QFETCH(int, memory);
        QFETCH(int, users);
        sim::ShopState s;
        PlainRings p;
        s.resize(10, users, memory);
        p.resize(users, memory);
        QVERIFY(s.userRecordBytes() % 64 == 0);
        QVERIFY(reinterpret_cast<std::uintptr_t>(s.userRecord(0)) % 64 == 0);
        for (int u = 0; u < users; ++u)
            QCOMPARE(differs(s, p, u), QByteArray());

        boost::random::mt19937 rng(static_cast<std::uint32_t>(memory * 1000 + users));
        auto pick = [&](int n) {
            return boost::random::uniform_int_distribution<int>(0, n - 1)(rng);
        };
        std::vector<core::SlateEntry> slate;
        for (int step = 0; step < 200000; ++step) {
            const auto u = static_cast<core::UserId>(pick(users));
            // Hours with every bit pattern a float of hours can have, ties included.
            const float hour =
                static_cast<float>(pick(5000)) * 0.37f + (pick(3) == 0 ? 0.5f : 0.0f);
            switch (pick(4)) {
            case 0: { // a slate, as the engine's end of a step, longer than the ring at times
                slate.assign(static_cast<std::size_t>(pick(2 * memory + 3)), {});
                for (core::SlateEntry& e : slate)
                    e.item = static_cast<core::ItemId>(pick(1000000));
                s.rememberSlate(u, slate, hour);
                for (const core::SlateEntry& e : slate)
                    p.remember(u, e.item, hour);
                break;
            }
            case 1: {
                const auto item = static_cast<core::ItemId>(pick(1000000));
                s.remember(u, item, hour);
                p.remember(u, item, hour);
                break;
            }
            case 2: {
                const auto item = static_cast<core::ItemId>(pick(1000000));
                s.rememberPurchase(u, item, hour);
                p.rememberPurchase(u, item, hour);
                break;
            }
            default: {
                const core::ItemId item =
                    pick(4) == 0 ? core::kNoItem : static_cast<core::ItemId>(pick(1000000));
                s.setActiveContext(u, item);
                p.activeContext[u] = item;
                break;
            }
            }
            const QByteArray d = differs(s, p, u);
            if (!d.isEmpty())
                QFAIL(("step " + QByteArray::number(step) + ", user " + QByteArray::number(u) +
                       ": " + d)
                          .constData());
        }
        for (int u = 0; u < users; ++u)
            QCOMPARE(differs(s, p, u), QByteArray());
    }

    void resizeStartsAfresh() {
        sim::ShopState s;
        s.resize(5, 20, 8);
        s.remember(3, 42, 1.5f);
        s.rememberPurchase(3, 43, 2.5f);
        s.setActiveContext(3, 44);
        s.resize(5, 20, 8);
        PlainRings p;
        p.resize(20, 8);
        p.historyVersion = s.historyVersion; // not reset by resize(), as before
        for (int u = 0; u < 20; ++u)
            QCOMPARE(differs(s, p, u), QByteArray());
    }
};

QTEST_APPLESS_MAIN(TstShopState)
#include "tst_shop_state.moc"
