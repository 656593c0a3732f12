// The engine's run API: exact event limits, day limits, cancellation, progress, the
// teaching step API, and the end-to-end claim of the foundation: a learning core beats
// random on the same shoppers.

#include "recoscope/core/candidates.h"
#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/engine.h"

#include <QTest>

#include <cmath>

using namespace recoscope;

class TestEngine : public QObject {
    Q_OBJECT
    core::RecommenderRegistry m_registry;

    std::unique_ptr<sim::Engine> make(const char* scenario, const std::string& core,
                                      std::uint64_t seed) {
        auto s = sim::loadBuiltinScenario(QString::fromLatin1(scenario));
        if (!s.ok())
            qFatal("%s", s.error().c_str());
        auto e = sim::Engine::create(s.value(), seed, m_registry, core, {});
        if (!e.ok())
            qFatal("%s", e.error().c_str());
        return std::move(e).value();
    }

private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }

    void exactEventLimit() {
        auto e = make("default", "random", 1);
        sim::RunLimits limits;
        limits.maxEvents = 12345;
        const sim::RunOutcome out = e->run(limits);
        QCOMPARE(int(out.reason), int(sim::StopReason::EventLimit));
        QCOMPARE(e->eventsConsumed(), std::uint64_t(12345));
        QCOMPARE(e->metrics().totals().events, std::uint64_t(12345));
        // A second call continues from there.
        e->run(limits);
        QCOMPARE(e->eventsConsumed(), std::uint64_t(24690));
    }

    void dayLimitAndScenarioEnd() {
        auto e = make("teaching-small", "popularity", 1);
        sim::RunLimits oneDay;
        oneDay.maxDays = 1.0;
        e->run(oneDay);
        QVERIFY(e->now() >= core::kSecondsPerDay - 1e-6);
        QVERIFY(e->now() < 1.1 * core::kSecondsPerDay);
        const std::uint64_t afterDay = e->eventsConsumed();
        QVERIFY(afterDay > 0);
        const sim::RunOutcome rest = e->run({});
        QCOMPARE(int(rest.reason), int(sim::StopReason::Finished));
        QVERIFY(e->finished());
        QCOMPARE(e->now(), e->endTime());
        QVERIFY(e->eventsConsumed() > afterDay);
        QVERIFY(!e->nextEvent());
    }

    void cancellationAndProgress() {
        auto e = make("default", "random", 2);
        std::atomic<bool> cancel{false};
        std::vector<double> fractions;
        const sim::RunOutcome out = e->run({}, &cancel, [&](const sim::Progress& p) {
            fractions.push_back(p.fraction);
            if (p.events >= 50000)
                cancel = true;
        });
        QCOMPARE(int(out.reason), int(sim::StopReason::Cancelled));
        QVERIFY(e->eventsConsumed() >= 50000 && e->eventsConsumed() < 60000);
        QVERIFY(!fractions.empty());
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QVERIFY(fractions.back() > 0.0 && fractions.back() < 1.0);
    }

    void stepApiReportsWholeActions() {
        auto e = make("teaching-small", "itemknn", 3);
        const int k = e->scenario().slateSize;
        int clicks = 0;
        for (int i = 0; i < 300; ++i) {
            sim::ActionRecord a;
            QVERIFY(e->nextAction(&a));
            QCOMPARE(static_cast<int>(a.slate.size()),
                     std::min<int>(k, int(e->world().items.availableCount)));
            QVERIFY(core::hasDistinctItems(a.slate));
            QVERIFY(a.clicked >= -1 && a.clicked < static_cast<int>(a.slate.size()));
            for (core::ItemId x : a.excluded)
                for (const core::SlateEntry& s : a.slate)
                    QVERIFY(s.item != x);
            for (const core::Event& ev : a.events) {
                QCOMPARE(ev.user, a.user);
                QVERIFY(ev.time >= a.time - 1e-9);
                if (ev.kind == core::EventKind::Click) {
                    ++clicks;
                    QCOMPARE(int(ev.position), a.clicked);
                    QCOMPARE(ev.item, a.slate[static_cast<std::size_t>(a.clicked)].item);
                    QVERIFY(ev.fromRecommendation);
                }
            }
            // A click always produces exactly one Click event.
            const auto clickEvents =
                std::count_if(a.events.begin(), a.events.end(), [](const core::Event& ev) {
                    return ev.kind == core::EventKind::Click;
                });
            QCOMPARE(int(clickEvents), a.clicked >= 0 ? 1 : 0);
        }
        QVERIFY(clicks > 0);
    }

    void itemKnnBeatsRandom() {
        // Same seed, same shoppers: the learning core must get more clicks per impression.
        // Margin: 5 standard errors of the difference of two binomial proportions.
        sim::RunLimits limits;
        limits.maxEvents = 100000;
        auto r = make("default", "random", 7);
        auto k = make("default", "itemknn", 7);
        r->run(limits);
        k->run(limits);
        const core::MetricPoint rs = r->summary(), ks = k->summary();
        const double n1 = double(rs.counters.impressions), n2 = double(ks.counters.impressions);
        const double se = std::sqrt(rs.ctr * (1 - rs.ctr) / n1 + ks.ctr * (1 - ks.ctr) / n2);
        QVERIFY2(ks.ctr - rs.ctr > 5 * se,
                 qPrintable(QStringLiteral("itemknn CTR %1 vs random %2 (se %3)")
                                .arg(ks.ctr)
                                .arg(rs.ctr)
                                .arg(se)));
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
