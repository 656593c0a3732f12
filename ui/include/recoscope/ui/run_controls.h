#pragma once
// RunControls: the run toolbar (Start, Pause, Resume, Stop, Step, speed) and the status
// bar widgets (progress, simulated time, ETA). Follows RunController's state; Start is
// only a request, because the window composes the arena from the scenario and strategy
// panels.

#include "recoscope/ui/run_controller.h"

#include <QToolBar>

class QAction;
class QComboBox;
class QLabel;
class QProgressBar;

namespace recoscope::ui {

class RunControls : public QToolBar {
    Q_OBJECT
public:
    RunControls(RunController& controller, QWidget* parent = nullptr);

    QAction* startAction() const { return m_start; }
    QAction* pauseAction() const { return m_pause; }
    QAction* resumeAction() const { return m_resume; }
    QAction* stopAction() const { return m_stop; }
    QAction* stepAction() const { return m_step; }
    QAction* stepBackAction() const { return m_stepBack; }
    /// The status bar's clock: "Simulated: day D, HH:MM · N events".
    QLabel* clockLabel() const { return m_time; }
    QComboBox* speedBox() const { return m_speed; }
    /// Widgets for the status bar (owned by the caller once added).
    QList<QWidget*> statusWidgets() const;
    /// Selects a speed entry by simulated seconds per second (0 = as fast as possible).
    void setSpeed(double simSecondsPerSecond);

signals:
    void startRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateState();
    void updateProgress();

    RunController& m_controller;
    QAction* m_start = nullptr;
    QAction* m_pause = nullptr;
    QAction* m_resume = nullptr;
    QAction* m_stop = nullptr;
    QAction* m_step = nullptr;
    QAction* m_stepBack = nullptr;
    QLabel* m_speedLabel = nullptr;
    QComboBox* m_speed = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_time = nullptr;
    QLabel* m_eta = nullptr;
    QLabel* m_state = nullptr;
};

} // namespace recoscope::ui
