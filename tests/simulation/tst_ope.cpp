// Off-policy evaluation (issue 13, docs/ope.md): the estimators against a hand computation,
// the slate log against the stored events, IPS of a deterministic target from a uniformly
// random logger against the target's real runs, support deficiency and unknown propensities
// reported instead of silently wrong numbers, and `recoscope-cli ope` end to end with its
// bad-input messages. Propensities counted by draws: tests/core/tst_propensity.cpp.

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/command_line.h"
#include "recoscope/sim/ope_check.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/slate_log.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace recoscope;

namespace {

// A small shop where the item-position click model nearly holds: 30 items, 150 shoppers,
// slates of 5, two days; no fatigue, no satisfaction or churn effects, no stock-outs, and a
// strong no-click option so that items in a slate hardly compete (docs/ope.md: with the
// defaults IPS is biased, and `ope` exists to show it).
sim::Scenario smallShop() {
    QJsonObject o =
        QJsonDocument::fromJson(sim::builtinScenarioJson(QStringLiteral("teaching-small")))
            .object();
    o.insert(QStringLiteral("population"), QJsonObject{{QStringLiteral("users"), 150}});
    QJsonObject b = o.value(QStringLiteral("behaviour")).toObject();
    for (const char* key : {"fatigue_item", "fatigue_category", "satisfaction_gain",
                            "satisfaction_loss", "churn_probability"})
        b.insert(QLatin1String(key), 0);
    b.insert(QStringLiteral("sessions_per_day"), 600);
    b.insert(QStringLiteral("no_click_utility"), 8);
    o.insert(QStringLiteral("behaviour"), b);
    QJsonObject c = o.value(QStringLiteral("catalogue")).toObject();
    c.insert(QStringLiteral("stock_mean"), 100000);
    o.insert(QStringLiteral("catalogue"), c);
    o.insert(QStringLiteral("timeline"), QJsonArray{});
    auto s = sim::parseScenario(QJsonDocument(o).toJson(), QStringLiteral("small"));
    Q_ASSERT(s);
    return s.value();
}

sim::OpeSlate slate(std::vector<core::ItemId> logged, std::vector<float> p, int clicked,
                    std::vector<core::ItemId> target) {
    return {std::move(logged), std::move(p), clicked, std::move(target)};
}

const sim::OpeEstimate& byName(const sim::OpeEstimates& e, const std::string& name) {
    for (const sim::OpeEstimate& x : e.estimates)
        if (x.name == name)
            return x;
    Q_ASSERT(false);
    return e.estimates.front();
}

} // namespace

class TestOpe : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }
    void estimatorsMatchHandComputation();
    void unknownPropensitiesRefuseWeights();
    void deterministicLoggerDeficiencyIsReported();
    void slateLogAgreesWithStoredEvents();
    void ipsOfRandomLoggerCoversTheTruth();
    void sameCoreAsLoggerIsExact();
    void cliEndToEnd();
    void cliBadInput();
    void strategyPerSurfaceIsRefused();

private:
    int cli(const QStringList& args, QString* out, QString* err = nullptr);
    qint64 storeRun(const QString& db, const std::string& core, bool logSlates = true);
    core::RecommenderRegistry m_registry;
    QTemporaryDir m_dir;
};

int TestOpe::cli(const QStringList& args, QString* out, QString* err) {
    QString o, e;
    QTextStream os(&o), es(&e);
    sim::CommandLine command(m_registry, os, es);
    const int code = command.exec(QStringList{QStringLiteral("recoscope-cli")} + args);
    if (out)
        *out = o;
    if (err)
        *err = e;
    return code;
}

qint64 TestOpe::storeRun(const QString& db, const std::string& core, bool logSlates) {
    auto store = sim::RunStore::open(db);
    Q_ASSERT(store);
    sim::RunSpec spec;
    spec.scenario = smallShop();
    spec.seed = 3;
    spec.recommender = core;
    spec.logSlates = logSlates;
    auto job = sim::RunJob::create(spec, m_registry, store.value().get());
    Q_ASSERT(job);
    job.value()->runSlice(0);
    const core::Status finished = job.value()->finish(QStringLiteral("finished"));
    if (!finished)
        qFatal("%s", finished.error().c_str());
    return job.value()->runId();
}

