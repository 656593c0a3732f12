// Issue 14, "Help menu": the user guide inside the workbench (bundled with its images,
// with contents and search), the keyboard shortcuts read from the actions, and a "What's
// this" on every metric chart and counter.

#include "recoscope/core/registry.h"
#include "recoscope/ui/help_window.h"
#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/main_window.h"
#include "recoscope/ui/metric_chart_view.h"
#include "recoscope/ui/shortcuts_dialog.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>

#include <set>

using namespace recoscope;

class TestHelp : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RecoscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_help"));
        QSettings().clear();
        core::registerBuiltinRecommenders(m_registry);
    }

    void guideIsBundledWithItsImages() {
        // Every image the guide names is in the resources, so no picture is broken.
        QFile guide(QStringLiteral(":/guide/user-guide.md"));
        QVERIFY(guide.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(guide.readAll());
        int images = 0;
        for (qsizetype at = text.indexOf(QLatin1String("](images/")); at >= 0;
             at = text.indexOf(QLatin1String("](images/"), at + 1)) {
            const qsizetype end = text.indexOf(QLatin1Char(')'), at);
            const QString path = text.mid(at + 2, end - at - 2);
            QVERIFY2(QFile::exists(QStringLiteral(":/guide/") + path), qPrintable(path));
            ++images;
        }
        QVERIFY(images >= 5);
        QVERIFY(QFile::exists(QStringLiteral(":/guide/metrics.md")));
    }

    void guideShowsSearchesAndNavigates() {
        ui::HelpWindow help;
        help.show();
        const QString plain = help.browser()->document()->toPlainText();
        QVERIFY(plain.contains(QStringLiteral("Run controls")));
        // The contents are the guide's sections, in order.
        QVERIFY(help.contents()->count() >= 8);
        QCOMPARE(help.contents()->item(0)->text(), QStringLiteral("Starting"));
        QVERIFY(help.showSection(QStringLiteral("Teaching mode")));
        QVERIFY(help.browser()->textCursor().block().blockFormat().headingLevel() > 0);
        // Search: found, then the next match, then absent (said, not silent).
        QVERIFY(help.find(QStringLiteral("Stop after")));
        const int first = help.browser()->textCursor().position();
        QVERIFY(help.find(QStringLiteral("Stop after")));
        QVERIFY(help.browser()->textCursor().position() != first);
        QVERIFY(!help.find(QStringLiteral("zzqqxx")));
        auto labels = help.findChildren<QLabel*>();
        bool said = false;
        for (QLabel* l : labels)
            said = said || l->text().contains(QStringLiteral("zzqqxx"));
        QVERIFY(said);
        // A link to another page of the docs opens inside the window.
        help.showPage(QStringLiteral("metrics.md"));
        QVERIFY(
            help.browser()->document()->toPlainText().contains(QStringLiteral("Beyond accuracy")));
    }

    void shortcutsComeFromTheActions() {
        ui::MainWindow w(m_registry, m_dir.filePath(QStringLiteral("h.db")));
        ui::ShortcutsDialog d(&w);
        std::set<QString> listed;
        for (int r = 0; r < d.table()->rowCount(); ++r)
            listed.insert(d.table()->item(r, 1)->text());
        // Every action with a shortcut is listed with its keys.
        int withKeys = 0;
        for (const QAction* a : w.findChildren<QAction*>())
            if (!a->shortcut().isEmpty()) {
                ++withKeys;
                bool found = false;
                for (const QString& k : listed)
                    found = found || k.contains(a->shortcut().toString(QKeySequence::NativeText));
                QVERIFY2(found, qPrintable(a->text()));
            }
        QVERIFY(withKeys >= 8);
        QVERIFY(d.table()->rowCount() >= withKeys - 1); // an action may have two entries
        QVERIFY(w.showHelp(QStringLiteral("Run controls"))->isVisible());
        QVERIFY(w.close());
    }

    void everyMetricSaysWhatItIs() {
        ui::LiveChartsPanel panel;
        for (ui::MetricChartView* v : panel.charts())
            QVERIFY2(!v->whatsThis().isEmpty(), qPrintable(v->objectName()));
        auto* counters = panel.findChild<QTableWidget*>(QStringLiteral("countersTable"));
        QVERIFY(counters->columnCount() > 3);
        for (int c = 0; c < counters->columnCount(); ++c)
            QVERIFY(!counters->horizontalHeaderItem(c)->whatsThis().isEmpty());
    }

private:
    core::RecommenderRegistry m_registry;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestHelp)
#include "tst_help.moc"
