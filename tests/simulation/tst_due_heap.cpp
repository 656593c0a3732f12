// The engine's heap of pending steps (simulation/src/due_heap.h) against the std algorithms
// it replaces: every pushDue / popDue next to std::push_heap / std::pop_heap with
// detail::laterDue on a copy, and after each operation the two vectors compared element by
// element (the same steps in the same places, not only the same earliest step: the engine's
// prefetch reads the root's children). Long random streams with many equal times (the
// session id breaks the tie), zero times of both signs, and heaps from empty to a few
// thousand steps.
//
// Mutations tried, each caught here (then restored): the sinking hole taking the later child
// (dueAfter's arguments swapped), the left-child-only case dropped, the -0 -> +0 turn in
// pushDue dropped (a -0 then sorts after every positive time), the rising loop stopping one
// level early (hole > 1). Not caught, and equivalent: dueAfter's tie broken with >= on the
// session id (ids are unique, so no two steps tie on both).

#include "due_heap.h"

#include <QTest>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <vector>

using namespace recoscope;

namespace {

struct Due {
    double time;
    std::uint64_t sessionId;
    std::uint32_t slot;
};

bool stdLater(const Due& a, const Due& b) {
    return sim::detail::laterDue(a.time, a.sessionId, b.time, b.sessionId);
}

// Same step in the same place: equal times (+0 == -0), ids and slots.
bool sameHeap(const std::vector<Due>& a, const std::vector<Due>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!(a[i].time == b[i].time) || a[i].sessionId != b[i].sessionId || a[i].slot != b[i].slot)
            return false;
    return true;
}

} // namespace

class TestDueHeap : public QObject {
    Q_OBJECT

private slots:
    void heapMovesAreStdHeaps_data() {
        QTest::addColumn<int>("seed");
        QTest::addColumn<int>("target"); // the size the stream hovers around
        QTest::addColumn<int>("distinctTimes");
        QTest::newRow("small, many ties") << 1 << 6 << 5;
        QTest::newRow("engine-like") << 2 << 20 << 1000000;
        QTest::newRow("deep, some ties") << 3 << 3000 << 500;
        QTest::newRow("odd and even sizes") << 4 << 2 << 3;
    }

    void heapMovesAreStdHeaps() {
        QFETCH(int, seed);
        QFETCH(int, target);
        QFETCH(int, distinctTimes);
        std::mt19937_64 rng(static_cast<std::uint64_t>(seed));
        std::vector<Due> mine, plain;
        std::uint64_t nextId = 1;
        double now = 0.0;
        long pushes = 0, pops = 0, zeros = 0, negativeZeros = 0;
        for (int op = 0; op < 200000; ++op) {
            const bool push = plain.empty() || static_cast<int>(rng() % (2 * target + 1)) >=
                                                   static_cast<int>(plain.size());
            if (push) {
                // Times at or after the last popped one, from a coarse grid (ties), now
                // and then 0 of either sign (no earlier step is popped after them: the
                // engine's times only grow).
                double t = now + static_cast<double>(rng() % distinctTimes) * 0.5;
                if (now == 0.0 && rng() % 4 == 0) {
                    t = rng() % 2 ? 0.0 : -0.0;
                    ++zeros;
                    negativeZeros += std::signbit(t);
                }
                const Due d{t, nextId++, static_cast<std::uint32_t>(rng() % 1000)};
                sim::detail::pushDue(mine, d);
                plain.push_back(d);
                std::push_heap(plain.begin(), plain.end(), stdLater);
                ++pushes;
            } else {
                const Due got = sim::detail::popDue(mine);
                std::pop_heap(plain.begin(), plain.end(), stdLater);
                const Due want = plain.back();
                plain.pop_back();
                if (!(got.time == want.time) || got.sessionId != want.sessionId ||
                    got.slot != want.slot)
                    QFAIL(qPrintable(QStringLiteral("op %1: popped session %2, std %3")
                                         .arg(op)
                                         .arg(got.sessionId)
                                         .arg(want.sessionId)));
                now = want.time;
                if (op % 5000 == 0)
                    now = 0.0 * now; // back to the start now and then (more zeros, ties)
                ++pops;
            }
            if (!sameHeap(mine, plain))
                QFAIL(qPrintable(
                    QStringLiteral("op %1: heaps differ (size %2)").arg(op).arg(plain.size())));
        }
        qInfo("%ld pushes, %ld pops, %ld zero times (%ld negative)", pushes, pops, zeros,
              negativeZeros);
        QVERIFY(pops > 50000);
        QVERIFY(negativeZeros > 0);
    }

