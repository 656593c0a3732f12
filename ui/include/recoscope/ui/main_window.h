#pragma once
// MainWindow: composes the workbench. It owns the RunController, the actions and the
// panels (scenario, strategy, real logs, dashboard, history, inspectors, teaching) as
// dockable widgets whose layout is remembered between sessions. Panels talk to the
// controller and to models, not to each other; the window only turns "Start" into an
// ArenaSpec and "Replay" into a LogReplayJob.

#include "recoscope/sim/engine.h"
#include "recoscope/sim/scenario.h"

#include <QMainWindow>
#include <QPointer>

class QMessageBox;
class QSettings;

namespace recoscope::core {
class RecommenderRegistry;
}

namespace recoscope::ui {

class HelpWindow;
class ItemInspectorPanel;
class LanguageManager;
class LiveChartsPanel;
class PresentationMode;
class PrivacyCurveWindow;
class LogSourcePanel;
class PluginManager;
class RunControls;
class RunController;
class RunHistoryPanel;
class ScenarioPanel;
class ShopperInspectorPanel;
class StrategyPanel;
class TeachingPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// `dbPath`: the run store (created when missing). The registry must outlive the
    /// window.
    MainWindow(const core::RecommenderRegistry& registry, const QString& dbPath,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Starts a run from the scenario and strategy panels; false (and a message in the
    /// status bar) when the scenario does not validate.
    bool startRun(bool paused = false);
    /// Replays the log selected in the Logs panel with the strategy panel's cores; false
    /// (and a message) when no log is selected or no event kind is scored.
    bool startReplay();
    /// Teaching mode: teaching-small, paused at the first event, teaching panel raised.
    void enterTeachingMode();
    /// Run > Privacy curve…: CTR against epsilon on the editor's scenario
    /// (PrivacyCurveWindow); null, with a message, when the scenario is not valid.
    PrivacyCurveWindow* openPrivacyCurve();
    /// Opens the bundled user guide (Help > User guide, F1), at `section` when given.
    HelpWindow* showHelp(const QString& section = {});
    /// Presentation mode (View > Presentation mode, Ctrl++): larger fonts, charts and
    /// icons, panels in one tabbed column; see PresentationMode. Remembered across starts.
    void setPresentationMode(bool on);
    bool presentationMode() const;
    /// "en" or "zh_CN".
    void setLanguage(const QString& code);
    /// Enables File > Load plugin… with this manager (it must outlive the window): the
    /// cores it loads join the strategy panel; its load failures, those of the start-up
    /// scan included, are shown in a box that does not block (object name
    /// "pluginErrorBox"), the workbench running on.
    void setPluginManager(PluginManager* plugins);

    RunController& controller() const { return *m_controller; }
    ScenarioPanel* scenarioPanel() const { return m_scenario; }
    StrategyPanel* strategyPanel() const { return m_strategy; }
    LiveChartsPanel* liveCharts() const { return m_charts; }
    RunHistoryPanel* historyPanel() const { return m_history; }
    ShopperInspectorPanel* shopperInspector() const { return m_shopper; }
    ItemInspectorPanel* itemInspector() const { return m_item; }
    TeachingPanel* teachingPanel() const { return m_teaching; }
    LogSourcePanel* logPanel() const { return m_logs; }
    RunControls* runControls() const { return m_controls; }
    QString dbPath() const { return m_dbPath; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createMenus();
    void retranslateUi();
    void restoreSettings();
    void saveSettings() const;
    /// Restores the scenario's source, its text (edits kept at the last quit) and limit.
    void restoreScenario(const QSettings& s);
    /// Shows why a run cannot start beyond the status bar (a box that does not block).
    void refuseStart(const QString& firstError);
    /// Asks about unsaved scenario edits: false when the user cancels (or the save fails).
    bool confirmDiscard();
    QDockWidget* addPanel(QWidget* panel, const QString& objectName, Qt::DockWidgetArea area);
    void showAbout();
    void showPluginErrors(const QStringList& messages);

    const core::RecommenderRegistry& m_registry;
    QString m_dbPath;
    RunController* m_controller = nullptr;
    LanguageManager* m_language = nullptr;
    ScenarioPanel* m_scenario = nullptr;
    StrategyPanel* m_strategy = nullptr;
    LiveChartsPanel* m_charts = nullptr;
    RunHistoryPanel* m_history = nullptr;
    ShopperInspectorPanel* m_shopper = nullptr;
    ItemInspectorPanel* m_item = nullptr;
    TeachingPanel* m_teaching = nullptr;
    LogSourcePanel* m_logs = nullptr;
    RunControls* m_controls = nullptr;
    QList<QDockWidget*> m_docks;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_runMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_settingsMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    PluginManager* m_plugins = nullptr;
    QPointer<QMessageBox> m_pluginErrors;
    QAction* m_loadPlugin = nullptr;
    QAction* m_openScenario = nullptr;
    QAction* m_saveScenario = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_teachingMode = nullptr;
    QAction* m_privacyCurve = nullptr;
    QAction* m_presentation = nullptr;
    QAction* m_english = nullptr;
    QAction* m_chinese = nullptr;
    QAction* m_about = nullptr;
    QAction* m_userGuide = nullptr;
    QAction* m_shortcuts = nullptr;
    QAction* m_whatsThis = nullptr;
    HelpWindow* m_help = nullptr;
    PresentationMode* m_presentationMode = nullptr;
    bool m_discardEdits = false;
    sim::Scenario m_runScenario; ///< of the last run started: its end is checked
    sim::RunLimits m_runLimits;  ///< against the timeline (limitedRunWarning)
};

} // namespace recoscope::ui
