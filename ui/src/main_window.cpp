#include "recoscope/ui/main_window.h"

#include "timeline_markers.h"

#include "recoscope/core/registry.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/ui/help_window.h"
#include "recoscope/ui/item_inspector_panel.h"
#include "recoscope/ui/language_manager.h"
#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/log_source_panel.h"
#include "recoscope/ui/plugin_manager.h"
#include "recoscope/ui/presentation_mode.h"
#include "recoscope/ui/privacy_curve_window.h"
#include "recoscope/ui/recommender_list_model.h"
#include "recoscope/ui/run_controller.h"
#include "recoscope/ui/run_controls.h"
#include "recoscope/ui/run_history_model.h"
#include "recoscope/ui/run_history_panel.h"
#include "recoscope/ui/scenario_panel.h"
#include "recoscope/ui/shopper_inspector_panel.h"
#include "recoscope/ui/shortcuts_dialog.h"
#include "recoscope/ui/strategy_panel.h"
#include "recoscope/ui/teaching_panel.h"

#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QStyle>
#include <QWhatsThis>

namespace recoscope::ui {

MainWindow::MainWindow(const core::RecommenderRegistry& registry, const QString& dbPath,
                       QWidget* parent)
    : QMainWindow(parent), m_registry(registry), m_dbPath(dbPath) {
    setObjectName(QStringLiteral("mainWindow"));
    m_presentationMode = new PresentationMode(this);
    m_controller = new RunController(registry, this);
    m_language = new LanguageManager(this);

    m_charts = new LiveChartsPanel(this);
    setCentralWidget(m_charts);
    m_scenario = new ScenarioPanel(this);
    m_strategy = new StrategyPanel(registry, this);
    m_history = new RunHistoryPanel(dbPath, this, &registry);
    m_shopper = new ShopperInspectorPanel(*m_controller, this);
    m_item = new ItemInspectorPanel(*m_controller, this);
    m_teaching = new TeachingPanel(*m_controller, this);
    m_logs = new LogSourcePanel(*m_controller, dbPath, this);
    m_controls = new RunControls(*m_controller, this);
    addToolBar(Qt::TopToolBarArea, m_controls);
    for (QWidget* w : m_controls->statusWidgets())
        statusBar()->addPermanentWidget(w);

    QDockWidget* scenarioDock =
        addPanel(m_scenario, QStringLiteral("scenarioDock"), Qt::LeftDockWidgetArea);
    QDockWidget* strategyDock =
        addPanel(m_strategy, QStringLiteral("strategyDock"), Qt::LeftDockWidgetArea);
    addPanel(m_history, QStringLiteral("historyDock"), Qt::BottomDockWidgetArea);
    QDockWidget* shopperDock =
        addPanel(m_shopper, QStringLiteral("shopperDock"), Qt::RightDockWidgetArea);
    QDockWidget* itemDock = addPanel(m_item, QStringLiteral("itemDock"), Qt::RightDockWidgetArea);
    QDockWidget* teachingDock =
        addPanel(m_teaching, QStringLiteral("teachingDock"), Qt::RightDockWidgetArea);
    QDockWidget* logsDock = addPanel(m_logs, QStringLiteral("logsDock"), Qt::LeftDockWidgetArea);
    tabifyDockWidget(scenarioDock, strategyDock);
    tabifyDockWidget(strategyDock, logsDock);
    tabifyDockWidget(shopperDock, itemDock);
    tabifyDockWidget(itemDock, teachingDock);
    strategyDock->raise();
    shopperDock->raise();
    resizeDocks({strategyDock, shopperDock}, {340, 360}, Qt::Horizontal);
    // The history asks for a dozen rows (the dock's title bar on top of the panel); the
    // charts' minimum height may leave fewer: tst_run_history checks >= 10 at the default
    // window size.
    resizeDocks({m_docks[2]},
                {m_history->heightForRows(12) + style()->pixelMetric(QStyle::PM_TitleBarHeight)},
                Qt::Vertical);

    connect(m_controls, &RunControls::startRequested, this, [this] { startRun(); });
    // While the engine runs the dashboard redraws a unit at a time (the event loop stays
    // responsive); paused or finished, at once, so the last frame is complete.
    connect(m_controller, &RunController::refreshed, this, [this] {
        if (m_controller->state() == RunController::State::Running)
            m_charts->scheduleStore(m_controller->series());
        else
            m_charts->showStore(m_controller->series());
    });
    connect(m_controller, &RunController::runStarted, m_history, &RunHistoryPanel::reload);
    connect(m_controller, &RunController::runEnded, this,
            [this](const QList<qint64>&, bool cancelled) {
                const QString done = cancelled ? tr("Run stopped; it is in the run history.")
                                               : tr("Run finished; it is in the run history.");
                // A "Stop after" limit that ended the run before a promotion or launch:
                // the comparison is not the one the scenario describes. Said until the
                // next message, not for 8 seconds.
                const QString missed =
                    cancelled || m_controller->isReplay()
                        ? QString()
                        : limitedRunText(m_runScenario, m_runLimits.maxEvents,
                                         m_controller->simTime() / core::kSecondsPerDay);
                if (missed.isEmpty())
                    statusBar()->showMessage(done, 8000);
                else
                    statusBar()->showMessage(
                        done + QLatin1Char(' ') +
                        tr("Warning: %1. Raise \"Stop after\" (0 runs the whole scenario) to "
                           "reach them.")
                            .arg(missed));
                m_history->reload();
            });
    connect(m_controller, &RunController::coreStopped, this,
            [this](int index, const QString& coreId, const QString& message) {
                // Not modal: the other cores keep running and charting behind it.
                const QString text =
                    tr("Core %1 (%2) was stopped; the other cores go on and its run is stored "
                       "as failed.")
                        .arg(index + 1)
                        .arg(coreId);
                statusBar()->showMessage(text);
                auto* box = new QMessageBox(QMessageBox::Warning, tr("Core stopped"), text,
                                            QMessageBox::Ok, this);
                box->setObjectName(QStringLiteral("coreStoppedBox"));
                box->setInformativeText(message);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            });
    connect(m_controller, &RunController::runFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Run failed: %1").arg(message));
        m_history->reload();
    });
    connect(m_teaching, &TeachingPanel::teachingModeRequested, this,
            &MainWindow::enterTeachingMode);
    connect(m_teaching, &TeachingPanel::largeFontsRequested, this,
            &MainWindow::setPresentationMode);
    connect(m_history, &RunHistoryPanel::statusMessage, this,
            [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    connect(m_scenario, &ScenarioPanel::saved, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Scenario saved to %1").arg(path), 8000);
    });
    connect(m_logs, &LogSourcePanel::statusMessage, this,
            [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    connect(m_logs, &LogSourcePanel::replayRequested, this, [this] { startReplay(); });

    createMenus();
    retranslateUi();
    restoreSettings();
    statusBar()->showMessage(
        tr("Ready: press Start (Ctrl+R) to run the scenario with the chosen cores."), 15000);
    if (const auto& gone = m_history->model()->interruptedOnOpen(); !gone.empty())
        statusBar()->showMessage(
            tr("%n earlier run(s) ended without finishing (the process was killed); the run "
               "history marks them interrupted.",
               nullptr, static_cast<int>(gone.size())),
            15000);
}

MainWindow::~MainWindow() = default;

PrivacyCurveWindow* MainWindow::openPrivacyCurve() {
    core::Result<sim::Scenario> s = m_scenario->scenario();
    if (!s) {
        QMessageBox::warning(
            this, tr("Privacy curve"),
            tr("The scenario is not valid: %1").arg(QString::fromStdString(s.error())));
        return nullptr;
    }
    auto* w = new PrivacyCurveWindow(m_registry, s.value(), this);
    w->show();
    return w;
}

QDockWidget* MainWindow::addPanel(QWidget* panel, const QString& objectName,
                                  Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(this);
    dock->setObjectName(objectName);
    dock->setWidget(panel);
    addDockWidget(area, dock);
    m_docks << dock;
    return dock;
}

void MainWindow::createMenus() {
    m_fileMenu = menuBar()->addMenu(QString());
    m_openScenario = m_fileMenu->addAction(QString(), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), QString(),
                                                          tr("Scenario files (*.json)"));
        if (!path.isEmpty())
            (void)m_scenario->openFile(path);
    });
    m_openScenario->setShortcut(QKeySequence::Open);
    m_saveScenario = m_fileMenu->addAction(QString(), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save scenario as"), QString(),
                                                          tr("Scenario files (*.json)"));
        if (!path.isEmpty())
            m_scenario->saveAs(path);
    });
    // Explicitly: QKeySequence::SaveAs is empty on some desktops (KDE, Windows).
    m_saveScenario->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_fileMenu->addSeparator();
    m_loadPlugin = m_fileMenu->addAction(QString(), this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Load plugin"), PluginManager::pluginFolder(),
                                         tr("Plugin libraries (*.so *.dylib *.dll)"));
        if (!path.isEmpty() && m_plugins)
            m_plugins->load(path);
    });
    m_loadPlugin->setObjectName(QStringLiteral("actionLoadPlugin"));
    m_loadPlugin->setEnabled(false); // until setPluginManager()
    m_fileMenu->addSeparator();
    m_quit = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quit->setShortcut(QKeySequence::Quit);

    m_runMenu = menuBar()->addMenu(QString());
    m_runMenu->addAction(m_controls->startAction());
    m_runMenu->addAction(m_controls->pauseAction());
    m_runMenu->addAction(m_controls->resumeAction());
    m_runMenu->addAction(m_controls->stopAction());
    m_runMenu->addAction(m_controls->stepAction());
    m_runMenu->addSeparator();
    m_teachingMode = m_runMenu->addAction(QString(), this, &MainWindow::enterTeachingMode);
    m_teachingMode->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_privacyCurve = m_runMenu->addAction(QString(), this, &MainWindow::openPrivacyCurve);
    m_privacyCurve->setObjectName(QStringLiteral("actionPrivacyCurve"));

    m_viewMenu = menuBar()->addMenu(QString());
    for (QDockWidget* d : std::as_const(m_docks))
        m_viewMenu->addAction(d->toggleViewAction());
    m_viewMenu->addAction(m_controls->toggleViewAction());
    m_viewMenu->addSeparator();
    m_presentation = m_viewMenu->addAction(QString());
    m_presentation->setObjectName(QStringLiteral("actionPresentationMode"));
    m_presentation->setCheckable(true);
    m_presentation->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Plus));
    connect(m_presentation, &QAction::toggled, this, &MainWindow::setPresentationMode);

    m_settingsMenu = menuBar()->addMenu(QString());
    m_languageMenu = m_settingsMenu->addMenu(QString());
    auto* group = new QActionGroup(this);
    m_english = m_languageMenu->addAction(QStringLiteral("English"));
    m_chinese = m_languageMenu->addAction(QStringLiteral("简体中文"));
    for (QAction* a : {m_english, m_chinese}) {
        a->setCheckable(true);
        group->addAction(a);
    }
    m_english->setChecked(true);
    connect(m_english, &QAction::triggered, this, [this] { setLanguage(QStringLiteral("en")); });
    connect(m_chinese, &QAction::triggered, this, [this] { setLanguage(QStringLiteral("zh_CN")); });

    m_helpMenu = menuBar()->addMenu(QString());
    m_userGuide = m_helpMenu->addAction(QString(), this, [this] { showHelp(); });
    m_userGuide->setShortcut(QKeySequence::HelpContents);
    m_shortcuts = m_helpMenu->addAction(QString(), this, [this] {
        ShortcutsDialog d(this, this);
        d.exec();
    });
    m_whatsThis = QWhatsThis::createAction(this);
    m_helpMenu->addAction(m_whatsThis);
    m_helpMenu->addSeparator();
    m_about = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi() {
    setWindowTitle(tr("Recoscope — recommendation workbench"));
    const QStringList titles = {tr("Scenario"),          tr("Strategies"),     tr("Run history"),
                                tr("Shopper inspector"), tr("Item inspector"), tr("Teaching"),
                                tr("Real logs")};
    for (int i = 0; i < m_docks.size() && i < titles.size(); ++i)
        m_docks[i]->setWindowTitle(titles[i]);
    m_fileMenu->setTitle(tr("&File"));
    m_openScenario->setText(tr("&Open scenario…"));
    m_saveScenario->setText(tr("Save scenario &as…"));
    m_loadPlugin->setText(tr("Load &plugin…"));
    m_loadPlugin->setToolTip(tr("Add the recommender cores of a plugin library (a .so file "
                                "built against Recoscope) to the strategy panel"));
    m_quit->setText(tr("&Quit"));
    m_runMenu->setTitle(tr("&Run"));
    m_teachingMode->setText(tr("&Teaching mode"));
    m_teachingMode->setToolTip(tr("Open the tiny teaching scenario, paused, and step through it"));
    m_privacyCurve->setText(tr("&Privacy curve…"));
    m_privacyCurve->setToolTip(
        tr("CTR against the differential-privacy budget for several cores, on this scenario"));
    m_viewMenu->setTitle(tr("&View"));
    m_presentation->setText(tr("&Presentation mode (projector)"));
    m_presentation->setToolTip(tr("Larger text, charts and icons for a projector; the panels "
                                  "share one tabbed column beside the dashboard"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_about->setText(tr("&About Recoscope"));
    m_userGuide->setText(tr("&User guide"));
    m_shortcuts->setText(tr("&Keyboard shortcuts"));
    m_whatsThis->setText(tr("&What's this?"));
}

void MainWindow::enterTeachingMode() {
    if (!m_scenario->selectPreset(QStringLiteral("teaching-small")))
        statusBar()->showMessage(tr("The teaching-small scenario is not available."));
    for (QDockWidget* d : std::as_const(m_docks))
        if (d->widget() == m_teaching) {
            d->show();
            d->raise();
            // The slate with its explanations needs room; the charts matter less here.
            resizeDocks({d}, {width() * 2 / 5}, Qt::Horizontal);
        }
    startRun(true);
}

void MainWindow::setPresentationMode(bool on) {
    m_presentationMode->setOn(on);
    if (m_presentation->isChecked() != on)
        m_presentation->setChecked(on);
    m_teaching->setPresentationChecked(on);
}

bool MainWindow::presentationMode() const {
    return m_presentationMode->isOn();
}

void MainWindow::setLanguage(const QString& code) {
    if (!m_language->setLanguage(code))
        statusBar()->showMessage(tr("The %1 translation is missing.").arg(code));
    (m_language->language() == QLatin1String("zh_CN") ? m_chinese : m_english)->setChecked(true);
}

HelpWindow* MainWindow::showHelp(const QString& section) {
    if (!m_help)
        m_help = new HelpWindow(this);
    m_help->show();
    m_help->raise();
    if (!section.isEmpty())
        m_help->showSection(section);
    return m_help;
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About Recoscope"),
        tr("<h3>Recoscope %1</h3><p>A workbench for real-time e-commerce "
           "recommendation: synthetic shoppers, swappable recommender cores, "
           "live metrics.</p><p>%2</p><p>%n recommender core(s) registered.</p>",
           nullptr, static_cast<int>(m_registry.ids().size()))
            .arg(QStringLiteral(RECOSCOPE_VERSION), sim::buildVersion().toHtmlEscaped()));
}

} // namespace recoscope::ui
