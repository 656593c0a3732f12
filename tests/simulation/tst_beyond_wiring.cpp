// The beyond-accuracy figures wired end to end (docs/metrics.md, "Beyond accuracy"): what
// the built recoscope-cli stores per bucket in the metrics table, writes in `run --json`
// and runs.summary_json, prints in `run` and `report`, and lists per core in `compare
// --json` -- each against an independent core::BeyondAccuracy fed by a second engine of
// the same scenario, seed and core and bucketed by the test (tests/support/
// beyond_reference.h). Both sides run the same arithmetic on the same stream, so the
// values must agree to the last bit: any slate or event fed twice, missed, fed out of
// order or put in the wrong bucket shows.

#include "beyond_reference.h"
#include "cli_process.h"

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/run_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace recoscope;
using Point = core::BeyondAccuracyPoint;

namespace {

using Result = test::CliResult;
using test::cli;

// The whole-run object of run --json / summary_json against the reference, bit for bit;
// a figure without a denominator must be null, not 0.
void compareTotals(const QJsonObject& o, const test::BeyondReference& ref) {
    for (int f = 0; f < Point::FigureCount; ++f) {
        const QJsonValue v = o.value(QLatin1String(Point::figureName(f)));
        QVERIFY2(o.contains(QLatin1String(Point::figureName(f))), Point::figureName(f));
        if (ref.total.defined(f))
            QCOMPARE(v.toDouble(), ref.total.figure(f));
        else
            QVERIFY2(v.isNull(), Point::figureName(f));
    }
    QCOMPARE(o.value(QStringLiteral("slates")).toInteger(), qint64(ref.total.slates));
    QCOMPARE(o.value(QStringLiteral("impressions")).toInteger(), qint64(ref.total.impressions));
    QCOMPARE(o.value(QStringLiteral("orders")).toInteger(), qint64(ref.total.orders));
    QCOMPARE(o.value(QStringLiteral("active_users")).toInteger(), qint64(ref.total.activeUsers));
    const QJsonObject r = o.value(QStringLiteral("retention")).toObject();
    QCOMPARE(r.value(QStringLiteral("first_day")).toInt(), ref.retention.firstDay);
    const QJsonArray rows = r.value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.size(), qsizetype(ref.retention.rows.size()));
    for (qsizetype c = 0; c < rows.size(); ++c) {
        const QJsonArray row = rows.at(c).toArray();
        const auto& expected = ref.retention.rows[static_cast<std::size_t>(c)];
        QCOMPARE(row.size(), qsizetype(expected.size()));
        for (qsizetype d = 0; d < row.size(); ++d) {
            const double e = expected[static_cast<std::size_t>(d)];
            if (std::isnan(e))
                QVERIFY(row.at(d).isNull());
            else
                QCOMPARE(row.at(d).toDouble(), e);
        }
    }
}

} // namespace

class TestBeyondWiring : public QObject {
    Q_OBJECT
    core::RecommenderRegistry m_registry;
    QTemporaryDir m_dir;
    sim::Scenario m_scenario;

private slots:
    void initTestCase() {
        core::registerBuiltinRecommenders(m_registry);
        QVERIFY(m_dir.isValid());
        auto s = sim::loadBuiltinScenario(QStringLiteral("default"));
        QVERIFY(s.ok());
        m_scenario = s.value();
    }

