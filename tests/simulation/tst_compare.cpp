// The arena as a plain class and the A/B statistics of `recoscope-cli compare`: the
// per-user pairing rules and Holm's correction against hand computations, the stored
// events as an independent reference for the live per-user outcomes, a real difference
// found, an identical pair not, and an A/A comparison rejecting at the nominal rate.

#include "recoscope/core/registry.h"
#include "recoscope/sim/ab_statistics.h"
#include "recoscope/sim/arena.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/command_line.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace recoscope;

class TestCompare : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void holmMatchesHandComputation();
    void pairingRulesAndPairedT();
    void arenaStoresWhatRunJobStores();
    void storedEventsGiveTheLiveOutcomes();
    void randomVersusItemknnIsSignificant();
    void sameCoreTwiceIsNotSignificant();
    void usageErrors();
    void paramsReachTheirCore();
    void aaRejectsAtTheNominalRate();

private:
    int cli(const QStringList& args, QString* out, QString* err = nullptr);
    QTemporaryDir m_dir;
    core::RecommenderRegistry m_registry;
};

void TestCompare::initTestCase() {
    core::registerBuiltinRecommenders(m_registry);
}

int TestCompare::cli(const QStringList& args, QString* out, QString* err) {
    QString o, e;
    QTextStream os(&o), es(&e);
    sim::CommandLine command(m_registry, os, es);
    QStringList all{QStringLiteral("recoscope-cli")};
    all << args;
    const int code = command.exec(all);
    if (out)
        *out = o;
    if (err)
        *err = e;
    return code;
}

void TestCompare::holmMatchesHandComputation() {
    // Sorted: 0.005 (x4 = 0.02), 0.01 (x3 = 0.03), 0.03 (x2 = 0.06), 0.04 (x1 = 0.04,
    // raised to 0.06 to stay monotone). NaN is no member of the family.
    const double nan = std::nan("");
    const auto adjusted = sim::holmAdjust({0.01, 0.04, nan, 0.03, 0.005});
    QCOMPARE(adjusted.size(), std::size_t(5));
    QVERIFY(qFuzzyCompare(adjusted[0], 0.03));
    QVERIFY(qFuzzyCompare(adjusted[1], 0.06));
    QVERIFY(std::isnan(adjusted[2]));
    QVERIFY(qFuzzyCompare(adjusted[3], 0.06));
    QVERIFY(qFuzzyCompare(adjusted[4], 0.02));
    QCOMPARE(sim::holmAdjust({0.6, 0.7}), (std::vector<double>{1.0, 1.0}));
}

