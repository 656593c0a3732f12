// A run cut short by a limit warns about the timeline entries it never reached (issue 14):
// the entries after the end and within the scenario, the sentence, and the CLI's `run`
// and `compare` saying it on stderr (stdout's JSON untouched) — and not saying it when
// the run reaches everything.

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/command_line.h"
#include "recoscope/sim/timeline_reach.h"

#include <QJsonDocument>
#include <QTest>

using namespace recoscope;

class TestTimelineReach : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }

    void entriesAfterTheEndWithinTheScenario() {
        sim::Scenario s;
        s.durationDays = 7;
        auto entry = [](sim::TimelineEvent::Kind k, double day) {
            sim::TimelineEvent e;
            e.kind = k;
            e.startDay = e.endDay = day;
            return e;
        };
        s.timeline = {entry(sim::TimelineEvent::Kind::Promotion, 0.5),
                      entry(sim::TimelineEvent::Kind::Launch, 2.4),
                      entry(sim::TimelineEvent::Kind::Cohort, 8.0), // never within the run
                      entry(sim::TimelineEvent::Kind::StockShock, 3.0)};
        const auto missed = sim::unreachedTimeline(s, 0.78);
        QCOMPARE(missed.size(), std::size_t(2));
        QCOMPARE(missed[0].startDay, 2.4);
        QCOMPARE(missed[1].startDay, 3.0);
        QCOMPARE(sim::unreachedTimelineWarning(s, 0.78, QStringLiteral("the --events 20000 limit")),
                 QStringLiteral("the run stopped at day 0.78 (the --events 20000 limit), before 2 "
                                "timeline entries it would otherwise reach: launch at day 2.40, "
                                "stock_shock at day 3.00"));
        QVERIFY(sim::unreachedTimelineWarning(s, 3.5, QStringLiteral("x")).isEmpty());
        // Without a limit there is nothing to warn about, even if the end is early
        // (a cancelled run says so itself).
        QVERIFY(sim::limitedRunWarning(s, {}, 0.78).isEmpty());
        sim::RunLimits days;
        days.maxDays = 1.0;
        QVERIFY(sim::limitedRunWarning(s, days, 1.0).contains(QStringLiteral("--days 1 limit")));
    }

    void cliRunAndCompareWarn() {
        QString out, err;
        QCOMPARE(cli({QStringLiteral("run"), QStringLiteral("--scenario"),
                      QStringLiteral("flash-sale"), QStringLiteral("--recommender"),
                      QStringLiteral("popularity"), QStringLiteral("--events"),
                      QStringLiteral("20000"), QStringLiteral("--no-db"), QStringLiteral("--json")},
                     &out, &err),
                 0);
        QVERIFY2(err.contains(QStringLiteral("warning: the run stopped at day 0.")),
                 qPrintable(err));
        QVERIFY(err.contains(QStringLiteral("(the --events 20000 limit)")));
        QVERIFY(err.contains(QStringLiteral("promotion at day 2.38")));
        QVERIFY(QJsonDocument::fromJson(out.toUtf8()).isObject()); // stdout stays JSON

        QCOMPARE(cli({QStringLiteral("compare"), QStringLiteral("--scenario"),
                      QStringLiteral("flash-sale"), QStringLiteral("--recommenders"),
                      QStringLiteral("popularity,random"), QStringLiteral("--days"),
                      QStringLiteral("1")},
                     &out, &err),
                 0);
        QVERIFY2(err.contains(QStringLiteral("(the --days 1 limit)")), qPrintable(err));

        // The whole teaching scenario reaches its promotion: no warning.
        QCOMPARE(cli({QStringLiteral("run"), QStringLiteral("--scenario"),
                      QStringLiteral("teaching-small"), QStringLiteral("--recommender"),
                      QStringLiteral("random"), QStringLiteral("--no-db")},
                     &out, &err),
                 0);
        QVERIFY2(!err.contains(QStringLiteral("warning")), qPrintable(err));
    }

private:
    int cli(const QStringList& args, QString* out, QString* err) {
        QString o, e;
        QTextStream os(&o), es(&e);
        sim::CommandLine command(m_registry, os, es);
        QStringList all{QStringLiteral("recoscope-cli")};
        all << args;
        const int code = command.exec(all);
        *out = o;
        *err = e;
        return code;
    }
    core::RecommenderRegistry m_registry;
};

QTEST_MAIN(TestTimelineReach)
#include "tst_timeline_reach.moc"
