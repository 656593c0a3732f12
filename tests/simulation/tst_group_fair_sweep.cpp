// A sweep over group-fair's strength shows each parameter set's CTR gap between shopper
// groups (issue 16): `report --sweep --json` gives every run's group_ctr_gap, which must
// equal the age-band CTR gap `report --run N --json` computes for that run
// (shopper_groups, tested against SQL in tst_shopper_groups_report), and each point's
// figure the mean over its runs; the text table has the column.
//
// Mutation tried: the gap read from the gender groups instead of the sweep core's
// `attribute` (age_band): runsMatchTheirReports fails.

#include "cli_process.h"

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

QJsonObject jsonOf(const QStringList& args) {
    const test::CliResult r = test::cli(args);
    if (r.code != 0)
        qFatal("%s failed: %s", qPrintable(args.join(' ')), qPrintable(r.err));
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

} // namespace

class TestGroupFairSweep : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_out;

private slots:
    void initTestCase() {
        m_out = m_dir.filePath(QStringLiteral("sweep"));
        QFile grid(m_dir.filePath(QStringLiteral("grid.json")));
        QVERIFY(grid.open(QIODevice::WriteOnly));
        grid.write(R"({"strength": [0, 4, 10]})");
        grid.close();
        const test::CliResult plan =
            test::cli({"sweep", "--scenario", "default", "--recommender", "group-fair", "--grid",
                       grid.fileName(), "--seed", "7", "--events", "20000", "--out", m_out});
        QVERIFY2(plan.code == 0, qPrintable(plan.err));
        for (int job = 0; job < 3; ++job) {
            const test::CliResult r =
                test::cli({"sweep", "--out", m_out, "--job", QString::number(job)});
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }
    }

    void runsMatchTheirReports() {
        const QJsonObject report = jsonOf({"report", "--sweep", m_out, "--json"});
        const QJsonArray points =
            report.value("sweeps").toArray().at(0).toObject().value("points").toArray();
        QCOMPARE(points.size(), 3);
        for (const QJsonValue& pv : points) {
            const QJsonObject p = pv.toObject();
            double sum = 0.0;
            const QJsonArray runs = p.value("runs").toArray();
            for (const QJsonValue& rv : runs) {
                const QJsonObject run = rv.toObject();
                const QJsonObject one =
                    jsonOf({"report", "--run", QString::number(run.value("run").toInt()), "--db",
                            run.value("file").toString(), "--json"});
                double gap = std::nan("");
                for (const QJsonValue& a :
                     one.value("shopper_groups").toObject().value("attributes").toArray())
                    if (a.toObject().value("attribute").toString() == QLatin1String("age_band"))
                        gap = a.toObject().value("ctr").toObject().value("gap").toDouble();
                QVERIFY(std::isfinite(gap) && gap > 0.0);
                QCOMPARE(run.value("group_ctr_gap").toDouble(), gap);
                sum += gap;
            }
            QCOMPARE(p.value("group_ctr_gap").toDouble(), sum / double(runs.size()));
        }
        const test::CliResult text = test::cli({"report", "--sweep", m_out});
        QVERIFY2(text.out.contains(QStringLiteral("group CTR gap")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral(" pp")), qPrintable(text.out));
    }
};

QTEST_GUILESS_MAIN(TestGroupFairSweep)
#include "tst_group_fair_sweep.moc"