void TestCompare::pairingRulesAndPairedT() {
    using Row = core::UserOutcomes::Row;
    auto row = [](std::uint64_t events, std::uint64_t impressions, std::uint64_t clicks,
                  double revenue) {
        Row r;
        r.events = events;
        r.impressions = impressions;
        r.clicks = clicks;
        r.revenue = revenue;
        return r;
    };
    // User 0: both shown; 1: only a shown; 2: both shown; 3: nobody came; 4: both shown;
    // 5 exists only in a (a longer table).
    const sim::UserRows a{row(3, 10, 2, 5.0), row(1, 4, 1, 0.0),  row(2, 5, 0, 0.0),
                          row(0, 0, 0, 0.0),  row(4, 10, 5, 1.0), row(1, 0, 0, 2.0)};
    const sim::UserRows b{row(2, 10, 1, 0.0), row(0, 0, 0, 0.0), row(3, 5, 1, 4.0),
                          row(0, 0, 0, 0.0), row(5, 10, 3, 1.0)};
    const auto [ca, cb] = sim::pairedUserValues(a, b, "ctr");
    QCOMPARE(ca, (std::vector<double>{0.2, 0.0, 0.5}));
    QCOMPARE(cb, (std::vector<double>{0.1, 0.2, 0.3}));
    const auto [ra, rb] = sim::pairedUserValues(a, b, "revenue");
    QCOMPARE(ra, (std::vector<double>{5.0, 0.0, 0.0, 1.0, 2.0})); // users 0, 1, 2, 4, 5
    QCOMPARE(rb, (std::vector<double>{0.0, 0.0, 4.0, 1.0, 0.0}));
    QVERIFY(sim::pairedUserValues(a, b, "nonsense").first.empty());

    // CTR differences 0.1, -0.2, 0.2: mean 1/30, sd = sqrt(0.07/2 - ...) by hand:
    // deviations 1/15, -7/30, 1/6 -> squares sum 0.0866667, s^2 = 0.0433333, se = s/sqrt(3).
    // With 2 degrees of freedom the t distribution has a closed form:
    // two-sided p = 1 - |t| / sqrt(2 + t^2); the 97.5 % quantile is 4.302653.
    const auto results = sim::comparePairs({&a, &b}, sim::allPairs(2));
    const sim::PairComparison& ctr = results.front();
    QCOMPARE(ctr.metric, std::string("ctr"));
    QCOMPARE(ctr.diff.n, 3);
    const double mean = 1.0 / 30.0;
    const double se = std::sqrt(0.0866666666666667 / 2.0 / 3.0);
    const double t = mean / se;
    QVERIFY(std::abs(ctr.diff.mean - mean) < 1e-12);
    QVERIFY(std::abs(ctr.diff.p - (1.0 - t / std::sqrt(2.0 + t * t))) < 1e-9);
    QVERIFY(std::abs(ctr.diff.high - (mean + 4.302653 * se)) < 1e-5);
    QVERIFY(std::abs(ctr.meanA - 0.7 / 3.0) < 1e-12);
    QCOMPARE(ctr.pHolm, ctr.diff.p); // one pair: nothing to correct
    QCOMPARE(results.size(), sim::abMetrics().size());
    QCOMPARE(sim::versusFirst(3),
             (std::vector<std::pair<std::size_t, std::size_t>>{{1, 0}, {2, 0}}));
}

// The CLI's `compare` drives the arena: its stored events must be those of `run`.
void TestCompare::arenaStoresWhatRunJobStores() {
    const QString db = m_dir.filePath(QStringLiteral("same.db"));
    auto scenario = sim::loadScenario(QStringLiteral("teaching-small"));
    QVERIFY(scenario);
    auto store = sim::RunStore::open(db);
    QVERIFY(store);
    sim::RunSpec rs;
    rs.scenario = scenario.value();
    rs.seed = 11;
    rs.recommender = "popularity";
    auto job = sim::RunJob::create(rs, m_registry, store.value().get());
    QVERIFY(job);
    (void)job.value()->runSlice(0);
    QVERIFY(job.value()->finish(QStringLiteral("finished")));
    const qint64 direct = job.value()->runId();
    job.value().reset();

    sim::ArenaSpec spec;
    spec.scenario = scenario.value();
    spec.seed = 11;
    spec.cores = {{"itemknn", {}}, {"popularity", {}}};
    spec.dbPath = db;
    spec.inspectors = false;
    auto arena = sim::Arena::create(spec, m_registry);
    QVERIFY(arena);
    QVERIFY(arena.value()->run());
    const sim::Arena::Finish fin = arena.value()->finish(false);
    QVERIFY(fin.errors.empty());
    QVERIFY(!fin.cancelled);
    arena.value().reset();
    QCOMPARE(store.value()->eventsHash(fin.runIds[1]).value(),
             store.value()->eventsHash(direct).value());
    QVERIFY(store.value()->eventsHash(fin.runIds[0]).value() !=
            store.value()->eventsHash(direct).value());
}

