#pragma once
// LogSourcePanel: imported real logs as a source instead of a scenario. Lists the logs of
// the run store, imports a file in one of the public formats in the background (with
// progress and cancel), and holds the replay settings (k, the event kinds scored,
// exclusions). "Replay" asks the window to replay the selected log with the cores chosen
// under Strategies; the run controller does the work off the GUI thread. GUI thread only.

#include "recoscope/sim/log_replay.h"

#include <QWidget>

#include <array>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace recoscope::ui {

class RunController;

class LogSourcePanel : public QWidget {
    Q_OBJECT
public:
    LogSourcePanel(RunController& controller, const QString& dbPath, QWidget* parent = nullptr);

    /// Re-reads the store's logs, keeping the selection when the log still exists.
    void reload();
    /// Name of the selected log; empty when none.
    QString selectedLog() const;
    bool selectLog(const QString& name);
    /// A replay spec of the selected log with the panel's settings (no core yet).
    sim::ReplaySpec replaySettings() const;
    /// Imports `path` in `format` (as the CLI names formats) under a free name derived
    /// from the file name; the list reloads and selects it when done.
    void importFile(const QString& path, const QString& format);

    QTableWidget* logsTable() const { return m_logs; }
    QPushButton* replayButton() const { return m_replay; }
    QSpinBox* kBox() const { return m_k; }

signals:
    void replayRequested();
    void statusMessage(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void chooseFile();
    QString freeName(const QString& base) const;

    RunController& m_controller;
    QString m_dbPath;
    QStringList m_names;
    QLabel* m_intro = nullptr;
    QTableWidget* m_logs = nullptr;
    QComboBox* m_format = nullptr;
    QPushButton* m_import = nullptr;
    QPushButton* m_cancelImport = nullptr;
    QProgressBar* m_importProgress = nullptr;
    QPushButton* m_refresh = nullptr;
    QLabel* m_kLabel = nullptr;
    QSpinBox* m_k = nullptr;
    QLabel* m_targetsLabel = nullptr;
    std::array<QCheckBox*, 7> m_targets{};
    QCheckBox* m_excludeSeen = nullptr;
    QCheckBox* m_includeUnseen = nullptr;
    QPushButton* m_replay = nullptr;
};

} // namespace recoscope::ui
