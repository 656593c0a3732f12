// The scenario form is built from the scenario field table: every numeric editor offers
// exactly the table's range (narrowed only to what its decimals can show), with the
// table's decimals and help; validation marks the editor at the issue's path and shows
// the issues reworded from their structure (English identical to the validator's lines,
// Chinese when the zh_CN catalogue is installed).

#include "recoscope/sim/scenario_fields.h"
#include "recoscope/ui/scenario_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

#include <cmath>

using namespace recoscope;
using Type = sim::ScenarioField::Type;

class TestScenarioForm : public QObject {
    Q_OBJECT

private slots:
    // The links above the form (ScenarioSectionBar): one per section, in the form's order,
    // each bringing its group to the top of the view. Mutation seen failing:
    // ScenarioSectionBar::showSection without the scroll (the privacy group stays below).
    void sectionLinksReachEveryGroup() {
        ui::ScenarioPanel panel;
        panel.resize(520, 640);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.selectPreset(QStringLiteral("default")));
        QStringList groups{QStringLiteral("section:run")};
        for (const sim::ScenarioField& f : sim::scenarioFields())
            if (f.type == Type::Object)
                groups << QStringLiteral("section:") + f.jsonPath();
        QVERIFY(groups.contains(QStringLiteral("section:$.privacy")));
        QVERIFY(groups.contains(QStringLiteral("section:$.onboarding")));
        auto* scroll = panel.findChild<QScrollArea*>();
        QVERIFY(scroll);
        auto top = [&](QWidget* w) { return w->mapTo(scroll->viewport(), QPoint(0, 0)).y(); };
        for (const QString& name : groups) {
            auto* box = panel.findChild<QGroupBox*>(name);
            auto* link = panel.findChild<QToolButton*>(QStringLiteral("link:") + name);
            QVERIFY2(box && link, qPrintable(name));
            QCOMPARE(link->text(), box->title());
            QTRY_VERIFY2(link->isVisible(), qPrintable(name)); // shown by the layout, queued
        }
        auto* privacy = panel.findChild<QGroupBox*>(QStringLiteral("section:$.privacy"));
        QVERIFY(top(privacy) > scroll->viewport()->height()); // below the view at first
        QTest::mouseClick(panel.findChild<QToolButton*>(QStringLiteral("link:section:$.privacy")),
                          Qt::LeftButton);
        QTRY_VERIFY(top(privacy) >= 0 && top(privacy) < scroll->viewport()->height() / 2);
        QTest::mouseClick(panel.findChild<QToolButton*>(QStringLiteral("link:section:run")),
                          Qt::LeftButton);
        auto* run = panel.findChild<QGroupBox*>(QStringLiteral("section:run"));
        QTRY_VERIFY(top(run) >= 0 && top(run) < scroll->viewport()->height() / 2);
        QVERIFY(top(privacy) > scroll->viewport()->height());
    }

    void editorsFollowTheTable() {
        ui::ScenarioPanel panel;
        QVERIFY(panel.selectPreset(QStringLiteral("default")));
        int numeric = 0;
        for (const sim::ScenarioField& f : sim::scenarioFields()) {
            if (!f.numeric() || !f.write)
                continue;
            auto* w = panel.findChild<QWidget*>(f.jsonPath());
            QVERIFY2(w, qPrintable(f.path));
            QVERIFY2(w->toolTip().contains(QString::fromUtf8(f.help)), qPrintable(f.path));
            double lo = 0, hi = 0;
            if (auto* sb = qobject_cast<QSpinBox*>(w)) {
                QCOMPARE(f.type, Type::Integer);
                lo = sb->minimum();
                hi = sb->maximum();
                // Whole numbers with closed bounds: exactly the table's range.
                QCOMPARE(lo, f.range.min);
                QCOMPARE(hi, f.range.max);
            } else if (auto* db = qobject_cast<QDoubleSpinBox*>(w)) {
                QCOMPARE(db->decimals(), f.decimals);
                lo = db->minimum();
                hi = db->maximum();
                // Within one shown unit of the table's bound, and never outside the range.
                const double unit = std::pow(10.0, -f.decimals);
                QVERIFY2(std::abs(lo - f.range.min) < unit, qPrintable(f.path));
                QVERIFY2(std::abs(hi - f.range.max) < unit, qPrintable(f.path));
            } else {
                QFAIL(qPrintable(f.path + QStringLiteral(": not a spin box")));
            }
            QVERIFY2(f.range.contains(lo) && f.range.contains(hi), qPrintable(f.path));
            ++numeric;
        }
        QVERIFY(numeric > 50);
        auto* examination = panel.findChild<QComboBox*>(QStringLiteral("$.behaviour.examination"));
        QVERIFY(examination);
        QCOMPARE(examination->count(),
                 sim::findScenarioField(QStringLiteral("behaviour.examination"))->choices.size());
        // The seed goes up to 2^53, beyond an int: the form still offers all of it.
        auto* seed = panel.findChild<QDoubleSpinBox*>(QStringLiteral("$.seed"));
        QVERIFY(seed);
        QCOMPARE(seed->maximum(), 9007199254740992.0);
    }

    void formEditsTheJson() {
        ui::ScenarioPanel panel;
        QVERIFY(panel.selectPreset(QStringLiteral("default")));
        auto* slate = panel.findChild<QSpinBox*>(QStringLiteral("$.slate_size"));
        QVERIFY(slate);
        slate->setValue(17);
        QVERIFY(panel.scenario());
        QCOMPARE(panel.scenario().value().slateSize, 17);
        // A choice shows its translated name; the file keeps the value (the item's data).
        auto* examination = panel.findChild<QComboBox*>(QStringLiteral("$.behaviour.examination"));
        QVERIFY(examination);
        examination->setCurrentIndex(examination->findData(QStringLiteral("cascade")));
        QVERIFY(panel.scenario());
        QCOMPARE(panel.scenario().value().behaviour.examination, QStringLiteral("cascade"));
    }

    void saveAddsJsonAndConfirms() {
        // Issue 14: a name typed without an extension gets .json, and the save is confirmed
        // (the window shows the signal's path in its status bar).
        QTemporaryDir dir;
        ui::ScenarioPanel panel;
        QVERIFY(panel.selectPreset(QStringLiteral("flash-sale")));
        QSignalSpy saved(&panel, &ui::ScenarioPanel::saved);
        QVERIFY(panel.saveAs(dir.filePath(QStringLiteral("my-shop"))));
        QCOMPARE(saved.count(), 1);
        const QString path = dir.filePath(QStringLiteral("my-shop.json"));
        QCOMPARE(saved.first().first().toString(), path);
        QVERIFY(QFile::exists(path));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("my-shop"))));
        ui::ScenarioPanel again;
        QVERIFY(again.openFile(path).ok());
        QCOMPARE(again.scenario().value().name, panel.scenario().value().name);
        // A name with an extension is kept as typed.
        QVERIFY(panel.saveAs(dir.filePath(QStringLiteral("copy.scenario"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("copy.scenario"))));
    }

    void issuesMarkTheirEditorAndAreReworded() {
        ui::ScenarioPanel panel;
        QVERIFY(panel.selectPreset(QStringLiteral("default")));
        panel.setJsonText(QStringLiteral(
            "{\"catalogue\": {\"items\": 5},\n \"behaviour\": {\"hourly\": [1, -1],"
            " \"examination\": \"eye\"},\n \"population\": {\"users\": \"many\"}, \"x\": 1}"));
        QVERIFY(!panel.scenario());
        auto* items = panel.findChild<QWidget*>(QStringLiteral("$.catalogue.items"));
        auto* slate = panel.findChild<QWidget*>(QStringLiteral("$.slate_size"));
        auto* errors = panel.findChild<QLabel*>(QStringLiteral("scenarioErrors"));
        QVERIFY(items && slate && errors);
        QVERIFY(!items->styleSheet().isEmpty());
        QVERIFY(slate->styleSheet().isEmpty());
        QVERIFY(items->toolTip().contains(QStringLiteral("[10, 2000000]")));
        // Without a translator the reworded lines are the validator's own.
        QCOMPARE(errors->text(), panel.validationText());
        QCOMPARE(panel.validationText().count(QLatin1Char('\n')), 4);

        QTranslator zh;
        QVERIFY(zh.load(QStringLiteral(":/i18n/recoscope_zh_CN.qm")));
        QCoreApplication::installTranslator(&zh);
        panel.setJsonText(QStringLiteral("{\"catalogue\": {\"items\": 5}}"));
        QVERIFY(errors->text() != panel.validationText());
        QVERIFY(errors->text().contains(QStringLiteral("$.catalogue.items")));
        QVERIFY(errors->text().contains(QStringLiteral("[10, 2000000]")));
        QVERIFY2(errors->text().contains(QStringLiteral("整数")), qPrintable(errors->text()));
        QCoreApplication::removeTranslator(&zh);
    }
};

QTEST_MAIN(TestScenarioForm)
#include "tst_scenario_form.moc"
