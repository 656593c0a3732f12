// Issue 14, "Reports a product manager can share": every table copies its selection as
// tab-separated text (Ctrl+C) and exports CSV; every chart saves as PNG, SVG or PDF. The
// expected texts are written out by hand here, not produced by the code under test.

#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/metric_chart_view.h"
#include "recoscope/ui/table_actions.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace recoscope;

namespace {

// 3 x 3 with headers; cells with a comma, a quote and a line break.
QTableWidget* sampleTable() {
    auto* t = new QTableWidget(3, 3);
    t->setHorizontalHeaderLabels(
        {QStringLiteral("core"), QStringLiteral("CTR\n95 % CI"), QStringLiteral("revenue")});
    t->verticalHeader()->hide();
    const char* cells[3][3] = {{"popularity", "4.10%", "1,234"},
                               {"itemknn", "5.00%", "say \"hi\""},
                               {"bpr", "3.90%", "0"}};
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            t->setItem(r, c, new QTableWidgetItem(QString::fromUtf8(cells[r][c])));
    ui::TableActions::install(t);
    return t;
}

} // namespace

class TestTableChartExport : public QObject {
    Q_OBJECT

private slots:
    void csvQuotesWhatNeedsIt() {
        std::unique_ptr<QTableWidget> t(sampleTable());
        QCOMPARE(ui::TableActions::tableAsCsv(t.get()),
                 QStringLiteral("core,\"CTR\n95 % CI\",revenue\n"
                                "popularity,4.10%,\"1,234\"\n"
                                "itemknn,5.00%,\"say \"\"hi\"\"\"\n"
                                "bpr,3.90%,0\n"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.csv"));
        QVERIFY(ui::TableActions::exportCsv(t.get(), path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), ui::TableActions::tableAsCsv(t.get()));
        QString error;
        QVERIFY(!ui::TableActions::exportCsv(t.get(), dir.filePath(QStringLiteral("no/such/x.csv")),
                                             &error));
        QVERIFY(error.contains(QStringLiteral("no/such/x.csv")));
    }

    void copyTakesTheSelectionInViewOrder() {
        std::unique_ptr<QTableWidget> t(sampleTable());
        t->show();
        QVERIFY(QTest::qWaitForWindowExposed(t.get()));
        // Nothing selected: the whole table.
        t->clearSelection();
        QCOMPARE(ui::TableActions::selectionAsTsv(t.get()).count(QLatin1Char('\n')), 4);
        // Two cells of different rows and columns: their rectangle, the others empty.
        t->setCurrentCell(0, 0, QItemSelectionModel::ClearAndSelect);
        t->setCurrentCell(2, 2, QItemSelectionModel::Select);
        const QString expected = QStringLiteral("core\trevenue\npopularity\t\n\t0\n");
        QCOMPARE(ui::TableActions::selectionAsTsv(t.get()), expected);
        // Ctrl+C on the table puts it on the clipboard.
        QApplication::clipboard()->clear();
        t->setFocus();
        QTest::keyClick(t.get(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), expected);
        // Sorted by a column, the text follows the rows as shown; headers stay one cell.
        t->setSortingEnabled(true);
        t->sortByColumn(0, Qt::AscendingOrder);
        t->clearSelection();
        QCOMPARE(ui::TableActions::selectionAsTsv(t.get()),
                 QStringLiteral("core\tCTR 95 % CI\trevenue\nbpr\t3.90%\t0\n"
                                "itemknn\t5.00%\tsay \"hi\"\npopularity\t4.10%\t1,234\n"));
    }

    void dashboardTablesHaveTheActions() {
        ui::LiveChartsPanel panel;
        for (const char* name : {"countersTable", "funnelTable", "coldStartTable"}) {
            auto* t = panel.findChild<QTableWidget*>(QString::fromLatin1(name));
            QVERIFY2(t, name);
            QVERIFY(t->findChild<QAction*>(QStringLiteral("copyTable")));
            QVERIFY(t->findChild<QAction*>(QStringLiteral("exportTableCsv")));
            QVERIFY(t->selectionMode() != QAbstractItemView::NoSelection);
        }
        for (ui::MetricChartView* v : panel.charts())
            QVERIFY(v->findChild<QAction*>(QStringLiteral("saveChart")));
    }

    void chartSavesPngSvgPdf() {
        std::unique_ptr<ui::MetricChartView> v(ui::MetricChartView::create());
        v->setTitle(QStringLiteral("CTR"));
        v->setSeries({{QStringLiteral("a"), QStringLiteral("popularity"), QColor(0, 90, 200)}});
        std::vector<ui::ChartSample> s;
        for (int i = 0; i < 20; ++i)
            s.push_back({double(i), 0.01 * i, 0.01 * i, 0.01 * i});
        v->setSamples(QStringLiteral("a"), s);
        v->resize(600, 400);
        v->show();
        QVERIFY(QTest::qWaitForWindowExposed(v.get()));
        v->refresh();
        QTemporaryDir dir;
        QString error;
        QVERIFY2(v->saveAs(dir.filePath(QStringLiteral("c")), &error), qPrintable(error));
        const QImage png(dir.filePath(QStringLiteral("c.png"))); // no suffix: PNG
        QCOMPARE(png.size(), QSize(600, 400));
        QVERIFY(v->saveAs(dir.filePath(QStringLiteral("c.svg"))));
        QFile svg(dir.filePath(QStringLiteral("c.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("<polyline"));
        QVERIFY(v->saveAs(dir.filePath(QStringLiteral("c.pdf"))));
        QFile pdf(dir.filePath(QStringLiteral("c.pdf")));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.size() > 1000);
        QCOMPARE(v->size(), QSize(600, 400)); // the widget is back to its size
        QVERIFY(!v->saveAs(dir.filePath(QStringLiteral("c.gif")), &error));
        QVERIFY(error.contains(QStringLiteral(".gif")));
    }
};

QTEST_MAIN(TestTableChartExport)
#include "tst_table_chart_export.moc"
