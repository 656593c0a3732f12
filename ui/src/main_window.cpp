#include "recoscope/ui/main_window.h"

#include "recoscope/core/registry.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/ui/item_inspector_panel.h"
#include "recoscope/ui/language_manager.h"
#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/log_source_panel.h"
#include "recoscope/ui/run_controller.h"
#include "recoscope/ui/run_controls.h"
#include "recoscope/ui/run_history_model.h"
#include "recoscope/ui/run_history_panel.h"
#include "recoscope/ui/scenario_panel.h"
#include "recoscope/ui/shopper_inspector_panel.h"
#include "recoscope/ui/strategy_panel.h"
#include "recoscope/ui/teaching_panel.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace recoscope::ui {

MainWindow::MainWindow(const core::RecommenderRegistry& registry, const QString& dbPath,
                       QWidget* parent)
    : QMainWindow(parent), m_registry(registry), m_dbPath(dbPath) {
    setObjectName(QStringLiteral("mainWindow"));
    m_baseFontSize = QApplication::font().pointSize();
    m_controller = new RunController(registry, this);
    m_language = new LanguageManager(this);

    m_charts = new LiveChartsPanel(this);
    setCentralWidget(m_charts);
    m_scenario = new ScenarioPanel(this);
    m_strategy = new StrategyPanel(registry, this);
    m_history = new RunHistoryPanel(dbPath, this);
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
    resizeDocks({m_docks[2]}, {190}, Qt::Vertical);

    connect(m_controls, &RunControls::startRequested, this, [this] { startRun(); });
    connect(m_controller, &RunController::refreshed, this,
            [this] { m_charts->showStore(m_controller->series()); });
    connect(m_controller, &RunController::runStarted, m_history, &RunHistoryPanel::reload);
    connect(m_controller, &RunController::runEnded, this,
            [this](const QList<qint64>&, bool cancelled) {
                statusBar()->showMessage(cancelled ? tr("Run stopped; it is in the run history.")
                                                   : tr("Run finished; it is in the run history."),
                                         8000);
                m_history->reload();
            });
    connect(m_controller, &RunController::runFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Run failed: %1").arg(message));
        m_history->reload();
    });
    connect(m_teaching, &TeachingPanel::teachingModeRequested, this,
            &MainWindow::enterTeachingMode);
    connect(m_teaching, &TeachingPanel::largeFontsRequested, this, &MainWindow::setLargeFonts);
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

    m_viewMenu = menuBar()->addMenu(QString());
    for (QDockWidget* d : std::as_const(m_docks))
        m_viewMenu->addAction(d->toggleViewAction());
    m_viewMenu->addAction(m_controls->toggleViewAction());
    m_viewMenu->addSeparator();
    m_largeFonts = m_viewMenu->addAction(QString());
    m_largeFonts->setCheckable(true);
    m_largeFonts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Plus));
    connect(m_largeFonts, &QAction::toggled, this, &MainWindow::setLargeFonts);

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
    m_quit->setText(tr("&Quit"));
    m_runMenu->setTitle(tr("&Run"));
    m_teachingMode->setText(tr("&Teaching mode"));
    m_teachingMode->setToolTip(tr("Open the tiny teaching scenario, paused, and step through it"));
    m_viewMenu->setTitle(tr("&View"));
    m_largeFonts->setText(tr("&Large fonts (projector)"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_about->setText(tr("&About Recoscope"));
}

bool MainWindow::startRun(bool paused) {
    auto scenario = m_scenario->scenario();
    if (!scenario) {
        statusBar()->showMessage(tr("The scenario has errors; see the Scenario panel."));
        return false;
    }
    sim::ArenaSpec spec;
    spec.scenario = scenario.value();
    spec.seed = spec.scenario.seed;
    spec.cores = m_strategy->cores();
    spec.limits.maxEvents = m_scenario->eventLimit();
    spec.dbPath = m_dbPath;
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

void MainWindow::setLargeFonts(bool on) {
    QFont f = QApplication::font();
    f.setPointSize(on ? m_baseFontSize * 3 / 2 : m_baseFontSize);
    QApplication::setFont(f);
    if (m_largeFonts->isChecked() != on)
        m_largeFonts->setChecked(on);
}

void MainWindow::setLanguage(const QString& code) {
    if (!m_language->setLanguage(code))
        statusBar()->showMessage(tr("The %1 translation is missing.").arg(code));
    (m_language->language() == QLatin1String("zh_CN") ? m_chinese : m_english)->setChecked(true);
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

void MainWindow::restoreSettings() {
    QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1500, 950);
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    const QStringList cores = s.value(QStringLiteral("run/cores")).toStringList();
    if (!cores.isEmpty())
        m_strategy->setCores(cores);
    m_controls->setSpeed(s.value(QStringLiteral("run/speed"), 0.0).toDouble());
    setLanguage(s.value(QStringLiteral("ui/language"), QStringLiteral("en")).toString());
    setLargeFonts(s.value(QStringLiteral("ui/largeFonts"), false).toBool());
}

void MainWindow::saveSettings() const {
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("run/cores"), m_strategy->coreIds());
    s.setValue(QStringLiteral("run/speed"), m_controller->speed());
    s.setValue(QStringLiteral("ui/language"), m_language->language());
    s.setValue(QStringLiteral("ui/largeFonts"), m_largeFonts->isChecked());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    m_controller->stop();
    event->accept();
}

} // namespace recoscope::ui