    // replaceTopDue (a continuing step: the root replaced by the session's next step)
    // leaves another layout than popDue + pushDue, so it is checked against a brute-force
    // model instead, the pending steps in a sorted set: after every operation the heap is a
    // heap (std::is_heap with laterDue), its root is the model's earliest step, and every
    // pop returns it; at the end both are drained in the same order. The engine's streams
    // (a step taken from the root and then replaced or popped, new sessions pushed) and
    // streams of mixed operations, with many equal times and zero times of both signs.
    //
    // Mutations tried, each caught here (then restored): the sinking hole taking the later
    // child; the left-child-only case dropped; the -0 -> +0 turn dropped; the rising loop
    // stopping one level early (hole > 1).
    void replaceTopKeepsThePopOrder_data() {
        QTest::addColumn<int>("seed");
        QTest::addColumn<int>("target");
        QTest::addColumn<int>("distinctTimes");
        QTest::newRow("small, many ties") << 5 << 6 << 5;
        QTest::newRow("engine-like") << 6 << 20 << 1000000;
        QTest::newRow("deep, some ties") << 7 << 3000 << 500;
        QTest::newRow("odd and even sizes") << 8 << 2 << 3;
    }

    void replaceTopKeepsThePopOrder() {
        QFETCH(int, seed);
        QFETCH(int, target);
        QFETCH(int, distinctTimes);
        std::mt19937_64 rng(static_cast<std::uint64_t>(seed));
        // Earliest first: by time (+0 == -0), then session id.
        auto earlier = [](const Due& a, const Due& b) {
            return a.time < b.time || (a.time == b.time && a.sessionId < b.sessionId);
        };
        std::set<Due, decltype(earlier)> model(earlier);
        std::vector<Due> mine;
        std::uint64_t nextId = 1;
        double now = 0.0;
        long replaces = 0, pops = 0, zeros = 0;
        auto draw = [&](std::uint64_t id) {
            double t = now + static_cast<double>(rng() % distinctTimes) * 0.5;
            if (now == 0.0 && rng() % 4 == 0) {
                t = rng() % 2 ? 0.0 : -0.0;
                ++zeros;
            }
            return Due{t, id, static_cast<std::uint32_t>(rng() % 1000)};
        };
        auto same = [](const Due& a, const Due& b) {
            return a.time == b.time && a.sessionId == b.sessionId && a.slot == b.slot;
        };
        for (int op = 0; op < 200000; ++op) {
            const bool push = model.empty() || static_cast<int>(rng() % (2 * target + 1)) >=
                                                   static_cast<int>(model.size());
            if (push) {
                const Due d = draw(nextId++);
                sim::detail::pushDue(mine, d);
                model.insert(d);
            } else {
                // The engine's step: the root is taken; the session goes on (replace, its
                // next time at or after now) or ends (pop).
                const Due top = mine.front();
                if (!same(top, *model.begin()))
                    QFAIL(qPrintable(QStringLiteral("op %1: root is session %2, model %3")
                                         .arg(op)
                                         .arg(top.sessionId)
                                         .arg(model.begin()->sessionId)));
                now = top.time;
                if (op % 5000 == 0)
                    now = 0.0 * now;
                model.erase(model.begin());
                if (rng() % 3 != 0) {
                    const Due d = draw(top.sessionId);
                    sim::detail::replaceTopDue(mine, d);
                    model.insert(d);
                    ++replaces;
                } else {
                    const Due got = sim::detail::popDue(mine);
                    if (!same(got, top))
                        QFAIL(qPrintable(QStringLiteral("op %1: popped another step").arg(op)));
                    ++pops;
                }
            }
            if (mine.size() != model.size() || !std::is_heap(mine.begin(), mine.end(), stdLater) ||
                (!mine.empty() && !same(mine.front(), *model.begin())))
                QFAIL(qPrintable(QStringLiteral("op %1: not the model's heap (size %2)")
                                     .arg(op)
                                     .arg(model.size())));
        }
        // Drain: the same steps in the same order.
        while (!model.empty()) {
            const Due got = sim::detail::popDue(mine);
            if (!same(got, *model.begin()))
                QFAIL("drain: another order");
            model.erase(model.begin());
        }
        QVERIFY(mine.empty());
        qInfo("%ld replaces, %ld pops, %ld zero times", replaces, pops, zeros);
        QVERIFY(replaces > 30000);
        QVERIFY(zeros > 0);
    }
};

QTEST_GUILESS_MAIN(TestDueHeap)
#include "tst_due_heap.moc"