// The live per-user outcomes (counted from each action as it happens) against the same
// figures recomputed from the stored events table: the history's compare view uses these.
void TestCompare::storedEventsGiveTheLiveOutcomes() {
    const QString db = m_dir.filePath(QStringLiteral("outcomes.db"));
    auto scenario = sim::loadScenario(QStringLiteral("default"));
    QVERIFY(scenario);
    sim::ArenaSpec spec;
    spec.scenario = scenario.value();
    spec.seed = 3;
    spec.cores = {{"random", {}}, {"itemknn", {}}};
    spec.limits.maxEvents = 20000;
    spec.dbPath = db;
    spec.inspectors = false;
    auto arena = sim::Arena::create(spec, m_registry);
    QVERIFY(arena);
    QVERIFY(arena.value()->run());
    const sim::Arena::Finish fin = arena.value()->finish(false);
    QVERIFY(fin.errors.empty());
    auto store = sim::RunStore::open(db, sim::RunStore::Mode::ReadOnly);
    QVERIFY(store);
    for (std::size_t i = 0; i < 2; ++i) {
        auto stored = sim::storedUserOutcomes(*store.value(), fin.runIds[i]);
        QVERIFY(stored);
        const sim::UserRows& live = arena.value()->outcomes(i).rows();
        QVERIFY(stored.value().size() <= live.size());
        std::uint64_t clicks = 0;
        for (std::size_t u = 0; u < live.size(); ++u) {
            const core::UserOutcomes::Row none;
            const auto& s = u < stored.value().size() ? stored.value()[u] : none;
            QCOMPARE(s.events, live[u].events);
            QCOMPARE(s.clicks, live[u].clicks);
            QCOMPARE(s.recPurchases, live[u].recPurchases);
            QCOMPARE(s.revenue, live[u].revenue);
            clicks += live[u].clicks;
        }
        QVERIFY(clicks > 0);
        QCOMPARE(clicks, arena.value()->engine(i).summary().counters.clicks);
    }
}

void TestCompare::randomVersusItemknnIsSignificant() {
    QString out, err;
    QCOMPARE(cli({QStringLiteral("compare"), QStringLiteral("--scenario"),
                  QStringLiteral("default"), QStringLiteral("--recommenders"),
                  QStringLiteral("random,itemknn"), QStringLiteral("--seed"), QStringLiteral("7"),
                  QStringLiteral("--events"), QStringLiteral("30000"), QStringLiteral("--json")},
                 &out, &err),
             int(sim::ExitOk));
    const QJsonObject o = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("correction")).toString(), QStringLiteral("holm"));
    const QJsonArray cores = o.value(QStringLiteral("cores")).toArray();
    QCOMPARE(cores.size(), 2);
    const double ctrRandom = cores[0]
                                 .toObject()[QStringLiteral("metrics")]
                                 .toObject()[QStringLiteral("ctr")]
                                 .toObject()[QStringLiteral("mean")]
                                 .toDouble();
    const double ctrKnn = cores[1]
                              .toObject()[QStringLiteral("metrics")]
                              .toObject()[QStringLiteral("ctr")]
                              .toObject()[QStringLiteral("mean")]
                              .toDouble();
    QVERIFY2(ctrKnn > ctrRandom, qPrintable(out));
    bool sawCtr = false;
    for (const QJsonValue& v : o.value(QStringLiteral("pairs")).toArray()) {
        const QJsonObject pr = v.toObject();
        if (pr[QStringLiteral("metric")].toString() != QLatin1String("ctr"))
            continue;
        sawCtr = true;
        const QJsonObject s = pr[QStringLiteral("per_seed")].toArray().first().toObject();
        QVERIFY2(s[QStringLiteral("significant")].toBool(), qPrintable(out));
        QVERIFY(s[QStringLiteral("diff")].toDouble() < 0.0); // random - itemknn
        QVERIFY(s[QStringLiteral("high")].toDouble() < 0.0);
        QVERIFY(s[QStringLiteral("p_holm")].toDouble() < 0.001);
        QVERIFY(s[QStringLiteral("users")].toInt() > 100);
    }
    QVERIFY(sawCtr);
    // The text form says which correction it applied.
    QCOMPARE(cli({QStringLiteral("compare"), QStringLiteral("--scenario"),
                  QStringLiteral("teaching-small"), QStringLiteral("--recommenders"),
                  QStringLiteral("random,itemknn,popularity"), QStringLiteral("--seeds"),
                  QStringLiteral("2")},
                 &out, &err),
             int(sim::ExitOk));
    QVERIFY2(out.contains(QStringLiteral("Holm correction over the 3 pair(s)")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("mean ± sd over 2 seeds")));
}

