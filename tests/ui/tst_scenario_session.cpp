// Issue 14, "Forms and files": the scenario form never shows or stores a value the user
// did not give (a list entry that is not a number is refused inline; a JSON syntax error
// hides the form; an invalid or out-of-range value is shown as written, not as a default
// or clamped), an edited built-in is not stored under the built-in's name, quitting with
// unsaved edits asks, and the scenario, limit and strategies come back on restart.

#include "recoscope/core/registry.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/ui/main_window.h"
#include "recoscope/ui/scenario_panel.h"
#include "recoscope/ui/strategy_panel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace recoscope;

namespace {

QJsonObject docOf(const ui::ScenarioPanel& p) {
    return QJsonDocument::fromJson(p.jsonText().toUtf8()).object();
}

// Answers the next modal box `name` with `button`, from inside its exec() loop; then runs
// `after` (for a dialog the answer opens).
void answerSoon(const QString& name, QMessageBox::StandardButton button,
                std::function<void()> after = {}) {
    QTimer::singleShot(50, [=] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box || box->objectName() != name) {
            answerSoon(name, button, after); // not up yet
            return;
        }
        if (after)
            after();
        box->button(button)->click();
    });
}

} // namespace

class TestScenarioSession : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RecoscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_scenario_session"));
        QSettings().clear();
        core::registerBuiltinRecommenders(m_registry);
    }

    void listEntryThatIsNoNumberIsRefused() {
        ui::ScenarioPanel panel;
        QVERIFY(panel.selectPreset(QStringLiteral("default")));
        const QJsonObject before = docOf(panel);
        auto* genders = panel.findChild<QLineEdit*>(QStringLiteral("$.population.genders"));
        QVERIFY(genders);
        genders->setText(QStringLiteral("0.49, 0.49, abc"));
        emit genders->editingFinished();
        QCOMPARE(docOf(panel), before); // nothing stored, no 0 in place of "abc"
        QVERIFY(!genders->styleSheet().isEmpty());
        QVERIFY(genders->toolTip().contains(QStringLiteral("\"abc\"")));
        auto* errors = panel.findChild<QLabel*>(QStringLiteral("scenarioErrors"));
        QVERIFY(errors->isVisibleTo(&panel));
        QVERIFY2(errors->text().contains(QStringLiteral("Entry 3 of 3")),
                 qPrintable(errors->text()));
        QVERIFY(!panel.scenario()); // a run cannot start on the old value silently
        QVERIFY(panel.isModified());

        genders->setText(QStringLiteral("0.5, 0.3, 0.2"));
        emit genders->editingFinished();
        QVERIFY(panel.scenario());
        QCOMPARE(panel.scenario().value().population.genders, (std::vector<double>{0.5, 0.3, 0.2}));
        QVERIFY(panel.validationText().isEmpty());
    }

    void formShowsWhatTheJsonSays() {
        ui::ScenarioPanel panel;
        QVERIFY(panel.selectPreset(QStringLiteral("default")));
        auto* note = panel.findChild<QLabel*>(QStringLiteral("scenarioFormNote"));
        QVERIFY(note);
        QVERIFY(!note->isVisibleTo(&panel));

        // A syntax error hides the form instead of leaving the last document's values.
        panel.setJsonText(QStringLiteral("{\"catalogue\": {\"restock_days\": 3,"));
        QVERIFY(note->isVisibleTo(&panel));
        QVERIFY(note->text().contains(QStringLiteral("JSON")));

        // Readable again but invalid elsewhere: the form shows the file's 3, not the
        // default 2; an out-of-range 5 items shows 5, not the least value 10; "many"
        // users is shown as written.
        panel.setJsonText(QStringLiteral("{\"catalogue\": {\"restock_days\": 3, \"items\": 5},"
                                         " \"population\": {\"users\": \"many\"}}"));
        QVERIFY(!note->isVisibleTo(&panel));
        QVERIFY(!panel.scenario());
        auto* restock =
            panel.findChild<QDoubleSpinBox*>(QStringLiteral("$.catalogue.restock_days"));
        QVERIFY(restock);
        QCOMPARE(restock->value(), 3.0);
        auto* items = panel.findChild<QSpinBox*>(QStringLiteral("$.catalogue.items"));
        QVERIFY(items);
        QCOMPARE(items->value(), 5);
        QVERIFY(!items->styleSheet().isEmpty()); // marked by the validator
        auto* users = panel.findChild<QLabel*>(QStringLiteral("$.population.users"));
        QVERIFY(users);
        QCOMPARE(users->text(), QStringLiteral("\"many\""));
    }

    void editedBuiltinHasItsOwnName() {
        ui::ScenarioPanel panel;
        QVERIFY(panel.selectPreset(QStringLiteral("flash-sale")));
        QCOMPARE(panel.scenario().value().name, QStringLiteral("flash-sale"));
        QVERIFY(!panel.isModified());
        auto* slate = panel.findChild<QSpinBox*>(QStringLiteral("$.slate_size"));
        slate->setValue(slate->value() + 1);
        QVERIFY(panel.isModified());
        const sim::Scenario edited = panel.scenario().value();
        // The hash is the edited content's, under the built-in's name.
        const QString hash =
            sim::parseScenario(panel.jsonText().toUtf8(), QStringLiteral("t")).value().hash();
        QCOMPARE(edited.name, QStringLiteral("flash-sale (edited %1)").arg(hash.left(8)));
        // Another edit, another name; back to the original, the built-in's name again.
        slate->setValue(slate->value() + 1);
        QVERIFY(panel.scenario().value().name != edited.name);
        slate->setValue(slate->value() - 2);
        QVERIFY(!panel.isModified());
        QCOMPARE(panel.scenario().value().name, QStringLiteral("flash-sale"));
        // A name the user typed is kept as typed.
        QJsonObject doc = docOf(panel);
        doc.insert(QStringLiteral("name"), QStringLiteral("my sale"));
        panel.setJsonText(QString::fromUtf8(QJsonDocument(doc).toJson()));
        QCOMPARE(panel.scenario().value().name, QStringLiteral("my sale"));
    }

    void quittingWithEditsAsks() {
        const QString db = m_dir.filePath(QStringLiteral("runs.db"));
        auto w = std::make_unique<ui::MainWindow>(m_registry, db);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        ui::ScenarioPanel* p = w->scenarioPanel();
        QVERIFY(p->selectPreset(QStringLiteral("flash-sale")));
        auto* slate = p->findChild<QSpinBox*>(QStringLiteral("$.slate_size"));
        slate->setValue(slate->value() + 1);

        answerSoon(QStringLiteral("unsavedScenario"), QMessageBox::Cancel);
        QVERIFY(!w->close()); // Cancel keeps the window and the edits
        QVERIFY(w->isVisible());
        QVERIFY(p->isModified());

        // Save writes the file through the save dialog and then quits; the next start
        // opens that file, with the limit and the strategies.
        const QString file = m_dir.filePath(QStringLiteral("kept.json"));
        p->setEventLimit(12345);
        w->strategyPanel()->setCores({QStringLiteral("popularity"), QStringLiteral("random")});
        answerSoon(QStringLiteral("unsavedScenario"), QMessageBox::Save, [file] {
            QTimer::singleShot(100, [file] {
                auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                // The name box holds the proposed "flash-sale.json": type the path there.
                auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
                QVERIFY(name);
                name->setText(file);
                QMetaObject::invokeMethod(dialog, "accept");
            });
        });
        QVERIFY(w->close());
        QVERIFY(QFileInfo::exists(file));
        const int slateSize = slate->value();
        w.reset();

        w = std::make_unique<ui::MainWindow>(m_registry, db);
        QCOMPARE(w->scenarioPanel()->source(), file);
        QCOMPARE(w->scenarioPanel()->scenario().value().slateSize, slateSize);
        QVERIFY(!w->scenarioPanel()->isModified());
        QCOMPARE(w->scenarioPanel()->eventLimit(), 12345u);
        QCOMPARE(w->strategyPanel()->coreIds(),
                 QStringList({QStringLiteral("popularity"), QStringLiteral("random")}));

        // Discard forgets the edits: the next start shows the file as saved.
        auto* s2 = w->scenarioPanel()->findChild<QSpinBox*>(QStringLiteral("$.slate_size"));
        s2->setValue(s2->value() + 3);
        answerSoon(QStringLiteral("unsavedScenario"), QMessageBox::Discard);
        QVERIFY(w->close());
        w.reset();
        w = std::make_unique<ui::MainWindow>(m_registry, db);
        QCOMPARE(w->scenarioPanel()->scenario().value().slateSize, slateSize);
        QVERIFY(!w->scenarioPanel()->isModified());
        QVERIFY(w->close()); // nothing to ask
    }

    void runCutShortWarns() {
        // 3,000 events of flash-sale end before its day-2 sale: the status bar says so.
        ui::MainWindow w(m_registry, m_dir.filePath(QStringLiteral("warn.db")));
        w.show();
        QVERIFY(w.scenarioPanel()->selectPreset(QStringLiteral("flash-sale")));
        w.scenarioPanel()->setEventLimit(3000);
        w.strategyPanel()->setCores({QStringLiteral("popularity")});
        QVERIFY(w.startRun());
        QTRY_VERIFY_WITH_TIMEOUT(
            w.statusBar()->currentMessage().contains(QStringLiteral("Warning: the run stopped")),
            60000);
        QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("promotion at day 2.38")));
        // Worded by the workbench in its own language (timeline_markers.cpp), the same entries
        // and digits as the CLI's warning.
        QVERIFY(w.statusBar()->currentMessage().contains(
            QStringLiteral("the \"Stop after\" limit of 3000 events")));
        QVERIFY(w.close());
    }

private:
    core::RecommenderRegistry m_registry;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestScenarioSession)
#include "tst_scenario_session.moc"
