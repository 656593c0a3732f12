// Run analyses: the live ones (Engine) and the ones recomputed from a stored run agree,
// the funnel adds up, segments cover the active users, and `recoscope-cli report`
// prints them as JSON and refuses unknown runs.

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/command_line.h"
#include "recoscope/sim/engine.h"
#include "recoscope/sim/feedback_loop_json.h"
#include "recoscope/sim/inventory_report.h"
#include "recoscope/sim/run_analysis.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace recoscope;

class TestRunAnalysis : public QObject {
    Q_OBJECT

    core::RecommenderRegistry m_registry;
    QTemporaryDir m_dir;
    QString m_db;
    qint64 m_runId = 0;
    QJsonObject m_live;

private slots:
    void initTestCase() {
        core::registerBuiltinRecommenders(m_registry);
        auto sc = sim::loadBuiltinScenario(QStringLiteral("default"));
        QVERIFY(sc.ok());
        // The stored run: one and a half days of default with popularity (the promotion
        // on day 4 is outside; the analysis still lists it, incomplete).
        m_db = m_dir.filePath(QStringLiteral("runs.db"));
        auto store = sim::RunStore::open(m_db);
        QVERIFY(store.ok());
        sim::RunSpec spec;
        spec.scenario = sc.value();
        spec.seed = 3;
        spec.recommender = "popularity";
        spec.limits.maxDays = 1.5;
        auto job = sim::RunJob::create(spec, m_registry, store.value().get());
        QVERIFY(job.ok());
        job.value()->runSlice(0);
        QVERIFY(job.value()->finish(QStringLiteral("finished")).ok());
        m_runId = job.value()->runId();

        // The same run live, with the analyses on.
        auto engine = sim::Engine::create(sc.value(), 3, m_registry, "popularity", {});
        QVERIFY(engine.ok());
        engine.value()->setAnalysisEnabled(true);
        sim::RunLimits limits;
        limits.maxDays = 1.5;
        engine.value()->run(limits);
        m_live = engine.value()->analysisJson();
        QVERIFY(!m_live.isEmpty());
    }

    void storedMatchesLive() {
        auto store = sim::RunStore::open(m_db, sim::RunStore::Mode::ReadOnly);
        QVERIFY(store.ok());
        auto stored = sim::analyseStoredRun(*store.value(), m_runId);
        QVERIFY2(stored.ok(), stored.ok() ? "" : stored.error().c_str());
        const QJsonObject s = stored.value();
        for (const char* key : {"activity", "funnel", "paths", "rfm"})
            QCOMPARE(s.value(QLatin1String(key)).toObject(),
                     m_live.value(QLatin1String(key)).toObject());
        // Segments agree except CTR, which needs the per-user impressions only live has.
        const QJsonArray a = s.value(QStringLiteral("segments"))
                                 .toObject()
                                 .value(QStringLiteral("segments"))
                                 .toArray();
        const QJsonArray b = m_live.value(QStringLiteral("segments"))
                                 .toObject()
                                 .value(QStringLiteral("segments"))
                                 .toArray();
        QCOMPARE(a.size(), b.size());
        for (qsizetype k = 0; k < a.size(); ++k) {
            QCOMPARE(a[k].toObject().value(QStringLiteral("users")),
                     b[k].toObject().value(QStringLiteral("users")));
            QVERIFY(a[k].toObject().value(QStringLiteral("ctr")).isNull());
            QVERIFY(b[k].toObject().value(QStringLiteral("ctr")).isDouble());
        }
    }

