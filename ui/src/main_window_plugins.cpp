// MainWindow's part in plugins (docs/plugins.md): File > Load plugin…, the strategy
// panel's list of external cores, and the box that reports plugins that did not load.
// Kept apart from main_window.cpp, which composes the panels.

#include "recoscope/ui/main_window.h"

#include "recoscope/ui/plugin_manager.h"
#include "recoscope/ui/recommender_list_model.h"
#include "recoscope/ui/strategy_panel.h"

#include <QAction>
#include <QMessageBox>
#include <QStatusBar>

namespace recoscope::ui {

void MainWindow::setPluginManager(PluginManager* plugins) {
    m_plugins = plugins;
    m_loadPlugin->setEnabled(plugins != nullptr);
    if (!plugins)
        return;
    connect(plugins, &PluginManager::coresAdded, this, [this](const QStringList& ids) {
        m_strategy->recommenderModel()->appendNewEntries(m_plugins->origins());
        statusBar()->showMessage(
            tr("Plugin loaded: %n core(s) added (%1).", nullptr, static_cast<int>(ids.size()))
                .arg(ids.join(QStringLiteral(", "))),
            8000);
    });
    connect(plugins, &PluginManager::loadFailed, this,
            [this](const QString& message) { showPluginErrors({message}); });
    // Cores loaded before the window existed move under the external header; the slots
    // keep (or get back) the cores they had.
    const QStringList chosen = m_strategy->coreIds();
    m_strategy->recommenderModel()->setOrigins(plugins->origins());
    m_strategy->setCores(chosen);
    // Load plugin… stays enabled during runs and replays: every run is built from a
    // snapshot of the registry taken when it starts (RunController), so a plugin's cores
    // join the lists for the next run and never race the worker.
    if (!plugins->errors().isEmpty())
        showPluginErrors(plugins->errors());
}

void MainWindow::showPluginErrors(const QStringList& messages) {
    // Not modal: the workbench works on with the cores it has. Failures that arrive while
    // the box is open are added to it rather than stacking boxes.
    statusBar()->showMessage(
        tr("%n plugin(s) could not be loaded.", nullptr, static_cast<int>(messages.size())));
    if (!m_pluginErrors || !m_pluginErrors->isVisible()) { // a closed one is being deleted
        m_pluginErrors = new QMessageBox(QMessageBox::Warning, tr("Plugin not loaded"), QString(),
                                         QMessageBox::Ok, this);
        m_pluginErrors->setObjectName(QStringLiteral("pluginErrorBox"));
        m_pluginErrors->setAttribute(Qt::WA_DeleteOnClose);
        m_pluginErrors->setText(tr("A plugin could not be loaded, so its cores are missing "
                                   "from the lists; every other core works as before."));
    }
    QString details = m_pluginErrors->informativeText();
    for (const QString& m : messages)
        details += (details.isEmpty() ? QString() : QStringLiteral("\n\n")) + m;
    m_pluginErrors->setInformativeText(details);
    // show(), not open(): open() would make the box window-modal and block the workbench.
    m_pluginErrors->setWindowModality(Qt::NonModal);
    m_pluginErrors->show();
}

} // namespace recoscope::ui