void TestOpe::estimatorsMatchHandComputation() {
    // Two positions, three slates; worked by hand in docs/ope.md's notation:
    //   weights: j0 k0 = 2 (clicked); j1 k0 = 2, k1 = 2 (clicked); j2 k1 = 2.
    //   IPS = (2 + 2 + 0) / 6 = 2/3;  SNIPS = 4 / (2 + 4 + 2) = 1/2.
    //   rho_0 = rho_1 = 1/3; each item shown twice: expected clicks 2/3;
    //   gamma_1 = (2 + 1) / (2/3 + 1) = 9/5, gamma_2 = gamma_3 = 1 / (5/3) = 3/5;
    //   q(1) = 0.6, q(2) = q(3) = 0.2 at both positions.
    //   DM = 3 x (0.6 + 0.2) / 6 = 0.4;  DR = (1.6 + 1.2 + 0.4) / 6 = 8/15.
    //   IPS standard error: y - r z = (2/3, 2/3, -4/3); sqrt((24/9) / 6) / 2 = 1/3.
    const std::vector<sim::OpeSlate> log{slate({1, 2}, {0.5f, 0.25f}, 0, {1, 3}),
                                         slate({3, 1}, {0.5f, 0.5f}, 1, {3, 1}),
                                         slate({2, 3}, {0.25f, 0.5f}, -1, {1, 3})};
    const sim::OpeEstimates e = sim::estimateOffPolicy(log);
    QCOMPARE(e.slates, std::size_t(3));
    QCOMPARE(e.impressions, 6.0);
    QVERIFY(qFuzzyCompare(e.matchRate, 4.0 / 6.0));
    QVERIFY(qFuzzyCompare(e.loggedCtr, 2.0 / 6.0));
    QVERIFY(qFuzzyCompare(e.support.value, 8.0 / 6.0));
    QVERIFY(!e.deterministicLogger && !e.unknownPropensities);
    const sim::PositionClickModel m = sim::PositionClickModel::fit(log);
    QVERIFY(qFuzzyCompare(m.positionCtr(0), 1.0 / 3.0));
    QVERIFY(qFuzzyCompare(m.attractiveness(1), 1.8));
    QVERIFY(qFuzzyCompare(m.attractiveness(2), 0.6));
    QVERIFY(qFuzzyCompare(m.attractiveness(99), 1.0)); // never shown
    QVERIFY(qFuzzyCompare(byName(e, "ips").value, 2.0 / 3.0));
    QVERIFY(qFuzzyCompare(byName(e, "ips").stdError, 1.0 / 3.0));
    QVERIFY(qFuzzyCompare(byName(e, "ips").low, 2.0 / 3.0 - 1.959963984540054 / 3.0));
    QVERIFY(qFuzzyCompare(byName(e, "snips").value, 0.5));
    QVERIFY(qFuzzyCompare(byName(e, "dm").value, 0.4));
    QVERIFY(qFuzzyCompare(byName(e, "dr").value, 8.0 / 15.0));
    for (const sim::OpeEstimate& x : e.estimates)
        QVERIFY2(x.valid, x.name.c_str());
}

void TestOpe::unknownPropensitiesRefuseWeights() {
    const float nan = core::kUnknownPropensity;
    const std::vector<sim::OpeSlate> log{slate({1, 2}, {nan, nan}, 0, {1, 3}),
                                         slate({3, 1}, {nan, nan}, -1, {3, 1})};
    const sim::OpeEstimates e = sim::estimateOffPolicy(log);
    QVERIFY(e.unknownPropensities);
    for (const char* name : {"ips", "snips", "dr"}) {
        QVERIFY(std::isnan(byName(e, name).value));
        QVERIFY(!byName(e, name).valid);
        QVERIFY(
            QString::fromStdString(byName(e, name).problem).contains(QStringLiteral("unknown")));
    }
    QVERIFY(std::isfinite(byName(e, "dm").value)); // the direct method needs no propensity
}

