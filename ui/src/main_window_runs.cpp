// MainWindow starting runs and replays, refusing a scenario with errors, keeping unsaved
// edits, and its settings across sessions. Kept apart from main_window.cpp, which composes
// the panels and menus.

#include "recoscope/ui/main_window.h"

#include "recoscope/sim/run_job.h"
#include "recoscope/ui/help_window.h"
#include "recoscope/ui/language_manager.h"
#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/log_source_panel.h"
#include "recoscope/ui/presentation_mode.h"
#include "recoscope/ui/run_controller.h"
#include "recoscope/ui/run_controls.h"
#include "recoscope/ui/scenario_panel.h"
#include "recoscope/ui/strategy_panel.h"
#include "recoscope/ui/teaching_panel.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace recoscope::ui {

bool MainWindow::startRun(bool paused) {
    auto scenario = m_scenario->scenario();
    if (!scenario) {
        refuseStart(QString::fromStdString(scenario.error()));
        return false;
    }
    sim::ArenaSpec spec;
    spec.scenario = scenario.value();
    spec.seed = spec.scenario.seed;
    spec.cores = m_strategy->cores();
    spec.limits.maxEvents = m_scenario->eventLimit();
    spec.limits.latencyBudgetUs = m_strategy->latencyBudgetUs();
    spec.threads = m_strategy->engineThreads();
    spec.dbPath = m_dbPath;
    m_runScenario = spec.scenario;
    m_runLimits = spec.limits;
    m_charts->invalidate();
    m_charts->setTimeline(spec.scenario.timeline);
    m_controller->start(spec, paused);
    m_charts->showStore(m_controller->series());
    statusBar()->showMessage(
        tr("Running %1 with %n core(s)", nullptr, static_cast<int>(spec.cores.size()))
            .arg(spec.scenario.name),
        5000);
    return true;
}

bool MainWindow::startReplay() {
    sim::ReplaySpec settings = m_logs->replaySettings();
    if (settings.log.isEmpty()) {
        statusBar()->showMessage(tr("Select an imported log in the Real logs panel first."));
        return false;
    }
    if (settings.targets.empty()) {
        statusBar()->showMessage(tr("Choose at least one kind of event to score."));
        return false;
    }
    sim::LogReplayJob job;
    job.dbPath = m_dbPath;
    for (const sim::ArenaSpec::Core& c : m_strategy->cores()) {
        sim::ReplaySpec spec = settings;
        spec.recommender = c.recommender;
        spec.params = c.params;
        job.specs.push_back(spec);
    }
    m_charts->invalidate();
    m_controller->startReplay(job);
    m_charts->showStore(m_controller->series());
    statusBar()->showMessage(
        tr("Replaying log '%1' with %n core(s)", nullptr, static_cast<int>(job.specs.size()))
            .arg(settings.log),
        5000);
    return true;
}

void MainWindow::refuseStart(const QString& firstError) {
    // A status-bar line is easy to miss: bring the Scenario panel forward, where the
    // offending fields are framed in red, and say so in a box that does not block.
    statusBar()->showMessage(tr("The scenario has errors; see the Scenario panel."));
    for (QDockWidget* d : std::as_const(m_docks))
        if (d->widget() == m_scenario) {
            d->show();
            d->raise();
        }
    const QString all = m_scenario->validationText();
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot start"),
                                tr("The run cannot start: the scenario has errors. They are "
                                   "marked in the Scenario panel."),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("startRefused"));
    box->setDetailedText(all.isEmpty() ? firstError : all);
    box->setInformativeText(firstError);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

bool MainWindow::confirmDiscard() {
    if (!m_scenario->isModified())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Unsaved scenario"),
                    tr("The scenario has edits that are not saved to a file."),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("unsavedScenario"));
    box.setInformativeText(
        tr("Save them to reopen them later; Discard forgets them (the next start opens the "
           "scenario as last loaded or saved)."));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save: {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save scenario as"), m_scenario->presetName() + QStringLiteral(".json"),
            tr("Scenario files (*.json)"));
        return !path.isEmpty() && m_scenario->saveAs(path);
    }
    case QMessageBox::Discard:
        m_discardEdits = true;
        return true;
    default:
        return false;
    }
}

void MainWindow::restoreScenario(const QSettings& s) {
    const QString source = s.value(QStringLiteral("scenario/source")).toString();
    const QString builtin = QStringLiteral("builtin:");
    if (source.startsWith(builtin))
        m_scenario->selectPreset(source.mid(builtin.size()));
    else if (!source.isEmpty() && !m_scenario->openFile(source).ok())
        statusBar()->showMessage(tr("The last scenario, %1, could not be reopened.").arg(source));
    const QString text = s.value(QStringLiteral("scenario/json")).toString();
    if (!text.isEmpty() && text != m_scenario->jsonText())
        m_scenario->setJsonText(text);
    m_scenario->setEventLimit(s.value(QStringLiteral("scenario/eventLimit"), 0).toULongLong());
}

void MainWindow::restoreSettings() {
    QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1500, 950);
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    const QStringList cores = s.value(QStringLiteral("run/cores")).toStringList();
    if (!cores.isEmpty())
        m_strategy->setCores(cores);
    m_controls->setSpeed(s.value(QStringLiteral("run/speed"), 0.0).toDouble());
    m_strategy->setLatencyBudgetUs(s.value(QStringLiteral("run/latencyBudgetUs"), 0.0).toDouble());
    m_strategy->setEngineThreads(
        s.value(QStringLiteral("run/engineThreads"), StrategyPanel::defaultEngineThreads())
            .toInt());
    setLanguage(s.value(QStringLiteral("ui/language"), QStringLiteral("en")).toString());
    // The key predates the mode's name ("large fonts"); kept so that the choice survives.
    setPresentationMode(s.value(QStringLiteral("ui/largeFonts"), false).toBool());
    restoreScenario(s);
}

void MainWindow::saveSettings() const {
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), m_presentationMode->normalState());
    s.setValue(QStringLiteral("run/cores"), m_strategy->coreIds());
    s.setValue(QStringLiteral("run/speed"), m_controller->speed());
    s.setValue(QStringLiteral("run/latencyBudgetUs"), m_strategy->latencyBudgetUs());
    s.setValue(QStringLiteral("run/engineThreads"), m_strategy->engineThreads());
    s.setValue(QStringLiteral("ui/language"), m_language->language());
    s.setValue(QStringLiteral("ui/largeFonts"), presentationMode());
    // The scenario as it is (saved, or kept by answering the quit question), so that the
    // next start shows what was on screen; discarded edits are not kept.
    s.setValue(QStringLiteral("scenario/source"), m_scenario->source());
    s.setValue(QStringLiteral("scenario/json"),
               m_discardEdits ? QString() : m_scenario->jsonText());
    s.setValue(QStringLiteral("scenario/eventLimit"),
               QVariant::fromValue<qulonglong>(m_scenario->eventLimit()));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!confirmDiscard()) {
        event->ignore();
        return;
    }
    saveSettings();
    m_controller->stop();
    event->accept();
}

} // namespace recoscope::ui