void TestCompare::sameCoreTwiceIsNotSignificant() {
    QString out;
    QCOMPARE(cli({QStringLiteral("compare"), QStringLiteral("--scenario"),
                  QStringLiteral("default"), QStringLiteral("--recommenders"),
                  QStringLiteral("popularity,popularity"), QStringLiteral("--seed"),
                  QStringLiteral("7"), QStringLiteral("--events"), QStringLiteral("20000"),
                  QStringLiteral("--seeds"), QStringLiteral("2"), QStringLiteral("--json")},
                 &out),
             int(sim::ExitOk));
    const QJsonObject o = QJsonDocument::fromJson(out.toUtf8()).object();
    const QJsonArray cores = o.value(QStringLiteral("cores")).toArray();
    QCOMPARE(cores[1].toObject()[QStringLiteral("label")].toString(),
             QStringLiteral("popularity#2"));
    const QJsonArray pairs = o.value(QStringLiteral("pairs")).toArray();
    QCOMPARE(pairs.size(), int(sim::abMetrics().size()));
    for (const QJsonValue& v : pairs) {
        // Common random numbers: the same core faces the same dice, so every user's
        // outcome is identical and the difference is exactly 0 (p = 1).
        for (const QJsonValue& s : v.toObject()[QStringLiteral("per_seed")].toArray()) {
            QCOMPARE(s.toObject()[QStringLiteral("diff")].toDouble(), 0.0);
            QCOMPARE(s.toObject()[QStringLiteral("p")].toDouble(), 1.0);
            QVERIFY(!s.toObject()[QStringLiteral("significant")].toBool());
        }
        QCOMPARE(v.toObject()[QStringLiteral("across_seeds")]
                     .toObject()[QStringLiteral("significant_seeds")]
                     .toInt(),
                 0);
    }
}

void TestCompare::usageErrors() {
    QString out, err;
    const QStringList base{QStringLiteral("compare"), QStringLiteral("--scenario"),
                           QStringLiteral("teaching-small"), QStringLiteral("--recommenders")};
    QCOMPARE(cli(base + QStringList{QStringLiteral("popularity")}, &out, &err),
             int(sim::ExitUsage));
    QVERIFY(err.contains(QStringLiteral("2 to 4")));
    QCOMPARE(cli(base + QStringList{QStringLiteral("popularity,nope")}, &out, &err),
             int(sim::ExitUsage));
    QVERIFY(err.contains(QStringLiteral("nope")));
    QCOMPARE(cli(base + QStringList{QStringLiteral("a,b,c,d,e")}, &out, &err), int(sim::ExitUsage));
    QCOMPARE(cli(base + QStringList{QStringLiteral("random,popularity"), QStringLiteral("--seeds"),
                                    QStringLiteral("0")},
                 &out, &err),
             int(sim::ExitUsage));
    QCOMPARE(cli({QStringLiteral("compare"), QStringLiteral("--scenario"),
                  QStringLiteral("no-such.json"), QStringLiteral("--recommenders"),
                  QStringLiteral("random,popularity")},
                 &out, &err),
             int(sim::ExitBadInput));
    // --param CORE.KEY=VALUE: an unknown label, a bad value, and no label at all.
    const QStringList two = base + QStringList{QStringLiteral("itemknn,itemknn")};
    QCOMPARE(cli(two + QStringList{QStringLiteral("--param"), QStringLiteral("nope.history=5")},
                 &out, &err),
             int(sim::ExitUsage));
    QVERIFY2(err.contains(QStringLiteral("itemknn, itemknn#2")), qPrintable(err));
    QCOMPARE(
        cli(two + QStringList{QStringLiteral("--param"), QStringLiteral("itemknn#2.history=0")},
            &out, &err),
        int(sim::ExitUsage));
    QVERIFY2(err.contains(QStringLiteral("itemknn#2")) && err.contains(QStringLiteral("history")),
             qPrintable(err));
    QCOMPARE(
        cli(two + QStringList{QStringLiteral("--param"), QStringLiteral("history=5")}, &out, &err),
        int(sim::ExitUsage));
}