    // A run whose stored shop is not the one its scenario and seed generate today (another
    // version made it) is refused by the report's analyses, by the feedback loop of a
    // reopened run and by the inventory report alike, naming the store and the run: all
    // read it through regenerateWorld. Mutation seen to fail: comparing only the catalogue
    // hash there (and, for the inventory report, its own copy of that check before).
    void anotherVersionsShopIsRefused() {
        const QString copy = m_dir.filePath(QStringLiteral("other-version.db"));
        QVERIFY(QFile::copy(m_db, copy));
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(copy.toUtf8().constData(), &db), SQLITE_OK);
        const QByteArray sql =
            QStringLiteral("UPDATE runs SET population_hash = 'another' WHERE id = %1")
                .arg(m_runId)
                .toUtf8();
        const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr);
        sqlite3_close(db);
        QCOMPARE(rc, SQLITE_OK);
        auto store = sim::RunStore::open(copy, sim::RunStore::Mode::ReadOnly);
        QVERIFY(store.ok());
        const QString where = QStringLiteral("run %1").arg(m_runId);
        auto analysis = sim::analyseStoredRun(*store.value(), m_runId);
        QVERIFY(!analysis.ok());
        auto loop = sim::storedFeedbackDays(*store.value(), m_runId);
        QVERIFY(!loop.ok());
        auto inventory = sim::storedInventoryJson(*store.value(), m_runId, 2.0);
        QVERIFY(!inventory.ok());
        for (const std::string& error : {analysis.error(), loop.error(), inventory.error()}) {
            const QString e = QString::fromStdString(error);
            QVERIFY2(e.contains(QStringLiteral("does not match the stored hashes")) &&
                         e.contains(copy) && e.contains(where),
                     error.c_str());
        }
    }

    void funnelAddsUp() {
        const QJsonObject f = m_live.value(QStringLiteral("funnel")).toObject();
        const QJsonArray steps = f.value(QStringLiteral("recommendations")).toArray();
        QCOMPARE(steps.size(), 5);
        double previous = -1.0;
        for (const QJsonValue& v : steps) {
            const double count = v.toObject().value(QStringLiteral("count")).toDouble();
            QVERIFY(count >= 0.0);
            if (v.toObject().value(QStringLiteral("step")).toString() != QLatin1String("cart") &&
                previous >= 0.0)
                QVERIFY(count <= previous);
            if (v.toObject().value(QStringLiteral("step")).toString() != QLatin1String("favourite"))
                previous = count;
        }
        const QJsonObject shop = f.value(QStringLiteral("shop")).toObject();
        QVERIFY(shop.value(QStringLiteral("view_to_cart")).toDouble() > 0.0);
        QVERIFY(shop.value(QStringLiteral("cart_to_purchase")).toDouble() > 0.0);
        QVERIFY(shop.value(QStringLiteral("cart_to_purchase")).toDouble() < 1.0);
        // Every event lands in exactly one hour and one weekday.
        double byHour = 0.0, byDay = 0.0;
        for (const QJsonValue& v : m_live.value(QStringLiteral("activity"))
                                       .toObject()
                                       .value(QStringLiteral("events_by_hour"))
                                       .toArray())
            byHour += v.toDouble();
        for (const QJsonValue& v : m_live.value(QStringLiteral("activity"))
                                       .toObject()
                                       .value(QStringLiteral("events_by_weekday"))
                                       .toArray())
            byDay += v.toDouble();
        QCOMPARE(byHour, byDay);
        QVERIFY(byHour > 1000);
        // Segments cover every user seen.
        double users = 0.0;
        for (const QJsonValue& v : m_live.value(QStringLiteral("segments"))
                                       .toObject()
                                       .value(QStringLiteral("segments"))
                                       .toArray())
            users += v.toObject().value(QStringLiteral("users")).toDouble();
        QVERIFY(users > 100);
        QVERIFY(!m_live.value(QStringLiteral("paths"))
                     .toObject()
                     .value(QStringLiteral("top"))
                     .toArray()
                     .isEmpty());
        QCOMPARE(m_live.value(QStringLiteral("timeline"))
                     .toObject()
                     .value(QStringLiteral("entries"))
                     .toArray()
                     .size(),
                 1);
    }

    void reportCommand() {
        QString out, err;
        QTextStream o(&out), e(&err);
        sim::CommandLine cli(m_registry, o, e);
        const int code = cli.exec({QStringLiteral("recoscope-cli"), QStringLiteral("report"),
                                   QStringLiteral("--db"), m_db, QStringLiteral("--run"),
                                   QString::number(m_runId), QStringLiteral("--json")});
        QCOMPARE(code, int(sim::ExitOk));
        const QJsonObject r = QJsonDocument::fromJson(out.toUtf8()).object();
        QVERIFY(r.contains(QStringLiteral("funnel")));
        QCOMPARE(r.value(QStringLiteral("recommender")).toString(), QStringLiteral("popularity"));

        // The default is tables for a terminal, carrying the same figures as the JSON.
        out.clear();
        QCOMPARE(cli.exec({QStringLiteral("recoscope-cli"), QStringLiteral("report"),
                           QStringLiteral("--db"), m_db, QStringLiteral("--run"),
                           QString::number(m_runId)}),
                 int(sim::ExitOk));
        QVERIFY2(!out.trimmed().startsWith(QLatin1Char('{')), qPrintable(out.left(200)));
        for (const char* heading : {"Recommendation funnel", "Shop funnel", "Activity by weekday",
                                    "Typical visit paths", "Shopper segments", "RFM:"})
            QVERIFY2(out.contains(QLatin1String(heading)), heading);
        const QJsonObject funnel = r.value(QStringLiteral("funnel")).toObject();
        for (const QJsonValue& v : funnel.value(QStringLiteral("recommendations")).toArray()) {
            const QJsonObject step = v.toObject();
            const QRegularExpression row(QStringLiteral("\\n  %1 +%2 ")
                                             .arg(step.value(QStringLiteral("step")).toString())
                                             .arg(step.value(QStringLiteral("count")).toInteger()));
            QVERIFY2(row.match(out).hasMatch(), qPrintable(row.pattern()));
        }
        const QJsonObject visits = funnel.value(QStringLiteral("visits")).toObject();
        QVERIFY(QRegularExpression(QStringLiteral("\\n  visits +%1\\n")
                                       .arg(visits.value(QStringLiteral("visits")).toInteger()))
                    .match(out)
                    .hasMatch());

        out.clear();
        err.clear();
        QCOMPARE(cli.exec({QStringLiteral("recoscope-cli"), QStringLiteral("report"),
                           QStringLiteral("--db"), m_db, QStringLiteral("--run"),
                           QStringLiteral("999")}),
                 int(sim::ExitDatabase));
        QVERIFY(!err.isEmpty());
        QCOMPARE(cli.exec({QStringLiteral("recoscope-cli"), QStringLiteral("report"),
                           QStringLiteral("--db"), m_db}),
                 int(sim::ExitUsage));
        QCOMPARE(cli.exec({QStringLiteral("recoscope-cli"), QStringLiteral("report"),
                           QStringLiteral("--db"), m_dir.filePath(QStringLiteral("none.db")),
                           QStringLiteral("--run"), QStringLiteral("1")}),
                 int(sim::ExitDatabase));
    }
};

QTEST_GUILESS_MAIN(TestRunAnalysis)
#include "tst_run_analysis.moc"