    void runStoresPrintsAndReports() {
        const QString db = m_dir.filePath(QStringLiteral("runs.db"));
        const Result r = cli({"run", "--scenario", "default", "--recommender", "popularity",
                              "--seed", "7", "--days", "2", "--db", db, "--json"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject summary = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const qint64 runId = summary.value(QStringLiteral("run_id")).toInteger();
        QVERIFY(runId > 0);
        const test::BeyondReference ref =
            test::beyondReference(m_scenario, 7, m_registry, "popularity", 2.0);
        QCOMPARE(ref.buckets.size(), std::size_t(48));
        QVERIFY(ref.total.slates > 10000 && ref.total.orders > 0);

        // --json: the totals and the retention matrix.
        compareTotals(summary.value(QStringLiteral("beyond_accuracy")).toObject(), ref);
        if (QTest::currentTestFailed())
            return;

        // The metrics table: one row per figure and bucket, at the bucket's end.
        auto store = sim::RunStore::open(db, sim::RunStore::Mode::ReadOnly);
        QVERIFY(store);
        const std::vector<std::pair<std::string, double>> names = ref.total.named();
        QCOMPARE(names.size(), std::size_t(Point::FigureCount + 2));
        for (const auto& [name, unused] : names) {
            auto rows = store.value()->metricSeries(runId, QString::fromStdString(name));
            QVERIFY(rows);
            const auto& v = rows.value();
            QVERIFY2(v.size() == ref.buckets.size(), name.c_str());
            for (std::size_t i = 0; i < v.size(); ++i) {
                QCOMPARE(v[i].bucketEnd, double(i + 1) * ref.bucketSeconds);
                core::BeyondAccuracyPoint expected = ref.buckets[i];
                double want = 0.0;
                for (const auto& [n, value] : expected.named())
                    if (n == name)
                        want = value;
                QVERIFY2(v[i].value == want,
                         qPrintable(QStringLiteral("%1 in bucket %2: stored %3, expected %4")
                                        .arg(QString::fromStdString(name))
                                        .arg(i)
                                        .arg(v[i].value, 0, 'g', 17)
                                        .arg(want, 0, 'g', 17)));
            }
        }
        // The stored summary is the --json object.
        auto run = store.value()->run(runId);
        QVERIFY(run);
        compareTotals(QJsonDocument::fromJson(run.value().summaryJson)
                          .object()
                          .value(QStringLiteral("beyond_accuracy"))
                          .toObject(),
                      ref);

        // `report --run N`: the JSON form carries the object, the text form prints it.
        const Result json = cli({"report", "--db", db, "--run", QString::number(runId), "--json"});
        QVERIFY2(json.code == 0, qPrintable(json.err));
        compareTotals(QJsonDocument::fromJson(json.out.toUtf8())
                          .object()
                          .value(QStringLiteral("beyond_accuracy"))
                          .toObject(),
                      ref);
        const Result text = cli({"report", "--db", db, "--run", QString::number(runId)});
        QVERIFY2(text.code == 0, qPrintable(text.err));
        QVERIFY(text.out.contains(QStringLiteral("Beyond accuracy (whole run")));
        QVERIFY(text.out.contains(QString::number(ref.total.ildCategory, 'f', 4)));
        QVERIFY(text.out.contains(QString::number(ref.total.novelty, 'f', 3)));
        QVERIFY(text.out.contains(QString::number(ref.total.aov, 'f', 2)));
        QVERIFY(text.out.contains(QStringLiteral("Retention by cohort")));
        QVERIFY(text.out.contains(QString::number(ref.retention.rows[0][1] * 100.0, 'f', 1) +
                                  QStringLiteral(" %")));

        // The plain `run` output has the same figures (a run of its own, not stored).
        const Result plain = cli({"run", "--scenario", "default", "--recommender", "popularity",
                                  "--seed", "7", "--days", "2", "--no-db"});
        QVERIFY2(plain.code == 0, qPrintable(plain.err));
        QVERIFY(plain.out.contains(QStringLiteral("  diversity    ILD ") +
                                   QString::number(ref.total.ildCategory, 'f', 3)));
        QVERIFY(plain.out.contains(QStringLiteral("homogenisation ") +
                                   QString::number(ref.total.homogenisation, 'f', 3)));
        QVERIFY(plain.out.contains(QStringLiteral("  retention    first cohort: +1 d ")));
    }

    void compareListsFiguresPerCore() {
        const Result r = cli({"compare", "--scenario", "default", "--recommenders",
                              "random,popularity", "--seed", "3", "--days", "1", "--json"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray cores = QJsonDocument::fromJson(r.out.toUtf8())
                                     .object()
                                     .value(QStringLiteral("cores"))
                                     .toArray();
        QCOMPARE(cores.size(), qsizetype(2));
        const char* ids[] = {"random", "popularity"};
        for (int c = 0; c < 2; ++c) {
            const test::BeyondReference ref =
                test::beyondReference(m_scenario, 3, m_registry, ids[c], 1.0);
            const QJsonObject metrics =
                cores.at(c).toObject().value(QStringLiteral("metrics")).toObject();
            for (const auto& [name, value] : ref.total.named()) {
                const QJsonObject m = metrics.value(QString::fromStdString(name)).toObject();
                QVERIFY2(!m.isEmpty(), name.c_str());
                QCOMPARE(m.value(QStringLiteral("values")).toArray().at(0).toDouble(), value);
            }
        }
        // The text form lists them too.
        const Result text = cli({"compare", "--scenario", "default", "--recommenders",
                                 "random,popularity", "--seed", "3", "--days", "1"});
        QVERIFY2(text.code == 0, qPrintable(text.err));
        for (const char* name : {"ild_category", "novelty", "tail_share", "homogenisation", "aov"})
            QVERIFY2(text.out.contains(QLatin1String(name)), name);
    }
};

QTEST_GUILESS_MAIN(TestBeyondWiring)
#include "tst_beyond_wiring.moc"