void TestOpe::deterministicLoggerDeficiencyIsReported() {
    // Same slates, propensities 1: one target position in four differs.
    const std::vector<sim::OpeSlate> differs{slate({1, 2}, {1, 1}, 0, {1, 3}),
                                             slate({3, 1}, {1, 1}, 1, {3, 1})};
    const sim::OpeEstimates e = sim::estimateOffPolicy(differs);
    QVERIFY(e.deterministicLogger);
    QVERIFY(qFuzzyCompare(e.matchRate, 0.75));
    for (const char* name : {"ips", "snips", "dr"}) {
        QVERIFY(!byName(e, name).valid);
        QVERIFY(QString::fromStdString(byName(e, name).problem)
                    .contains(QStringLiteral("support deficiency: 25.0 %")));
    }
    // The logger evaluated on itself: full support, IPS = the logged CTR exactly.
    const std::vector<sim::OpeSlate> same{slate({1, 2}, {1, 1}, 0, {1, 2}),
                                          slate({3, 1}, {1, 1}, -1, {3, 1})};
    const sim::OpeEstimates s = sim::estimateOffPolicy(same);
    QVERIFY(byName(s, "ips").valid);
    QCOMPARE(byName(s, "ips").value, 0.25);
}

void TestOpe::slateLogAgreesWithStoredEvents() {
    const QString db = m_dir.filePath(QStringLiteral("events.db"));
    const qint64 run = storeRun(db, "random");
    auto store = sim::RunStore::open(db, sim::RunStore::Mode::ReadOnly);
    QVERIFY(store);
    const sim::RunRecord rec = store.value()->run(run).value();
    const QJsonObject summary = QJsonDocument::fromJson(rec.summaryJson).object();
    auto events = store.value()->events(run, 0, 1 << 30);
    QVERIFY(events);
    std::vector<sim::LoggedSlate> slates;
    QVERIFY(sim::SlateLog(*store.value()).forEach(run, [&](const sim::LoggedSlate& s) {
        slates.push_back(s);
        return true;
    }));
    QCOMPARE(static_cast<double>(slates.size()),
             summary.value(QStringLiteral("requests")).toDouble());
    QVERIFY(slates.size() > 1000);
    // Each slate's action owns the events [eventSeq, next slate's eventSeq): exactly one click
    // event there, at the logged position and item, when the slate was clicked; none otherwise.
    qint64 clicks = 0;
    for (std::size_t j = 0; j < slates.size(); ++j) {
        const sim::LoggedSlate& s = slates[j];
        const qint64 end = j + 1 < slates.size() ? slates[j + 1].eventSeq
                                                 : static_cast<qint64>(events.value().size());
        QVERIFY(s.eventSeq <= end);
        int found = 0;
        for (qint64 i = s.eventSeq; i < end; ++i) {
            const core::Event& ev = events.value()[static_cast<std::size_t>(i)];
            QCOMPARE(ev.user, s.user);
            if (ev.kind != core::EventKind::Click)
                continue;
            ++found;
            QCOMPARE(static_cast<int>(ev.position), s.clicked);
            QCOMPARE(ev.item, s.items[static_cast<std::size_t>(s.clicked)]);
        }
        QCOMPARE(found, s.clicked >= 0 ? 1 : 0);
        clicks += found;
        QCOMPARE(s.items.size(), std::size_t(5));
        for (float p : s.propensities) // random: 1 / eligible, never 1 in a shop of 30
            QVERIFY(p > 0.0f && p < 0.1f);
    }
    QCOMPARE(static_cast<double>(clicks), summary.value(QStringLiteral("clicks")).toDouble());
}

