// The run history's second pass (issue 14): a label edited in the view and a note in its
// editor reach the store (read back with plain sqlite3), a locked store keeps the old
// text and says why, the Parameters column says what params_json holds (recounted from
// the stored text with a regular expression, not with the model's JSON reader), the
// search box hides what does not match, the default layout shows enough rows, and a store
// this user may not write is browsed read-only with the reason shown (as root the test
// re-runs that one function of itself as `nobody`, since root writes through permissions).

#include "cli_process.h"
#include "recoscope/core/registry.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/ui/main_window.h"
#include "recoscope/ui/run_comparison_window.h"
#include "recoscope/ui/run_history_model.h"
#include "recoscope/ui/run_history_panel.h"
#include "recoscope/ui/run_note_dialog.h"

#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <map>

#include <unistd.h>

using namespace recoscope;

namespace {

constexpr int kRuns = 20;
// The number of history rows the default layout (a first start: 1500 x 950, the main
// window's default) must show. It was 4 with the old 190 px dock. More needs the charts
// to give up height: their own minimum (two rows of 200 px charts, 535 px in all) is what
// stops the dock, and the window cannot be smaller than 1483 x 765 (the docks' minimum
// widths), so 1280 x 800 cannot be tested as such.
constexpr int kDefaultRows = 10;

QString rawText(const QString& path, const QString& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    QString out = QStringLiteral("<error>");
    if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        out = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

// "alpha=0.5, k=20" from the stored JSON text itself: every "key":value pair, keys
// sorted. Independent of QJsonDocument and of sim::RunParamsText.
QString recountParams(const QString& json) {
    static const QRegularExpression pair(QStringLiteral("\"([^\"]+)\":(\"([^\"]*)\"|[^,}]+)"));
    std::map<QString, QString> kv;
    for (auto it = pair.globalMatch(json); it.hasNext();) {
        const auto m = it.next();
        kv[m.captured(1)] = m.captured(3).isNull() ? m.captured(2) : m.captured(3);
    }
    QStringList out;
    for (const auto& [k, v] : kv)
        out << k + QLatin1Char('=') + v;
    return out.join(QStringLiteral(", "));
}

struct Locked {
    sqlite3* db = nullptr;
    explicit Locked(const QString& path) {
        sqlite3_open(path.toUtf8().constData(), &db);
        sqlite3_exec(db, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr);
    }
    ~Locked() {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
};

} // namespace

class TestRunHistory : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<ui::RunHistoryPanel> m_panel;

    QModelIndex cell(qint64 runId, int column) const {
        const int row = m_panel->model()->rowOfRun(runId);
        auto* proxy = static_cast<QSortFilterProxyModel*>(m_panel->view()->model());
        return proxy->mapFromSource(m_panel->model()->index(row, column));
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RecoscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_run_history"));
        QSettings().clear();
        m_db = m_dir.filePath(QStringLiteral("history.db"));
        auto store = sim::RunStore::open(m_db);
        QVERIFY(store.ok());
        const char* cores[] = {"itemknn", "popularity", "bpr"};
        for (int i = 0; i < kRuns; ++i) {
            sim::RunInfo r;
            r.scenarioName = i % 4 == 0 ? QStringLiteral("flash-sale") : QStringLiteral("default");
            r.scenarioJson = "{}";
            r.scenarioHash = QStringLiteral("h");
            r.seed = static_cast<quint64>(i);
            r.recommender = QString::fromLatin1(cores[i % 3]);
            r.paramsJson = QStringLiteral("{\"alpha\":%1,\"k\":%2,\"mode\":\"%3\"}")
                               .arg(0.25 * (i % 5))
                               .arg(10 + i)
                               .arg(i % 2 ? QStringLiteral("fast") : QStringLiteral("exact"))
                               .toUtf8();
            r.buildVersion = QStringLiteral("test");
            r.label = i == 5 ? QStringLiteral("baseline") : QString();
            const qint64 id = store.value()->beginRun(r).value();
            // Run 7 has what summaries hold since 2026-12-02: the run's speed, its set-up
            // and the process's peak memory (the others, older summaries, have none).
            const QByteArray summary =
                i == 7 ? QByteArray("{\"events\":100,\"ctr\":0.1,\"events_per_sec\":812345.6,"
                                    "\"wall_s\":0.25,\"setup_s\":3.43,\"peak_rss_mb\":640.2}")
                       : QByteArray("{\"events\":100,\"ctr\":0.1}");
            QVERIFY(store.value()->finishRun(id, QStringLiteral("finished"), summary));
        }
        m_panel = std::make_unique<ui::RunHistoryPanel>(m_db);
        m_panel->resize(1200, 600);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        QCOMPARE(m_panel->model()->rowCount(), kRuns);
    }

    void labelEditedInTheViewIsStored() {
        // Double-click on a label edits it (and opens no run window); Enter saves.
        QTableView* v = m_panel->view();
        const QModelIndex index = cell(3, ui::RunHistoryModel::Label);
        v->scrollTo(index);
        const QPoint at = v->visualRect(index).center();
        QTest::mouseClick(v->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(v->viewport(), Qt::LeftButton, {}, at);
        auto* editor = v->viewport()->findChild<QLineEdit*>();
        QVERIFY(editor);
        QVERIFY(m_panel->findChildren<ui::RunComparisonWindow*>().isEmpty());
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("hot items")); // keyClicks takes ASCII only
        editor->insert(QStringLiteral(" – ü"));
        QTest::keyClick(editor, Qt::Key_Return); // the delegate commits by a queued call
        QTRY_COMPARE(rawText(m_db, QStringLiteral("SELECT label FROM runs WHERE id = 3")),
                     QStringLiteral("hot items – ü"));
        QCOMPARE(index.data().toString(), QStringLiteral("hot items – ü"));

        // F2 edits too; an over-long label is refused by the store, the old one stays.
        v->setCurrentIndex(index);
        QTest::keyClick(v, Qt::Key_F2);
        editor = v->viewport()->findChild<QLineEdit*>();
        QVERIFY(editor);
        editor->setText(QString(81, QLatin1Char('x')));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(m_panel->notice()->isVisible());
        QVERIFY2(m_panel->notice()->text().contains(QStringLiteral("80")),
                 qPrintable(m_panel->notice()->text()));
        QCOMPARE(rawText(m_db, QStringLiteral("SELECT label FROM runs WHERE id = 3")),
                 QStringLiteral("hot items – ü"));
        QCOMPARE(index.data().toString(), QStringLiteral("hot items – ü"));
    }

    void lockedStoreKeepsTheOldText() {
        m_panel->model()->store()->setBusyTimeout(50);
        const QModelIndex index = cell(4, ui::RunHistoryModel::Label);
        {
            Locked lock(m_db);
            QVERIFY(!m_panel->view()->model()->setData(index, QStringLiteral("while locked")));
        }
        QVERIFY(m_panel->notice()->isVisible());
        QVERIFY2(m_panel->notice()->text().contains(QStringLiteral("locked")),
                 qPrintable(m_panel->notice()->text()));
        QCOMPARE(index.data().toString(), QString());
        QCOMPARE(rawText(m_db, QStringLiteral("SELECT label FROM runs WHERE id = 4")), QString());
        // Unlocked, the same edit goes through and the notice goes away.
        QVERIFY(m_panel->view()->model()->setData(index, QStringLiteral("after the lock")));
        QVERIFY(!m_panel->notice()->isVisible());
        QCOMPARE(rawText(m_db, QStringLiteral("SELECT label FROM runs WHERE id = 4")),
                 QStringLiteral("after the lock"));
    }

    void noteEditorStoresTheNote() {
        ui::RunNoteDialog* d = m_panel->openNoteEditor(6);
        QVERIFY(d);
        const QString note = QStringLiteral("Flash sale baseline.\nCTR dips on day 2 – why?");
        d->editor()->setPlainText(note);
        {
            // Locked: the dialog stays open with the message, the text is kept.
            Locked lock(m_db);
            d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
        }
        QVERIFY(d->isVisible());
        QVERIFY(d->errorLabel()->isVisible());
        QVERIFY2(d->errorLabel()->text().contains(QStringLiteral("locked")),
                 qPrintable(d->errorLabel()->text()));
        QCOMPARE(d->editor()->toPlainText(), note);
        QCOMPARE(rawText(m_db, QStringLiteral("SELECT note FROM runs WHERE id = 6")), QString());
        QPointer<ui::RunNoteDialog> alive(d);
        d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
        QTRY_VERIFY(!alive || !alive->isVisible());
        QCOMPARE(rawText(m_db, QStringLiteral("SELECT note FROM runs WHERE id = 6")), note);
        QCOMPARE(cell(6, ui::RunHistoryModel::Note).data().toString(),
                 QStringLiteral("Flash sale baseline."));
        QCOMPARE(cell(6, ui::RunHistoryModel::Note).data(Qt::ToolTipRole).toString(), note);
    }

    void parametersColumnSaysWhatIsStored() {
        const QAbstractItemModel* m = m_panel->view()->model();
        for (int row = 0; row < m->rowCount(); ++row) {
            const qint64 id = m->index(row, 0).data(ui::RunHistoryModel::RunIdRole).toLongLong();
            const QString stored =
                rawText(m_db, QStringLiteral("SELECT params_json FROM runs WHERE id = %1").arg(id));
            // (Mutation tried: the brief form without its last parameter -> "mode=…" is
            // missing and this fails for every row.)
            QCOMPARE(m->index(row, ui::RunHistoryModel::Parameters).data().toString(),
                     recountParams(stored));
            QVERIFY(m->index(row, ui::RunHistoryModel::Parameters)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .contains(QStringLiteral("k = %1").arg(9 + id)));
        }
        // Sortable: the column's texts in order.
        m_panel->view()->sortByColumn(ui::RunHistoryModel::Parameters, Qt::AscendingOrder);
        for (int row = 1; row < m->rowCount(); ++row)
            QVERIFY(m->index(row - 1, ui::RunHistoryModel::Parameters).data().toString() <=
                    m->index(row, ui::RunHistoryModel::Parameters).data().toString());
        m_panel->view()->sortByColumn(ui::RunHistoryModel::Id, Qt::DescendingOrder);
    }

    // The Events cell's tooltip says what the run cost the machine, from the stored summary;
    // a summary without those fields gives no tooltip (not zeros).
    void eventsTooltipSaysWhatTheRunCost() {
        const QLocale locale;
        const QString cost = cell(8, ui::RunHistoryModel::Events).data(Qt::ToolTipRole).toString();
        QVERIFY2(cost.contains(locale.toString(812346.0, 'f', 0) + QStringLiteral(" events/s")),
                 qPrintable(cost));
        QVERIFY2(cost.contains(locale.toString(0.25, 'f', 2) + QStringLiteral(" s")),
                 qPrintable(cost));
        QVERIFY2(cost.contains(locale.toString(3.43, 'f', 2) + QStringLiteral(" s of set-up")),
                 qPrintable(cost));
        QVERIFY2(cost.contains(locale.toString(640.0, 'f', 0) + QStringLiteral(" MB")),
                 qPrintable(cost));
        QVERIFY(cell(9, ui::RunHistoryModel::Events).data(Qt::ToolTipRole).toString().isEmpty());
    }

    void searchBoxHidesWhatDoesNotMatch() {
        const QAbstractItemModel* m = m_panel->view()->model();
        // Expected rows recounted from the fixture: the scenario of every 4th run, a
        // label, a note, a parameter value, a core.
        const struct {
            QString text;
            QList<qint64> runs;
        } cases[] = {
            {QStringLiteral("FLASH"), {1, 5, 6, 9, 13, 17}}, // scenario (1,5,9,13,17), note (6)
            {QStringLiteral("baseline"), {6, 6}},            // run 6's label and note
            {QStringLiteral("hot items"), {3}},
            {QStringLiteral("k=25"), {16}},
            {QStringLiteral("popularity"), {2, 5, 8, 11, 14, 17, 20}},
            {QStringLiteral("no such text"), {}},
        };
        for (const auto& c : cases) {
            m_panel->filter()->clear();
            QTest::keyClicks(m_panel->filter(), c.text);
            QList<qint64> shown;
            for (int row = 0; row < m->rowCount(); ++row)
                shown << m->index(row, 0).data(ui::RunHistoryModel::RunIdRole).toLongLong();
            std::sort(shown.begin(), shown.end());
            QList<qint64> expected = c.runs;
            expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
            QCOMPARE(shown, expected);
        }
        m_panel->filter()->clear();
        QCOMPARE(m->rowCount(), kRuns);
    }

    void defaultLayoutShowsEnoughRows() {
        // (Mutation tried: the history dock back at its old 190 px -> 4 rows, fails.)
        core::RecommenderRegistry registry;
        core::registerBuiltinRecommenders(registry);
        ui::MainWindow w(registry, m_db);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::qWait(50);
        auto* panel = w.findChild<ui::RunHistoryPanel*>();
        QVERIFY(panel);
        QTableView* v = panel->view();
        int visible = 0;
        for (int row = 0; row < v->model()->rowCount(); ++row)
            if (v->viewport()->rect().contains(v->visualRect(v->model()->index(row, 0))))
                ++visible;
        QVERIFY2(visible >= kDefaultRows, qPrintable(QStringLiteral("%1 rows in a %2 x %3 window")
                                                         .arg(visible)
                                                         .arg(w.width())
                                                         .arg(w.height())));
        // …and the charts keep at least their minimum height.
        QVERIFY(w.centralWidget()->height() >= w.centralWidget()->minimumSizeHint().height());
    }

    void readOnlyStoreIsBrowsed() {
        const QString childDb = qEnvironmentVariable("RECOSCOPE_TEST_READONLY_DB");
        if (!childDb.isEmpty()) { // the unprivileged child of the branch below
            browseReadOnly(childDb);
            return;
        }
        QTemporaryDir base;
        const QString dir = base.filePath(QStringLiteral("archive"));
        const QString home = base.filePath(QStringLiteral("home"));
        QVERIFY(QDir().mkpath(dir) && QDir().mkpath(home));
        const QString db = dir + QStringLiteral("/archive.db");
        {
            auto store = sim::RunStore::open(db);
            QVERIFY(store.ok());
            for (int i = 0; i < 3; ++i) {
                sim::RunInfo r;
                r.scenarioName = QStringLiteral("default");
                r.scenarioJson = "{}";
                r.scenarioHash = QStringLiteral("h");
                r.recommender = QStringLiteral("popularity");
                r.buildVersion = QStringLiteral("test");
                const qint64 id = store.value()->beginRun(r).value();
                QVERIFY(store.value()->finishRun(id, QStringLiteral("finished"), "{}"));
            }
        }
        const auto r = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
        const auto x = QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
        QVERIFY(QFile::setPermissions(db, r));
        QVERIFY(QFile::setPermissions(dir, r | x));
        QVERIFY(QFile::setPermissions(base.path(), r | x | QFile::WriteOwner));
        const QByteArray before = sha256(db);
        if (!test::runsAsRoot()) {
            browseReadOnly(db);
        } else {
            QVERIFY(::chown(home.toLocal8Bit().constData(), 65534, 65534) == 0);
            QProcess child;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("RECOSCOPE_TEST_READONLY_DB"), db);
            env.insert(QStringLiteral("HOME"), home);
            env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home);
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            child.setProcessEnvironment(env);
            child.setChildProcessModifier(test::becomeNobody);
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("readOnlyStoreIsBrowsed")});
            QVERIFY(child.waitForFinished(120000));
            const QString out = QString::fromUtf8(child.readAll());
            QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                     qPrintable(out));
            QVERIFY2(
                out.contains(QStringLiteral("PASS   : TestRunHistory::readOnlyStoreIsBrowsed")),
                qPrintable(out));
        }
        QCOMPARE(sha256(db), before);
        QVERIFY(QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }

private:
    static QByteArray sha256(const QString& path) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }

    // The runs are listed, the notice says read-only and names the file, and a label edit is
    // refused with the old text kept. Mutation check: without RunHistoryModel's read-only
    // fallback the panel lists no run (the writable open is refused).
    static void browseReadOnly(const QString& db) {
        ui::RunHistoryPanel panel(db);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.model()->rowCount(), 3);
        QVERIFY(panel.notice()->isVisible());
        QVERIFY2(panel.notice()->text().contains(QStringLiteral("read-only")) &&
                     panel.notice()->text().contains(db),
                 qPrintable(panel.notice()->text()));
        auto* proxy = panel.view()->model();
        const QModelIndex label = proxy->index(0, ui::RunHistoryModel::Label);
        QVERIFY(!proxy->setData(label, QStringLiteral("cannot be saved")));
        QCOMPARE(label.data().toString(), QString());
        QVERIFY(panel.notice()->isVisible());
    }
};

QTEST_MAIN(TestRunHistory)
#include "tst_run_history.moc"
