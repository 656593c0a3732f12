// The history's Report… (issue 14): the HTML report of the selected runs is written off
// the GUI thread and announced; the page is the one `recoscope-cli report --html` writes
// (tst_html_report checks its figures). The palette of the live view is the report's.

#include "recoscope/core/registry.h"
#include "recoscope/sim/command_line.h"
#include "recoscope/sim/core_palette.h"
#include "recoscope/sim/html_report.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/ui/html_report_job.h"
#include "recoscope/ui/metric_series_store.h"
#include "recoscope/ui/run_history_panel.h"

#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace recoscope;

class TestHistoryReport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        core::registerBuiltinRecommenders(m_registry);
        m_db = m_dir.filePath(QStringLiteral("runs.db"));
        QString o, e;
        QTextStream os(&o), es(&e);
        sim::CommandLine cli(m_registry, os, es);
        QCOMPARE(cli.exec({QStringLiteral("recoscope-cli"), QStringLiteral("compare"),
                           QStringLiteral("--scenario"), QStringLiteral("teaching-small"),
                           QStringLiteral("--recommenders"), QStringLiteral("popularity,random"),
                           QStringLiteral("--events"), QStringLiteral("3000"),
                           QStringLiteral("--db"), m_db}),
                 0);
    }

    void reportButtonWritesThePage() {
        ui::RunHistoryPanel panel(m_db);
        auto* button = panel.findChild<QPushButton*>(QStringLiteral("reportButton"));
        QVERIFY(button);
        QVERIFY(!button->isEnabled()); // nothing selected
        QVERIFY(panel.selectRun(1));
        QVERIFY(button->isEnabled());

        const QString path = m_dir.filePath(QStringLiteral("report.html"));
        QSignalSpy done(&panel, &ui::RunHistoryPanel::reportWritten);
        QVERIFY(panel.writeReport({1, 2}, path));
        QVERIFY(!button->isEnabled());          // one report at a time
        QVERIFY(!panel.writeReport({1}, path)); // refused while writing
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().at(1).toString(), QString());
        QVERIFY(button->isEnabled());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString written = QString::fromUtf8(f.readAll());
        auto store = sim::RunStore::open(m_db, sim::RunStore::Mode::ReadOnly);
        auto expected = sim::htmlReport(*store.value(), {1, 2});
        QVERIFY(expected);
        // The same page but for the minute it was generated in.
        auto body = [](const QString& html) {
            return html.section(QStringLiteral("</h1>"), 1).section(QStringLiteral("</p>"), 1);
        };
        QCOMPARE(body(written), body(expected.value()));

        // An unknown run: the error comes back, nothing is written.
        const QString bad = m_dir.filePath(QStringLiteral("bad.html"));
        QVERIFY(panel.writeReport({42}, bad));
        QVERIFY(done.wait(60000));
        QVERIFY(done.last().at(1).toString().contains(QStringLiteral("42")));
        QVERIFY(!QFile::exists(bad));
    }

    void oneColourPerCoreEverywhere() {
        for (int i = 0; i < 8; ++i)
            QCOMPARE(ui::coreColor(i).name(QColor::HexRgb).toUpper(),
                     QString::fromLatin1(sim::coreColour(std::size_t(i))));
    }

private:
    QTemporaryDir m_dir;
    QString m_db;
    core::RecommenderRegistry m_registry;
};

QTEST_MAIN(TestHistoryReport)
#include "tst_history_report.moc"