void TestOpe::ipsOfRandomLoggerCoversTheTruth() {
    // A uniformly random logger has full support: IPS of a deterministic target should cover
    // the target's real CTR on most seeds (measured: 39 of 40), and its errors centre near 0.
    // The support check is a 95 % test, so a seed may be flagged by chance (1 in 40 measured).
    const sim::Scenario shop = smallShop();
    const int seeds = 12;
    int covered = 0, flagged = 0;
    double sumErr = 0.0, sumSe = 0.0;
    for (int k = 0; k < seeds; ++k) {
        auto r = sim::checkFreshRun(shop, 100 + static_cast<std::uint64_t>(k), 0.0, {"random", {}},
                                    {"popularity", {}}, m_registry);
        QVERIFY2(r, r ? "" : r.error().c_str());
        const sim::OpeEstimates& e = r.value().estimates;
        const sim::OpeEstimate& ips = byName(e, "ips");
        QVERIFY(!e.deterministicLogger && !e.unknownPropensities);
        flagged += ips.valid ? 0 : 1;
        covered += ips.low <= r.value().truth.ctr && r.value().truth.ctr <= ips.high ? 1 : 0;
        sumErr += ips.value - r.value().truth.ctr;
        sumSe += ips.stdError;
    }
    QVERIFY2(covered >= 9, qPrintable(QStringLiteral("covered %1 of %2").arg(covered).arg(seeds)));
    QVERIFY2(flagged <= 2, qPrintable(QStringLiteral("flagged %1 of %2").arg(flagged).arg(seeds)));
    // `random` evaluated on a `random` log draws from a stream of its own: had it the logger's,
    // it would repeat every draw (match rate 1) and IPS would be 30 times the logged CTR.
    auto same = sim::checkFreshRun(shop, 7, 0.0, {"random", {}}, {"random", {}}, m_registry);
    QVERIFY(same);
    QVERIFY(same.value().estimates.matchRate < 0.1);
    // The mean error within 3 standard errors of a mean of 12.
    QVERIFY(std::abs(sumErr / seeds) < 3.0 * (sumSe / seeds) / std::sqrt(double(seeds)));
}

void TestOpe::sameCoreAsLoggerIsExact() {
    // Deterministic logger evaluated on itself: the replay is the logged run, the truth run
    // is the logged run again, so IPS, SNIPS and the truth all equal the logged CTR exactly.
    auto r =
        sim::checkFreshRun(smallShop(), 5, 0.0, {"popularity", {}}, {"popularity", {}}, m_registry);
    QVERIFY(r);
    const sim::OpeEstimates& e = r.value().estimates;
    QVERIFY(e.deterministicLogger);
    QCOMPARE(e.matchRate, 1.0);
    QCOMPARE(r.value().truth.ctr, e.loggedCtr);
    QCOMPARE(byName(e, "ips").value, e.loggedCtr);
    QVERIFY(byName(e, "ips").valid);
    // A different deterministic target: support deficiency, not a silent number.
    auto d =
        sim::checkFreshRun(smallShop(), 5, 0.0, {"popularity", {}}, {"itemknn", {}}, m_registry);
    QVERIFY(d);
    QVERIFY(d.value().estimates.matchRate < 0.9);
    QVERIFY(!byName(d.value().estimates, "ips").valid);
}

void TestOpe::cliEndToEnd() {
    const QString db = m_dir.filePath(QStringLiteral("cli.db"));
    const qint64 run = storeRun(db, "egreedy");
    QString out, err;
    QCOMPARE(cli({QStringLiteral("ope"), QStringLiteral("--db"), db, QStringLiteral("--run"),
                  QString::number(run), QStringLiteral("--target"), QStringLiteral("egreedy"),
                  QStringLiteral("--json")},
                 &out, &err),
             0);
    const QJsonObject o = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("run_id")).toInteger(), run);
    QCOMPARE(o.value(QStringLiteral("logger")).toObject().value(QStringLiteral("id")).toString(),
             QStringLiteral("egreedy"));
    // The stored summary's CTR is the logged CTR the estimators saw.
    auto store = sim::RunStore::open(db, sim::RunStore::Mode::ReadOnly);
    const QJsonObject summary =
        QJsonDocument::fromJson(store.value()->run(run).value().summaryJson).object();
    QVERIFY(qFuzzyCompare(
        o.value(QStringLiteral("log")).toObject().value(QStringLiteral("logged_ctr")).toDouble(),
        summary.value(QStringLiteral("ctr")).toDouble()));
    // The same core and seed: its truth run is the logged run itself.
    QVERIFY(qFuzzyCompare(
        o.value(QStringLiteral("truth")).toObject().value(QStringLiteral("ctr")).toDouble(),
        summary.value(QStringLiteral("ctr")).toDouble()));
    const QJsonArray est = o.value(QStringLiteral("estimators")).toArray();
    QCOMPARE(est.size(), 4);
    QCOMPARE(est[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("ips"));
    // Text output names every estimator.
    QCOMPARE(cli({QStringLiteral("ope"), QStringLiteral("--db"), db, QStringLiteral("--run"),
                  QString::number(run), QStringLiteral("--target"), QStringLiteral("popularity")},
                 &out),
             0);
    for (const char* name : {"IPS", "SNIPS", "DM", "DR", "truth"})
        QVERIFY2(out.contains(QLatin1String(name)), name);
}

