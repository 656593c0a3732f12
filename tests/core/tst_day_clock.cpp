// The simulated-time convention shared by the workbench and the engine's messages
// (core::dayClock): day 0 is the first day, minutes round down, never "24:00".
// Expected readings are written out by hand from the definition (seconds → d, h, m).
// Mutation check: rounding minutes to nearest (std::round for std::floor) reads 86399.9 s
// as day 1, 00:00 and fails endOfDayNeverReads24.

#include "recoscope/core/day_clock.h"

#include <QTest>

using namespace recoscope;

class TestDayClock : public QObject {
    Q_OBJECT

    static void check(core::SimTime t, long long day, int hour, int minute) {
        const core::DayClock c = core::dayClock(t);
        QCOMPARE(c.day, day);
        QCOMPARE(c.hour, hour);
        QCOMPARE(c.minute, minute);
    }

private slots:
    void startIsDayZero() {
        check(0.0, 0, 0, 0);
        check(-5.0, 0, 0, 0); // before the start reads as the start, never negative
    }
    void endOfDayNeverReads24() {
        check(86399.9, 0, 23, 59);
        check(86400.0, 1, 0, 0);
    }
    void halfDaysAndMinutes() {
        check(2.5 * 86400.0, 2, 12, 0);
        check(3 * 86400.0 + 7 * 3600.0 + 5 * 60.0 + 59.99, 3, 7, 5);
        check(364 * 86400.0 + 23 * 3600.0 + 59 * 60.0, 364, 23, 59);
    }
};

QTEST_GUILESS_MAIN(TestDayClock)
#include "tst_day_clock.moc"
