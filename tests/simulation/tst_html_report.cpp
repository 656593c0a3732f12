// The shareable HTML report (issue 14): the page's figures against independent recounts
// (CTR from the stored counters, its Wilson interval from the closed form, the funnel
// from the summary), the chart geometry against hand-computed ticks, the pairing rule,
// and the CLI's errors.

#include "recoscope/core/registry.h"
#include "recoscope/sim/command_line.h"
#include "recoscope/sim/html_report.h"
#include "recoscope/sim/paired_stats.h"
#include "recoscope/sim/run_analysis.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/svg_line_chart.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace recoscope;

class TestHtmlReport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        core::registerBuiltinRecommenders(m_registry);
        m_db = m_dir.filePath(QStringLiteral("runs.db"));
        // Runs 1-2: an arena on the same shoppers; run 3: another seed.
        QCOMPARE(
            cli({QStringLiteral("compare"), QStringLiteral("--scenario"),
                 QStringLiteral("teaching-small"), QStringLiteral("--recommenders"),
                 QStringLiteral("popularity,random"), QStringLiteral("--seed"), QStringLiteral("5"),
                 QStringLiteral("--events"), QStringLiteral("4000"), QStringLiteral("--db"), m_db}),
            0);
        QCOMPARE(
            cli({QStringLiteral("run"), QStringLiteral("--scenario"),
                 QStringLiteral("teaching-small"), QStringLiteral("--recommender"),
                 QStringLiteral("itemknn"), QStringLiteral("--seed"), QStringLiteral("6"),
                 QStringLiteral("--events"), QStringLiteral("4000"), QStringLiteral("--db"), m_db}),
            0);
    }

    void ticksAreRoundAndCoverTheRange() {
        QCOMPARE(sim::SvgLineChart::ticks(0.0, 1.0),
                 (std::vector<double>{0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0}));
        // Range / 5 = 0.0116: the step is the next of 1, 2, 5 x 10^k above it, 0.02.
        QCOMPARE(sim::SvgLineChart::ticks(0.0, 0.058), (std::vector<double>{0.0, 0.02, 0.04}));
        QVERIFY(sim::SvgLineChart::ticks(1.0, 1.0).empty());
        QCOMPARE(sim::SvgLineChart::ticks(-30.0, 70.0, 5).front(), -20.0);
    }

    void nanBreaksTheLine() {
        sim::SvgLineChart c;
        c.setTitle(QStringLiteral("a < b"));
        c.addSeries({QStringLiteral("x"),
                     QStringLiteral("#0072B2"),
                     {{0, 1}, {1, 2}, {2, std::nan("")}, {3, 1}, {4, 2}}});
        const QString svg = c.toSvg();
        QCOMPARE(svg.count(QStringLiteral("<polyline")), 2);
        QVERIFY(svg.contains(QStringLiteral("a &lt; b"))); // escaped
        QVERIFY(!svg.contains(QStringLiteral("nan")));
    }

    void wilsonMatchesTheClosedForm() {
        // p = 0.5, n = 10, z = 1.959964: (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n).
        const sim::Interval a = sim::wilsonInterval(5, 10);
        QVERIFY(std::abs(a.low - 0.236593) < 1e-5);
        QVERIFY(std::abs(a.high - 0.763407) < 1e-5);
        const sim::Interval zero = sim::wilsonInterval(0, 10); // stays inside [0, 1]
        QCOMPARE(zero.low, 0.0);
        QVERIFY(std::abs(zero.high - 0.277533) < 1e-5);
        QVERIFY(std::isnan(sim::wilsonInterval(0, 0).low));
    }

    void pageHoldsTheStoredFigures() {
        auto store = sim::RunStore::open(m_db, sim::RunStore::Mode::ReadOnly);
        QVERIFY(store);
        auto page = sim::htmlReport(*store.value(), {1, 2, 3});
        QVERIFY2(page, page ? "" : page.error().c_str());
        const QString html = page.value();
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(!html.contains(QStringLiteral("src=\"http"))); // self-contained
        QVERIFY(!html.contains(QStringLiteral("<script")));
        for (qint64 id : {1, 2, 3}) {
            const QJsonObject s =
                QJsonDocument::fromJson(store.value()->run(id).value().summaryJson).object();
            const double clicks = s.value(QStringLiteral("clicks")).toDouble();
            const double imps = s.value(QStringLiteral("impressions")).toDouble();
            QVERIFY(imps > 0);
            // CTR recounted from the counters, and its interval, as the page prints them.
            const sim::Interval ci = sim::wilsonInterval(clicks, imps);
            const QString ctr = QStringLiteral("%1% <span class=\"note\">[%2%, %3%]</span>")
                                    .arg(QString::number(100.0 * clicks / imps, 'f', 2),
                                         QString::number(100.0 * ci.low, 'f', 2),
                                         QString::number(100.0 * ci.high, 'f', 2));
            QVERIFY2(html.contains(ctr), qPrintable(ctr));
            // The funnel's click count is the run's.
            QVERIFY(html.contains(QStringLiteral("<td>%1</td>").arg(clicks, 0, 'f', 0)));
        }
        QCOMPARE(html.count(QStringLiteral("<svg")), 8); // six metric charts, two feedback-loop
        QVERIFY(html.contains(QStringLiteral("#2 random")));
        // Runs 1 and 2 faced the same shoppers; run 3 did not and is named as not paired.
        QVERIFY(html.contains(QStringLiteral("Differences against run #1")));
        QVERIFY(html.contains(QStringLiteral("Not paired (another scenario or seed, so other "
                                             "shoppers): #3.")));
        // One difference row per figure and compared run: only run 2 is compared.
        QCOMPARE(html.count(QStringLiteral("<td>clicks</td><td><span class=\"sw\"")), 1);
        // Every run keeps its palette colour.
        QVERIFY(html.contains(QStringLiteral("stroke=\"#D55E00\"")));
        // Fairness across shoppers: each run's female CTR and gender gap as `report --json`
        // has them, in the run's column.
        QVERIFY(html.contains(QStringLiteral("<h2>Fairness across shoppers</h2>")));
        QString femaleRow = QStringLiteral("<tr><td>gender</td><td>female</td>");
        QString gapRow = QStringLiteral("<tr><td></td><td><b>gap / ratio</b></td>");
        for (qint64 id : {1, 2, 3}) {
            const QJsonObject gender = sim::analyseStoredRun(*store.value(), id)
                                           .value()
                                           .value(QStringLiteral("shopper_groups"))
                                           .toObject()
                                           .value(QStringLiteral("attributes"))
                                           .toArray()
                                           .at(0)
                                           .toObject();
            QCOMPARE(gender.value(QStringLiteral("attribute")).toString(),
                     QStringLiteral("gender"));
            const QJsonObject female =
                gender.value(QStringLiteral("groups")).toArray().at(0).toObject();
            const double ctr = female.value(QStringLiteral("clicks")).toDouble() /
                               female.value(QStringLiteral("impressions")).toDouble();
            femaleRow += QStringLiteral("\n<td>%1%</td>").arg(100.0 * ctr, 0, 'f', 2);
            const QJsonObject d = gender.value(QStringLiteral("ctr")).toObject();
            gapRow += QStringLiteral("\n<td><b>%1 pp / %2</b></td>")
                          .arg(100.0 * d.value(QStringLiteral("gap")).toDouble(), 0, 'f', 2)
                          .arg(d.value(QStringLiteral("ratio")).toDouble(), 0, 'f', 2);
        }
        QVERIFY2(html.contains(femaleRow), qPrintable(femaleRow));
        QVERIFY2(html.contains(gapRow), qPrintable(gapRow));
        // Fairness to items: each run's top-decile share as `report --json` has it, recomputed
        // from its impressions, in the run's column.
        QVERIFY(html.contains(QStringLiteral("<h2>Fairness to items</h2>")));
        QString topRow = QStringLiteral("<tr><td>1</td>");
        for (qint64 id : {1, 2, 3}) {
            const QJsonObject e = sim::analyseStoredRun(*store.value(), id)
                                      .value()
                                      .value(QStringLiteral("item_exposure"))
                                      .toObject();
            const QJsonObject d1 = e.value(QStringLiteral("deciles")).toArray().at(0).toObject();
            const double s = d1.value(QStringLiteral("impressions")).toDouble() /
                             e.value(QStringLiteral("impressions")).toDouble();
            topRow += QStringLiteral("\n<td>%1% (%2)</td>")
                          .arg(100.0 * s, 0, 'f', 1)
                          .arg(d1.value(QStringLiteral("ratio")).toDouble(), 0, 'f', 2);
        }
        QVERIFY2(html.contains(topRow), qPrintable(topRow));
        // The feedback loop: one chart per figure, each run in the legend.
        QVERIFY(html.contains(QStringLiteral("<h2>The feedback loop</h2>")));
        QVERIFY(html.contains(QStringLiteral("Exposure Gini by day")));
        QVERIFY(html.contains(QStringLiteral("Revealed-interest drift by day")));
    }

    void errorsAreClear() {
        auto store = sim::RunStore::open(m_db, sim::RunStore::Mode::ReadOnly);
        QVERIFY(!sim::htmlReport(*store.value(), {}));
        QVERIFY(!sim::htmlReport(*store.value(), {1, 2, 3, 1, 2, 3, 1, 2, 3}));
        auto missing = sim::htmlReport(*store.value(), {99});
        QVERIFY(!missing);
        QVERIFY(QString::fromStdString(missing.error()).contains(QStringLiteral("99")));

        const QString out = m_dir.filePath(QStringLiteral("r.html"));
        QString o, e;
        QCOMPARE(
            cli({QStringLiteral("report"), QStringLiteral("--db"), m_db, QStringLiteral("--run"),
                 QStringLiteral("1,2"), QStringLiteral("--html"), out},
                &o, &e),
            0);
        QVERIFY(o.contains(QStringLiteral("wrote")));
        QVERIFY(QFile::exists(out));
        QCOMPARE(
            cli({QStringLiteral("report"), QStringLiteral("--db"), m_db, QStringLiteral("--run"),
                 QStringLiteral("1,x"), QStringLiteral("--html"), out},
                &o, &e),
            2);
        QVERIFY(e.contains(QStringLiteral("'1,x'")));
        QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("--db"),
                      m_dir.filePath(QStringLiteral("none.db")), QStringLiteral("--run"),
                      QStringLiteral("1"), QStringLiteral("--html"), out},
                     &o, &e),
                 4);
        QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("--db"), m_db,
                      QStringLiteral("--run"), QStringLiteral("7"), QStringLiteral("--html"), out},
                     &o, &e),
                 4);
        QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("--db"), m_db,
                      QStringLiteral("--run"), QStringLiteral("1"), QStringLiteral("--html"),
                      m_dir.filePath(QStringLiteral("no/such/dir/r.html"))},
                     &o, &e),
                 4);
        QVERIFY(e.contains(QStringLiteral("no/such/dir/r.html")));
    }

private:
    int cli(const QStringList& args, QString* out = nullptr, QString* err = nullptr) {
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

    QTemporaryDir m_dir;
    QString m_db;
    core::RecommenderRegistry m_registry;
};

QTEST_MAIN(TestHtmlReport)
#include "tst_html_report.moc"