void TestOpe::cliBadInput() {
    const QString db = m_dir.filePath(QStringLiteral("bad.db"));
    const qint64 plain = storeRun(db, "popularity", false);
    QString out, err;
    auto expect = [&](const QStringList& args, int code, const QString& message) {
        QCOMPARE(cli(QStringList{QStringLiteral("ope")} + args, &out, &err), code);
        QVERIFY2(err.contains(message), qPrintable(err));
    };
    const QString run = QString::number(plain);
    expect({QStringLiteral("--db"), db, QStringLiteral("--run"), run}, 2,
           QStringLiteral("--target ID"));
    expect({QStringLiteral("--db"), db, QStringLiteral("--run"), run, QStringLiteral("--target"),
            QStringLiteral("nosuch")},
           2, QStringLiteral("nosuch"));
    expect({QStringLiteral("--db"), db, QStringLiteral("--run"), run, QStringLiteral("--target"),
            QStringLiteral("egreedy"), QStringLiteral("--param"), QStringLiteral("epsilon=7")},
           2, QStringLiteral("epsilon"));
    expect({QStringLiteral("--db"), db, QStringLiteral("--run"), QStringLiteral("99"),
            QStringLiteral("--target"), QStringLiteral("popularity")},
           4, QStringLiteral("no run 99"));
    expect({QStringLiteral("--db"), db, QStringLiteral("--run"), run, QStringLiteral("--target"),
            QStringLiteral("popularity")},
           4, QStringLiteral("no slate log"));
    expect({QStringLiteral("--run"), run, QStringLiteral("--scenario"), QStringLiteral("default"),
            QStringLiteral("--target"), QStringLiteral("popularity")},
           2, QStringLiteral("either --run"));
    expect({QStringLiteral("--scenario"), QStringLiteral("default"), QStringLiteral("--target"),
            QStringLiteral("popularity")},
           2, QStringLiteral("--logger ID"));
    expect({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("none.db")),
            QStringLiteral("--run"), QStringLiteral("1"), QStringLiteral("--target"),
            QStringLiteral("popularity")},
           4, QStringLiteral("no such run store"));
}

// The replay serves every surface with the logging core: a scenario with `surfaces` is
// refused with a message naming the field and the assignment, not evaluated with the wrong
// cores. Mutation seen failing: evaluate() without the check (a result comes back).
void TestOpe::strategyPerSurfaceIsRefused() {
    sim::Scenario shop = smallShop();
    shop.surfaces.at(core::Surface::Cart) = QStringLiteral("itemknn");
    auto r = sim::checkFreshRun(shop, 5, 0.0, {"popularity", {}}, {"random", {}}, m_registry);
    QVERIFY(!r);
    QVERIFY2(QString::fromStdString(r.error()).contains(QLatin1String("$.surfaces")),
             r.error().c_str());
    QVERIFY2(QString::fromStdString(r.error()).contains(QLatin1String("cart=itemknn")),
             r.error().c_str());
}

QTEST_GUILESS_MAIN(TestOpe)
#include "tst_ope.moc"