void TestCompare::paramsReachTheirCore() {
    // Two settings of one core: the second itemknn with a short history differs from the
    // first, and each core's params are in the JSON.
    QString out, err;
    QCOMPARE(
        cli({QStringLiteral("compare"), QStringLiteral("--scenario"), QStringLiteral("default"),
             QStringLiteral("--recommenders"), QStringLiteral("itemknn,itemknn"),
             QStringLiteral("--param"), QStringLiteral("itemknn#2.history=1"),
             QStringLiteral("--events"), QStringLiteral("20000"), QStringLiteral("--json")},
            &out, &err),
        int(sim::ExitOk));
    const QJsonObject o = QJsonDocument::fromJson(out.toUtf8()).object();
    const QJsonArray cores = o.value(QStringLiteral("cores")).toArray();
    QCOMPARE(cores.size(), 2);
    QVERIFY(cores[0].toObject()[QStringLiteral("params")].toObject().isEmpty());
    QCOMPARE(cores[1]
                 .toObject()[QStringLiteral("params")]
                 .toObject()[QStringLiteral("history")]
                 .toString(),
             QStringLiteral("1"));
    const QJsonObject m0 = cores[0].toObject()[QStringLiteral("metrics")].toObject();
    const QJsonObject m1 = cores[1].toObject()[QStringLiteral("metrics")].toObject();
    QVERIFY(m0 != m1); // the parameter changed what the second core did
}

// An A/A comparison under the null hypothesis. With common random numbers the same
// deterministic core twice is identical user by user (sameCoreTwiceIsNotSignificant), so
// the A/A arms are the stochastic `random` core twice on the same shoppers, each with its
// own independent random stream (ArenaSpec::coreStreams): the same variant, independently
// randomised, so every per-user difference has mean 0 and a 5 % test must reject in about
// 5 % of 200 seeds. Binomial(200, 0.05): P(2 <= rejections <= 21) = 0.99911, so the test
// fails by chance less than once in a thousand runs.
void TestCompare::aaRejectsAtTheNominalRate() {
    auto scenario = sim::loadScenario(QStringLiteral("default"));
    QVERIFY(scenario);
    sim::Scenario small = scenario.value();
    small.catalogue.items = 200;
    small.population.users = 600;
    small.timeline.clear();
    int rejected = 0, trials = 0, minUsers = 1 << 30;
    for (std::uint64_t s = 1; s <= 200; ++s) {
        sim::ArenaSpec spec;
        spec.scenario = small;
        spec.seed = s;
        spec.cores = {{"random", {}}, {"random", {}}};
        spec.coreStreams = {2 * s + 1, 2 * s + 2};
        spec.limits.maxEvents = 2000;
        spec.inspectors = false;
        auto arena = sim::Arena::create(spec, m_registry);
        QVERIFY(arena);
        QVERIFY(arena.value()->run());
        QVERIFY(arena.value()->finish(false).errors.empty());
        const auto results = sim::comparePairs(
            {&arena.value()->outcomes(0).rows(), &arena.value()->outcomes(1).rows()},
            sim::allPairs(2));
        const sim::PairComparison& ctr = results.front();
        QCOMPARE(ctr.metric, std::string("ctr"));
        QVERIFY(std::isfinite(ctr.diff.p));
        minUsers = std::min(minUsers, ctr.diff.n);
        rejected += ctr.diff.p < 0.05;
        ++trials;
    }
    QCOMPARE(trials, 200);
    qInfo("A/A: %d of 200 rejected at 5 %% (fewest users paired: %d)", rejected, minUsers);
    QVERIFY(minUsers >= 30);
    QVERIFY2(rejected >= 2 && rejected <= 21, qPrintable(QString::number(rejected)));
}

QTEST_GUILESS_MAIN(TestCompare)
#include "tst_compare.moc"
