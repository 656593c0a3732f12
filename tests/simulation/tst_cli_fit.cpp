// `recoscope-cli fit` and `report --log` end to end, as a user runs them: a run of a
// small shop is written out by the test as a CSV log with Unix times, imported, fitted;
// the fitted scenario validates and runs; `report --log --run` puts the log beside the
// run of the fitted scenario and the two agree on the fitted figures (the round trip).
// Then the failures: a missing log or store (exit 4), an empty log and an --out that
// cannot be written (exit 3, the message names the folder), usage errors (exit 2).

#include "cli_process.h"
#include "recoscope/sim/run_store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace recoscope;

namespace {

using Result = test::CliResult;
using test::cli;

QJsonObject json(const Result& r) {
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

double at(const QJsonObject& o, const char* group, const char* key) {
    return o.value(QLatin1String(group)).toObject().value(QLatin1String(key)).toDouble();
}

// 2024-01-01 00:00 UTC, a Monday: simulated time 0 written as Unix time.
constexpr double kMonday = 1704067200.0;

} // namespace

class TestCliFit : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;

    QString path(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_db = path("fit.db");
        // The "real" shop: a small scenario unlike the default, run for a week.
        QFile shop(path("truth.json"));
        QVERIFY(shop.open(QIODevice::WriteOnly));
        shop.write(R"({"name": "truth", "seed": 3, "duration_days": 7,
            "catalogue": {"items": 800},
            "population": {"users": 1500},
            "behaviour": {"sessions_per_day": 1500, "continue_probability": 0.75,
                          "weekly": [1, 1, 1, 1, 1.3, 2, 1.7]}})");
        shop.close();
        Result run = cli({"run", "--scenario", path("truth.json"), "--recommender", "popularity",
                          "--db", m_db, "--json"});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const qint64 runId = json(run).value(QStringLiteral("run_id")).toInteger();

        // Its events as a CSV log, the way a shop's analytics export would hold them.
        auto store = sim::RunStore::open(m_db, sim::RunStore::Mode::ReadOnly);
        QVERIFY(store.ok());
        auto events = store.value()->events(runId, 0, 10'000'000);
        QVERIFY(events.ok());
        QFile csv(path("shop.csv"));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("ts,visitor,product,action\n");
        for (const core::Event& e : events.value()) {
            if (e.item == core::kNoItem)
                continue; // searches without a result have no product to log
            csv.write(QByteArray::number(kMonday + e.time, 'f', 3) + ',' +
                      QByteArray::number(e.user) + ',' + QByteArray::number(e.item) + ',' +
                      QByteArray(core::eventKindName(e.kind).data()) + '\n');
        }
        csv.close();
        Result imp =
            cli({"import", "--format", "csv", "--input", path("shop.csv"), "--map",
                 "user=visitor,item=product,time=ts,event=action", "--name", "shop", "--db", m_db});
        QVERIFY2(imp.code == 0, qPrintable(imp.err));
        QFile empty(path("empty.csv"));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.write("ts,visitor,product\n");
        empty.close();
        QCOMPARE(cli({"import", "--format", "csv", "--input", path("empty.csv"), "--map",
                      "user=visitor,item=product,time=ts", "--name", "empty", "--db", m_db})
                     .code,
                 0);
    }

    void fitValidateRunCompare() {
        const QString out = path("fitted.json");
        Result fit = cli({"fit", "--db", m_db, "--log", "shop", "--out", out});
        QVERIFY2(fit.code == 0, qPrintable(fit.err));
        QVERIFY2(fit.out.contains(QStringLiteral("behaviour.cart_offset")), qPrintable(fit.out));
        QVERIFY(fit.out.contains(QStringLiteral("What the fit cannot express")));
        Result valid = cli({"validate", out});
        QVERIFY2(valid.code == 0, qPrintable(valid.err));

        Result fitJson = cli({"fit", "--db", m_db, "--log", "shop", "--out", out, "--json",
                              "--name", "shop-like", "--seed", "9"});
        QCOMPARE(fitJson.code, 0);
        const QJsonObject f = json(fitJson);
        QCOMPARE(f.value(QStringLiteral("scenario")).toObject().value(QStringLiteral("name")),
                 QJsonValue(QStringLiteral("shop-like")));
        QVERIFY(f.value(QStringLiteral("fields")).toArray().size() >= 14);
        for (const QJsonValue& v : f.value(QStringLiteral("fields")).toArray()) {
            const QJsonObject field = v.toObject();
            QVERIFY(field.contains(QStringLiteral("estimate")));
            QVERIFY(field.contains(QStringLiteral("written")));
        }

        Result run =
            cli({"run", "--scenario", out, "--recommender", "popularity", "--db", m_db, "--json"});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QString runId =
            QString::number(json(run).value(QStringLiteral("run_id")).toInteger());

        // Side by side: the same figures for the log and for the run of the fitted shop.
        Result table = cli({"report", "--db", m_db, "--log", "shop", "--run", runId});
        QVERIFY2(table.code == 0, qPrintable(table.err));
        QVERIFY2(table.out.contains(QStringLiteral("beside run ")), qPrintable(table.out));
        QVERIFY(table.out.contains(QStringLiteral("Gini of events per item")));
        Result side = cli({"report", "--db", m_db, "--log", "shop", "--run", runId, "--json"});
        QCOMPARE(side.code, 0);
        const QJsonObject s = json(side);
        const QJsonObject log = s.value(QStringLiteral("log")).toObject();
        const QJsonObject sim = s.value(QStringLiteral("run")).toObject();
        auto close = [](const char* what, double a, double b, double relative) {
            QVERIFY2(
                std::abs(a - b) <= relative * std::abs(a),
                qPrintable(
                    QStringLiteral("%1: log %2, run %3").arg(QLatin1String(what)).arg(a).arg(b)));
        };
        close("visits per day", at(log, "per_day", "visits"), at(sim, "per_day", "visits"), 0.2);
        close("events per visit", at(log, "visits", "events_per_visit"),
              at(sim, "visits", "events_per_visit"), 0.2);
        close("view -> cart", at(log, "funnel", "view_to_cart"), at(sim, "funnel", "view_to_cart"),
              0.3);
        close("cart -> purchase", at(log, "funnel", "cart_to_purchase"),
              at(sim, "funnel", "cart_to_purchase"), 0.3);
        close("span", log.value(QStringLiteral("span_days")).toDouble(),
              sim.value(QStringLiteral("span_days")).toDouble(), 0.02);
        const QJsonObject distance = s.value(QStringLiteral("distance")).toObject();
        QVERIFY(distance.value(QStringLiteral("hourly_tv")).toDouble() < 0.1);
        QVERIFY(distance.value(QStringLiteral("weekly_tv")).toDouble() < 0.06);

        // The log alone, and a log in one store beside a run in another.
        Result alone = cli({"report", "--db", m_db, "--log", "shop"});
        QCOMPARE(alone.code, 0);
        QVERIFY(!alone.out.contains(QStringLiteral("beside")));
        QCOMPARE(
            cli({"report", "--db", m_db, "--log", "shop", "--run", runId, "--run-db", m_db}).code,
            0);
    }

    void failures() {
        const QString out = path("x.json");
        Result noLog = cli({"fit", "--db", m_db, "--log", "nope", "--out", out});
        QCOMPARE(noLog.code, 4);
        QVERIFY2(noLog.err.contains(QStringLiteral("no log named 'nope'")), qPrintable(noLog.err));
        QCOMPARE(cli({"fit", "--db", path("missing.db"), "--log", "shop", "--out", out}).code, 4);
        QVERIFY(!QFile::exists(path("missing.db"))); // never created by a read
        Result empty = cli({"fit", "--db", m_db, "--log", "empty", "--out", out});
        QCOMPARE(empty.code, 3);
        QVERIFY2(empty.err.contains(QStringLiteral("no events")), qPrintable(empty.err));
        QVERIFY(!QFile::exists(out));

        const QString badDir = path("no/such/folder/shop.json");
        Result bad = cli({"fit", "--db", m_db, "--log", "shop", "--out", badDir});
        QCOMPARE(bad.code, 3);
        QVERIFY2(bad.err.contains(QStringLiteral("does not exist")) &&
                     bad.err.contains(path("no/such/folder")),
                 qPrintable(bad.err));
        Result folder = cli({"fit", "--db", m_db, "--log", "shop", "--out", m_dir.path()});
        QCOMPARE(folder.code, 3);
        QVERIFY2(folder.err.contains(QStringLiteral("is a folder")), qPrintable(folder.err));

        QCOMPARE(cli({"fit", "--db", m_db, "--log", "shop"}).code, 2); // no --out
        QCOMPARE(
            cli({"fit", "--db", m_db, "--log", "shop", "--out", out, "--utc-offset", "20"}).code,
            2);
        QCOMPARE(cli({"report", "--db", m_db, "--log", "nope"}).code, 4);
        QCOMPARE(cli({"report", "--db", m_db, "--log", "shop", "--run", "999"}).code, 4);
        QCOMPARE(cli({"report", "--db", m_db}).code, 2);
        QCOMPARE(cli({"report", "--db", m_db, "--run", "1", "--utc-offset", "2"}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliFit)
#include "tst_cli_fit.moc"
